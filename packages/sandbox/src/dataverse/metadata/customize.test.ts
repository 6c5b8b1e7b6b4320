import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { ids } from '../test-fixtures.js'
import { API, makeEmulator } from '../test-helpers.js'

const label = (text: string) => ({
  '@odata.type': 'Microsoft.Dynamics.CRM.Label',
  LocalizedLabels: [{ '@odata.type': 'Microsoft.Dynamics.CRM.LocalizedLabel', Label: text, LanguageCode: 1033 }],
})

const projectTable = (extra: Record<string, unknown> = {}) => ({
  '@odata.type': 'Microsoft.Dynamics.CRM.EntityMetadata',
  SchemaName: 'new_Project',
  DisplayName: label('Project'),
  DisplayCollectionName: label('Projects'),
  Description: label('Customer projects'),
  OwnershipType: 'UserOwned',
  HasActivities: false,
  HasNotes: false,
  IsActivity: false,
  PrimaryNameAttribute: 'new_name',
  Attributes: [
    {
      '@odata.type': 'Microsoft.Dynamics.CRM.StringAttributeMetadata',
      AttributeType: 'String',
      AttributeTypeName: { Value: 'StringType' },
      SchemaName: 'new_Name',
      DisplayName: label('Project Name'),
      RequiredLevel: {
        Value: 'None',
        CanBeChanged: true,
        ManagedPropertyLogicalName: 'canmodifyrequirementlevelsettings',
      },
      MaxLength: 100,
      FormatName: { Value: 'Text' },
      IsPrimaryName: true,
    },
  ],
  ...extra,
})

const column = (type: string, schemaName: string, extra: Record<string, unknown> = {}) => ({
  '@odata.type': `Microsoft.Dynamics.CRM.${type}AttributeMetadata`,
  SchemaName: schemaName,
  DisplayName: label(schemaName.replace(/^new_/, '')),
  RequiredLevel: { Value: 'None' },
  ...extra,
})

const columns = [
  column('String', 'new_Code', { MaxLength: 20 }),
  column('Memo', 'new_Notes', { MaxLength: 10000, Format: 'TextArea' }),
  column('Integer', 'new_Headcount', { MinValue: 0, MaxValue: 500, Format: 'None' }),
  column('Decimal', 'new_Ratio', { Precision: 1, MinValue: 0, MaxValue: 100 }),
  column('Double', 'new_Score', { Precision: 3, MinValue: -10, MaxValue: 10 }),
  column('Money', 'new_Budget', { PrecisionSource: 2 }),
  column('Boolean', 'new_Active', {
    OptionSet: {
      TrueOption: { Value: 1, Label: label('Running') },
      FalseOption: { Value: 0, Label: label('Stopped') },
      OptionSetType: 'Boolean',
    },
  }),
  column('DateTime', 'new_Start', { Format: 'DateOnly' }),
  column('DateTime', 'new_Review', { Format: 'DateAndTime' }),
  column('Picklist', 'new_Phase', {
    OptionSet: {
      '@odata.type': 'Microsoft.Dynamics.CRM.OptionSetMetadata',
      IsGlobal: false,
      OptionSetType: 'Picklist',
      Options: [
        { Value: null, Label: label('Plan') },
        { Value: null, Label: label('Build') },
      ],
    },
  }),
]

