// list_tables, describe_table, search, describe through MCP on the demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

for (const era of ERAS) {
  describe(`schema tools (${era})`, () => {
    it('list_tables pages with a cursor and filters', async () => {
      const { client, close } = await env.connect({ era })
      const first = ok(await client.callTool({ name: 'list_tables', arguments: { pageSize: 5 } }))
      expect(first.tables).toHaveLength(5)
      expect(first.nextCursor).toBeTruthy()
      const names = [...first.tables.map((t: { name: string }) => t.name)]
      let cursor = first.nextCursor
      while (cursor) {
        const page = ok(await client.callTool({ name: 'list_tables', arguments: { pageSize: 5, cursor } }))
        names.push(...page.tables.map((t: { name: string }) => t.name))
        cursor = page.nextCursor
      }
      expect(names).toHaveLength(first.total)
      expect(new Set(names).size).toBe(names.length)
      const filtered = ok(await client.callTool({ name: 'list_tables', arguments: { filter: 'opportun' } }))
      expect(filtered.tables.map((t: { name: string }) => t.name)).toEqual(
        expect.arrayContaining(['opportunity', 'opportunityproduct']),
      )
      const custom = ok(await client.callTool({ name: 'list_tables', arguments: { customOnly: true } }))
      expect(custom.tables.every((t: { custom: boolean }) => t.custom)).toBe(true)
      await close()
    })

    it('list_tables refuses a forged cursor', async () => {
      const { client, close } = await env.connect({ era })
      const error = errorBody(await client.callTool({ name: 'list_tables', arguments: { cursor: 'garbage!' } }))
      expect(error.code).toBe('InvalidCursor')
      await close()
    })

    it('describe_table gives a CREATE TABLE with key, lookups and choices', async () => {
      const { client, close } = await env.connect({ era })
      const result = await client.callTool({ name: 'describe_table', arguments: { table: 'contact' } })
      const out = ok(result)
      expect(out.schema).toContain('CREATE TABLE contact (')
      expect(out.schema).toMatch(/contactid\s+uniqueidentifier NOT NULL PRIMARY KEY/)
      expect(out.schema).toMatch(
        /parentcustomerid\s+uniqueidentifier.*references account\(accountid\) or contact\(contactid\)/,
      )
      expect(out.schema).toMatch(/statecode\s+int NOT NULL.*0=Active, 1=Inactive/)
      expect(out.schema).toMatch(/originatingleadid\s+uniqueidentifier REFERENCES lead\(leadid\)/)
      expect(out.entitySet).toBe('contacts')
      const state = out.columns.find((c: { name: string }) => c.name === 'statecode')
      expect(state).toMatchObject({ type: 'State', options: '0=Active, 1=Inactive' })
      expect((result.content as Array<{ text: string }>)[0]?.text).toContain('CREATE TABLE contact')
      await close()
    })

    it('describe_table names the closest tables on a typo', async () => {
      const { client, close } = await env.connect({ era })
      const error = errorBody(await client.callTool({ name: 'describe_table', arguments: { table: 'oportunity' } }))
      expect(error.code).toBe('NotFound')
      expect(error.message).toContain("'opportunity'")
      expect(error.fix).toContain('opportunity')
      await close()
    })

    it('search ranks tables and columns by their names and descriptions', async () => {
      const { client, close } = await env.connect({ era })
      const out = ok(await client.callTool({ name: 'search', arguments: { query: 'knowledge articles' } }))
      expect(out.tables[0]).toBe('knowledgearticle')
      const phone = ok(await client.callTool({ name: 'search', arguments: { query: 'contact mobile phone' } }))
      expect(phone.columns[0]).toBe('contact.mobilephone')
      const again = ok(await client.callTool({ name: 'search', arguments: { query: 'contact mobile phone' } }))
      expect(again).toEqual(phone) // deterministic
      expect(errorBody(await client.callTool({ name: 'search', arguments: { query: '?!' } })).code).toBe('InvalidInput')
      await close()
    })

    it('describe summarises a table, or a record with labels', async () => {
      const { client, close } = await env.connect({ era })
      const table = ok(await client.callTool({ name: 'describe', arguments: { table: 'account' } }))
      expect(table.columns).toContainEqual({ name: 'name', type: 'String' })
      const [account] = (await env.client.query('accounts', { select: ['accountid'], top: 1 })).rows
      const record = ok(
        await client.callTool({ name: 'describe', arguments: { table: 'account', id: String(account?.accountid) } }),
      )
      expect(record.record).toMatchObject({ table: 'account', id: account?.accountid })
      expect(record.record.formatted.statecode).toBe('Active')
      const bad = errorBody(await client.callTool({ name: 'describe', arguments: { table: 'account', id: '12345' } }))
      expect(bad.code).toBe('InvalidInput')
      await close()
    })
  })
}
