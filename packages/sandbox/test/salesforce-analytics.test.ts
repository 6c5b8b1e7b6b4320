// Analytics REST API reports and Forecasting objects over the demo org, through handle() and with
// jsforce over HTTP.
import { Connection } from 'jsforce'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox, serveSandbox } from '../src/index.js'
import { createSalesforceEmulator, type SalesforceEmulator } from '../src/salesforce/emulator.js'

const START = new Date('2025-05-15T12:00:00Z')
let sandbox: Sandbox
let sf: SalesforceEmulator
let close: () => Promise<void>
let conn: Connection

const V = '/services/data/v62.0'

async function api(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const headers = new Headers(init.headers)
  headers.set('authorization', `Bearer ${conn.accessToken}`)
  if (init.body) headers.set('content-type', 'application/json')
  const response = await sf.handle(
    new Request(`${sandbox.urlOf('salesforce')}${V}${path}`, { ...init, headers }),
    `${V}${path}`,
  )
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

const soql = async (q: string) => (await api(`/query?q=${encodeURIComponent(q)}`)).body

beforeAll(async () => {
  sandbox = createSandbox({ clock: () => START })
  sf = createSalesforceEmulator({
    db: sandbox.db,
    baseUrl: () => sandbox.baseUrl,
    clock: () => START,
    seed: { seed: 7 },
  })
  sandbox.mount(sf)
  ;({ close } = await serveSandbox(sandbox))
  const { clientId, clientSecret } = sf.describe() as { clientId: string; clientSecret: string }
  conn = new Connection({ oauth2: { loginUrl: sandbox.urlOf('salesforce'), clientId, clientSecret }, version: '62.0' })
  await conn.login('admin@bizmcp-sandbox.example', 'Sandbox-Passw0rd!')
})

afterAll(async () => {
  await close()
  sandbox.close()
})

async function reportId(name: string): Promise<string> {
  const { body } = await api('/analytics/reports')
  return body.find((r: { name: string }) => r.name === name).id
}

describe('Analytics reports', () => {
  it('lists the demo reports with 00O ids and their urls', async () => {
    const { status, body } = await api('/analytics/reports')
    expect(status).toBe(200)
    expect(body.map((r: { name: string }) => r.name)).toEqual([
      'Pipeline by Stage',
      'Opportunities by Owner',
      'Leads by Source',
      'Activities by Rep',
    ])
    for (const r of body) {
      expect(r.id).toMatch(/^00O[A-Za-z0-9]{15}$/)
      expect(r.describeUrl).toBe(`${V}/analytics/reports/${r.id}/describe`)
    }
  })

  it('runs Pipeline by Stage: groupings, factMap totals that match SOQL, detail rows', async () => {
    const id = await reportId('Pipeline by Stage')
    const { status, body } = await api(`/analytics/reports/${id}?includeDetails=true`)
    expect(status).toBe(200)
    expect(body.attributes).toMatchObject({ type: 'Report', reportId: id, reportName: 'Pipeline by Stage' })
    expect(body.reportMetadata).toMatchObject({ reportFormat: 'SUMMARY', aggregates: ['s!AMOUNT', 'RowCount'] })
    expect(body.reportExtendedMetadata.aggregateColumnInfo['s!AMOUNT']).toMatchObject({
      label: 'Sum of Amount',
      dataType: 'currency',
    })
    const expected = await soql(
      'SELECT StageName, SUM(Amount) total, COUNT(Id) n FROM Opportunity WHERE IsClosed = false GROUP BY StageName',
    )
    const groupings = body.groupingsDown.groupings
    expect(groupings.length).toBe(expected.records.length)
    // Stages come in the sales process's order.
    expect(groupings[0]).toMatchObject({ key: '0', label: 'Prospecting', value: 'Prospecting', groupings: [] })
    for (const g of groupings) {
      const row = expected.records.find((r: { StageName: string }) => r.StageName === g.value)
      const fact = body.factMap[`${g.key}!T`]
      expect(fact.aggregates[0].value).toBe(row.total)
      expect(fact.aggregates[1]).toEqual({ label: String(row.n), value: row.n })
      expect(fact.rows.length).toBe(row.n)
    }
    const total = body.factMap['T!T']
    expect(total.aggregates[1].value).toBe(expected.records.reduce((s: number, r: { n: number }) => s + r.n, 0))
    expect(total.aggregates[0].label).toMatch(/^\$[\d,]+\.\d\d$/)
    const cells = body.factMap['0!T'].rows[0].dataCells
    expect(cells.length).toBe(body.reportMetadata.detailColumns.length)
    expect(cells[0].value).toMatch(/^006/)
    expect(cells[3].value).toEqual({ amount: expect.any(Number), currency: null })
    expect(cells[5].label).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}$/)
  })

  it('runs without details, with filters and a date range from a POST body', async () => {
    const id = await reportId('Opportunities by Owner')
    const plain = await api(`/analytics/reports/${id}`)
    expect(plain.body.hasDetailRows).toBe(false)
    expect(plain.body.factMap['0!T'].rows).toEqual([])
    expect(plain.body.groupingsDown.groupings[0].value).toMatch(/^005/)
    const filtered = await api(`/analytics/reports/${id}?includeDetails=true`, {
      method: 'POST',
      body: JSON.stringify({
        reportMetadata: {
          reportFilters: [{ column: 'STAGE_NAME', operator: 'equals', value: 'Closed Won' }],
          standardDateFilter: { column: 'CLOSE_DATE', durationValue: 'THIS_FISCAL_QUARTER' },
        },
      }),
    })
    expect(filtered.status).toBe(200)
    const expected = await soql(
      "SELECT COUNT() FROM Opportunity WHERE StageName = 'Closed Won' AND CloseDate = THIS_FISCAL_QUARTER",
    )
    expect(filtered.body.factMap['T!T'].aggregates[2].value).toBe(expected.totalSize)
    const bad = await api(`/analytics/reports/${id}`, {
      method: 'POST',
      body: JSON.stringify({ reportMetadata: { reportFilters: [{ column: 'NOPE', operator: 'equals', value: 'x' }] } }),
    })
    expect(bad.status).toBe(400)
  })

  it('describes a report and answers NOT_FOUND for an unknown one', async () => {
    const id = await reportId('Leads by Source')
    const { body } = await api(`/analytics/reports/${id}/describe`)
    expect(body.reportMetadata).toMatchObject({ id, groupingsDown: [expect.objectContaining({ name: 'LEAD_SOURCE' })] })
    expect(body.reportTypeMetadata.categories[0].columns.LEAD_SOURCE).toMatchObject({ label: 'Lead Source' })
    const missing = await api('/analytics/reports/00O000000000000AAA')
    expect(missing.status).toBe(404)
    expect(missing.body[0].errorCode).toBe('NOT_FOUND')
  })

  it('runs Activities by Rep over tasks and events', async () => {
    const id = await reportId('Activities by Rep')
    const { body } = await api(`/analytics/reports/${id}`)
    const tasks = await soql('SELECT COUNT() FROM Task')
    const events = await soql('SELECT COUNT() FROM Event')
    expect(body.factMap['T!T'].aggregates[0].value).toBe(tasks.totalSize + events.totalSize)
  })
})