describe('metadata writes', () => {
  it('creates a table that is usable through the Web API at once', async () => {
    const { call } = makeEmulator()
    const created = await call('POST', 'EntityDefinitions', { body: projectTable() })
    expect(created.status).toBe(204)
    const entityId = created.headers.get('OData-EntityId')
    expect(entityId).toMatch(new RegExp(`^${API.replace(/[.$]/g, '\\$&')}EntityDefinitions\\([0-9a-f-]{36}\\)$`))
    const def = await call(
      'GET',
      "EntityDefinitions(LogicalName='new_project')?$expand=Attributes($select=LogicalName)",
    )
    expect(def.json).toMatchObject({
      LogicalName: 'new_project',
      SchemaName: 'new_Project',
      EntitySetName: 'new_projects',
      PrimaryIdAttribute: 'new_projectid',
      PrimaryNameAttribute: 'new_name',
      IsCustomEntity: true,
      OwnershipType: 'UserOwned',
    })
    expect(def.json.DisplayCollectionName.UserLocalizedLabel.Label).toBe('Projects')
    expect(entityId).toContain(def.json.MetadataId)
    const names = def.json.Attributes.map((a: { LogicalName: string }) => a.LogicalName)
    expect(names).toEqual(expect.arrayContaining(['new_projectid', 'new_name', 'statecode', 'ownerid', 'createdon']))

    const record = await call('POST', 'new_projects', {
      body: { new_name: 'Rollout' },
      headers: { Prefer: 'return=representation' },
    })
    expect(record.status).toBe(201)
    expect(record.json).toMatchObject({ new_name: 'Rollout', statecode: 0, statuscode: 1, _ownerid_value: ids.user })
    const list = await call('GET', 'new_projects?$select=new_name&$filter=statecode eq 0')
    expect(list.json.value).toHaveLength(1)
  })

  it('adds columns of every supported type and stores their values', async () => {
    const { call } = makeEmulator()
    await call('POST', 'EntityDefinitions', { body: projectTable() })
    for (const body of columns) {
      const res = await call('POST', "EntityDefinitions(LogicalName='new_project')/Attributes", { body })
      expect(res.status, body.SchemaName).toBe(204)
      expect(res.headers.get('OData-EntityId')).toMatch(
        /EntityDefinitions\(LogicalName='new_project'\)\/Attributes\([0-9a-f-]{36}\)$/,
      )
    }
    const record = await call('POST', 'new_projects', {
      headers: { Prefer: 'return=representation,odata.include-annotations="*"' },
      body: {
        new_name: 'Pilot',
        new_code: 'P-1',
        new_notes: 'long text',
        new_headcount: 12,
        new_ratio: 12.5,
        new_score: 1.25,
        new_budget: 5000,
        new_active: true,
        new_start: '2025-03-01',
        new_review: '2025-03-01T10:30:00Z',
        new_phase: 100000001,
      },
    })
    expect(record.status).toBe(201)
    expect(record.json).toMatchObject({
      new_headcount: 12,
      new_active: true,
      'new_active@OData.Community.Display.V1.FormattedValue': 'Running',
      new_start: '2025-03-01',
      new_phase: 100000001,
      'new_phase@OData.Community.Display.V1.FormattedValue': 'Build',
    })
    const tooMany = await call('POST', 'new_projects', { body: { new_name: 'x', new_headcount: 501 } })
    expect(tooMany.status).toBe(400)
    const phase = await call(
      'GET',
      "EntityDefinitions(LogicalName='new_project')/Attributes(LogicalName='new_phase')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$expand=OptionSet",
    )
    expect(phase.json.OptionSet.Options.map((o: { Value: number }) => o.Value)).toEqual([100000000, 100000001])
    const flag = await call(
      'GET',
      "EntityDefinitions(LogicalName='new_project')/Attributes(LogicalName='new_active')/Microsoft.Dynamics.CRM.BooleanAttributeMetadata?$expand=OptionSet",
    )
    expect(flag.json.OptionSet.TrueOption.Label.UserLocalizedLabel.Label).toBe('Running')
    const start = await call('GET', "EntityDefinitions(LogicalName='new_project')/Attributes(LogicalName='new_start')")
    expect(start.json).toMatchObject({ Format: 'DateOnly', SchemaName: 'new_Start', IsCustomAttribute: true })
  })

  it('adds a custom column to a system table and a lookup through RelationshipDefinitions', async () => {
    const { call } = makeEmulator()
    await call('POST', 'EntityDefinitions', { body: projectTable() })
    const tier = await call('POST', "EntityDefinitions(LogicalName='account')/Attributes", {
      body: column('String', 'new_Tier', { MaxLength: 10 }),
    })
    expect(tier.status).toBe(204)
    expect((await call('PATCH', `accounts(${ids.contoso})`, { body: { new_tier: 'Gold' } })).status).toBe(204)

    const rel = await call('POST', 'RelationshipDefinitions', {
      body: {
        '@odata.type': 'Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata',
        SchemaName: 'new_account_new_project',
        ReferencedAttribute: 'accountid',
        ReferencedEntity: 'account',
        ReferencingEntity: 'new_project',
        CascadeConfiguration: { Delete: 'RemoveLink' },
        Lookup: {
          '@odata.type': 'Microsoft.Dynamics.CRM.LookupAttributeMetadata',
          AttributeType: 'Lookup',
          SchemaName: 'new_AccountId',
          DisplayName: label('Account'),
        },
      },
    })
    expect(rel.status).toBe(204)
    expect(rel.headers.get('OData-EntityId')).toMatch(/RelationshipDefinitions\([0-9a-f-]{36}\)$/)
    const created = await call('POST', 'new_projects', {
      headers: { Prefer: 'return=representation' },
      body: { new_name: 'Linked', 'new_AccountId@odata.bind': `/accounts(${ids.contoso})` },
    })
    expect(created.json._new_accountid_value).toBe(ids.contoso)
    const expanded = await call(
      'GET',
      `accounts(${ids.contoso})?$select=name,new_tier&$expand=new_account_new_project($select=new_name)`,
    )
    expect(expanded.json.new_tier).toBe('Gold')
    expect(expanded.json.new_account_new_project.map((p: { new_name: string }) => p.new_name)).toEqual(['Linked'])

    // the referenced table can't go while the lookup points at it
    expect(
      (await call('DELETE', "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='new_tier')")).status,
    ).toBe(204)
    expect((await call('GET', `accounts(${ids.contoso})?$select=new_tier`)).status).toBe(400)
  })

  it('deletes custom tables and columns, never system ones', async () => {
    const { call } = makeEmulator()
    await call('POST', 'EntityDefinitions', { body: projectTable() })
    await call('POST', "EntityDefinitions(LogicalName='new_project')/Attributes", { body: columns[0] })
    const dropColumn = await call(
      'DELETE',
      "EntityDefinitions(LogicalName='new_project')/Attributes(LogicalName='new_code')",
    )
    expect(dropColumn.status).toBe(204)
    expect(
      (await call('GET', "EntityDefinitions(LogicalName='new_project')/Attributes(LogicalName='new_code')")).status,
    ).toBe(404)
    const primary = await call(
      'DELETE',
      "EntityDefinitions(LogicalName='new_project')/Attributes(LogicalName='new_name')",
    )
    expect(primary.json.error.code).toBe('0x8004F032')
    const system = await call('DELETE', "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='name')")
    expect(system.status).toBe(400)
    expect(system.json.error.code).toBe('0x8004F032')
    const systemTable = await call('DELETE', "EntityDefinitions(LogicalName='account')")
    expect(systemTable.json.error.code).toBe('0x8004F032')
    expect((await call('DELETE', "EntityDefinitions(LogicalName='new_project')")).status).toBe(204)
    expect((await call('GET', 'new_projects')).status).toBe(404)
    expect((await call('GET', "EntityDefinitions(LogicalName='new_project')")).status).toBe(404)
    expect((await call('DELETE', "EntityDefinitions(LogicalName='new_project')")).status).toBe(404)
  })

  it('rejects bad definitions with Dataverse errors', async () => {
    const { call } = makeEmulator()
    const post = (body: unknown) => call('POST', 'EntityDefinitions', { body })
    const noPrefix = await post(projectTable({ SchemaName: 'Project' }))
    expect(noPrefix.status).toBe(400)
    expect(noPrefix.json.error.code).toBe('0x80044366')
    expect((await post(projectTable({ SchemaName: 'new_Pro-ject' }))).json.error.code).toBe('0x80040203')
    expect((await post(projectTable({ Attributes: [] }))).json.error.message).toMatch(/primary name/)
    expect((await post(projectTable({ DisplayName: undefined }))).status).toBe(400)
    const badLength = projectTable()
    ;(badLength.Attributes[0] as Record<string, unknown>).MaxLength = 5000
    expect((await post(badLength)).json.error.message).toMatch(/MaxLength 5000/)
    expect((await post(projectTable())).status).toBe(204)
    const again = await post(projectTable())
    expect(again.json.error.code).toBe('0x80044363')

    const attr = (body: unknown) => call('POST', "EntityDefinitions(LogicalName='new_project')/Attributes", { body })
    expect((await attr(column('String', 'new_Name'))).json.error.code).toBe('0x80047013')
    const unknown = await attr(column('Widget', 'new_Thing'))
    expect(unknown.json.error.code).toBe('0x80048d19')
    expect((await attr(column('MultiSelectPicklist', 'new_Tags'))).status).toBe(400)
    expect((await attr(column('Picklist', 'new_Empty', { OptionSet: { Options: [] } }))).status).toBe(400)
    expect((await attr(column('DateTime', 'new_When', { Format: 'Weekly' }))).status).toBe(400)
    expect((await attr(column('Integer', 'new_Count', { MinValue: 10, MaxValue: 1 }))).status).toBe(400)
    expect((await attr(column('String', 'Code'))).json.error.code).toBe('0x80044366')
    expect((await attr({ SchemaName: 'new_Plain', DisplayName: label('Plain') })).status).toBe(400)
    expect((await call('POST', "EntityDefinitions(LogicalName='nope')/Attributes", { body: columns[0] })).status).toBe(
      404,
    )
    expect(
      (await call('POST', 'RelationshipDefinitions', { body: { SchemaName: 'new_x', ReferencedEntity: 'nope' } }))
        .status,
    ).toBe(404)
  })
})

