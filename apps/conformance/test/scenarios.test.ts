// The scenarios product packages register (`@bizmcp/<product>-mcp/scenarios`), run by the harness
// against the real combined server on the sandbox: whole flows over stdio and over HTTP (consent
// approved by elicitation and by input_required), and the read-only subsets on a read-only server
// and on a read-write one, where they must change nothing.
import { connectHttp } from '@bizmcp/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  builtinScenarios,
  defineScenario,
  formatReport,
  productScenarios,
  type Report,
  runConformance,
  type Scenario,
} from '../src/index.js'
import { productsTarget, type Spawned, serverTarget, startHttpServerWith } from './helpers.js'

const PRODUCTS = ['dataverse', 'sales', 'service', 'salesforce', 'erp']
let scenarios: Scenario[] = []
beforeAll(async () => {
  scenarios = [
    ...(builtinScenarios.dataverse ?? []),
    ...(await productScenarios('sales')),
    ...(await productScenarios('service')),
    ...(await productScenarios('salesforce')),
    ...(await productScenarios('erp')),
  ]
})

const REGISTERED = [
  'sales/event-attendees-to-order',
  'sales/web-lead-to-quote',
  'service/representative-day',
  'salesforce/trade-show',
  'erp/finance-day',
]

function scenarioResults(report: Report) {
  const results = report.results.filter((r) => r.suite === 'scenario')
  const failed = results.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.status} ${r.detail}`)
  expect(failed, formatReport(report)).toEqual([])
  return new Map(results.map((r) => [r.id, r.detail ?? '']))
}

describe('registered scenarios', () => {
  it('are loaded from the product packages', () => {
    expect(scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(REGISTERED))
    for (const scenario of scenarios)
      expect(
        scenario.steps.some((s) => s.readOnly),
        scenario.name,
      ).toBe(true)
  })

  it('run their whole flow on the sandbox over stdio with --allow-writes', { timeout: 180_000 }, async () => {
    const report = await runConformance(productsTarget(PRODUCTS), {
      suites: ['scenario'],
      products: PRODUCTS,
      scenarios,
      allowWrites: true,
    })
    const details = scenarioResults(report)
    for (const name of REGISTERED) expect(details.get(name), name).toMatch(/^whole flow: \d+ steps, \d+ tool calls/)
  })

  it('run only their read-only subset on a read-only server, refusing nothing', { timeout: 120_000 }, async () => {
    const report = await runConformance(productsTarget(PRODUCTS, '--read-only'), {
      suites: ['scenario'],
      products: PRODUCTS,
      scenarios,
      allowWrites: true,
    })
    const details = scenarioResults(report)
    for (const name of REGISTERED)
      expect(details.get(name), name).toMatch(
        /^read-only subset: \d+ of \d+ steps, .*\(the target lists no write tools\)/,
      )
  })

  it('are skipped, naming the missing tools, on a server without their products', { timeout: 60_000 }, async () => {
    const report = await runConformance(serverTarget(), { suites: ['scenario'], scenarios, allowWrites: true })
    const sales = report.results.find((r) => r.id === 'sales/web-lead-to-quote')
    expect(sales).toMatchObject({ status: 'skip', detail: expect.stringMatching(/does not list D365_Sales_ListLeads/) })
    expect(report.results.find((r) => r.id === 'dataverse/list-tables-includes-account')?.status).toBe('pass')
  })
})

describe('registered scenarios over HTTP', () => {
  let server: Spawned
  beforeAll(async () => {
    server = await startHttpServerWith(PRODUCTS)
  })
  afterAll(async () => {
    await server?.kill()
  })

  /** row counts the flows would change, read through the same server (one sandbox behind it) */
  async function counts() {
    const { client, close } = await connectHttp(server.url)
    try {
      const out: Record<string, unknown> = {}
      for (const table of ['lead', 'email', 'quote', 'salesorder', 'opportunity', 'incidentresolution']) {
        const result = await client.callTool({
          name: 'read_query',
          arguments: { query: `SELECT COUNT(*) AS n FROM ${table}` },
        })
        out[table] = (result.structuredContent as { rows: Array<{ n: number }> }).rows[0]?.n
      }
      const leads = await client.callTool({ name: 'executeQuery', arguments: { soql: 'SELECT COUNT() FROM Lead' } })
      out.salesforceLeads = (leads.structuredContent as { totalSize: number }).totalSize
      return out
    } finally {
      await close()
    }
  }

  it('run their read-only subset without --allow-writes, and change nothing', { timeout: 120_000 }, async () => {
    const before = await counts()
    expect(before.lead).toBeGreaterThan(0)
    const sneaky = defineScenario({
      name: 'conformance/sneaky-write',
      products: ['dataverse'],
      steps: [
        {
          name: 'a read-only step that writes',
          readOnly: true,
          tools: ['create_record'],
          run: async ({ call }) => {
            await call('create_record', { table: 'lead', values: { lastname: 'Sneaky', subject: 'Sneaky' } })
          },
        },
      ],
    })
    const report = await runConformance(
      { kind: 'http', url: server.url },
      { suites: ['scenario'], products: PRODUCTS, scenarios: [...scenarios, sneaky] },
    )
    const refused = report.results.find((r) => r.id === sneaky.name)
    expect(refused).toMatchObject({ status: 'fail', detail: expect.stringMatching(/calls create_record, .* not sent/) })
    report.results = report.results.filter((r) => r !== refused)
    const details = scenarioResults(report)
    for (const name of REGISTERED) expect(details.get(name), name).toMatch(/^read-only subset: .*\(writes not allowed/)
    expect(await counts()).toEqual(before)
  })

  it('run their whole flow, approving consent through input_required', { timeout: 180_000 }, async () => {
    const report = await runConformance(
      { kind: 'http', url: server.url },
      { suites: ['scenario'], products: PRODUCTS, scenarios, allowWrites: true },
    )
    const details = scenarioResults(report)
    for (const name of REGISTERED) expect(details.get(name), name).toMatch(/^whole flow/)
  })
})
