// The OData pieces that need no service: $metadata reading, keys and literals, URLs, error bodies.
import { isToolError, ToolError, VendorError } from '@bizmcp/core'
import { describe, expect, it } from 'vitest'
import { decodeErpError, erpToolError } from './errors.js'
import { fixtureMetadata } from './fixture.test-support.js'
import { canonicalKey, formatKey, odataLiteral } from './keys.js'
import { collectionPath, companyScope, queryString, scopedFilter } from './url.js'

const metadata = fixtureMetadata()
const customers = metadata.bySet('CustomersV3')!
const orders = metadata.bySet('SalesOrderHeadersV2')!

describe('$metadata', () => {
  it('reads entity sets, keys, company scope, fields and labels', () => {
    expect(metadata.entities.map((e) => e.entitySet)).toEqual([
      'CustomersV3',
      'LegalEntities',
      'ReleasedProductsV2',
      'SalesOrderHeadersV2',
      'SalesOrderLines',
    ])
    expect(customers).toMatchObject({
      name: 'CustomerV3',
      label: 'Customers',
      companySpecific: true,
      keys: ['CustomerAccount'],
    })
    const legal = metadata.bySet('LegalEntities')!
    expect(legal).toMatchObject({ companySpecific: false, keys: ['LegalEntityId'], readOnly: true })
    const field = (name: string) => customers.fields.find((f) => f.name === name)
    expect(field('OrganizationName')).toMatchObject({ type: 'String', maxLength: 100, mandatory: true, label: 'Name' })
    expect(field('CustomerAccount')).toMatchObject({ mandatory: false, readOnly: true, readOnlyOnCreate: false })
    expect(field('OnHoldStatus')).toMatchObject({ type: 'Enum', enumType: 'CustVendorBlocked', mandatory: false })
    expect(field('CreatedDate')).toMatchObject({ readOnly: true, readOnlyOnCreate: true })
    expect(customers.navigation).toEqual([{ name: 'SalesOrderHeaders', target: 'SalesOrderHeadersV2', many: true }])
  })

  it('orders enum members by value and reads bound actions with their parameters', () => {
    expect(metadata.enums.get('SalesStatus')).toEqual(['None', 'Backorder', 'Delivered', 'Invoiced'])
    expect(orders.actions).toEqual([
      {
        name: 'ConfirmSalesOrder',
        boundTo: 'entity',
        entitySet: 'SalesOrderHeadersV2',
        parameters: [],
        returns: 'String',
        description: 'Confirms the sales order.',
      },
      {
        name: 'RecalculatePrices',
        boundTo: 'collection',
        entitySet: 'SalesOrderHeadersV2',
        parameters: [
          { name: '_asOf', type: 'Date', optional: false },
          { name: '_note', type: 'String', optional: true },
        ],
      },
    ])
  })

  it('prefers IsRequired annotations where the document has them', async () => {
    const { parseMetadata } = await import('./metadata.js')
    const xml = `<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="Microsoft.Dynamics.DataEntities" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="Thing"><Key><PropertyRef Name="Id"/></Key>
        <Property Name="Id" Type="Edm.String" Nullable="false"><Annotation Term="Microsoft.Dynamics.OData.Core.V1.IsRequired" Bool="true"/></Property>
        <Property Name="Amount" Type="Edm.Decimal" Nullable="false"/>
        <Property Name="Code" Type="Edm.String"><Annotation Term="Microsoft.Dynamics.OData.Core.V1.AllowEdit" Bool="false"/></Property>
      </EntityType>
      <EntityContainer Name="Resources"><EntitySet Name="Things" EntityType="Microsoft.Dynamics.DataEntities.Thing"/></EntityContainer>
    </Schema></edmx:DataServices></edmx:Edmx>`
    const thing = parseMetadata(xml).bySet('Things')!
    expect(thing.fields.map((f) => [f.name, f.mandatory, f.readOnly])).toEqual([
      ['Id', true, true],
      ['Amount', false, false],
      ['Code', false, true],
    ])
  })

  it('finds entity sets ignoring case, and by entity type name', () => {
    expect(metadata.find('customersv3')?.entitySet).toBe('CustomersV3')
    expect(metadata.find('CustomerV3')?.entitySet).toBe('CustomersV3')
    expect(metadata.find('Customers')).toBeUndefined()
  })
})

