// Reading the finance & operations emulator's OData service through HTTP: service document,
// $metadata, query options, paging, cross-company, records by key, navigation, and bad input.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ErpTestEnv, erpTestEnv } from './erp-helpers.js'

let env: ErpTestEnv
beforeAll(async () => {
  env = await erpTestEnv()
})
afterAll(() => env.close())

const get = (path: string, headers?: Record<string, string>) => env.call('GET', path, { headers })
const values = async (path: string) => {
  const response = await get(path)
  expect(response.status, response.text).toBe(200)
  return response.json.value as Array<Record<string, unknown>>
}

describe('service document and $metadata', () => {
  it('lists every entity set', async () => {
    const response = await get('/data/')
    expect(response.status).toBe(200)
    expect(response.headers.get('odata-version')).toBe('4.0')
    const names = response.json.value.map((v: { name: string }) => v.name)
    expect(names).toEqual(
      expect.arrayContaining([
        'LegalEntities',
        'CustomersV3',
        'VendorsV2',
        'ReleasedProductsV2',
        'SalesOrderHeadersV2',
        'SalesOrderLines',
        'PurchaseOrderHeadersV2',
        'PurchaseOrderLinesV2',
        'VendorInvoiceHeaders',
        'VendorInvoiceLines',
        'VendorTransactions',
        'CustomerTransactions',
        'LedgerJournalHeaders',
        'LedgerJournalLines',
        'MainAccounts',
        'Workers',
        'SystemUsers',
        'CustomerGroups',
        'VendorGroups',
        'DocumentAttachments',
      ]),
    )
  })

  it('serves well-formed EDMX with keys, enums, navigation and bound actions', async () => {
    const response = await get('/data/$metadata')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/xml/)
    expect(XMLValidator.validate(response.text)).toBe(true)
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name, _path, _leaf, isAttribute) =>
        !isAttribute &&
        [
          'EntityType',
          'Property',
          'PropertyRef',
          'EnumType',
          'Member',
          'Action',
          'Parameter',
          'NavigationProperty',
          'EntitySet',
          'Annotation',
          'ReferentialConstraint',
          'NavigationPropertyBinding',
        ].includes(name),
    }).parse(response.text)
    const schema = doc['edmx:Edmx']['edmx:DataServices'].Schema
    expect(schema.Namespace).toBe('Microsoft.Dynamics.DataEntities')
    const customer = schema.EntityType.find((t: { Name: string }) => t.Name === 'CustomerV3')
    expect(customer.Key.PropertyRef.map((p: { Name: string }) => p.Name)).toEqual(['dataAreaId', 'CustomerAccount'])
    expect(customer.Property.find((p: { Name: string }) => p.Name === 'OnHoldStatus').Type).toBe(
      'Microsoft.Dynamics.DataEntities.CustVendorBlocked',
    )
    expect(customer.Property.find((p: { Name: string }) => p.Name === 'CustomerGroupId').Nullable).toBe('false')
    const header = schema.EntityType.find((t: { Name: string }) => t.Name === 'SalesOrderHeaderV2')
    expect(header.NavigationProperty.find((n: { Name: string }) => n.Name === 'SalesOrderLines').Type).toBe(
      'Collection(Microsoft.Dynamics.DataEntities.SalesOrderLine)',
    )
    const noYes = schema.EnumType.find((e: { Name: string }) => e.Name === 'NoYes')
    expect(noYes.Member.map((m: { Name: string; Value: string }) => [m.Name, m.Value])).toEqual([
      ['No', '0'],
      ['Yes', '1'],
    ])
    const post = schema.Action.find((a: { Name: string }) => a.Name === 'PostJournal')
    expect(post.IsBound).toBe('true')
    expect(post.Parameter[0].Type).toBe('Microsoft.Dynamics.DataEntities.LedgerJournalHeader')
    expect(
      schema.EntityContainer.EntitySet.find((s: { Name: string }) => s.Name === 'SalesOrderHeadersV2').EntityType,
    ).toBe('Microsoft.Dynamics.DataEntities.SalesOrderHeaderV2')
  })
})