describe('custom tables on a file database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dv-custom-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('survive a restart with their columns, lookups and rows', async () => {
    const file = join(dir, 'org.db')
    const first = makeEmulator({ db: new DatabaseSync(file) })
    await first.call('POST', 'EntityDefinitions', { body: projectTable() })
    await first.call('POST', "EntityDefinitions(LogicalName='new_project')/Attributes", { body: columns[5] })
    await first.call('POST', "EntityDefinitions(LogicalName='account')/Attributes", {
      body: column('String', 'new_Tier'),
    })
    await first.call('POST', 'RelationshipDefinitions', {
      body: {
        SchemaName: 'new_account_new_project',
        ReferencedEntity: 'account',
        ReferencingEntity: 'new_project',
        Lookup: {
          '@odata.type': 'Microsoft.Dynamics.CRM.LookupAttributeMetadata',
          SchemaName: 'new_AccountId',
          DisplayName: label('Account'),
        },
      },
    })
    await first.call('POST', 'new_projects', {
      body: { new_name: 'Kept', new_budget: 10, 'new_AccountId@odata.bind': `/accounts(${ids.contoso})` },
    })
    first.db.close()

    const second = makeEmulator({ db: new DatabaseSync(file) })
    const rows = await second.call('GET', 'new_projects?$select=new_name,new_budget,_new_accountid_value')
    expect(rows.json.value).toEqual([
      expect.objectContaining({ new_name: 'Kept', new_budget: 10, _new_accountid_value: ids.contoso }),
    ])
    const tier = await second.call('GET', "EntityDefinitions(LogicalName='account')/Attributes(LogicalName='new_tier')")
    expect(tier.json.SchemaName).toBe('new_Tier')
    const rel = await second.call('GET', "RelationshipDefinitions(SchemaName='new_account_new_project')")
    expect(rel.json.ReferencingAttribute).toBe('new_accountid')
    second.db.close()
  })
})
