// Writing through the finance & operations emulator's OData service: creates in the user's company
// or a named one, updates with ETags, deletes, and every kind of refused write leaving no trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ErpTestEnv, erpTestEnv } from './erp-helpers.js'

let env: ErpTestEnv
beforeAll(async () => {
  env = await erpTestEnv()
})
afterAll(() => env.close())

const count = async (path: string) =>
  Number((await env.call('GET', `${path}${path.includes('?') ? '&' : '?'}cross-company=true`.replace('?&', '?'))).text)

const newCustomer = (account: string, extra: Record<string, unknown> = {}) => ({
  CustomerAccount: account,
  OrganizationName: 'Quillfeather Cold Chain',
  CustomerGroupId: '20',
  SalesCurrencyCode: 'USD',
  ...extra,
})

describe('create', () => {
  it("creates in the user's default company and answers 201 with the record and its URL", async () => {
    const response = await env.call('POST', '/data/CustomersV3', {
      body: newCustomer('US-500', { CreditLimit: 75000 }),
    })
    expect(response.status, response.text).toBe(201)
    expect(response.json).toMatchObject({
      dataAreaId: 'usmf',
      CustomerAccount: 'US-500',
      CreditLimit: 75000,
      OnHoldStatus: 'No',
      PaymentTerms: '',
    })
    expect(response.headers.get('location')).toBe(
      `${env.url}/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-500')`,
    )
    const read = await env.call('GET', "/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-500')")
    expect(read.json.OrganizationName).toBe('Quillfeather Cold Chain')
  })

  it('creates in the company named by dataAreaId, and numbers documents from the sequence', async () => {
    const customer = await env.call('POST', '/data/CustomersV3', {
      body: newCustomer('GB-500', { dataAreaId: 'gbsi', SalesCurrencyCode: 'GBP' }),
    })
    expect(customer.status).toBe(201)
    expect(customer.json.dataAreaId).toBe('gbsi')
    const order = await env.call('POST', '/data/SalesOrderHeadersV2', {
      body: { dataAreaId: 'gbsi', OrderingCustomerAccountNumber: 'GB-500', RequestedShippingDate: '2026-06-01' },
    })
    expect(order.status, order.text).toBe(201)
    expect(order.json).toMatchObject({
      SalesOrderName: 'Quillfeather Cold Chain',
      CurrencyCode: 'GBP',
      RequestedShippingDate: '2026-06-01T12:00:00Z',
      SalesOrderStatus: 'Backorder',
    })
    const line = await env.call('POST', '/data/SalesOrderLines', {
      body: {
        dataAreaId: 'gbsi',
        SalesOrderNumber: order.json.SalesOrderNumber,
        ItemNumber: 'P-0001',
        OrderedSalesQuantity: 100,
      },
      headers: { prefer: 'return=minimal' },
    })
    expect(line.status).toBe(204)
    expect(line.headers.get('location')).toMatch(/SalesOrderLines\(dataAreaId='gbsi',InventoryLotId='LOT-\d{8}'\)/)
    const header = await env.call(
      'GET',
      `/data/SalesOrderHeadersV2(dataAreaId='gbsi',SalesOrderNumber='${order.json.SalesOrderNumber}')?$expand=SalesOrderLines`,
    )
    expect(header.json.TotalOrderAmount).toBe(379)
    expect(header.json.SalesOrderLines).toHaveLength(1)
  })

  const refused: Array<[string, string, unknown, number, RegExp]> = [
    [
      'a missing mandatory field',
      '/data/CustomersV3',
      { CustomerAccount: 'US-600', OrganizationName: 'X', SalesCurrencyCode: 'USD' },
      400,
      /Customer group.*must be filled in/,
    ],
    [
      'a missing key',
      '/data/CustomersV3',
      { OrganizationName: 'X', CustomerGroupId: '10', SalesCurrencyCode: 'USD' },
      400,
      /Customer account.*must be filled in/,
    ],
    [
      'a read-only field',
      '/data/SalesOrderHeadersV2',
      { OrderingCustomerAccountNumber: 'US-001', SalesOrderStatus: 'Invoiced' },
      400,
      /'SalesOrderStatus' on the entity 'SalesOrderHeaderV2' is read-only/,
    ],
    [
      'an unknown field',
      '/data/CustomersV3',
      newCustomer('US-601', { Colour: 'red' }),
      400,
      /property 'Colour' does not exist/,
    ],
    [
      'a wrong type',
      '/data/CustomersV3',
      newCustomer('US-602', { CreditLimit: true }),
      400,
      /Cannot convert the literal 'true' to the expected type 'Edm.Decimal'/,
    ],
    ['a string too long', '/data/CustomersV3', newCustomer('US-603', { NameAlias: 'x'.repeat(21) }), 400, /at most 20/],
    ['a duplicate key', '/data/CustomersV3', newCustomer('US-001'), 400, /The record already exists/],
    [
      'an unknown company',
      '/data/CustomersV3',
      newCustomer('US-604', { dataAreaId: 'zzzz' }),
      400,
      /Company 'zzzz' does not exist/,
    ],
    [
      'a dataAreaId that is not text',
      '/data/CustomersV3',
      newCustomer('US-605', { dataAreaId: 7 }),
      400,
      /must be a string/,
    ],
    [
      'an unknown related record',
      '/data/SalesOrderLines',
      { SalesOrderNumber: 'SO-000001', ItemNumber: 'P-9999', OrderedSalesQuantity: 1 },
      400,
      /'P-9999' in field 'Item number' is not found/,
    ],
    ['a body that is not JSON', '/data/CustomersV3', '{"CustomerAccount":', 400, /not valid JSON/],
    ['a read-only entity', '/data/VendorTransactions', { Voucher: 'X', VendorAccount: 'USV-001' }, 405, /read-only/],
  ]

  it.each(refused)('refuses %s and leaves no trace', async (_, path, body, status, message) => {
    const set = path.slice('/data/'.length)
    const before = await count(`/data/${set}/$count`)
    const lines = await count('/data/SalesOrderLines/$count')
    const response = await env.call('POST', path, { body })
    expect(response.status, response.text).toBe(status)
    expect(response.json.error.innererror.message).toMatch(message)
    expect(await count(`/data/${set}/$count`)).toBe(before)
    expect(await count('/data/SalesOrderLines/$count')).toBe(lines)
  })

  it('refuses a line on an invoiced order and leaves no trace', async () => {
    const invoiced = await env.call(
      'GET',
      "/data/SalesOrderHeadersV2?$filter=SalesOrderStatus eq Microsoft.Dynamics.DataEntities.SalesStatus'Invoiced'&$top=1&$expand=SalesOrderLines($select=InventoryLotId)",
    )
    const order = invoiced.json.value[0]
    const response = await env.call('POST', '/data/SalesOrderLines', {
      body: { SalesOrderNumber: order.SalesOrderNumber, ItemNumber: 'P-0001', OrderedSalesQuantity: 1 },
    })
    expect(response.status).toBe(400)
    expect(response.json.error.innererror.message).toMatch(/is invoiced and can't be changed/)
    const after = await env.call(
      'GET',
      `/data/SalesOrderLines/$count?$filter=SalesOrderNumber eq '${order.SalesOrderNumber}'`,
    )
    expect(Number(after.text)).toBe(order.SalesOrderLines.length)
  })

  it('shapes write failures as F&O does: a generic message with the detail inside', async () => {
    const response = await env.call('POST', '/data/CustomersV3', { body: newCustomer('US-001') })
    expect(response.json).toEqual({
      error: {
        code: '',
        message: 'An error has occurred.',
        innererror: {
          message: expect.stringContaining('Cannot create a record in Customers'),
          type: 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataException',
          stacktrace: '',
        },
      },
    })
  })
})

describe('update and delete', () => {
  const vendor = "/data/VendorsV2(dataAreaId='usmf',VendorAccountNumber='USV-010')"

  it('updates with PATCH (204), checks If-Match, and returns the record when asked', async () => {
    const read = await env.call('GET', vendor)
    const patched = await env.call('PATCH', vendor, {
      body: { PrimaryPhoneNumber: '+1 555 0100' },
      headers: { 'if-match': read.json['@odata.etag'] },
    })
    expect(patched.status, patched.text).toBe(204)
    const stale = await env.call('PATCH', vendor, {
      body: { PrimaryPhoneNumber: '+1 555 0199' },
      headers: { 'if-match': read.json['@odata.etag'] },
    })
    expect(stale.status).toBe(412)
    const fresh = await env.call('PATCH', vendor, {
      body: { VendorSearchName: 'Copper' },
      headers: { prefer: 'return=representation', 'if-match': '*' },
    })
    expect(fresh.status).toBe(200)
    expect(fresh.json).toMatchObject({ PrimaryPhoneNumber: '+1 555 0100', VendorSearchName: 'Copper' })
  })

  it.each([
    ['a key change', { VendorAccountNumber: 'USV-999' }, 400, /key field 'VendorAccountNumber'.*can't be changed/],
    ['another company', { dataAreaId: 'demf' }, 400, /can't be changed/],
    ['an emptied mandatory field', { VendorOrganizationName: '' }, 400, /Name.*must be filled in/],
    ['an unknown field', { Colour: 'red' }, 400, /property 'Colour'/],
    ['a wrong enum member', { OnHoldStatus: 'Sometimes' }, 400, /not a member of the enum type/],
    ['a missing related record', { VendorGroupId: '99' }, 400, /not found in the relating table 'Vendor groups'/],
  ])('refuses %s and changes nothing', async (_, body, status, message) => {
    const before = (await env.call('GET', vendor)).json
    const response = await env.call('PATCH', vendor, { body })
    expect(response.status, response.text).toBe(status)
    expect(response.json.error.innererror.message).toMatch(message)
    expect((await env.call('GET', vendor)).json).toEqual(before)
  })

  it('takes back a whole record as read (annotations, keys and unchanged read-only fields included)', async () => {
    const url = "/data/SalesOrderHeadersV2(dataAreaId='usmf',SalesOrderNumber='SO-000005')"
    const { '@odata.context': _, ...record } = (await env.call('GET', url)).json
    const response = await env.call('PATCH', url, { body: { ...record, CustomersOrderReference: 'Round trip' } })
    expect(response.status, response.text).toBe(204)
    expect((await env.call('GET', url)).json.CustomersOrderReference).toBe('Round trip')
  })

  it('answers 404 for a record that does not exist', async () => {
    const response = await env.call('PATCH', "/data/VendorsV2(dataAreaId='usmf',VendorAccountNumber='USV-999')", {
      body: { VendorSearchName: 'x' },
    })
    expect(response.status).toBe(404)
    expect((await env.call('DELETE', "/data/VendorsV2(dataAreaId='usmf',VendorAccountNumber='USV-999')")).status).toBe(
      404,
    )
  })

  it('deletes a header with its lines, and refuses to delete a record others use', async () => {
    const order = await env.call('POST', '/data/PurchaseOrderHeadersV2', {
      body: { OrderVendorAccountNumber: 'USV-003' },
    })
    const number = order.json.PurchaseOrderNumber
    for (const item of ['P-0001', 'P-0002']) {
      const line = await env.call('POST', '/data/PurchaseOrderLinesV2', {
        body: { PurchaseOrderNumber: number, ItemNumber: item, OrderedPurchaseQuantity: 10 },
      })
      expect(line.status, line.text).toBe(201)
    }
    const lines = await env.call('GET', `/data/PurchaseOrderLinesV2?$filter=PurchaseOrderNumber eq '${number}'`)
    expect(lines.json.value.map((l: { LineNumber: number }) => l.LineNumber)).toEqual([1, 2])
    expect(
      (await env.call('DELETE', `/data/PurchaseOrderHeadersV2(dataAreaId='usmf',PurchaseOrderNumber='${number}')`))
        .status,
    ).toBe(204)
    expect(
      (await env.call('GET', `/data/PurchaseOrderLinesV2?$filter=PurchaseOrderNumber eq '${number}'`)).json.value,
    ).toEqual([])
    const used = await env.call('DELETE', "/data/VendorsV2(dataAreaId='usmf',VendorAccountNumber='USV-001')")
    expect(used.status).toBe(400)
    expect(used.json.error.innererror.message).toMatch(/can't be deleted; it is used in/)
    expect((await env.call('GET', "/data/VendorsV2(dataAreaId='usmf',VendorAccountNumber='USV-001')")).status).toBe(200)
  })

  it.each([
    ['PUT', '/data/CustomersV3', 405],
    ['DELETE', '/data/CustomersV3', 405],
    ['POST', "/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", 405],
    ['POST', '/data/$metadata', 405],
    ['DELETE', '/data/', 405],
    ['PATCH', "/data/VendorTransactions(dataAreaId='usmf',Voucher='APV-000001')", 405],
  ])('%s %s → %i', async (method, path, status) => {
    const response = await env.call(method, path, { body: {} })
    expect(response.status, response.text).toBe(status)
    expect(response.json.error).toBeDefined()
  })
})
