// The finance clerk's day (src/scenarios, the same definition bizmcp-conformance runs) through one
// MCP client on the sandbox: the whole flow in both protocol eras, then its read-only subset on a
// read-only server, which must leave the data as it was.
import { runScenario } from '@bizmcp/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { financeDay } from '../src/scenarios/index.js'
import { acceptConsent, ERAS, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

const count = async (entitySet: string) =>
  (
    await env.client.odata.queryAll(await env.client.odata.entity(entitySet), {
      company: { kind: 'cross-company' },
      maxRows: 50_000,
    })
  ).rows.length

for (const era of ERAS) {
  describe(`a finance clerk's day (${era})`, () => {
    it('runs the aging report, reads, creates a sales order and attaches the report to an invoice', async () => {
      const attachmentsBefore = await count('DocumentAttachments')
      const { client, close } = await env.connect({ era, onElicit: acceptConsent })
      const outcome = await runScenario(financeDay, client, { mode: 'full' })
      await close()
      expect(outcome.status, outcome.detail).toBe('pass')
      expect(outcome.steps).toHaveLength(financeDay.steps.length)
      // exactly one attachment more: the duplicate was refused before any write
      expect(await count('DocumentAttachments')).toBe(attachmentsBefore + 1)
    })
  })
}

it('runs the read-only subset on a read-only server and changes nothing', async () => {
  const before = await Promise.all(['SalesOrderHeadersV2', 'SalesOrderLines', 'DocumentAttachments'].map(count))
  const { client, close } = await env.connect({ era: 'modern' }, { readOnly: true })
  const outcome = await runScenario(financeDay, client, { mode: 'read-only' })
  await close()
  expect(outcome.status, outcome.detail).toBe('pass')
  expect(outcome.steps).toHaveLength(financeDay.steps.filter((step) => step.readOnly).length)
  expect(await Promise.all(['SalesOrderHeadersV2', 'SalesOrderLines', 'DocumentAttachments'].map(count))).toEqual(
    before,
  )
})