describe('Analytics reports with jsforce', () => {
  it('lists, executes with details, and runs asynchronously', async () => {
    const reports = await conn.analytics.reports()
    const pipeline = reports.find((r) => r.name === 'Pipeline by Stage')!
    const result = await conn.analytics.report(pipeline.id).execute({ details: true })
    expect(result.factMap['T!T']!.aggregates.length).toBe(2)
    expect(result.groupingsDown?.groupings.length).toBeGreaterThan(0)
    const described = await conn.analytics.report(pipeline.id).describe()
    expect(described.reportMetadata.name).toBe('Pipeline by Stage')

    const queued = await conn.analytics.report(pipeline.id).executeAsync({ details: true })
    expect(queued).toMatchObject({ status: 'New', id: expect.stringMatching(/^0LG/) })
    const listed = await conn.analytics.report(pipeline.id).instances()
    expect(listed.map((i) => i.id)).toContain(queued.id)
    const done = await conn.analytics.report(pipeline.id).instance(queued.id).retrieve()
    expect(done.attributes).toMatchObject({ type: 'ReportInstance', status: 'Success', reportId: pipeline.id })
    expect(done.factMap['T!T']).toEqual(result.factMap['T!T'])
  })
})

describe('Forecasting', () => {
  it('has the fiscal periods and the forecast type, queryable with SOQL', async () => {
    const quarters = await soql(
      "SELECT Id, FullyQualifiedLabel, StartDate, EndDate, Type FROM Period WHERE Type = 'Quarter' AND StartDate <= 2025-05-15 AND EndDate >= 2025-05-15",
    )
    expect(quarters.records).toEqual([
      expect.objectContaining({ FullyQualifiedLabel: 'Q2 FY 2025', StartDate: '2025-04-01', EndDate: '2025-06-30' }),
    ])
    expect((await soql("SELECT COUNT() FROM Period WHERE Type = 'Month'")).totalSize).toBe(24)
    const types = await soql('SELECT DeveloperName, MasterLabel, IsAmount FROM ForecastingType')
    expect(types.records[0]).toMatchObject({ DeveloperName: 'OpportunityRevenue', IsAmount: true })
  })

  it('seeds quotas per owner for the current and next quarter, managers carrying their reports on top', async () => {
    const quotas = await soql(
      'SELECT QuotaOwnerId, QuotaOwner.Name, QuotaAmount, StartDate, Period.FullyQualifiedLabel FROM ForecastingQuota ORDER BY StartDate',
    )
    const labels = new Set(quotas.records.map((q: any) => q.Period.FullyQualifiedLabel))
    expect([...labels]).toEqual(['Q2 FY 2025', 'Q3 FY 2025'])
    const owners = await soql('SELECT OwnerId FROM Opportunity WHERE CloseDate = THIS_QUARTER GROUP BY OwnerId')
    const inQ2 = quotas.records.filter((q: any) => q.StartDate === '2025-04-01')
    for (const o of owners.records) expect(inQ2.some((q: any) => q.QuotaOwnerId === o.OwnerId)).toBe(true)
    const manager = await soql("SELECT Id FROM User WHERE Title = 'Sales Manager, West'")
    const managerQuota = inQ2.find((q: any) => q.QuotaOwnerId === manager.records[0].Id)
    const reports = await soql(`SELECT Id FROM User WHERE ManagerId = '${manager.records[0].Id}'`)
    const reportIds = new Set(reports.records.map((r: any) => r.Id))
    const sum = inQ2
      .filter((q: any) => reportIds.has(q.QuotaOwnerId))
      .reduce((s: number, q: any) => s + q.QuotaAmount, 0)
    // The manager owns opportunities too: their own quota comes on top of their reports'.
    const own = await soql(`SELECT COUNT() FROM Opportunity WHERE OwnerId = '${manager.records[0].Id}'`)
    if (own.totalSize === 0) expect(managerQuota.QuotaAmount).toBe(sum)
    else expect(managerQuota.QuotaAmount - sum).toBeGreaterThanOrEqual(250_000)
  })

  it('creates quotas through the API only on a period start', async () => {
    const user = await soql("SELECT Id FROM User WHERE Username = 'sales@bizmcp-sandbox.example'")
    const created = await api('/sobjects/ForecastingQuota', {
      method: 'POST',
      body: JSON.stringify({ QuotaOwnerId: user.records[0].Id, StartDate: '2025-10-01', QuotaAmount: 100000 }),
    })
    expect(created.status).toBe(201)
    const read = await api(`/sobjects/ForecastingQuota/${created.body.id}?fields=PeriodId,IsAmount,ForecastingTypeId`)
    expect(read.body.PeriodId).toMatch(/^026/)
    expect(read.body.ForecastingTypeId).toMatch(/^0Db/)
    const off = await api('/sobjects/ForecastingQuota', {
      method: 'POST',
      body: JSON.stringify({ QuotaOwnerId: user.records[0].Id, StartDate: '2025-10-02', QuotaAmount: 1 }),
    })
    expect(off.status).toBe(400)
  })

  it('computes ForecastingItem from opportunities by category and close date, and keeps it current', async () => {
    const user = await soql("SELECT Id FROM User WHERE Username = 'sales@bizmcp-sandbox.example'")
    const ownerId = user.records[0].Id
    const items = async () =>
      (
        await soql(
          `SELECT Id, ForecastCategoryName, ForecastAmount, OwnerOnlyAmount FROM ForecastingItem WHERE OwnerId = '${ownerId}' AND Period.FullyQualifiedLabel = 'Q2 FY 2025'`,
        )
      ).records
    const before = await items()
    expect(before.map((i: any) => i.ForecastCategoryName).sort()).toEqual(['Best Case', 'Closed', 'Commit', 'Pipeline'])
    const expected = await soql(
      `SELECT ForecastCategoryName, SUM(Amount) total FROM Opportunity WHERE OwnerId = '${ownerId}' AND CloseDate >= 2025-04-01 AND CloseDate <= 2025-06-30 GROUP BY ForecastCategoryName`,
    )
    for (const item of before) {
      const row = expected.records.find((r: any) => r.ForecastCategoryName === item.ForecastCategoryName)
      expect(item.OwnerOnlyAmount).toBe(row?.total ?? 0)
    }
    const commit = before.find((i: any) => i.ForecastCategoryName === 'Commit')
    await api('/sobjects/Opportunity', {
      method: 'POST',
      body: JSON.stringify({
        Name: 'Forecast Mover',
        StageName: 'Negotiation/Review',
        CloseDate: '2025-06-01',
        Amount: 12345,
        OwnerId: ownerId,
      }),
    })
    const after = await items()
    const commitAfter = after.find((i: any) => i.ForecastCategoryName === 'Commit')
    expect(commitAfter.Id).toBe(commit.Id)
    expect(commitAfter.OwnerOnlyAmount).toBe(commit.OwnerOnlyAmount + 12345)
    // The manager's forecast includes the rep's.
    const manager = await soql("SELECT Id FROM User WHERE Title = 'Sales Manager, West'")
    const managerItem = await soql(
      `SELECT ForecastAmount, OwnerOnlyAmount FROM ForecastingItem WHERE OwnerId = '${manager.records[0].Id}' AND ForecastCategoryName = 'Commit' AND Period.FullyQualifiedLabel = 'Q2 FY 2025'`,
    )
    expect(managerItem.records[0].ForecastAmount).toBeGreaterThanOrEqual(commitAfter.ForecastAmount)
    const write = await api(`/sobjects/ForecastingItem/${commit.Id}`, {
      method: 'PATCH',
      body: JSON.stringify({ ForecastAmount: 1 }),
    })
    expect(write.status).toBe(400)
  })

  it('is readable with jsforce', async () => {
    const result = await conn.query<{ ForecastAmount: number }>(
      "SELECT ForecastAmount FROM ForecastingItem WHERE ForecastCategoryName = 'Closed'",
    )
    expect(result.totalSize).toBeGreaterThan(0)
  })
})
