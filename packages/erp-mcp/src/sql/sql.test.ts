// The SQL dialect without a service: refusals, binding to $metadata, what is pushed into each
// OData read, the generated SQLite, and in-memory results over rows a fake client serves.
import { isToolError, type ToolError } from '@bizmcp/core'
import { describe, expect, it } from 'vitest'
import type { ErpODataClient } from '../odata/client.js'
import { fixtureMetadata } from '../odata/fixture.test-support.js'
import type { EntityInfo, QueryOptions, Row } from '../odata/types.js'
import { bindQuery } from './bind.js'
import { runSql } from './execute.js'
import { parseSql } from './parse.js'
import { planQuery } from './plan.js'

const metadata = fixtureMetadata()

function refusal(sql: string): ToolError {
  try {
    bindQuery(parseSql(sql), metadata)
  } catch (error) {
    if (isToolError(error)) return error
    throw error
  }
  throw new Error(`expected a refusal of: ${sql}`)
}

const plan = (sql: string, company = { kind: 'default' as const }) =>
  planQuery(bindQuery(parseSql(sql), metadata), metadata, company, { maxRows: 100 })

describe('refusals name the construct and a fix', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['SELECT * FROM CustomersV3', 'SELECT *', /Name the fields/],
    ['SELECT c.* FROM CustomersV3 c', 'SELECT *', /data_get_entity_metadata/],
    [
      'SELECT c.CustomerAccount FROM CustomersV3 c WHERE c.CustomerAccount IN (SELECT s.OrderingCustomerAccountNumber FROM SalesOrderHeadersV2 s)',
      'IN (subquery)',
      /EXISTS/,
    ],
    [
      'WITH big AS (SELECT CustomerAccount FROM CustomersV3) SELECT CustomerAccount FROM big',
      'WITH (CTE)',
      /Inline the CTE/,
    ],
    [
      'SELECT CustomerGroupId, COUNT(*) FROM CustomersV3 GROUP BY CustomerGroupId HAVING COUNT(*) > 2',
      'HAVING',
      /WHERE/,
    ],
    [
      'SELECT c.CustomerAccount FROM SalesOrderHeadersV2 s RIGHT JOIN CustomersV3 c ON c.CustomerAccount = s.OrderingCustomerAccountNumber',
      'RIGHT JOIN',
      /LEFT JOIN/,
    ],
    [
      'SELECT c.CustomerAccount FROM CustomersV3 c FULL OUTER JOIN SalesOrderHeadersV2 s ON c.CustomerAccount = s.OrderingCustomerAccountNumber',
      'FULL JOIN',
      /INNER JOIN or LEFT JOIN/,
    ],
    [
      'SELECT CustomerAccount FROM CustomersV3 ORDER BY CustomerAccount OFFSET 10 ROWS FETCH NEXT 10 ROWS ONLY',
      'OFFSET/FETCH',
      /TOP/,
    ],
    [
      'SELECT CustomerAccount, ROW_NUMBER() OVER (ORDER BY CreditLimit DESC) FROM CustomersV3',
      'window function',
      /GROUP BY|TOP/,
    ],
    [
      'SELECT CustomerAccount FROM CustomersV3 UNION SELECT SalesOrderNumber FROM SalesOrderHeadersV2',
      'UNION',
      /separately/,
    ],
    ["DELETE FROM CustomersV3 WHERE CustomerAccount = 'X'", 'DELETE statement', /data_delete_entities/],
    ['UPDATE CustomersV3 SET CreditLimit = 0', 'UPDATE statement', /data_update_entities/],
    ["INSERT INTO CustomersV3 (CustomerAccount) VALUES ('X')", 'INSERT statement', /data_create_entities/],
    ['DROP TABLE CustomersV3', 'DROP statement', /SELECT/],
    ['SELECT CustomerAccount FROM CustomersV3; SELECT Name FROM LegalEntities', 'multiple statements', /one SELECT/],
    ['SELECT CustomerAccount FROM CustomersV3 LIMIT 5', 'LIMIT', /TOP/],
    ['SELECT TOP 10 PERCENT CustomerAccount FROM CustomersV3', 'TOP PERCENT', /TOP n/],
    ['SELECT UPPER(OrganizationName) FROM CustomersV3', 'function UPPER', /COUNT/],
    ["SELECT CASE WHEN CreditLimit > 0 THEN 'y' END FROM CustomersV3", 'CASE', /raw fields/],
    ['SELECT c.CustomerAccount FROM (SELECT CustomerAccount FROM CustomersV3) c', 'derived table', /EXISTS/],
    [
      'SELECT CustomerAccount, (SELECT MAX(CreditLimit) FROM CustomersV3 x) FROM CustomersV3 c',
      'subquery',
      /EXISTS|JOIN/,
    ],
    ['SELECT c.CustomerAccount FROM CustomersV3 c CROSS JOIN LegalEntities l', 'CROSS JOIN', /INNER JOIN/],
  ]
  for (const [sql, construct, fix] of cases) {
    it(construct, () => {
      const error = refusal(sql)
      expect(error.code).toBe('Unsupported')
      expect(error.details?.construct).toBe(construct)
      expect(error.fix).toMatch(fix)
    })
  }
})