describe('collections', () => {
  it("reads the user's company by default and every company with cross-company=true", async () => {
    const own = await values('/data/CustomersV3?$select=dataAreaId')
    expect(new Set(own.map((r) => r.dataAreaId))).toEqual(new Set(['usmf']))
    const all = await values('/data/CustomersV3?cross-company=true&$select=dataAreaId')
    expect(new Set(all.map((r) => r.dataAreaId))).toEqual(new Set(['usmf', 'demf', 'gbsi']))
    // another company's rows need cross-company, as in F&O
    expect(await values("/data/CustomersV3?$filter=dataAreaId eq 'demf'")).toEqual([])
    const demf = await values("/data/CustomersV3?$filter=dataAreaId eq 'demf'&cross-company=true")
    expect(demf.length).toBe(16)
    // global entities are never scoped
    expect((await values('/data/LegalEntities')).length).toBe(3)
  })

  it('applies $select, $orderby, $top, $skip and $count', async () => {
    const response = await get(
      '/data/VendorsV2?$select=VendorAccountNumber,VendorOrganizationName&$orderby=VendorOrganizationName desc&$top=3&$skip=1&$count=true',
    )
    expect(response.json['@odata.count']).toBe(20)
    expect(response.json['@odata.context']).toMatch(
      /\$metadata#VendorsV2\(VendorAccountNumber,VendorOrganizationName\)$/,
    )
    expect(response.json['@odata.nextLink']).toBeUndefined()
    const rows = response.json.value
    expect(rows).toHaveLength(3)
    expect(Object.keys(rows[0])).toEqual(['@odata.etag', 'VendorAccountNumber', 'VendorOrganizationName'])
    const names = rows.map((r: { VendorOrganizationName: string }) => r.VendorOrganizationName)
    expect([...names].sort().reverse()).toEqual(names)
    const all = (await values('/data/VendorsV2?$orderby=VendorOrganizationName desc')).map(
      (r) => r.VendorOrganizationName,
    )
    expect(names).toEqual(all.slice(1, 4))
  })

  it('counts with /$count, honouring $filter', async () => {
    const response = await get("/data/SalesOrderLines/$count?$filter=ItemNumber eq 'P-0001'")
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/plain/)
    const n = Number(response.text)
    expect(n).toBe((await values("/data/SalesOrderLines?$filter=ItemNumber eq 'P-0001'")).length)
    expect(Number((await get('/data/SalesOrderLines/$count?cross-company=true')).text)).toBeGreaterThan(
      Number((await get('/data/SalesOrderLines/$count')).text),
    )
  })

  it.each([
    ["VendorGroupId eq '10'", (r: any) => r.VendorGroupId === '10'],
    ["VendorGroupId ne '10'", (r: any) => r.VendorGroupId !== '10'],
    ["VendorAccountNumber gt 'USV-015'", (r: any) => r.VendorAccountNumber > 'USV-015'],
    ["VendorAccountNumber ge 'USV-015'", (r: any) => r.VendorAccountNumber >= 'USV-015'],
    ["VendorAccountNumber lt 'USV-003'", (r: any) => r.VendorAccountNumber < 'USV-003'],
    ["VendorAccountNumber le 'USV-003'", (r: any) => r.VendorAccountNumber <= 'USV-003'],
    [
      "VendorGroupId eq '10' and not (VendorAccountNumber le 'USV-005')",
      (r: any) => r.VendorGroupId === '10' && r.VendorAccountNumber > 'USV-005',
    ],
    [
      "(VendorGroupId eq '20' or VendorGroupId eq '30') and AddressCountryRegionId eq 'USA'",
      (r: any) => ['20', '30'].includes(r.VendorGroupId),
    ],
    ["contains(VendorOrganizationName, 'wood')", (r: any) => /wood/i.test(r.VendorOrganizationName)],
    ["startswith(VendorOrganizationName, 'b')", (r: any) => /^b/i.test(r.VendorOrganizationName)],
    ["endswith(VendorOrganizationName, 'CELLS')", (r: any) => /cells$/i.test(r.VendorOrganizationName)],
    ["VendorOrganizationName eq '*Line*'", (r: any) => /line/i.test(r.VendorOrganizationName)],
    ["OnHoldStatus eq Microsoft.Dynamics.DataEntities.CustVendorBlocked'All'", (r: any) => r.OnHoldStatus === 'All'],
    ["OnHoldStatus ne Microsoft.Dynamics.DataEntities.CustVendorBlocked'No'", (r: any) => r.OnHoldStatus !== 'No'],
    ['TaxExemptNumber eq null', (r: any) => r.TaxExemptNumber === ''],
  ])('filters with %s', async (filter, predicate) => {
    const all = await values('/data/VendorsV2')
    const filtered = await values(`/data/VendorsV2?$filter=${encodeURIComponent(filter)}`)
    const expected = all.filter(predicate)
    expect(filtered.map((r) => r.VendorAccountNumber)).toEqual(expected.map((r) => r.VendorAccountNumber))
    expect(filtered.length).toBeGreaterThan(0)
  })

  it('filters dates and decimals', async () => {
    const open = await values(
      `/data/VendorTransactions?$filter=${encodeURIComponent("IsOpen eq Microsoft.Dynamics.DataEntities.NoYes'Yes' and DueDate lt 2026-05-15T00:00:00Z and RemainingAmountCur gt 1000")}&$orderby=DueDate`,
    )
    expect(open.map((r) => r.RemainingAmountCur)).toEqual([1230, 3333.33, 5600, 2000, 3120, 2200, 1980.5])
    const onOrAfter = await values(
      `/data/VendorTransactions?$filter=${encodeURIComponent("DueDate ge 2026-05-15 and IsOpen eq Microsoft.Dynamics.DataEntities.NoYes'Yes'")}`,
    )
    expect(onOrAfter.reduce((sum, r) => sum + Number(r.RemainingAmountCur), 0)).toBe(39950)
  })

  it('expands collection and single navigation properties, with options', async () => {
    const [order] = await values(
      '/data/SalesOrderHeadersV2?$top=1&$select=SalesOrderNumber,TotalOrderAmount&$expand=SalesOrderLines($select=LineNumber,LineAmount;$orderby=LineNumber desc),Customer($select=OrganizationName)',
    )
    const lines = order!.SalesOrderLines as Array<{ LineNumber: number; LineAmount: number }>
    expect(lines.length).toBeGreaterThan(0)
    expect(lines[0]!.LineNumber).toBe(lines.length)
    expect(Object.keys(lines[0]!)).toEqual(['@odata.etag', 'LineNumber', 'LineAmount'])
    expect(Math.round(lines.reduce((s, l) => s + l.LineAmount, 0) * 100) / 100).toBe(order!.TotalOrderAmount)
    expect(order!.Customer).toMatchObject({ OrganizationName: expect.any(String) })
  })

  it('returns a large result (over 160,000 characters) in one page', async () => {
    const response = await get('/data/SalesOrderLines')
    expect(response.json.value.length).toBe(1600)
    expect(response.text.length).toBeGreaterThan(160_000)
    expect(response.json['@odata.nextLink']).toBeUndefined()
  })

  it('pages with Prefer: odata.maxpagesize and @odata.nextLink until every row is read', async () => {
    const prefer = { prefer: 'odata.maxpagesize=400' }
    const expected = Number((await get('/data/SalesOrderLines/$count?cross-company=true')).text)
    const seen: string[] = []
    let next: string | undefined =
      `${env.url}/data/SalesOrderLines?cross-company=true&$select=dataAreaId,InventoryLotId&$count=true`
    let pages = 0
    while (next) {
      const response = await get(next, prefer)
      expect(response.status).toBe(200)
      expect(response.headers.get('preference-applied')).toBe('odata.maxpagesize=400')
      expect(response.json['@odata.count']).toBe(expected)
      expect(response.json.value.length).toBeLessThanOrEqual(400)
      seen.push(
        ...response.json.value.map(
          (r: { dataAreaId: string; InventoryLotId: string }) => `${r.dataAreaId}/${r.InventoryLotId}`,
        ),
      )
      next = response.json['@odata.nextLink']
      pages++
    }
    expect(pages).toBe(Math.ceil(expected / 400))
    expect(seen.length).toBe(expected)
    expect(new Set(seen).size).toBe(expected)
  })

  it('pages within $top', async () => {
    const first = await get('/data/SalesOrderLines?$top=5', { prefer: 'odata.maxpagesize=2' })
    expect(first.json.value).toHaveLength(2)
    const second = await get(first.json['@odata.nextLink'], { prefer: 'odata.maxpagesize=2' })
    const third = await get(second.json['@odata.nextLink'], { prefer: 'odata.maxpagesize=2' })
    expect(third.json.value).toHaveLength(1)
    expect(third.json['@odata.nextLink']).toBeUndefined()
  })
})

