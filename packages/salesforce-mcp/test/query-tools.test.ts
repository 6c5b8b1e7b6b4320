// executeQuery paging and cursors, queryActivities, generateForecast, API limits and read-only mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

for (const era of ERAS) {
  describe(`query tools (${era})`, () => {
    it('pages a SOQL query with a row cap and an opaque cursor, across nextRecordsUrl', async () => {
      const { client, close } = await env.connect({ era })
      const soql = 'SELECT Id, Name, Account.Name FROM Contact ORDER BY Name'
      const first = ok(await client.callTool({ name: 'executeQuery', arguments: { soql, maxRows: 250 } }))
      expect(first.totalSize).toBe(300)
      expect(first.records).toHaveLength(250)
      expect(first.records[0]).not.toHaveProperty('attributes')
      expect(first.records[0].Account).toHaveProperty('Name')
      const second = ok(await client.callTool({ name: 'executeQuery', arguments: { soql, cursor: first.nextCursor } }))
      expect(second.records).toHaveLength(50)
      expect(second.nextCursor).toBeUndefined()
      const ids = new Set([...first.records, ...second.records].map((r: { Id: string }) => r.Id))
      expect(ids.size).toBe(300)
      // small pages stop inside Salesforce's 200-row minimum batch and resume by offset
      const small = ok(await client.callTool({ name: 'executeQuery', arguments: { soql, maxRows: 10 } }))
      const next = ok(
        await client.callTool({ name: 'executeQuery', arguments: { soql, maxRows: 10, cursor: small.nextCursor } }),
      )
      expect(next.records[0].Id).toBe(first.records[10].Id)
      const all = ok(await client.callTool({ name: 'executeQuery', arguments: { soql, maxRows: 5000 } }))
      expect(all.records).toHaveLength(300)
      expect(all.nextCursor).toBeUndefined()
      await close()
    })

    it('returns aggregates and maps invalid SOQL to the org’s error', async () => {
      const { client, close } = await env.connect({ era })
      const grouped = ok(
        await client.callTool({
          name: 'executeQuery',
          arguments: { soql: 'SELECT StageName, SUM(Amount) total FROM Opportunity GROUP BY StageName' },
        }),
      )
      expect(grouped.records.length).toBeGreaterThan(3)
      const bad = errorBody(
        await client.callTool({ name: 'executeQuery', arguments: { soql: 'SELECT Nope FROM Account' } }),
      )
      expect(bad).toMatchObject({ code: 'InvalidInput', details: { errorCode: 'INVALID_FIELD' } })
      const malformed = errorBody(await client.callTool({ name: 'executeQuery', arguments: { soql: 'SELECT FROM' } }))
      expect(malformed.details?.errorCode).toBe('MALFORMED_QUERY')
      const forged = errorBody(
        await client.callTool({ name: 'executeQuery', arguments: { soql: 'x', cursor: 'garbage' } }),
      )
      expect(forged.code).toBe('InvalidCursor')
      await close()
    })

    it('lists tasks, calls and events by who/what and date range', async () => {
      const { client, close } = await env.connect({ era })
      const [row] = (
        await env.client.query("SELECT WhatId FROM Task WHERE WhatId != null AND TaskSubtype = 'Call' LIMIT 1")
      ).records
      const whatId = String(row?.WhatId)
      const all = ok(await client.callTool({ name: 'queryActivities', arguments: { whatId } }))
      expect(all.tasks.length).toBeGreaterThan(0)
      expect(all.tasks.every((t: { WhatId: string }) => t.WhatId === whatId)).toBe(true)
      const calls = ok(await client.callTool({ name: 'queryActivities', arguments: { whatId, kinds: ['call'] } }))
      expect(calls.tasks.every((t: { TaskSubtype: string }) => t.TaskSubtype === 'Call')).toBe(true)
      expect(calls.events).toEqual([])
      const none = ok(
        await client.callTool({ name: 'queryActivities', arguments: { whatId, from: '1990-01-01', to: '1990-12-31' } }),
      )
      expect(none).toMatchObject({ tasks: [], events: [] })
      const missing = errorBody(await client.callTool({ name: 'queryActivities', arguments: {} }))
      expect(missing.code).toBe('InvalidInput')
      await close()
    })

    it('generates a forecast from Collaborative Forecasts, or from opportunities where there is none', async () => {
      const { client, close } = await env.connect({ era })
      const total = (cats: Array<{ amount: number }>) => cats.reduce((s, c) => s + c.amount, 0)
      const [owner] = (
        await env.client.query(
          'SELECT OwnerId FROM Opportunity WHERE Owner.UserRoleId != null AND CloseDate = THIS_QUARTER LIMIT 1',
        )
      ).records
      const ownerId = String(owner?.OwnerId)
      const quarter = ok(await client.callTool({ name: 'generateForecast', arguments: { ownerIds: [ownerId] } }))
      expect(quarter.source).toBe('ForecastingItem')
      expect(quarter.from).toMatch(/^\d{4}-(01|04|07|10)-01$/)
      const [own] = (
        await env.client.query(
          `SELECT SUM(Amount) s FROM Opportunity WHERE OwnerId = '${ownerId}' AND CloseDate >= ${quarter.from} AND CloseDate <= ${quarter.to} AND ForecastCategoryName != 'Omitted'`,
        )
      ).records
      expect(total(quarter.categories)).toBeCloseTo(Number(own?.s ?? 0))
      expect(quarter.rollup.bestCase).toBeGreaterThanOrEqual(quarter.rollup.commit)
      // forecasts are quarterly: a month has no forecast period, so opportunities are summed
      const month = ok(await client.callTool({ name: 'generateForecast', arguments: { period: 'THIS_MONTH' } }))
      expect(month.source).toBe('OpportunityAggregate')
      expect(month.note).toMatch(/Opportunity Amount/)
      const [monthTotal] = (
        await env.client.query(
          `SELECT SUM(Amount) s FROM Opportunity WHERE CloseDate >= ${month.from} AND CloseDate <= ${month.to}`,
        )
      ).records
      expect(total(month.categories)).toBeCloseTo(Number(monthTotal?.s ?? 0))
      const [manager] = (await env.client.query('SELECT ManagerId FROM User WHERE ManagerId != null LIMIT 1')).records
      const team = ok(
        await client.callTool({ name: 'generateForecast', arguments: { managerId: String(manager?.ManagerId) } }),
      )
      const all = ok(await client.callTool({ name: 'generateForecast', arguments: {} }))
      expect(total(team.categories)).toBeLessThanOrEqual(total(all.categories))
      const bad = errorBody(await client.callTool({ name: 'generateForecast', arguments: { from: '2025-01-01' } }))
      expect(bad.code).toBe('InvalidInput')
      await close()
    })
  })
}