describe('names are checked against $metadata', () => {
  it('suggests entity sets and fields', () => {
    const table = refusal('SELECT Name FROM Customers')
    expect(table.message).toMatch(/no entity set 'Customers'.*CustomersV3/)
    expect(table.fix).toMatch(/data_find_entity_type/)
    const field = refusal('SELECT c.OrganisationName FROM CustomersV3 c')
    expect(field.message).toMatch(/no field 'OrganisationName'.*OrganizationName/)
    expect(field.fix).toMatch(/data_get_entity_metadata/)
  })

  it('refuses ambiguous columns, unknown aliases and ungrouped columns', () => {
    expect(
      refusal(
        'SELECT dataAreaId FROM CustomersV3 c JOIN SalesOrderHeadersV2 s ON s.OrderingCustomerAccountNumber = c.CustomerAccount',
      ).message,
    ).toMatch(/ambiguous/)
    expect(refusal('SELECT x.CustomerAccount FROM CustomersV3 c').fix).toMatch(/alias/)
    expect(refusal('SELECT CustomersV3.CustomerAccount FROM CustomersV3 c').fix).toMatch(/c\.CustomerAccount/)
    const grouped = refusal(
      'SELECT CustomerGroupId, OrganizationName, COUNT(*) FROM CustomersV3 GROUP BY CustomerGroupId',
    )
    expect(grouped.message).toMatch(/OrganizationName .* neither grouped nor aggregated/)
    expect(refusal('SELECT CustomerAccount FROM CustomersV3 WHERE COUNT(*) > 1').message).toMatch(
      /cannot be used in WHERE/,
    )
    expect(() => plan("SELECT CustomerAccount FROM CustomersV3 WHERE OnHoldStatus = 'Maybe'")).toThrow(
      /No, Invoice, All/,
    )
  })
})

describe('pushdown into OData reads', () => {
  it('sends a single-entity query whole: filter, select, orderby and top', () => {
    const p = plan(
      "SELECT TOP 5 CustomerAccount, CreditLimit FROM CustomersV3 WHERE CustomerGroupId = '10' AND CreditLimit >= 1000 AND OrganizationName LIKE 'Ad%' ORDER BY CreditLimit DESC",
    )
    expect(p.direct).toBe(true)
    expect(p.fetches).toHaveLength(1)
    expect(p.fetches[0]).toMatchObject({
      select: ['CustomerGroupId', 'CreditLimit', 'OrganizationName', 'CustomerAccount'],
      filters: ["CustomerGroupId eq '10'", 'CreditLimit ge 1000', "OrganizationName eq 'Ad*'"],
      orderby: 'CreditLimit desc',
      top: 5,
    })
  })

  it('translates IN, BETWEEN, NOT, OR, enums and whole days of DateTimeOffset fields', () => {
    const p = plan(
      "SELECT SalesOrderNumber FROM SalesOrderHeadersV2 WHERE SalesOrderStatus IN ('Backorder', 'Delivered') AND TotalOrderAmount BETWEEN 10 AND 20 AND NOT (OrderingCustomerAccountNumber = 'X' OR OrderingCustomerAccountNumber = 'Y') AND RequestedShippingDate = '2026-03-01'",
    )
    expect(p.fetches[0]!.filters).toEqual([
      "(SalesOrderStatus eq Microsoft.Dynamics.DataEntities.SalesStatus'Backorder' or SalesOrderStatus eq Microsoft.Dynamics.DataEntities.SalesStatus'Delivered')",
      '(TotalOrderAmount ge 10 and TotalOrderAmount le 20)',
      "not ((OrderingCustomerAccountNumber eq 'X' or OrderingCustomerAccountNumber eq 'Y'))",
      '(RequestedShippingDate ge 2026-03-01T00:00:00Z and RequestedShippingDate lt 2026-03-02T00:00:00Z)',
    ])
    expect(p.direct).toBe(true)
  })

  it('keeps what OData cannot say in memory and then pushes neither ORDER BY nor TOP', () => {
    const p = plan(
      "SELECT TOP 3 CustomerAccount FROM CustomersV3 WHERE CustomerGroupId = '10' AND (CreditLimit IS NULL OR OrganizationName LIKE 'A_c%') ORDER BY CustomerAccount",
    )
    expect(p.direct).toBe(false)
    expect(p.fetches[0]).toMatchObject({ filters: ["CustomerGroupId eq '10'"] })
    expect(p.fetches[0]!.top).toBeUndefined()
  })

  it('pushes each table its own conditions in joins, respecting LEFT JOIN', () => {
    const p = plan(
      "SELECT c.CustomerAccount, s.SalesOrderNumber FROM CustomersV3 c LEFT JOIN SalesOrderHeadersV2 s ON s.OrderingCustomerAccountNumber = c.CustomerAccount AND s.TotalOrderAmount > 100 AND c.CreditLimit > 5 WHERE c.CustomerGroupId = '10' AND s.SalesOrderStatus = 'Backorder' AND s.SalesOrderNumber IS NULL",
    )
    const [c, s] = p.fetches
    expect(c!.filters).toEqual(["CustomerGroupId eq '10'"])
    // ON conditions of the joined table and null-rejecting WHERE conditions go to s; IS NULL does not
    expect(s!.filters).toEqual([
      "SalesOrderStatus eq Microsoft.Dynamics.DataEntities.SalesStatus'Backorder'",
      'TotalOrderAmount gt 100',
    ])
    expect(p.direct).toBe(false)
  })

  it('pushes conditions inside EXISTS to the subquery table, never to the outer one', () => {
    const p = plan(
      'SELECT c.CustomerAccount FROM CustomersV3 c WHERE NOT EXISTS (SELECT 1 FROM SalesOrderHeadersV2 s WHERE s.OrderingCustomerAccountNumber = c.CustomerAccount AND s.TotalOrderAmount > 50 AND c.CreditLimit > 0)',
    )
    expect(p.fetches.map((f) => f.filters)).toEqual([[], ['TotalOrderAmount gt 50']])
  })

  it('warns when a cross-company join does not match dataAreaId', () => {
    const sql =
      'SELECT c.CustomerAccount FROM CustomersV3 c JOIN SalesOrderHeadersV2 s ON s.OrderingCustomerAccountNumber = c.CustomerAccount'
    expect(plan(sql, { kind: 'cross-company' } as never).notices.join()).toMatch(/dataAreaId/)
    expect(plan(`${sql} AND s.dataAreaId = c.dataAreaId`, { kind: 'cross-company' } as never).notices).toEqual([])
  })
})

