// data_find_entities_sql end to end, each answer checked against the same question answered with
// direct OData reads of the emulator; and every construct the dialect refuses, through MCP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompanyScope, Row } from '../src/index.js'
import { ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

type Result = { columns: string[]; rows: Row[]; truncated: boolean; notice?: string; odata: string[] }

async function sql(query: string, companyId?: string): Promise<Result> {
  const { client, close } = await env.connect()
  try {
    return ok<Result>(
      await client.callTool({
        name: 'data_find_entities_sql',
        arguments: { query, ...(companyId ? { companyId } : {}) },
      }),
    )
  } finally {
    await close()
  }
}

async function read(entitySet: string, company: CompanyScope = { kind: 'default' }): Promise<Row[]> {
  const entity = await env.client.odata.entity(entitySet)
  return (await env.client.odata.queryAll(entity, { company, maxRows: 50_000 })).rows
}

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {}
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1
  return counts
}
const round = (n: number) => Math.round(n * 100) / 100

describe('answers match direct OData reads', () => {
  it('GROUP BY with COUNT, ordered', async () => {
    const result = await sql(
      'SELECT c.CustomerGroupId, COUNT(*) AS customers FROM CustomersV3 c GROUP BY c.CustomerGroupId ORDER BY c.CustomerGroupId',
    )
    const expected = countBy(await read('CustomersV3'), (c) => String(c.CustomerGroupId))
    expect(Object.fromEntries(result.rows.map((r) => [r.CustomerGroupId, r.customers]))).toEqual(expected)
    expect(result.rows.map((r) => r.CustomerGroupId)).toEqual(Object.keys(expected).sort())
  })

  it('INNER JOIN with SUM and a filter pushed to each table', async () => {
    const result = await sql(
      "SELECT TOP 5 c.CustomerAccount, c.OrganizationName, COUNT(*) AS orders, SUM(s.TotalOrderAmount) AS total FROM SalesOrderHeadersV2 s INNER JOIN CustomersV3 c ON c.CustomerAccount = s.OrderingCustomerAccountNumber WHERE c.CustomerGroupId = '10' AND s.SalesOrderStatus <> 'Canceled' GROUP BY c.CustomerAccount, c.OrganizationName ORDER BY total DESC",
    )
    const customers = (await read('CustomersV3')).filter((c) => c.CustomerGroupId === '10')
    const orders = (await read('SalesOrderHeadersV2')).filter((o) => o.SalesOrderStatus !== 'Canceled')
    const totals = customers
      .map((c) => {
        const mine = orders.filter((o) => o.OrderingCustomerAccountNumber === c.CustomerAccount)
        return {
          account: c.CustomerAccount,
          orders: mine.length,
          total: round(mine.reduce((s, o) => s + Number(o.TotalOrderAmount), 0)),
        }
      })
      .filter((t) => t.orders > 0)
      .sort((a, b) => b.total - a.total)
      .slice(0, 5)
    expect(result.rows.map((r) => [r.CustomerAccount, r.orders, round(Number(r.total))])).toEqual(
      totals.map((t) => [t.account, t.orders, t.total]),
    )
    expect(result.odata).toEqual([
      expect.stringMatching(
        /^SalesOrderHeadersV2 \$filter=SalesOrderStatus ne Microsoft\.Dynamics\.DataEntities\.SalesStatus'Canceled': \d+ rows$/,
      ),
      expect.stringMatching(/^CustomersV3 \$filter=CustomerGroupId eq '10': \d+ rows$/),
    ])
  })

  it('LEFT JOIN keeps customers without orders; NOT EXISTS finds them too', async () => {
    const left = await sql(
      'SELECT c.CustomerAccount, COUNT(s.SalesOrderNumber) AS orders FROM CustomersV3 c LEFT JOIN SalesOrderHeadersV2 s ON s.OrderingCustomerAccountNumber = c.CustomerAccount GROUP BY c.CustomerAccount',
    )
    const orders = countBy(await read('SalesOrderHeadersV2'), (o) => String(o.OrderingCustomerAccountNumber))
    const customers = await read('CustomersV3')
    expect(Object.fromEntries(left.rows.map((r) => [r.CustomerAccount, r.orders]))).toEqual(
      Object.fromEntries(customers.map((c) => [c.CustomerAccount, orders[String(c.CustomerAccount)] ?? 0])),
    )
    const none = await sql(
      'SELECT v.VendorAccountNumber FROM VendorsV2 v WHERE NOT EXISTS (SELECT 1 FROM VendorInvoiceHeaders i WHERE i.InvoiceAccount = v.VendorAccountNumber) ORDER BY v.VendorAccountNumber',
    )
    const invoiced = new Set((await read('VendorInvoiceHeaders')).map((i) => i.InvoiceAccount))
    expect(none.rows.map((r) => r.VendorAccountNumber)).toEqual(
      (await read('VendorsV2'))
        .map((v) => String(v.VendorAccountNumber))
        .filter((a) => !invoiced.has(a))
        .sort(),
    )
  })

  it('EXISTS with conditions of the subquery pushed to its own table', async () => {
    const result = await sql(
      "SELECT c.CustomerAccount FROM CustomersV3 c WHERE EXISTS (SELECT 1 FROM CustomerTransactions t WHERE t.CustomerAccount = c.CustomerAccount AND t.IsOpen = 'Yes' AND t.DueDate < '2026-01-01') ORDER BY c.CustomerAccount",
    )
    const overdue = new Set(
      (await read('CustomerTransactions'))
        .filter((t) => t.IsOpen === 'Yes' && String(t.DueDate) < '2026-01-01')
        .map((t) => t.CustomerAccount),
    )
    expect(result.rows.map((r) => r.CustomerAccount)).toEqual([...overdue].map(String).sort())
    expect(result.odata[1]).toMatch(
      /^CustomerTransactions \$filter=IsOpen eq Microsoft\.Dynamics\.DataEntities\.NoYes'Yes' and DueDate lt 2026-01-01T00:00:00Z/,
    )
  })

  it('sends a single-table query with ORDER BY and TOP to the service whole', async () => {
    const result = await sql(
      "SELECT TOP 3 VendorAccount, RemainingAmountCur FROM VendorTransactions WHERE IsOpen = 'Yes' AND RemainingAmountCur > 0 ORDER BY RemainingAmountCur DESC",
    )
    expect(result.odata).toEqual([
      "VendorTransactions $filter=IsOpen eq Microsoft.Dynamics.DataEntities.NoYes'Yes' and RemainingAmountCur gt 0 $orderby=RemainingAmountCur desc $top=3: 3 rows",
    ])
    const expected = (await read('VendorTransactions'))
      .filter((t) => t.IsOpen === 'Yes' && Number(t.RemainingAmountCur) > 0)
      .map((t) => Number(t.RemainingAmountCur))
      .sort((a, b) => b - a)
      .slice(0, 3)
    expect(result.rows.map((r) => r.RemainingAmountCur)).toEqual(expected)
  })

  it('reads one company or all of them', async () => {
    const all = await sql(
      'SELECT c.dataAreaId, COUNT(*) AS n FROM CustomersV3 c GROUP BY c.dataAreaId ORDER BY c.dataAreaId',
      'cross-company',
    )
    const expected = countBy(await read('CustomersV3', { kind: 'cross-company' }), (c) => String(c.dataAreaId))
    expect(Object.fromEntries(all.rows.map((r) => [r.dataAreaId, r.n]))).toEqual(expected)
    expect(all.rows.map((r) => r.dataAreaId)).toEqual(['demf', 'gbsi', 'usmf'])
    const demf = await sql('SELECT COUNT(*) AS n FROM CustomersV3', 'demf')
    expect(demf.rows).toEqual([{ n: expected.demf }])
    expect(demf.odata[0]).toMatch(/dataAreaId eq 'demf'/)
    const joined = await sql(
      'SELECT c.CustomerAccount FROM CustomersV3 c JOIN SalesOrderHeadersV2 s ON s.OrderingCustomerAccountNumber = c.CustomerAccount',
      'cross-company',
    )
    expect(joined.notice).toMatch(/dataAreaId/)
  })

  for (const era of ERAS) {
    it(`returns a large result as a resource and refuses it inline with the fix (${era})`, async () => {
      const { client, close } = await env.connect({ era })
      const query =
        'SELECT l.dataAreaId, l.SalesOrderNumber, l.InventoryLotId, l.ItemNumber, l.LineDescription, l.OrderedSalesQuantity, l.SalesPrice, l.LineAmount FROM SalesOrderLines l'
      const inline = errorBody(
        await client.callTool({ name: 'data_find_entities_sql', arguments: { query, companyId: 'cross-company' } }),
      )
      expect(inline.code).toBe('ResponseTooLarge')
      expect(inline.fix).toMatch(/returnAsResource: true/)
      const result = await client.callTool({
        name: 'data_find_entities_sql',
        arguments: { query, companyId: 'cross-company', returnAsResource: true },
      })
      const content = result.content as Array<{ type: string; text?: string; resource?: { text: string } }>
      expect(content.map((c) => c.type)).toEqual(['text', 'resource'])
      const full = JSON.parse(content[1]!.resource!.text) as Result
      expect(full.rows.length).toBe((await read('SalesOrderLines', { kind: 'cross-company' })).length)
      await close()
    })
  }
})

