// A service representative's day (src/scenarios, the same definition bizmcp-conformance runs)
// through one MCP client against the combined product set (Dataverse + Customer Service) on one
// standard sandbox: the whole flow on both protocol eras, and its read-only subset on a
// read-only server.

import { runScenario } from '@bizmcp/core/testing'
import { dataverseModule } from '@bizmcp/dataverse-mcp'
import { type DataverseTestEnv, startDataverseEnv } from '@bizmcp/dataverse-mcp/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serviceModule } from '../src/index.js'
import { representativeDay } from '../src/scenarios/index.js'
import { approve, ERAS } from './helpers.js'

let env: DataverseTestEnv
beforeAll(async () => {
  env = await startDataverseEnv([dataverseModule.product, serviceModule.product])
})
afterAll(() => env.close())

for (const era of ERAS) {
  describe(`a service representative's day (${era})`, () => {
    it('lists, enriches, gets suggestions, drafts and sends a reply, and resolves a case', async () => {
      const { client, close } = await env.connect({ era, onElicit: approve })
      const outcome = await runScenario(representativeDay, client, { mode: 'full' })
      await close()
      expect(outcome.status, outcome.detail).toBe('pass')
      expect(outcome.steps).toHaveLength(representativeDay.steps.length)
      // the case is really resolved, as the Dataverse client sees it
      const picked = outcome.notes.find((n) => n.startsWith('case '))?.slice(5)
      const { rows } = await env.client.query('incidents', {
        select: ['statecode', 'statuscode'],
        filter: `ticketnumber eq '${picked}'`,
      })
      expect(rows[0]).toMatchObject({ statecode: 1, statuscode: 5 })
    })
  })
}

it('runs the read-only subset on a read-only server', async () => {
  const { client, close } = await env.connect({ era: 'modern' }, { readOnly: true })
  const outcome = await runScenario(representativeDay, client, { mode: 'read-only' })
  await close()
  expect(outcome.status, outcome.detail).toBe('pass')
  expect(outcome.steps.map((s) => s.name)).toEqual([
    'list my open cases',
    'pick one that came in by email',
    'get suggestions to resolve it',
  ])
})