/** A client that serves fixed rows and ignores $filter: the in-memory evaluation must not need it. */
function fakeClient(tables: Record<string, Row[]>, honourFilter = false): ErpODataClient & { calls: QueryOptions[] } {
  const calls: QueryOptions[] = []
  return {
    calls,
    metadata: async () => metadata,
    queryAll: async (entity: EntityInfo, options: QueryOptions & { maxRows: number }) => {
      calls.push(options)
      let rows = tables[entity.entitySet] ?? []
      if (honourFilter && options.orderby) {
        const [field, dir] = options.orderby.split(' ')
        rows = [...rows].sort((a, b) => (String(a[field!]) < String(b[field!]) ? -1 : 1) * (dir === 'desc' ? -1 : 1))
      }
      const top = options.top ?? options.maxRows + 1
      const picked = rows.slice(0, Math.min(top, options.maxRows + 1))
      return {
        rows: picked
          .slice(0, options.maxRows)
          .map((r) => Object.fromEntries(options.select!.map((s) => [s, r[s] ?? null]))),
        truncated: picked.length > options.maxRows,
        requests: 1,
      }
    },
  } as unknown as ErpODataClient & { calls: QueryOptions[] }
}

const customers: Row[] = [
  { dataAreaId: 'usmf', CustomerAccount: 'C1', OrganizationName: 'Adatum', CustomerGroupId: '10', CreditLimit: 1000.1 },
  { dataAreaId: 'usmf', CustomerAccount: 'C2', OrganizationName: 'Contoso', CustomerGroupId: '10', CreditLimit: 0.2 },
  { dataAreaId: 'usmf', CustomerAccount: 'C3', OrganizationName: 'Fabrikam', CustomerGroupId: '20', CreditLimit: null },
]
const orders: Row[] = [
  {
    SalesOrderNumber: 'S1',
    OrderingCustomerAccountNumber: 'C1',
    TotalOrderAmount: 10,
    RequestedShippingDate: '2026-03-01T12:00:00Z',
  },
  {
    SalesOrderNumber: 'S2',
    OrderingCustomerAccountNumber: 'c1',
    TotalOrderAmount: 15.5,
    RequestedShippingDate: '2026-03-02T12:00:00Z',
  },
  {
    SalesOrderNumber: 'S3',
    OrderingCustomerAccountNumber: 'C2',
    TotalOrderAmount: 7,
    RequestedShippingDate: '2026-03-01T12:00:00Z',
  },
]

