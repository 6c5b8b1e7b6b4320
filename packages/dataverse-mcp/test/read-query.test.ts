// read_query end to end: MCP client → server → Dataverse client → sandbox fetch → emulator →
// SQLite. Results are checked against the same question asked of the emulator's SQLite directly.
import { createServer, defineProduct, silentLogger } from '@bizmcp/core'
import { connectInProcess, errorBody } from '@bizmcp/core/testing'
import { createStandardSandbox, sandboxConnection } from '@bizmcp/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DataverseClient } from '../src/client/types.js'
import { dataverseModule } from '../src/index.js'
import { readQuery } from '../src/tools/read_query.js'

type Row = Record<string, unknown>
type Output = {
  columns: Array<{ name: string; table: string; type: string }>
  rows: Row[]
  rowCount: number
  truncated: boolean
  notice?: string
  fetchXml: string
}

/** The Dataverse product with read_query, whether or not the product module lists it yet. */
export const productWithReadQuery = defineProduct<DataverseClient>({
  ...dataverseModule.product,
  tools: [...dataverseModule.product.tools.filter((t) => t.name !== 'read_query'), readQuery],
})

export async function startReadQueryEnv(scale?: number) {
  const sandbox = createStandardSandbox({ emulators: ['dataverse'], ...(scale ? { scale } : {}) })
  const client = await dataverseModule.connect({ env: {}, sandbox: sandboxConnection(sandbox), log: silentLogger })
  const server = createServer([{ product: productWithReadQuery, client }])
  const connected = await connectInProcess(server)
  const call = (args: Record<string, unknown>) => connected.client.callTool({ name: 'read_query', arguments: args })
  return {
    sandbox,
    server,
    call,
    async query(args: Record<string, unknown>): Promise<Output> {
      const result = await call(args)
      if (result.isError) throw new Error(`read_query failed: ${JSON.stringify(result.content)}`)
      return result.structuredContent as Output
    },
    sql: (text: string, ...params: Array<string | number>) => sandbox.db.prepare(text).all(...params) as Row[],
    async close() {
      await connected.close()
      sandbox.close()
    },
  }
}

const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify({ ...r })).sort()
const round = (v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)

