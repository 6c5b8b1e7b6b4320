// Bound OData actions, custom services (listing and operations, GetUserSessionInfo among them)
// and authentication of the finance & operations emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ErpTestEnv, erpTestEnv } from './erp-helpers.js'

let env: ErpTestEnv
beforeAll(async () => {
  env = await erpTestEnv()
})
afterAll(() => env.close())

const NS = 'Microsoft.Dynamics.DataEntities'

describe('bound actions', () => {
  it('confirms a sales order and computes its total', async () => {
    const open = await env.call(
      'GET',
      `/data/SalesOrderHeadersV2?$filter=SalesOrderStatus eq ${NS}.SalesStatus'Backorder' and SalesOrderProcessingStatus eq ${NS}.DocumentStatus'None'&$top=1`,
    )
    const order = open.json.value[0]
    const url = `/data/SalesOrderHeadersV2(dataAreaId='usmf',SalesOrderNumber='${order.SalesOrderNumber}')`
    const confirmed = await env.call('POST', `${url}/${NS}.ConfirmSalesOrder`, { body: {} })
    expect(confirmed.status, confirmed.text).toBe(200)
    expect(confirmed.json).toEqual({
      '@odata.context': `${env.url}/data/$metadata#Edm.String`,
      value: `${order.SalesOrderNumber}-1`,
    })
    expect((await env.call('GET', url)).json.SalesOrderProcessingStatus).toBe('Confirmation')
    const total = await env.call('POST', `${url}/${NS}.CalculateSalesOrderTotal`, { body: {} })
    expect(total.json.value).toBe(order.TotalOrderAmount)
  })

  it('runs an entity-bound action on the collection with the keys in the body', async () => {
    const balance = await env.call('POST', `/data/VendorsV2/${NS}.GetVendorBalance`, {
      body: { dataAreaId: 'usmf', VendorAccountNumber: 'USV-002' },
    })
    expect(balance.status, balance.text).toBe(200)
    expect(balance.json.value).toBe(14400)
    const customer = await env.call(
      'POST',
      `/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')/${NS}.GetCustomerBalance`,
      { body: {} },
    )
    expect(customer.json.value).toBe(25050)
  })

  it('cancels an open sales order with its lines (204), then refuses to confirm it', async () => {
    const created = await env.call('POST', '/data/SalesOrderHeadersV2', {
      body: { OrderingCustomerAccountNumber: 'US-010' },
    })
    const url = `/data/SalesOrderHeadersV2(dataAreaId='usmf',SalesOrderNumber='${created.json.SalesOrderNumber}')`
    const noLines = await env.call('POST', `${url}/${NS}.ConfirmSalesOrder`, { body: {} })
    expect(noLines.status).toBe(400)
    expect(noLines.json.error.innererror.message).toMatch(/has no lines/)
    await env.call('POST', '/data/SalesOrderLines', {
      body: { SalesOrderNumber: created.json.SalesOrderNumber, ItemNumber: 'P-0002', OrderedSalesQuantity: 5 },
    })
    const cancel = await env.call('POST', `${url}/${NS}.CancelSalesOrder`, {
      body: { Reason: 'Customer changed their mind' },
    })
    expect(cancel.status, cancel.text).toBe(204)
    const read = await env.call('GET', `${url}?$expand=SalesOrderLines($select=SalesOrderLineStatus)`)
    expect(read.json.SalesOrderStatus).toBe('Canceled')
    expect(read.json.SalesOrderLines.map((l: { SalesOrderLineStatus: string }) => l.SalesOrderLineStatus)).toEqual([
      'Canceled',
    ])
    const again = await env.call('POST', `${url}/${NS}.ConfirmSalesOrder`, { body: {} })
    expect(again.status).toBe(400)
    expect(again.json.error.innererror.message).toMatch(/is canceled and can't be confirmed/)
  })

  it('confirms a purchase order', async () => {
    const draft = await env.call(
      'GET',
      `/data/PurchaseOrderHeadersV2?$filter=DocumentApprovalStatus eq ${NS}.VersioningDocumentState'Draft'&$top=1`,
    )
    const number = draft.json.value[0].PurchaseOrderNumber
    const response = await env.call(
      'POST',
      `/data/PurchaseOrderHeadersV2(dataAreaId='usmf',PurchaseOrderNumber='${number}')/${NS}.ConfirmPurchaseOrder`,
      { body: {} },
    )
    expect(response.json.value).toBe('Confirmed')
  })

  it('posts a balanced journal, and refuses an unbalanced one and a posted one', async () => {
    const journal = (n: string) => `/data/LedgerJournalHeaders(dataAreaId='usmf',JournalBatchNumber='${n}')`
    const unbalanced = await env.call('POST', `${journal('GJ-000003')}/${NS}.PostJournal`, { body: {} })
    expect(unbalanced.status).toBe(400)
    expect(unbalanced.json.error.innererror.message).toMatch(/don't balance \(debit minus credit is 100\.00\)/)
    expect((await env.call('GET', journal('GJ-000003'))).json.IsPosted).toBe('No')
    expect((await env.call('POST', `${journal('GJ-000003')}/${NS}.ValidateJournal`, { body: {} })).json.value).toBe(100)
    const posted = await env.call('POST', `${journal('GJ-000002')}/${NS}.PostJournal`, { body: {} })
    expect(posted.status, posted.text).toBe(200)
    expect(posted.json.value).toMatch(/^GNJL\d{6}( - GNJL\d{6})?$/)
    expect((await env.call('GET', journal('GJ-000002'))).json).toMatchObject({
      IsPosted: 'Yes',
      PostedByUserId: 'avery',
      PostedDate: '2026-05-15T12:00:00Z',
    })
    const twice = await env.call('POST', `${journal('GJ-000002')}/${NS}.PostJournal`, { body: {} })
    expect(twice.status).toBe(400)
    expect(twice.json.error.innererror.message).toMatch(/already posted/)
  })

  it.each([
    [
      'an unknown action',
      `/data/SalesOrderHeadersV2(dataAreaId='usmf',SalesOrderNumber='SO-000001')/${NS}.ShipIt`,
      {},
      404,
    ],
    [
      'an unknown parameter',
      `/data/SalesOrderHeadersV2(dataAreaId='usmf',SalesOrderNumber='SO-000001')/${NS}.ConfirmSalesOrder`,
      { Force: true },
      400,
    ],
    [
      'a record that does not exist',
      `/data/SalesOrderHeadersV2(dataAreaId='usmf',SalesOrderNumber='SO-999999')/${NS}.ConfirmSalesOrder`,
      {},
      404,
    ],
    ['missing keys on the collection', `/data/VendorsV2/${NS}.GetVendorBalance`, { dataAreaId: 'usmf' }, 400],
    ['keys of no record', `/data/VendorsV2/${NS}.GetVendorBalance`, { VendorAccountNumber: 'USV-999' }, 404],
  ])('refuses %s', async (_, path, body, status) => {
    const response = await env.call('POST', path, { body })
    expect(response.status, response.text).toBe(status)
    expect(response.json.error.innererror.message).toEqual(expect.any(String))
  })

  it('refuses GET on an action', async () => {
    const response = await env.call('GET', `/data/VendorsV2/${NS}.GetVendorBalance`)
    expect(response.status).toBe(405)
  })
})

describe('custom services', () => {
  it('lists service groups, services, operations and an operation signature on GET', async () => {
    expect((await env.call('GET', '/api/services')).json.ServiceGroups).toEqual(
      expect.arrayContaining([{ Name: 'UserSessionService' }, { Name: 'CorvaneFinanceServices' }]),
    )
    expect((await env.call('GET', '/api/services/UserSessionService')).json).toEqual({
      Services: [{ Name: 'AifUserSessionService' }],
    })
    expect(
      (await env.call('GET', '/api/services/UserSessionService/AifUserSessionService')).json.Operations,
    ).toContainEqual({ Name: 'GetUserSessionInfo' })
    expect((await env.call('GET', '/api/services/CorvaneFinanceServices/AgingService/GetVendorAging')).json).toEqual({
      Parameters: [
        { Name: 'asOfDate', Type: 'Date' },
        { Name: 'company', Type: 'String' },
      ],
      Return: { Name: 'return', Type: 'Corvane.AgingResult' },
    })
  })

  it('answers GetUserSessionInfo for the signed-in user, and as Admin for an app-only token', async () => {
    const user = await env.call('POST', '/api/services/UserSessionService/AifUserSessionService/GetUserSessionInfo', {
      body: {},
    })
    expect(user.status).toBe(200)
    expect(user.json).toMatchObject({
      UserId: 'avery',
      Company: 'USMF',
      CurrencyInfo: { CurrencyCode: 'USD' },
      IsSysAdmin: false,
    })
    const app = await env.call('POST', '/api/services/UserSessionService/AifUserSessionService/GetUserSessionInfo', {
      body: {},
      token: env.appToken,
    })
    expect(app.json).toMatchObject({ UserId: 'Admin', IsSysAdmin: true })
  })

  it('ages vendors as of today and as of another date', async () => {
    const aging = await env.call('POST', '/api/services/CorvaneFinanceServices/AgingService/GetVendorAging', {
      body: {},
    })
    expect(aging.json).toMatchObject({ AsOfDate: '2026-05-15', Company: 'usmf', CurrencyCode: 'USD' })
    expect(aging.json.Totals).toEqual({
      Current: 39950,
      Days1To30: 3826.4,
      Days31To60: 5320,
      Days61To90: 3620.4,
      Over90: 10163.33,
      Balance: 62880.13,
    })
    expect(aging.json.Lines[1]).toEqual({
      Account: 'USV-002',
      Name: 'Brightwater Electronics',
      Current: 12400,
      Days1To30: 0,
      Days31To60: 0,
      Days61To90: 2000,
      Over90: 0,
      Balance: 14400,
    })
    const gbsi = await env.call('POST', '/api/services/CorvaneFinanceServices/AgingService/GetCustomerAging', {
      body: { company: 'GBSI', asOfDate: '2026-06-14' },
    })
    expect(gbsi.json).toMatchObject({ Company: 'gbsi', CurrencyCode: 'GBP', AsOfDate: '2026-06-14' })
    expect(gbsi.json.Totals.Current).toBe(0)
  })

  it.each([
    ['POST', '/api/services/Nope', {}, 404],
    ['GET', '/api/services/UserSessionService/Nope', undefined, 404],
    ['GET', '/api/services/UserSessionService/AifUserSessionService/Nope', undefined, 404],
    ['POST', '/api/services', {}, 405],
    ['DELETE', '/api/services/UserSessionService/AifUserSessionService/GetUserSessionInfo', undefined, 405],
    ['POST', '/api/services/CorvaneFinanceServices/AgingService/GetVendorAging', { company: 'zzzz' }, 400],
    ['POST', '/api/services/CorvaneFinanceServices/AgingService/GetVendorAging', { asOfDate: 'yesterday' }, 400],
    ['POST', '/api/services/CorvaneFinanceServices/AgingService/GetVendorAging', { vendor: 'USV-001' }, 400],
    ['POST', '/api/services/UserSessionService/AifUserSessionService/GetUserSessionInfo', '[1,2', 400],
  ])('%s %s → %i', async (method, path, body, status) => {
    const response = await env.call(method, path, { body })
    expect(response.status, response.text).toBe(status)
    expect(response.json.error.innererror.message).toEqual(expect.any(String))
  })
})

describe('authentication', () => {
  it('answers 401 with a challenge without a token, with a bad one, or with one for another resource', async () => {
    const other = await env.sandbox.entra
      .requestToken({ scope: 'https://graph.microsoft.com/.default' })
      .catch(() => 'x.y.z')
    for (const token of [null, 'not-a-jwt', other]) {
      const response = await env.call('GET', '/data/CustomersV3', { token })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri="/)
      expect(response.json.error.innererror.type).toBe('System.UnauthorizedAccessException')
    }
  })

  it('refuses a disabled user with 403, and serves them again once enabled', async () => {
    const sam = await env.sandbox.entra.requestToken({
      scope: `${env.url}/.default`,
      username: env.sandbox.entra.users[1]!.userPrincipalName,
    })
    expect((await env.call('GET', '/data/LegalEntities', { token: sam })).status).toBe(200)
    expect(
      (await env.call('PATCH', "/data/SystemUsers('sam')", { body: { Enabled: 'No' }, token: env.appToken })).status,
    ).toBe(204)
    const refused = await env.call('GET', '/data/LegalEntities', { token: sam })
    expect(refused.status).toBe(403)
    expect(refused.json.error.innererror.message).toMatch(/disabled/)
    await env.call('PATCH', "/data/SystemUsers('sam')", { body: { Enabled: 'Yes' }, token: env.appToken })
    expect((await env.call('GET', '/data/LegalEntities', { token: sam })).status).toBe(200)
  })

  it('reads as the user the token is for: default company from SystemUsers', async () => {
    await env.call('PATCH', "/data/SystemUsers('casey')", { body: { Company: 'demf' }, token: env.appToken })
    const casey = await env.sandbox.entra.requestToken({
      scope: `${env.url}/.default`,
      username: env.sandbox.entra.users[2]!.userPrincipalName,
    })
    const rows = (await env.call('GET', '/data/CustomersV3?$select=dataAreaId', { token: casey })).json.value
    expect(new Set(rows.map((r: { dataAreaId: string }) => r.dataAreaId))).toEqual(new Set(['demf']))
    const created = await env.call('POST', '/data/CustomerGroups', {
      body: { CustomerGroupId: '60', Description: 'Made by Casey' },
      token: casey,
    })
    expect(created.json.dataAreaId).toBe('demf')
  })

  it('answers 404 for paths the environment does not have', async () => {
    const response = await env.call('GET', '/nothing-here')
    expect(response.status).toBe(404)
  })
})