describe('keys and literals', () => {
  it('formats company-specific keys with dataAreaId first and quotes doubled', () => {
    expect(formatKey(customers, { CustomerAccount: "O'Brien & Co" }, 'USMF')).toBe(
      "(dataAreaId='usmf',CustomerAccount='O''Brien%20%26%20Co')",
    )
    expect(formatKey(customers, { customeraccount: 'US-001', DATAAREAID: 'demf' })).toBe(
      "(dataAreaId='demf',CustomerAccount='US-001')",
    )
    const products = metadata.bySet('ReleasedProductsV2')!
    expect(formatKey(products, { ItemNumber: 'A/1', LineNumber: '3' }, 'usmf')).toBe(
      "(dataAreaId='usmf',ItemNumber='A%2F1',LineNumber=3)",
    )
    expect(formatKey(metadata.bySet('LegalEntities')!, { LegalEntityId: 'usmf' })).toBe("(LegalEntityId='usmf')")
  })

  it('refuses incomplete keys naming every key field', () => {
    const missing = () => formatKey(customers, { CustomerAccount: 'US-001' })
    expect(missing).toThrow(ToolError)
    expect(missing).toThrow(/dataAreaId, CustomerAccount/)
    expect(() => formatKey(customers, {}, 'usmf')).toThrow(/needs CustomerAccount/)
    expect(() => canonicalKey(customers, { dataAreaId: 'usmf' }, undefined)).toThrow(/needs CustomerAccount/)
    expect(() =>
      formatKey(metadata.bySet('ReleasedProductsV2')!, { ItemNumber: 'A', LineNumber: 'x' }, 'usmf'),
    ).toThrow(/LineNumber is a number/)
  })

  it('writes literals by EDM type', () => {
    const f = (type: string, enumType?: string) => ({ name: 'F', type, ...(enumType ? { enumType } : {}) })
    expect(odataLiteral('Yes', f('Enum', 'NoYes'))).toBe("Microsoft.Dynamics.DataEntities.NoYes'Yes'")
    expect(odataLiteral('12.5', f('Decimal'))).toBe('12.5')
    expect(odataLiteral('2026-01-31', f('DateTimeOffset'))).toBe('2026-01-31T00:00:00Z')
    expect(odataLiteral('2026-01-31T12:00:00Z', f('Date'))).toBe('2026-01-31')
    expect(odataLiteral("it's", f('String'))).toBe("'it''s'")
    expect(odataLiteral(null, f('String'))).toBe('null')
    expect(() => odataLiteral('abc', f('Int32'))).toThrow(/number/)
    expect(() => odataLiteral(1.5, f('Int64'))).toThrow(/whole number/)
    expect(() => odataLiteral("x' or 1 eq 1", f('Enum', 'NoYes'))).toThrow(/member name/)
  })
})

describe('URLs and company scope', () => {
  it('encodes query options with %20 and keeps OData punctuation readable', () => {
    expect(
      queryString([
        ['$filter', "Name eq 'A&B' and X gt 1"],
        ['$top', 5],
        ['$skip', undefined],
      ]),
    ).toBe("?$filter=Name%20eq%20'A%26B'%20and%20X%20gt%201&$top=5")
  })

  it('scopes company-specific reads to one company with cross-company and dataAreaId', () => {
    expect(companyScope(undefined)).toEqual({ kind: 'default' })
    expect(companyScope('cross-company')).toEqual({ kind: 'cross-company' })
    expect(companyScope('USMF')).toEqual({ kind: 'company', id: 'usmf' })
    expect(scopedFilter(customers, "CustomerGroupId eq '10'", { kind: 'company', id: 'demf' })).toEqual({
      filter: "(CustomerGroupId eq '10') and dataAreaId eq 'demf'",
      crossCompany: true,
    })
    expect(scopedFilter(metadata.bySet('LegalEntities')!, undefined, { kind: 'company', id: 'demf' })).toEqual({
      filter: undefined,
      crossCompany: false,
    })
    expect(collectionPath(customers, { select: ['CustomerAccount'], top: 3, company: { kind: 'cross-company' } })).toBe(
      'data/CustomersV3?$select=CustomerAccount&$top=3&cross-company=true',
    )
  })
})

describe('errors', () => {
  it('reads the inner message under the generic one', () => {
    expect(
      decodeErpError(
        400,
        {
          error: {
            code: '',
            message: 'An error has occurred.',
            innererror: {
              message: "Customer group '99' does not exist.",
              type: 'X.AxODataWriteException',
              stacktrace: 'at …',
            },
          },
        },
        '',
      ),
    ).toEqual({ message: "Customer group '99' does not exist.", vendorCode: 'AxODataWriteException' })
  })

  it('maps unknown entity sets, fields, records and credentials to fixes', () => {
    const vendor = (status: number, message: string) => new VendorError({ status, message })
    const unknownSet = erpToolError(
      vendor(404, "No HTTP resource was found that matches the request URI for the segment 'Foo'."),
      {
        entitySet: 'Foo',
      },
    )
    expect(isToolError(unknownSet) && unknownSet.fix).toMatch(/data_find_entity_type/)
    const field = erpToolError(vendor(400, "Could not find a property named 'Nme' on type 'CustomerV3'."), {
      entitySet: 'CustomersV3',
    })
    expect(isToolError(field) && [field.code, field.fix]).toEqual([
      'InvalidInput',
      expect.stringMatching(/data_get_entity_metadata with entitySet 'CustomersV3'/),
    ])
    const record = erpToolError(vendor(404, 'No CustomerV3 record'), {
      entitySet: 'CustomersV3',
      key: "(CustomerAccount='X')",
    })
    expect(isToolError(record) && record.fix).toMatch(/key values and the company/)
    const auth = erpToolError(vendor(401, 'Unauthorized'))
    expect(isToolError(auth) && [auth.code, auth.fix]).toEqual(['Unauthorized', expect.stringMatching(/ERP_URL/)])
    const role = erpToolError(vendor(403, 'No access'), { entitySet: 'CustomersV3' })
    expect(isToolError(role) && role.code).toBe('Forbidden')
    const validation = erpToolError(vendor(400, "Customer group '99' does not exist."), { entitySet: 'CustomersV3' })
    expect(isToolError(validation) && validation.message).toMatch(/Customer group '99' does not exist/)
  })
})
