// A trade show (src/scenarios, the same definition bizmcp-conformance runs), end to end through
// MCP: 60 leads imported in bulk, scored and updated in batches, the qualified ones converted
// (with consent), their opportunities moved through stages, the quarter's forecast generated and
// the pipeline report run. Both protocol eras, and the read-only subset on a read-only server.
import { runScenario } from '@bizmcp/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tradeShow } from '../src/scenarios/index.js'
import { acceptConsent, ERAS, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

for (const era of ERAS) {
  describe(`trade-show scenario (${era})`, () => {
    it('imports, scores, converts, advances, forecasts and reports', async () => {
      const { client, close } = await env.connect({ era, onElicit: acceptConsent })
      const outcome = await runScenario(tradeShow, client, { mode: 'full' })
      await close()
      expect(outcome.status, outcome.detail).toBe('pass')
      expect(outcome.steps.flatMap((s) => s.calls).filter((c) => c === 'convertLead')).toHaveLength(32)
    }, 60_000)
  })
}

it('runs the read-only subset on a read-only server', async () => {
  const { client, close } = await env.connect({ era: 'modern' }, { readOnly: true })
  const outcome = await runScenario(tradeShow, client, { mode: 'read-only' })
  await close()
  expect(outcome.status, outcome.detail).toBe('pass')
  expect(outcome.steps.map((s) => s.name)).toEqual([
    'find the hot leads',
    "read this quarter's forecast",
    'run the pipeline report',
  ])
})