describe('limits and modes', () => {
  it('maps REQUEST_LIMIT_EXCEEDED to a clear error and warns as usage nears the limit', async () => {
    const { client, close } = await env.connect()
    const limit = Number(env.emulator.apiLimit ?? 15000)
    env.setApiUsage(Math.floor(limit * 0.9))
    const near = ok(
      await client.callTool({ name: 'executeQuery', arguments: { soql: 'SELECT Id FROM Account LIMIT 1' } }),
    )
    expect(near.apiUsage).toMatch(/^Org API usage \d+\/15000 \(90%/)
    env.setApiUsage(limit)
    const over = errorBody(await client.callTool({ name: 'getAccount', arguments: { id: '0018d0000004C93AAE' } }))
    expect(over).toMatchObject({ code: 'RateLimited', details: { errorCode: 'REQUEST_LIMIT_EXCEEDED' } })
    expect(over.fix).toMatch(/allowance/)
    env.setApiUsage(0)
    await close()
  })

  it('read-only mode lists and runs only read tools', async () => {
    const { client, close } = await env.connect({}, { readOnly: true })
    const names = (await client.listTools()).tools.map((t) => t.name).sort()
    expect(names).toEqual([
      'executeQuery',
      'generateForecast',
      'getAccount',
      'getContact',
      'getLead',
      'getOpportunity',
      'getReport',
      'listReports',
      'queryActivities',
    ])
    await expect(
      client.callTool({ name: 'createLead', arguments: { lead: { LastName: 'x', Company: 'y' } } }),
    ).rejects.toThrow(/Unknown tool/)
    await close()
  })
})
