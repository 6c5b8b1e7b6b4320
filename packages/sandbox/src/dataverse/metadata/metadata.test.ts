import { describe, expect, it } from 'vitest'
import { makeEmulator } from '../test-helpers.js'

describe('EntityDefinitions', () => {
  it('lists tables with $select and $filter, unpaged', async () => {
    const { call } = makeEmulator()
    const res = await call(
      'GET',
      "EntityDefinitions?$select=LogicalName,EntitySetName&$filter=LogicalName eq 'account' or EntitySetName eq 'contacts'",
    )
    expect(res.status).toBe(200)
    expect(res.json.value.map((e: { LogicalName: string }) => e.LogicalName).sort()).toEqual(['account', 'contact'])
    expect(Object.keys(res.json.value[0]).sort()).toEqual(['EntitySetName', 'LogicalName', 'MetadataId'])
    const custom = await call('GET', 'EntityDefinitions?$select=LogicalName&$filter=IsCustomEntity eq true')
    expect(custom.json.value).toEqual([])
    expect(res.json['@odata.nextLink']).toBeUndefined()
  })

  it('gets one table by LogicalName or MetadataId with labels and expanded attributes', async () => {
    const { call } = makeEmulator()
    const res = await call(
      'GET',
      "EntityDefinitions(LogicalName='account')?$select=LogicalName,EntitySetName,DisplayName,PrimaryIdAttribute,PrimaryNameAttribute&$expand=Attributes($select=LogicalName,AttributeType)",
    )
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      LogicalName: 'account',
      EntitySetName: 'accounts',
      PrimaryIdAttribute: 'accountid',
      PrimaryNameAttribute: 'name',
    })
    expect(res.json.DisplayName.UserLocalizedLabel).toMatchObject({ Label: 'Account', LanguageCode: 1033 })
    expect(res.json.DisplayName.LocalizedLabels[0].Label).toBe('Account')
    expect(res.json.Attributes).toContainEqual(
      expect.objectContaining({ LogicalName: 'revenue', AttributeType: 'Money' }),
    )
    const byId = await call('GET', `EntityDefinitions(${res.json.MetadataId})?$select=LogicalName`)
    expect(byId.json.LogicalName).toBe('account')
  })

  it('serves typed attribute casts with OptionSet and lookup Targets', async () => {
    const { call } = makeEmulator()
    const picklists = await call(
      'GET',
      "EntityDefinitions(LogicalName='account')/Attributes/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet",
    )
    expect(picklists.status).toBe(200)
    const industry = picklists.json.value.find((a: { LogicalName: string }) => a.LogicalName === 'industrycode')
    expect(industry['@odata.type']).toBe('#Microsoft.Dynamics.CRM.PicklistAttributeMetadata')
    expect(industry.OptionSet.Options[0]).toMatchObject({
      Value: 1,
      Label: { UserLocalizedLabel: { Label: 'Accounting', LanguageCode: 1033 } },
    })
    const status = await call(
      'GET',
      "EntityDefinitions(LogicalName='lead')/Attributes/Microsoft.Dynamics.CRM.StatusAttributeMetadata?$expand=OptionSet",
    )
    expect(status.json.value[0].OptionSet.Options).toContainEqual(expect.objectContaining({ Value: 3, State: 1 }))
    const lookups = await call(
      'GET',
      "EntityDefinitions(LogicalName='contact')/Attributes/Microsoft.Dynamics.CRM.LookupAttributeMetadata?$select=LogicalName,Targets",
    )
    expect(lookups.json.value).toContainEqual(
      expect.objectContaining({ LogicalName: 'parentcustomerid', Targets: ['account', 'contact'] }),
    )
    const one = await call('GET', "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='name')")
    expect(one.json).toMatchObject({
      LogicalName: 'name',
      AttributeType: 'String',
      AttributeTypeName: { Value: 'StringType' },
      MaxLength: 160,
    })
  })

  it('lists relationships', async () => {
    const { call } = makeEmulator()
    const all = await call('GET', "RelationshipDefinitions?$filter=SchemaName eq 'contact_customer_accounts'")
    expect(all.json.value).toEqual([
      expect.objectContaining({
        ReferencedEntity: 'account',
        ReferencingEntity: 'contact',
        ReferencingAttribute: 'parentcustomerid',
      }),
    ])
    const expanded = await call(
      'GET',
      "EntityDefinitions(LogicalName='account')?$select=LogicalName&$expand=OneToManyRelationships($select=SchemaName),ManyToOneRelationships",
    )
    expect(expanded.json.OneToManyRelationships.map((r: { SchemaName: string }) => r.SchemaName)).toContain(
      'contact_customer_accounts',
    )
    expect(expanded.json.ManyToOneRelationships.map((r: { SchemaName: string }) => r.SchemaName)).toContain(
      'account_primary_contact',
    )
  })

  it('answers errors in Dataverse style', async () => {
    const { call } = makeEmulator()
    expect((await call('GET', "EntityDefinitions(LogicalName='nope')")).status).toBe(404)
    expect((await call('GET', "EntityDefinitions(LogicalName='account')?$select=Nope")).status).toBe(400)
    expect((await call('GET', "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='nope')")).status).toBe(
      404,
    )
    expect((await call('GET', "EntityDefinitions(LogicalName='account')/Widgets")).status).toBe(404)
    expect((await call('GET', "EntityDefinitions?$filter=Nope eq 'x'")).status).toBe(400)
  })
})
