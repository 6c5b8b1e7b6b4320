// The two scenarios of the Dynamics 365 Sales MCP server documentation (src/scenarios, the same
// definitions bizmcp-conformance runs), end to end through one MCP client on one standard
// sandbox, with the Dataverse and Sales products registered side by side: the whole flow on both
// protocol eras, and the read-only subset on a read-only server.
import { runScenario, type Scenario } from '@bizmcp/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventAttendeesToOrder, webLeadToQuote } from '../src/scenarios/index.js'
import { approve, ERAS, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

async function run(scenario: Scenario, mode: 'full' | 'read-only', era: (typeof ERAS)[number], readOnly = false) {
  const { client, close } = await env.connect({ era, ...(mode === 'full' ? { onElicit: approve } : {}) }, { readOnly })
  try {
    const outcome = await runScenario(scenario, client, { mode })
    expect(outcome.status, outcome.detail).toBe('pass')
    return outcome
  } finally {
    await close()
  }
}

for (const era of ERAS) {
  describe(`scenarios (${era})`, () => {
    it('Scenario 1: event attendees → leads → summary and fit → outreach → qualify the responder → quote → order', async () => {
      const outcome = await run(eventAttendeesToOrder, 'full', era)
      expect(outcome.steps.map((s) => s.status)).toEqual(eventAttendeesToOrder.steps.map(() => 'pass'))
      expect(outcome.notes).toContain('fits: strong, strong, weak')
    })

    it('Scenario 2: a web lead asks for olive-oil packaging → found, summarized, products matched, quote created', async () => {
      await run(webLeadToQuote, 'full', era)
    })
  })
}

describe('the read-only subsets', () => {
  it('run on a read-only server, calling only read-only tools', async () => {
    for (const scenario of [eventAttendeesToOrder, webLeadToQuote]) {
      const outcome = await run(scenario, 'read-only', 'modern', true)
      expect(outcome.detail).toMatch(/^read-only subset/)
      expect(outcome.steps.every((s) => scenario.steps.find((d) => d.name === s.name)?.readOnly)).toBe(true)
    }
  })
})