describe('refusals through MCP', () => {
  const cases: Array<[string, string]> = [
    ['SELECT * FROM CustomersV3', 'SELECT *'],
    [
      'SELECT c.CustomerAccount FROM CustomersV3 c WHERE c.CustomerAccount IN (SELECT s.OrderingCustomerAccountNumber FROM SalesOrderHeadersV2 s)',
      'IN (subquery)',
    ],
    ['WITH x AS (SELECT CustomerAccount FROM CustomersV3) SELECT CustomerAccount FROM x', 'WITH (CTE)'],
    ['SELECT CustomerGroupId, COUNT(*) AS n FROM CustomersV3 GROUP BY CustomerGroupId HAVING COUNT(*) > 1', 'HAVING'],
    [
      'SELECT c.CustomerAccount FROM SalesOrderHeadersV2 s RIGHT JOIN CustomersV3 c ON c.CustomerAccount = s.OrderingCustomerAccountNumber',
      'RIGHT JOIN',
    ],
    [
      'SELECT c.CustomerAccount FROM CustomersV3 c FULL JOIN SalesOrderHeadersV2 s ON c.CustomerAccount = s.OrderingCustomerAccountNumber',
      'FULL JOIN',
    ],
    [
      'SELECT CustomerAccount FROM CustomersV3 ORDER BY CustomerAccount OFFSET 5 ROWS FETCH NEXT 5 ROWS ONLY',
      'OFFSET/FETCH',
    ],
    ['SELECT CustomerAccount, RANK() OVER (ORDER BY CreditLimit) AS r FROM CustomersV3', 'window function'],
    ['SELECT CustomerAccount FROM CustomersV3 UNION SELECT VendorAccountNumber FROM VendorsV2', 'UNION'],
    ["UPDATE CustomersV3 SET CreditLimit = 0 WHERE CustomerAccount = 'US-001'", 'UPDATE statement'],
    ["DELETE FROM CustomersV3 WHERE CustomerAccount = 'US-001'", 'DELETE statement'],
    ["INSERT INTO CustomerGroups (CustomerGroupId) VALUES ('Z')", 'INSERT statement'],
  ]
  it('names each construct and a fix, and runs nothing', async () => {
    const { client, close } = await env.connect()
    for (const [query, construct] of cases) {
      const body = errorBody(await client.callTool({ name: 'data_find_entities_sql', arguments: { query } }))
      expect([body.code, body.details?.construct], query).toEqual(['Unsupported', construct])
      expect(body.fix.length, query).toBeGreaterThan(10)
    }
    const unknown = errorBody(
      await client.callTool({
        name: 'data_find_entities_sql',
        arguments: { query: 'SELECT c.Name FROM CustomersV3 c' },
      }),
    )
    expect(unknown.code).toBe('InvalidInput')
    expect(unknown.message).toMatch(/no field 'Name'/)
    await close()
  })
})