describe('in-memory evaluation', () => {
  const run = (sql: string, tables = { CustomersV3: customers, SalesOrderHeadersV2: orders }, fetchCap = 1000) =>
    runSql(sql, { odata: fakeClient(tables), company: { kind: 'default' }, maxRows: 100, fetchCap })

  it('joins, groups and aggregates with SQL Server semantics (case-insensitive text)', async () => {
    const result = await run(
      'SELECT c.CustomerAccount, COUNT(s.SalesOrderNumber) AS orders, SUM(s.TotalOrderAmount) AS total FROM CustomersV3 c LEFT JOIN SalesOrderHeadersV2 s ON s.OrderingCustomerAccountNumber = c.CustomerAccount GROUP BY c.CustomerAccount ORDER BY total DESC, 1',
    )
    expect(result.rows).toEqual([
      { CustomerAccount: 'C1', orders: 2, total: 25.5 },
      { CustomerAccount: 'C2', orders: 1, total: 7 },
      { CustomerAccount: 'C3', orders: 0, total: null },
    ])
    expect(result.columns).toEqual([
      { name: 'CustomerAccount', type: 'String' },
      { name: 'orders', type: 'Int64' },
      { name: 'total', type: 'Decimal' },
    ])
  })

  it('evaluates EXISTS, NOT EXISTS, day comparisons and tidy decimals', async () => {
    const exists = await run(
      "SELECT c.CustomerAccount FROM CustomersV3 c WHERE EXISTS (SELECT 1 FROM SalesOrderHeadersV2 s WHERE s.OrderingCustomerAccountNumber = c.CustomerAccount AND s.RequestedShippingDate = '2026-03-01') ORDER BY c.CustomerAccount",
    )
    expect(exists.rows.map((r) => r.CustomerAccount)).toEqual(['C1', 'C2'])
    const none = await run(
      'SELECT c.CustomerAccount FROM CustomersV3 c WHERE NOT EXISTS (SELECT 1 FROM SalesOrderHeadersV2 s WHERE s.OrderingCustomerAccountNumber = c.CustomerAccount)',
    )
    expect(none.rows).toEqual([{ CustomerAccount: 'C3' }])
    const sum = await run(
      "SELECT SUM(CreditLimit) AS total, AVG(CreditLimit) FROM CustomersV3 WHERE CustomerGroupId = '10'",
    )
    expect(sum.rows).toEqual([{ total: 1000.3, 'AVG(CreditLimit)': 500.15 }])
  })

  it('returns TOP rows of a direct read, truncates at maxRows and names duplicates apart', async () => {
    const top = await run(
      'SELECT TOP 2 CustomerAccount, OrganizationName AS CustomerAccount FROM CustomersV3 ORDER BY CustomerAccount',
    )
    expect(top.rows).toEqual([
      { CustomerAccount: 'C1', CustomerAccount_2: 'Adatum' },
      { CustomerAccount: 'C2', CustomerAccount_2: 'Contoso' },
    ])
    const many = Array.from({ length: 150 }, (_, i) => ({ CustomerAccount: `X${i}` }))
    const capped = await run('SELECT CustomerAccount FROM CustomersV3', { CustomersV3: many, SalesOrderHeadersV2: [] })
    expect(capped.rows).toHaveLength(100)
    expect(capped.truncated).toBe(true)
    expect(capped.notices.join()).toMatch(/first 100 rows/)
  })

  it('refuses a join whose table would be read beyond the cap, naming the cap and how to narrow', async () => {
    const error = await run(
      'SELECT c.CustomerAccount, COUNT(*) FROM CustomersV3 c JOIN SalesOrderHeadersV2 s ON s.OrderingCustomerAccountNumber = c.CustomerAccount GROUP BY c.CustomerAccount',
      { CustomersV3: customers, SalesOrderHeadersV2: orders },
      2,
    ).catch((e) => e)
    expect(error.code).toBe('QueryTooBroad')
    expect(error.message).toMatch(/more than 2 of its rows/)
    expect(error.fix).toMatch(/WHERE conditions on c's own fields|on s's own fields/)
  })

  it('gives the same answer with and without the service applying the pushed filter', async () => {
    const sql =
      "SELECT c.CustomerGroupId, COUNT(*) AS n FROM CustomersV3 c WHERE c.CreditLimit > 0.1 AND c.OrganizationName LIKE '%o%' GROUP BY c.CustomerGroupId"
    const filtered = customers.filter((c) => Number(c.CreditLimit) > 0.1 && /o/i.test(String(c.OrganizationName)))
    const a = await run(sql)
    const b = await run(sql, { CustomersV3: filtered, SalesOrderHeadersV2: [] })
    expect(a.rows).toEqual(b.rows)
    expect(a.rows).toEqual([{ CustomerGroupId: '10', n: 1 }])
  })
})