describe('read_query end to end (standard sandbox)', () => {
  let env: Awaited<ReturnType<typeof startReadQueryEnv>>
  beforeAll(async () => {
    env = await startReadQueryEnv()
  })
  afterAll(() => env?.close())

  it('filters, orders and returns the columns asked for', async () => {
    const out = await env.query({
      query:
        "SELECT TOP 50 name AS account, revenue, address1_city FROM accounts WHERE revenue > 1000000 AND name LIKE '%a%' ORDER BY revenue DESC",
    })
    const expected = env.sql(
      "SELECT name, revenue, address1_city FROM account WHERE revenue > 1000000 AND name LIKE '%a%' ORDER BY revenue DESC, accountid LIMIT 50",
    )
    expect(out.columns).toEqual([
      { name: 'account', table: 'account', type: 'String' },
      { name: 'revenue', table: 'account', type: 'Money' },
      { name: 'address1_city', table: 'account', type: 'String' },
    ])
    expect(out.rowCount).toBe(expected.length)
    expect(out.rows).toEqual(
      expected.map((r) => ({ account: r.name, revenue: r.revenue, address1_city: r.address1_city })),
    )
    expect(out.truncated).toBe(false)
    expect(out.fetchXml).toContain('<fetch top="50">')
  })

  it('IN, BETWEEN, NOT, IS NULL and choice labels select the same rows as SQL', async () => {
    const out = await env.query({
      query:
        "SELECT leadid FROM lead WHERE statecode = 'Open' AND leadsourcecode IN (1, 8) AND NOT (estimatedamount BETWEEN 10000 AND 50000) AND parentaccountid IS NULL",
    })
    const expected = env.sql(
      'SELECT leadid FROM lead WHERE statecode = 0 AND leadsourcecode IN (1, 8) AND NOT (estimatedamount BETWEEN 10000 AND 50000) AND parentaccountid IS NULL',
    )
    expect(expected.length).toBeGreaterThan(0)
    expect(out.rows.map((r) => r.leadid).sort()).toEqual(expected.map((r) => r.leadid).sort())
  })

  it('lookups return the GUID, and their name with formatted: true', async () => {
    const out = await env.query({
      query: 'SELECT TOP 5 fullname, ownerid, statecode FROM lead ORDER BY fullname',
      formatted: true,
    })
    const first = out.rows[0] as Row
    const owner = env.sql(
      'SELECT u.fullname FROM lead l JOIN systemuser u ON u.systemuserid = l.ownerid WHERE l.ownerid = ? LIMIT 1',
      String(first.ownerid),
    )
    expect(first.ownerid).toMatch(/^[0-9a-f-]{36}$/)
    expect(first['ownerid@formatted']).toBe(owner[0]?.fullname)
    expect(typeof first['statecode@formatted']).toBe('string')
  })

  it('multi-hop INNER and LEFT JOINs on lookups', async () => {
    const out = await env.query({
      query:
        'SELECT c.fullname AS contact, a.name AS account, u.fullname AS owner FROM contact c JOIN account a ON c.parentcustomerid = a.accountid LEFT JOIN systemuser u ON a.ownerid = u.systemuserid WHERE a.revenue > 5000000',
    })
    const expected = env.sql(
      'SELECT c.fullname AS contact, a.name AS account, u.fullname AS owner FROM contact c JOIN account a ON c.parentcustomerid = a.accountid LEFT JOIN systemuser u ON a.ownerid = u.systemuserid WHERE a.revenue > 5000000',
    )
    expect(expected.length).toBeGreaterThan(0)
    expect(out.fetchXml).toContain('link-type="outer" alias="u"')
    expect(sorted(out.rows)).toEqual(sorted(expected))
  })

  it('GROUP BY over a join with COUNT, COUNT(DISTINCT), SUM and AVG', async () => {
    const out = await env.query({
      query:
        'SELECT u.fullname AS owner, COUNT(*) AS leads, COUNT(DISTINCT l.address1_city) AS cities, SUM(l.estimatedamount) AS pipeline, AVG(l.estimatedamount) AS average FROM lead l JOIN systemuser u ON l.ownerid = u.systemuserid WHERE l.statecode = 0 GROUP BY u.fullname ORDER BY leads DESC, owner',
    })
    const expected = env.sql(
      'SELECT u.fullname AS owner, COUNT(*) AS leads, COUNT(DISTINCT l.address1_city) AS cities, SUM(l.estimatedamount) AS pipeline, AVG(l.estimatedamount) AS average FROM lead l JOIN systemuser u ON l.ownerid = u.systemuserid WHERE l.statecode = 0 GROUP BY u.fullname ORDER BY leads DESC, owner',
    )
    expect(expected.length).toBeGreaterThan(1)
    expect(out.columns.map((c) => c.name)).toEqual(['owner', 'leads', 'cities', 'pipeline', 'average'])
    const normalize = (rows: Row[]) =>
      rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)])))
    expect(normalize(out.rows)).toEqual(normalize(expected))
  })

  it('OFFSET/FETCH pages in ORDER BY order', async () => {
    const out = await env.query({
      query: 'SELECT name FROM account ORDER BY name, accountid OFFSET 37 ROWS FETCH NEXT 10 ROWS ONLY',
    })
    const expected = env.sql('SELECT name FROM account ORDER BY name, accountid LIMIT 10 OFFSET 37')
    expect(out.rows).toEqual(expected.map((r) => ({ name: r.name })))
  })

  it('caps rows with a notice that says how to get the rest', async () => {
    const out = await env.query({ query: 'SELECT fullname FROM lead ORDER BY fullname', maxRows: 25 })
    expect(out.rowCount).toBe(25)
    expect(out.truncated).toBe(true)
    expect(out.notice).toMatch(/WHERE/)
    expect(out.notice).toMatch(/OFFSET 25 ROWS FETCH NEXT 25 ROWS ONLY/)
    expect(out.notice).toMatch(/returnAsResource/)
    const top = await env.query({ query: 'SELECT TOP 10 fullname FROM lead', maxRows: 25 })
    expect(top.truncated).toBe(false)
    expect(top.notice).toBeUndefined()
  })

  it('returns a large result as an embedded resource with returnAsResource', async () => {
    const inline = await env.call({ query: 'SELECT * FROM email' })
    expect(errorBody(inline).code).toBe('ResponseTooLarge')
    const result = await env.call({ query: 'SELECT * FROM email', returnAsResource: true })
    expect(result.isError).toBeFalsy()
    const resource = (result.content as Array<{ type: string; resource?: { text: string } }>).find(
      (c) => c.type === 'resource',
    )
    const full = JSON.parse(resource?.resource?.text ?? '{}') as Output
    expect(full.rowCount).toBe(Number(env.sql('SELECT COUNT(*) AS n FROM email')[0]?.n))
  })

  it('refuses writes before anything runs', async () => {
    const before = env.sql('SELECT COUNT(*) AS n FROM account')[0]?.n
    const body = errorBody(await env.call({ query: 'DELETE FROM account' }))
    expect(body.code).toBe('Unsupported')
    expect(body.fix).toMatch(/delete_record/)
    expect(env.sql('SELECT COUNT(*) AS n FROM account')[0]?.n).toBe(before)
  })

  it('names the closest table and column for unknown names', async () => {
    const table = errorBody(await env.call({ query: 'SELECT name FROM acounts' }))
    expect(table.code).toBe('NotFound')
    expect(table.message).toMatch(/account/)
    const column = errorBody(await env.call({ query: 'SELECT fulname FROM contact' }))
    expect(column.message).toMatch(/'fullname'/)
  })

  it('answers 2026-era clients over the stateless HTTP path too', async () => {
    const modern = await connectInProcess(env.server, { era: 'modern' })
    try {
      const result = await modern.client.callTool({
        name: 'read_query',
        arguments: { query: 'SELECT COUNT(*) AS n FROM account' },
      })
      expect((result.structuredContent as Output).rows).toEqual([
        { n: Number(env.sql('SELECT COUNT(*) AS n FROM account')[0]?.n) },
      ])
    } finally {
      await modern.close()
    }
  })

  it('is listed with a short description and read-only annotations', async () => {
    const server = createServer([{ product: productWithReadQuery, client: {} as DataverseClient }])
    const listing = server.tools.find((t) => t.tool.name === 'read_query')?.listing as Record<string, any>
    expect(listing.annotations.readOnlyHint).toBe(true)
    expect(listing.inputSchema.properties.returnAsResource).toBeDefined()
    expect(String(listing.description).length).toBeLessThan(500)
  })
})