describe('records', () => {
  it('reads a record by its full key, case-insensitively, with an ETag', async () => {
    const response = await get("/data/CustomersV3(dataAreaId='USMF',CustomerAccount='us-001')")
    expect(response.status).toBe(200)
    expect(response.json).toMatchObject({
      dataAreaId: 'usmf',
      CustomerAccount: 'US-001',
      OrganizationName: 'Alderbrook Cold Storage',
    })
    expect(response.json['@odata.context']).toMatch(/#CustomersV3\/\$entity$/)
    expect(response.headers.get('etag')).toBe(response.json['@odata.etag'])
    const other = await get("/data/CustomersV3(dataAreaId='demf',CustomerAccount='DE-001')?$select=OrganizationName")
    expect(Object.keys(other.json)).toEqual(['@odata.context', '@odata.etag', 'OrganizationName'])
  })

  it('reads keys of several fields, global entities, navigation properties and single properties', async () => {
    expect(
      (await get("/data/PurchaseOrderLinesV2(dataAreaId='usmf',PurchaseOrderNumber='PO-000001',LineNumber=1)")).json
        .LineNumber,
    ).toBe(1)
    expect((await get("/data/MainAccounts(ChartOfAccounts='Shared',MainAccountId='110110')")).json.Name).toBe(
      'Bank account - operating',
    )
    expect((await get("/data/LegalEntities('gbsi')")).json.AccountingCurrency).toBe('GBP')
    const lines = await get(
      "/data/SalesOrderHeadersV2(dataAreaId='usmf',SalesOrderNumber='SO-000001')/SalesOrderLines?$count=true",
    )
    expect(lines.json['@odata.count']).toBe(lines.json.value.length)
    expect(lines.json.value.every((l: { SalesOrderNumber: string }) => l.SalesOrderNumber === 'SO-000001')).toBe(true)
    const customer = await get("/data/SalesOrderHeadersV2(dataAreaId='usmf',SalesOrderNumber='SO-000001')/Customer")
    expect(customer.json.CustomerAccount).toMatch(/^US-/)
    const name = await get("/data/VendorsV2(dataAreaId='usmf',VendorAccountNumber='USV-001')/VendorOrganizationName")
    expect(name.json.value).toBe('Halvorsen Components')
  })
})

describe('bad requests', () => {
  const expectError = async (path: string, status: number, message: RegExp) => {
    const response = await get(path)
    expect(response.status, response.text).toBe(status)
    expect(response.json.error.code).toBe('')
    expect(response.json.error.innererror).toMatchObject({
      message: expect.stringMatching(message),
      type: expect.any(String),
      stacktrace: '',
    })
  }

  it.each([
    ['/data/Customers', 404, /segment 'Customers'/],
    ["/data/CustomersV3(dataAreaId='usmf',CustomerAccount='NOPE')", 404, /No resource was found/],
    ["/data/CustomersV3('US-001')", 400, /every key field must be given/],
    ["/data/CustomersV3(CustomerAccount='US-001')", 400, /every key field must be given/],
    ['/data/CustomersV3?$filter=Colour eq 1', 400, /property 'Colour' does not exist/],
    ["/data/CustomersV3?$filter=CustomerAccount eq 'US-001' and", 400, /Syntax error/],
    ["/data/CustomersV3?$filter=CustomerAccount eq 'US-001", 400, /unterminated string/],
    ["/data/CustomersV3?$filter=CreditLimit eq 'lots'", 400, /incompatible types/],
    [
      "/data/CustomersV3?$filter=OnHoldStatus gt Microsoft.Dynamics.DataEntities.CustVendorBlocked'No'",
      400,
      /only be compared with eq and ne/,
    ],
    ["/data/CustomersV3?$filter=OnHoldStatus eq Microsoft.Dynamics.DataEntities.NoYes'Yes'", 400, /incompatible types/],
    ['/data/CustomersV3?$filter=Customer/Name eq 1', 400, /not supported in \$filter/],
    ['/data/CustomersV3?$select=Colour', 400, /property 'Colour' does not exist/],
    ['/data/CustomersV3?$orderby=OrganizationName sideways', 400, /\$orderby item/],
    ['/data/CustomersV3?$top=-1', 400, /\$top is not valid/],
    ['/data/CustomersV3?$skip=x', 400, /\$skip is not valid/],
    ['/data/CustomersV3?$count=maybe', 400, /\$count value/],
    ['/data/CustomersV3?$apply=groupby((CustomerGroupId))', 400, /'\$apply' is not supported/],
    ['/data/CustomersV3?$expand=Orders', 400, /navigation property named 'Orders'/],
    ['/data/SalesOrderHeadersV2?$expand=SalesOrderLines($expand=Product)', 400, /first-level expansion/],
    ['/data/CustomersV3?$skiptoken=abc', 400, /\$skiptoken/],
    ["/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')/Colour", 400, /property 'Colour' does not exist/],
  ])('GET %s → %i', async (path, status, message) => {
    await expectError(path, status, message)
  })
})
