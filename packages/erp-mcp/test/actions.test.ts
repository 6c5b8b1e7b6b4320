// Actions and custom services, and the signed-in user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptConsent, declineConsent, ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

describe('api_find_actions', () => {
  it('finds bound OData actions with their parameters and custom service operations', async () => {
    const { client, close } = await env.connect()
    const sales = ok(
      await client.callTool({ name: 'api_find_actions', arguments: { entitySet: 'SalesOrderHeadersV2' } }),
    )
    expect(sales.actions).toContainEqual(
      expect.objectContaining({
        name: 'SalesOrderHeadersV2.ConfirmSalesOrder',
        kind: 'odata',
        boundTo: 'entity',
        parameters: [],
      }),
    )
    const aging = ok(await client.callTool({ name: 'api_find_actions', arguments: { keywords: 'vendor aging' } }))
    expect(aging.actions[0]).toEqual({ name: 'CorvaneFinanceServices/AgingService/GetVendorAging', kind: 'service' })
    const balance = ok(await client.callTool({ name: 'api_find_actions', arguments: { keywords: 'customer balance' } }))
    expect(balance.actions.map((a: { name: string }) => a.name)).toContain('CustomersV3.GetCustomerBalance')
    await close()
  })
})

describe('api_invoke_action', () => {
  for (const era of ERAS) {
    it(`runs a bound action on one record after approval and a custom service operation (${era})`, async () => {
      const questions: string[] = []
      const { client, close } = await env.connect({
        era,
        onElicit: async (request) => {
          questions.push(request.message)
          return acceptConsent()
        },
      })
      const order = (
        await env.client.odata.queryAll(await env.client.odata.entity('SalesOrderHeadersV2'), {
          filter: "SalesOrderStatus eq Microsoft.Dynamics.DataEntities.SalesStatus'Backorder'",
          maxRows: 1,
        })
      ).rows[0]!
      const total = ok(
        await client.callTool({
          name: 'api_invoke_action',
          arguments: {
            name: 'SalesOrderHeadersV2.CalculateSalesOrderTotal',
            key: { SalesOrderNumber: order.SalesOrderNumber },
          },
        }),
      )
      expect(total).toEqual({ action: 'SalesOrderHeadersV2.CalculateSalesOrderTotal', result: order.TotalOrderAmount })
      expect(questions[0]).toMatch(/CalculateSalesOrderTotal on SalesOrderNumber='SO-/)
      const aging = ok(
        await client.callTool({
          name: 'api_invoke_action',
          arguments: {
            name: 'CorvaneFinanceServices/AgingService/GetVendorAging',
            parameters: '{"asOfDate":"2026-03-31","company":"usmf"}',
          },
        }),
      )
      expect(aging.result).toMatchObject({ AsOfDate: '2026-03-31', Company: 'usmf', Lines: expect.any(Array) })
      await close()
    })
  }

  it('changes nothing when the user declines', async () => {
    const { client, close } = await env.connect({ onElicit: declineConsent })
    const body = errorBody(
      await client.callTool({
        name: 'api_invoke_action',
        arguments: { name: 'SalesOrderHeadersV2.CancelSalesOrder', key: { SalesOrderNumber: 'SO-000001' } },
      }),
    )
    expect(body.code).toBe('ConsentDeclined')
    await close()
  })

  it('refuses parameters that are not a JSON object, or not the action’s, before running anything', async () => {
    const { client, close } = await env.connect({ onElicit: acceptConsent })
    const call = async (args: Record<string, unknown>) =>
      errorBody(await client.callTool({ name: 'api_invoke_action', arguments: args }))
    const broken = await call({
      name: 'CorvaneFinanceServices/AgingService/GetVendorAging',
      parameters: "{asOfDate: '2026-03-31'}",
    })
    expect(broken.code).toBe('InvalidInput')
    expect(broken.message).toMatch(/not valid JSON/)
    expect(broken.fix).toMatch(/JSON object in a string/)
    const list = await call({
      name: 'CorvaneFinanceServices/AgingService/GetVendorAging',
      parameters: '["2026-03-31"]',
    })
    expect(list.message).toMatch(/must be a JSON object; got a list/)
    const unknown = await call({
      name: 'SalesOrderHeadersV2.ConfirmSalesOrder',
      parameters: '{"force":true}',
      key: { SalesOrderNumber: 'SO-000001' },
    })
    expect(unknown.message).toMatch(/has no parameter force/)
    const noKey = await call({ name: 'SalesOrderHeadersV2.ConfirmSalesOrder' })
    expect(noKey.fix).toMatch(/key with dataAreaId and SalesOrderNumber/)
    const missing = await call({ name: 'ConfirmSalesOrders' })
    expect(missing.code).toBe('NotFound')
    expect(missing.message).toMatch(/SalesOrderHeadersV2\.ConfirmSalesOrder/)
    // finance & operations' own refusal is passed through
    const lines = await env.client.odata.queryAll(await env.client.odata.entity('SalesOrderHeadersV2'), {
      filter: "SalesOrderStatus eq Microsoft.Dynamics.DataEntities.SalesStatus'Invoiced'",
      maxRows: 1,
    })
    const invoiced = await call({
      name: 'SalesOrderHeadersV2.CancelSalesOrder',
      key: { SalesOrderNumber: lines.rows[0]!.SalesOrderNumber },
    })
    expect(invoiced.message).toMatch(/only open orders can be canceled/)
    await close()
  })
})

describe('get_current_user', () => {
  it('names the user, the default company and the companies', async () => {
    const { client, close } = await env.connect()
    const user = ok(await client.callTool({ name: 'get_current_user', arguments: {} }))
    expect(user).toMatchObject({ userId: 'Admin', defaultCompany: 'usmf' })
    expect(user.companies.map((c: { id: string }) => c.id)).toEqual(['demf', 'gbsi', 'usmf'])
    await close()
  })
})