describe('read_query paging past 5,000 rows', () => {
  let env: Awaited<ReturnType<typeof startReadQueryEnv>>
  beforeAll(async () => {
    env = await startReadQueryEnv()
    // Building a sandbox at scale 9 takes seconds; copying the leads in SQLite takes milliseconds.
    const columns = env.sql('PRAGMA table_info(lead)').map((c) => `"${String(c.name)}"`)
    const copied = columns.map((c) =>
      c === '"leadid"'
        ? "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
        : c,
    )
    const insert = `INSERT INTO lead (${columns.join(', ')}) SELECT ${copied.join(', ')} FROM lead`
    for (let i = 0; i < 4; i++) env.sandbox.db.exec(insert)
  })
  afterAll(() => env?.close())

  it('follows the paging cookie for OFFSET beyond the first page', async () => {
    const total = Number(env.sql('SELECT COUNT(*) AS n FROM lead')[0]?.n)
    expect(total).toBeGreaterThan(5000)
    const out = await env.query({
      query: 'SELECT leadid FROM lead ORDER BY leadid OFFSET 5100 ROWS FETCH NEXT 50 ROWS ONLY',
    })
    const expected = env.sql('SELECT leadid FROM lead ORDER BY leadid LIMIT 50 OFFSET 5100')
    expect(out.rows).toEqual(expected.map((r) => ({ leadid: r.leadid })))
    const all = await env.query({ query: 'SELECT COUNT(*) AS n FROM lead' })
    expect(all.rows).toEqual([{ n: total }])
  })
})
