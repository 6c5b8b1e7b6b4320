// Example read-only scenarios for the Dataverse product (the official server's tool names), safe
// against a real environment: they only read standard tables every Dataverse org has.
import { defineScenario } from '../scenario.js'

export const listTablesIncludesAccount = defineScenario({
  name: 'dataverse/list-tables-includes-account',
  description: 'list_tables finds the standard account table',
  products: ['dataverse'],
  readOnly: true,
  tools: ['list_tables'],
  async run(client, assert) {
    const result = await client.callTool({ name: 'list_tables', arguments: { filter: 'account' } })
    const { tables } = assert.structured(result) as { tables: Array<{ name: string }> }
    assert.ok(Array.isArray(tables), 'list_tables returns a tables array')
    assert.includes(
      tables.map((t) => t.name),
      'account',
      'account is among the tables',
    )
  },
})

export const readQueryCountsOpenLeads = defineScenario({
  name: 'dataverse/read-query-counts-open-leads',
  description: 'read_query counts open leads with an aggregate',
  products: ['dataverse'],
  readOnly: true,
  tools: ['read_query'],
  async run(client, assert) {
    const result = await client.callTool({
      name: 'read_query',
      arguments: { query: 'SELECT COUNT(leadid) AS openleads FROM lead WHERE statecode = 0' },
    })
    const out = assert.structured(result) as { rows: Array<Record<string, unknown>>; rowCount: number }
    assert.equal(out.rowCount, 1, 'an aggregate without GROUP BY returns one row')
    const count = out.rows[0]?.openleads
    assert.ok(
      typeof count === 'number' && Number.isInteger(count) && count >= 0,
      `openleads is a count, got ${JSON.stringify(count)}`,
    )
  },
})

export const dataverseScenarios = [listTablesIncludesAccount, readQueryCountsOpenLeads]
