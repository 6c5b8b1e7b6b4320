import { beforeAll, describe, expect, it } from 'vitest'
import { createSalesforceEmulator, type SalesforceEmulator } from '../src/salesforce/emulator.js'
import { field, object, picklist, ref, text } from '../src/salesforce/schema/builders.js'
import { salesCloudObjects } from '../src/salesforce/schema/objects.js'
import { OPPORTUNITY_STAGES } from '../src/salesforce/schema/setup-values.js'
import { openDatabase } from '../src/shared/db.js'

const BASE = 'http://sandbox.localhost'
const TODAY = new Date('2025-05-15T12:00:00Z')

interface Page {
  totalSize: number
  done: boolean
  nextRecordsUrl?: string
  records: Array<Record<string, any>>
}
type Errors = Array<{ message: string; errorCode: string }>

async function session(sf: SalesforceEmulator): Promise<string> {
  const app = sf.config.apps[0]!
  const response = await sf.handle(
    new Request(`${BASE}/salesforce/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: app.clientId,
        client_secret: app.clientSecret,
        username: 'admin@bizmcp-sandbox.example',
        password: 'Sandbox-Passw0rd!',
      }),
    }),
    '/services/oauth2/token',
  )
  return ((await response.json()) as { access_token: string }).access_token
}

function client(sf: SalesforceEmulator, accessToken: string) {
  const get = (path: string, headers: Record<string, string> = {}) =>
    sf.handle(
      new Request(`${BASE}/salesforce${path}`, { headers: { authorization: `Bearer ${accessToken}`, ...headers } }),
      path,
    )
  return {
    get,
    async query(soql: string, options: { all?: boolean; batchSize?: number } = {}): Promise<Page> {
      const response = await get(
        `/services/data/v62.0/${options.all ? 'queryAll' : 'query'}?q=${encodeURIComponent(soql)}`,
        options.batchSize ? { 'sforce-query-options': `batchSize=${options.batchSize}` } : {},
      )
      if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`)
      return (await response.json()) as Page
    },
    async fail(soql: string): Promise<{ status: number; errors: Errors }> {
      const response = await get(`/services/data/v62.0/query?q=${encodeURIComponent(soql)}`)
      return { status: response.status, errors: (await response.json()) as Errors }
    },
    async post(objectName: string, body: unknown): Promise<string> {
      const response = await sf.handle(
        new Request(`${BASE}/salesforce/services/data/v62.0/sobjects/${objectName}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        `/services/data/v62.0/sobjects/${objectName}`,
      )
      return ((await response.json()) as { id: string }).id
    },
  }
}

let sf: SalesforceEmulator
let api: ReturnType<typeof client>

beforeAll(async () => {
  sf = createSalesforceEmulator({ db: openDatabase(), baseUrl: () => BASE, clock: () => TODAY, seed: { seed: 42 } })
  api = client(sf, await session(sf))
})

describe('demo data', () => {
  it('has a believable org of the advertised size', async () => {
    const count = async (objectName: string) => (await api.query(`SELECT COUNT() FROM ${objectName}`)).totalSize
    expect(await count('User')).toBe(10)
    expect(await count('UserRole')).toBe(7)
    expect(await count('Account')).toBe(120)
    expect(await count('Contact')).toBe(300)
    expect(await count('Lead')).toBe(250)
    expect(await count('Opportunity')).toBe(150)
    expect(await count('Product2')).toBe(20)
    expect(await count('PricebookEntry')).toBe(20)
    expect(await count('OpportunityLineItem')).toBeGreaterThan(100)
    expect(await count('Task')).toBe(200)
    expect(await count('Event')).toBe(100)
    expect((await api.query('SELECT COUNT() FROM Account WHERE ParentId != null')).totalSize).toBeGreaterThan(5)
    const statuses = await api.query('SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status')
    expect(statuses.records.map((r) => r.Status).sort()).toEqual([
      'Closed - Converted',
      'Closed - Not Converted',
      'Open - Not Contacted',
      'Working - Contacted',
    ])
    const converted = await api.query(
      'SELECT COUNT() FROM Lead WHERE IsConverted = true AND ConvertedAccountId != null',
    )
    expect(converted.totalSize).toBe(statuses.records.find((r) => r.Status === 'Closed - Converted')!.n)
  })

  it('keeps forecast categories and dates consistent with stages', async () => {
    const groups = await api.query(
      'SELECT StageName, ForecastCategoryName, IsClosed, IsWon, COUNT(Id) FROM Opportunity GROUP BY StageName, ForecastCategoryName, IsClosed, IsWon',
    )
    for (const g of groups.records) {
      const stage = OPPORTUNITY_STAGES.find((s) => s.name === g.StageName)!
      expect({ closed: g.IsClosed, won: g.IsWon }).toEqual({ closed: stage.isClosed, won: stage.isWon })
    }
    expect(groups.records.some((g) => g.StageName === 'Closed Won' && g.ForecastCategoryName === 'Closed')).toBe(true)
    const closedInFuture = await api.query(
      'SELECT COUNT() FROM Opportunity WHERE IsClosed = true AND CloseDate > TODAY',
    )
    expect(closedInFuture.totalSize).toBe(0)
    const thisQuarter = await api.query(
      'SELECT COUNT() FROM Opportunity WHERE IsClosed = false AND CloseDate = THIS_QUARTER',
    )
    expect(thisQuarter.totalSize).toBeGreaterThan(10)
    const withProducts = await api.query(
      'SELECT Amount, (SELECT TotalPrice FROM OpportunityLineItems) FROM Opportunity WHERE HasOpportunityLineItem = true LIMIT 5',
    )
    for (const opp of withProducts.records) {
      const total = opp.OpportunityLineItems.records.reduce(
        (sum: number, li: { TotalPrice: number }) => sum + li.TotalPrice,
        0,
      )
      expect(opp.Amount).toBeCloseTo(total, 2)
    }
  })

  it('is the same for the same seed and reference date', async () => {
    const other = createSalesforceEmulator({
      db: openDatabase(),
      baseUrl: () => BASE,
      clock: () => TODAY,
      seed: { seed: 42 },
    })
    const otherApi = client(other, await session(other))
    const soql = 'SELECT Id, Name, Amount, StageName, CloseDate, Account.Name FROM Opportunity ORDER BY Id LIMIT 20'
    expect((await otherApi.query(soql)).records).toEqual((await api.query(soql)).records)
  })
})

describe('SOQL', () => {
  it('nests parent fields, and gives null for an empty lookup', async () => {
    const page = await api.query(
      'SELECT Name, Account.Name, Account.Owner.Name, Account.Parent.Name FROM Contact WHERE Account.ParentId = null LIMIT 1',
    )
    const record = page.records[0]!
    expect(record.attributes.type).toBe('Contact')
    expect(record.Account.attributes).toMatchObject({ type: 'Account' })
    expect(typeof record.Account.Owner.Name).toBe('string')
    expect(record.Account.Parent).toBeNull()
  })

  it('returns child subqueries as nested query results, null when there are none', async () => {
    const id = await api.post('Account', { Name: 'Lonely Inc' })
    const page = await api.query(
      `SELECT Name, (SELECT LastName FROM Contacts), (SELECT Name FROM ChildAccounts) FROM Account WHERE Id = '${id}'`,
    )
    expect(page.records[0]).toMatchObject({ Name: 'Lonely Inc', Contacts: null, ChildAccounts: null })
    const parents = await api.query(
      'SELECT Name, (SELECT Name FROM ChildAccounts ORDER BY Name) FROM Account WHERE Id IN (SELECT ParentId FROM Account) LIMIT 3',
    )
    for (const parent of parents.records) {
      expect(parent.ChildAccounts.done).toBe(true)
      expect(parent.ChildAccounts.totalSize).toBe(parent.ChildAccounts.records.length)
    }
  })

  it('reads polymorphic Who and What', async () => {
    const page = await api.query(
      "SELECT Subject, Who.Type, Who.Name, What.Type FROM Task WHERE What.Type = 'Opportunity' LIMIT 5",
    )
    expect(page.records.length).toBe(5)
    for (const task of page.records) {
      expect(task.What.attributes.type).toBe('Opportunity')
      expect(['Contact', 'Lead']).toContain(task.Who.Type)
      expect(task.Who.attributes.type).toBe(task.Who.Type)
    }
  })

  it('filters with AND/OR/NOT, LIKE, IN, NOT IN and nulls', async () => {
    const a = await api.post('Account', { Name: 'Filter Alpha', Industry: 'Energy', Rating: 'Hot' })
    const b = await api.post('Account', { Name: 'Filter Beta', Industry: 'Banking' })
    const c = await api.post('Account', { Name: "Filter O'Gamma", Industry: 'Energy', Rating: 'Cold' })
    const names = async (where: string) =>
      (await api.query(`SELECT Name FROM Account WHERE Name LIKE 'filter%' AND (${where}) ORDER BY Name`)).records.map(
        (r) => r.Name,
      )
    expect(await names("Industry = 'Energy' AND Rating = 'Hot' OR Industry = 'Banking'")).toEqual([
      'Filter Alpha',
      'Filter Beta',
    ])
    expect(await names("Industry = 'Energy' AND (Rating = 'Hot' OR Industry = 'Banking')")).toEqual(['Filter Alpha'])
    expect(await names("NOT Industry = 'Energy'")).toEqual(['Filter Beta'])
    expect(await names("Rating != 'Hot'")).toEqual(['Filter Beta', "Filter O'Gamma"])
    expect(await names("Rating NOT IN ('Cold')")).toEqual(['Filter Alpha', 'Filter Beta'])
    expect(await names("Rating IN ('Cold', 'Hot')")).toEqual(['Filter Alpha', "Filter O'Gamma"])
    expect(await names('Rating = null')).toEqual(['Filter Beta'])
    expect(await names("Name = 'filter o\\'gamma'")).toEqual(["Filter O'Gamma"])
    expect(await names(`Id = '${a.slice(0, 15)}' OR Id = '${b}'`)).toEqual(['Filter Alpha', 'Filter Beta'])
    expect(c).toMatch(/^001/)
  })

  it('understands date literals and date/datetime values', async () => {
    const id = await api.post('Opportunity', { Name: 'Dated', StageName: 'Prospecting', CloseDate: '2025-05-15' })
    const ids = async (where: string) =>
      (await api.query(`SELECT Id FROM Opportunity WHERE Name = 'Dated' AND ${where}`)).records.length
    expect(await ids('CloseDate = TODAY')).toBe(1)
    expect(await ids('CloseDate = THIS_MONTH')).toBe(1)
    expect(await ids('CloseDate = THIS_QUARTER')).toBe(1)
    expect(await ids('CloseDate = LAST_QUARTER')).toBe(0)
    expect(await ids('CloseDate = NEXT_N_DAYS:5')).toBe(0)
    expect(await ids('CloseDate = LAST_N_DAYS:3')).toBe(1)
    expect(await ids('CloseDate > 2025-05-14 AND CloseDate <= 2025-05-15')).toBe(1)
    expect(await ids('CreatedDate = TODAY AND CreatedDate > 2025-05-15T11:00:00Z')).toBe(1)
    expect(await ids('CreatedDate > 2025-05-15T13:00:00+02:00')).toBe(1)
    expect(await ids('CreatedDate < 2025-05-15T13:00:00+02:00')).toBe(0)
    expect(await ids('CALENDAR_YEAR(CloseDate) = 2025')).toBe(1)
    expect(id).toMatch(/^006/)
    const wrong = await api.fail("SELECT Id FROM Opportunity WHERE CloseDate = '2025-05-15'")
    expect(wrong.errors[0]!.message).toContain("value of filter criterion for field 'CloseDate' must be of type date")
  })

  it('groups and aggregates with aliases, HAVING and ORDER BY', async () => {
    const page = await api.query(
      'SELECT StageName, COUNT(Id) n, SUM(Amount), MAX(CloseDate), COUNT_DISTINCT(AccountId) FROM Opportunity GROUP BY StageName HAVING COUNT(Id) > 5 ORDER BY COUNT(Id) DESC',
    )
    expect(page.records[0]!.attributes).toEqual({ type: 'AggregateResult' })
    expect(Object.keys(page.records[0]!)).toEqual(['attributes', 'StageName', 'n', 'expr0', 'expr1', 'expr2'])
    const counts = page.records.map((r) => r.n)
    expect(counts).toEqual([...counts].sort((x, y) => y - x))
    expect(counts.every((n) => n > 5)).toBe(true)
    expect(page.records[0]!.expr1).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const total = await api.query('SELECT SUM(Amount) total, AVG(Amount) avg, MIN(Amount) low FROM Opportunity')
    expect(total.totalSize).toBe(1)
    expect(total.records[0]!.total).toBeGreaterThan(total.records[0]!.low)
    const byOwner = await api.query('SELECT Owner.Name, COUNT(Id) FROM Account GROUP BY Owner.Name')
    expect(byOwner.records[0]).toHaveProperty('Name')
  })

  it('orders with NULLS FIRST/LAST and applies LIMIT and OFFSET', async () => {
    const all = await api.query('SELECT Name, Rating FROM Account ORDER BY Rating ASC NULLS LAST, Name')
    const ratings = all.records.map((r) => r.Rating)
    expect(ratings.at(-1)).toBeNull()
    expect(ratings[0]).not.toBeNull()
    const first = await api.query(
      'SELECT Name, Rating FROM Account ORDER BY Rating ASC NULLS LAST, Name LIMIT 3 OFFSET 2',
    )
    expect(first.records.map((r) => r.Name)).toEqual(all.records.slice(2, 5).map((r) => r.Name))
    const desc = await api.query('SELECT Amount FROM Opportunity ORDER BY Amount DESC LIMIT 3')
    expect(desc.records[0]!.Amount).toBeGreaterThanOrEqual(desc.records[2]!.Amount)
  })

  it('pages with nextRecordsUrl in batches of the requested size', async () => {
    const first = await api.query('SELECT Id, Name FROM Contact', { batchSize: 200 })
    expect(first).toMatchObject({ totalSize: 300, done: false })
    expect(first.records.length).toBe(200)
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g\w{15}-200$/)
    const second = await api.get(first.nextRecordsUrl!)
    const page = (await second.json()) as Page
    expect(page).toMatchObject({ totalSize: 300, done: true })
    expect(page.records.length).toBe(100)
    expect(page.nextRecordsUrl).toBeUndefined()
    const ids = new Set([...first.records, ...page.records].map((r) => r.Id))
    expect(ids.size).toBe(300)
    const small = await api.query('SELECT Id FROM Contact', { batchSize: 5 })
    expect(small.records.length).toBe(200)
    const bad = await api.get('/services/data/v62.0/query/01g000000000000AAA-200')
    expect(await bad.json()).toEqual([{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }])
  })

  it('sees deleted records only with queryAll', async () => {
    const id = await api.post('Lead', { LastName: 'Gone', Company: 'Nowhere' })
    await sf.handle(
      new Request(`${BASE}/salesforce/services/data/v62.0/sobjects/Lead/${id}`, {
        method: 'DELETE',
        headers: { authorization: (await session(sf)).replace(/^/, 'Bearer ') },
      }),
      `/services/data/v62.0/sobjects/Lead/${id}`,
    )
    expect((await api.query(`SELECT Id FROM Lead WHERE Id = '${id}'`)).totalSize).toBe(0)
    const all = await api.query(`SELECT Id, IsDeleted FROM Lead WHERE Id = '${id}'`, { all: true })
    expect(all.records[0]).toMatchObject({ Id: id, IsDeleted: true })
  })

  it('answers bad queries with Salesforce errors', async () => {
    const malformed = await api.fail('SELECT Id FRM Account')
    expect(malformed.status).toBe(400)
    expect(malformed.errors[0]!.errorCode).toBe('MALFORMED_QUERY')
    expect(malformed.errors[0]!.message).toMatch(/ERROR at Row:1:Column:\d+/)
    const noColumn = await api.fail('SELECT Id, Foo FROM Account')
    expect(noColumn.errors[0]).toMatchObject({ errorCode: 'INVALID_FIELD' })
    expect(noColumn.errors[0]!.message).toContain("No such column 'Foo' on entity 'Account'")
    expect(noColumn.errors[0]!.message).toContain('ERROR at Row:1:Column:12')
    expect((await api.fail('SELECT Account.Bogus FROM Contact')).errors[0]!.message).toContain(
      "No such column 'Bogus' on entity 'Account'",
    )
    expect((await api.fail('SELECT Acct.Name FROM Contact')).errors[0]!.message).toContain(
      "Didn't understand relationship 'Acct'",
    )
    expect((await api.fail('SELECT Id FROM Widget')).errors[0]).toMatchObject({ errorCode: 'INVALID_TYPE' })
    expect((await api.fail('SELECT Id, (SELECT Id FROM Gizmos) FROM Account')).errors[0]).toMatchObject({
      errorCode: 'INVALID_TYPE',
    })
    expect((await api.fail('SELECT Name, COUNT(Id) FROM Account GROUP BY Industry')).errors[0]!.message).toContain(
      'Field must be grouped or aggregated: Name',
    )
    expect((await api.fail('SELECT Id FROM Account LIMIT 10 OFFSET 2001')).errors[0]!.errorCode).toBe(
      'NUMBER_OUTSIDE_VALID_RANGE',
    )
    expect((await api.fail("SELECT Id FROM Account WHERE Id = 'zzz'")).errors[0]!.errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR',
    )
    expect((await api.fail('SELECT SUM(Name) FROM Account')).errors[0]!.errorCode).toBe('MALFORMED_QUERY')
    const missing = await api.get('/services/data/v62.0/query')
    expect(missing.status).toBe(400)
  })
})

describe('schema as data', () => {
  it('serves a custom object with a multi-select picklist and filters it with INCLUDES/EXCLUDES', async () => {
    const survey = object('Survey__c', 'a01', 'Surveys', [
      text('Name', 80, { nameField: true }),
      ref('Account__c', 'Account', 'Account__r', 'Surveys__r'),
      field('Topics__c', 'multipicklist', {
        picklistValues: ['Price', 'Support', 'Quality'].map((value) => ({ value })),
      }),
      picklist('Mood__c', ['Happy', 'Sad']),
    ])
    const custom = createSalesforceEmulator({
      db: openDatabase(),
      baseUrl: () => BASE,
      clock: () => TODAY,
      schema: { objects: [...salesCloudObjects, survey] },
    })
    const customApi = client(custom, await session(custom))
    const account = await customApi.post('Account', { Name: 'Survey Co' })
    await customApi.post('Survey__c', { Name: 'one', Topics__c: 'Price;Support', Account__c: account })
    await customApi.post('Survey__c', { Name: 'two', Topics__c: 'Quality' })
    await customApi.post('Survey__c', { Name: 'three' })
    const names = async (where: string) =>
      (await customApi.query(`SELECT Name FROM Survey__c WHERE ${where} ORDER BY Name`)).records.map((r) => r.Name)
    expect(await names("Topics__c INCLUDES ('Support')")).toEqual(['one'])
    expect(await names("Topics__c INCLUDES ('Price;Support', 'Quality')")).toEqual(['one', 'two'])
    expect(await names("Topics__c INCLUDES ('Price;Quality')")).toEqual([])
    expect(await names("Topics__c EXCLUDES ('Price')")).toEqual(['three', 'two'])
    const nested = await customApi.query(
      "SELECT Name, (SELECT Name FROM Surveys__r) FROM Account WHERE Name = 'Survey Co'",
    )
    expect(nested.records[0]!.Surveys__r.records[0].Name).toBe('one')
    const notMulti = await customApi.fail("SELECT Id FROM Survey__c WHERE Mood__c INCLUDES ('Happy')")
    expect(notMulti.errors[0]!.errorCode).toBe('INVALID_FIELD')
  })
})
