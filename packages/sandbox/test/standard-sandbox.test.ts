// The standard sandbox (Entra ID + Dataverse with the demo data) served over loopback HTTP and
// driven by clients we didn't write: @azure/identity for tokens, dynamics-web-api for Dataverse.

import { ClientSecretCredential, UsernamePasswordCredential } from '@azure/identity'
import { DynamicsWebApi } from 'dynamics-web-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStandardSandbox, type Sandbox, type ServedSandbox, serveSandbox } from '../src/index.js'

let sandbox: Sandbox
let served: ServedSandbox
let client: DynamicsWebApi
let dataverse: string

const label = (text: string) => ({ LocalizedLabels: [{ Label: text, LanguageCode: 1033 }] })

function clientWith(token: string): DynamicsWebApi {
  // dynamics-web-api resolves 'api/data/v9.2' against serverUrl: the trailing slash keeps /dataverse
  return new DynamicsWebApi({
    serverUrl: `${dataverse}/`,
    dataApi: { version: '9.2' },
    onTokenRefresh: async () => token,
  })
}

beforeAll(async () => {
  sandbox = createStandardSandbox()
  served = await serveSandbox(sandbox, { port: 0 })
  dataverse = sandbox.urlOf('dataverse')
  const credential = new ClientSecretCredential(
    sandbox.entra.tenantId,
    sandbox.entra.clientId,
    sandbox.entra.clientSecret,
    {
      authorityHost: sandbox.entra.authorityHost,
      disableInstanceDiscovery: true,
      httpClient: sandbox.entraHttpClient(),
    },
  )
  const { token } = await credential.getToken(`${dataverse}/.default`)
  client = clientWith(token)
}, 60_000)

afterAll(async () => {
  await served?.close()
  sandbox?.close()
})

describe('standard sandbox over HTTP', () => {
  it('serves on loopback and answers WhoAmI as the signed-in sales rep', async () => {
    expect(dataverse.startsWith(served.url)).toBe(true)
    const me = await client.callFunction({ name: 'WhoAmI' })
    const rep = await client.retrieve({ collection: 'systemusers', key: me.UserId, select: ['fullname', 'title'] })
    expect(rep.title).toMatch(/Account Executive|Sales/i)
    expect(me.BusinessUnitId).toMatch(/^[0-9a-f-]{36}$/)
    expect(me.OrganizationId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('creates, reads, updates and deletes with an @odata.bind lookup', async () => {
    const [account] = (await client.retrieveMultiple({ collection: 'accounts', select: ['name'], top: 1 })).value
    const id: string = await client.create({
      collection: 'contacts',
      data: {
        firstname: 'Erin',
        lastname: 'Example',
        'parentcustomerid_account@odata.bind': `/accounts(${account.accountid})`,
      },
    })
    const read = await client.retrieve({
      collection: 'contacts',
      key: id,
      select: ['fullname', '_parentcustomerid_value'],
    })
    expect(read).toMatchObject({ fullname: 'Erin Example', _parentcustomerid_value: account.accountid })
    await client.update({ collection: 'contacts', key: id, data: { jobtitle: 'Buyer' } })
    expect((await client.retrieve({ collection: 'contacts', key: id, select: ['jobtitle'] })).jobtitle).toBe('Buyer')
    await client.deleteRecord({ collection: 'contacts', key: id })
    await expect(client.retrieve({ collection: 'contacts', key: id })).rejects.toMatchObject({ status: 404 })
  })

  it('applies $select, $filter, $orderby, $top and $count', async () => {
    const res = await client.retrieveMultiple({
      collection: 'accounts',
      select: ['name', 'revenue'],
      filter: 'revenue gt 1000000 and statecode eq 0',
      orderBy: ['revenue desc'],
      top: 5,
      count: true,
    })
    expect(res.value.length).toBeGreaterThan(0)
    expect(res.value.length).toBeLessThanOrEqual(5)
    const revenues = res.value.map((a: { revenue: number }) => a.revenue)
    expect([...revenues].sort((a, b) => b - a)).toEqual(revenues)
    expect(revenues.every((r: number) => r > 1000000)).toBe(true)
    expect(res.oDataCount).toBeGreaterThanOrEqual(res.value.length)
    expect(Object.keys(res.value[0]).filter((k) => !k.startsWith('@'))).toEqual(
      expect.arrayContaining(['name', 'revenue', 'accountid']),
    )
  })

  it('expands single- and collection-valued navigation properties', async () => {
    const contacts = await client.retrieveMultiple({
      collection: 'contacts',
      select: ['fullname'],
      filter: '_parentcustomerid_value ne null',
      expand: [{ property: 'parentcustomerid_account', select: ['name'] }],
      top: 3,
    })
    expect(contacts.value[0].parentcustomerid_account.name).toEqual(expect.any(String))
    const accounts = await client.retrieveMultiple({
      collection: 'accounts',
      select: ['name'],
      expand: [{ property: 'contact_customer_accounts', select: ['fullname'] }],
      top: 5,
    })
    expect(
      accounts.value.some((a: { contact_customer_accounts: unknown[] }) => a.contact_customer_accounts.length > 0),
    ).toBe(true)
  })

  it('pages with nextLink through retrieveAll', async () => {
    const counted = await client.retrieveMultiple({ collection: 'accounts', select: ['accountid'], count: true })
    const total = counted.oDataCount ?? 0
    const all = await client.retrieveAll({ collection: 'accounts', select: ['name'], maxPageSize: 70 })
    expect(total).toBeGreaterThan(140) // at least three pages
    expect(all.value).toHaveLength(total)
    expect(new Set(all.value.map((a: { accountid: string }) => a.accountid)).size).toBe(total)
  })

  it('pages FetchXML with paging cookies through fetchAll', async () => {
    const fetchXml =
      "<fetch count='100'><entity name='lead'><attribute name='fullname'/><order attribute='createdon'/><filter><condition attribute='statecode' operator='eq' value='0'/></filter></entity></fetch>"
    const all = await client.fetchAll({ collection: 'leads', fetchXml })
    const count = await client.retrieveMultiple({
      collection: 'leads',
      filter: 'statecode eq 0',
      select: ['leadid'],
      count: true,
    })
    const open = count.oDataCount ?? 0
    expect(open).toBeGreaterThan(200) // three fetch pages of 100
    expect(all.value).toHaveLength(open)
    expect(new Set(all.value.map((l: { leadid: string }) => l.leadid)).size).toBe(open)
  })

  it('reads metadata with attributes and a choice option set', async () => {
    const account = await client.retrieveEntity({
      key: "LogicalName='account'",
      select: ['LogicalName', 'EntitySetName', 'PrimaryNameAttribute'],
      expand: [{ property: 'Attributes', select: ['LogicalName', 'AttributeType'] }],
    })
    expect(account).toMatchObject({ LogicalName: 'account', EntitySetName: 'accounts', PrimaryNameAttribute: 'name' })
    expect(account.Attributes).toContainEqual(
      expect.objectContaining({ LogicalName: 'industrycode', AttributeType: 'Picklist' }),
    )
    const picklists = await client.retrieveAttributes({
      entityKey: "LogicalName='account'",
      castType: 'Microsoft.Dynamics.CRM.PicklistAttributeMetadata',
      select: ['LogicalName'],
      filter: "LogicalName eq 'industrycode'",
      expand: [{ property: 'OptionSet' }],
    })
    expect(picklists.value[0].OptionSet.Options[0].Label.UserLocalizedLabel.Label).toBe('Accounting')
  })

  it('creates a custom table and column through the metadata API, then a record in it', async () => {
    await client.createEntity({
      data: {
        '@odata.type': 'Microsoft.Dynamics.CRM.EntityMetadata',
        SchemaName: 'new_Project',
        DisplayName: label('Project'),
        DisplayCollectionName: label('Projects'),
        OwnershipType: 'UserOwned',
        HasActivities: false,
        HasNotes: false,
        IsActivity: false,
        Attributes: [
          {
            '@odata.type': 'Microsoft.Dynamics.CRM.StringAttributeMetadata',
            AttributeType: 'String',
            SchemaName: 'new_Name',
            DisplayName: label('Name'),
            MaxLength: 100,
            IsPrimaryName: true,
          },
        ],
      },
    })
    await client.createAttribute({
      entityKey: "LogicalName='new_project'",
      data: {
        '@odata.type': 'Microsoft.Dynamics.CRM.MoneyAttributeMetadata',
        AttributeType: 'Money',
        SchemaName: 'new_Budget',
        DisplayName: label('Budget'),
        PrecisionSource: 2,
      },
    })
    const id: string = await client.create({
      collection: 'new_projects',
      data: { new_name: 'Rollout', new_budget: 25000 },
    })
    const record = await client.retrieve({ collection: 'new_projects', key: id, select: ['new_name', 'new_budget'] })
    expect(record).toMatchObject({ new_name: 'Rollout', new_budget: 25000 })
  })

  it('qualifies an open lead with the QualifyLead action', async () => {
    const [lead] = (
      await client.retrieveMultiple({
        collection: 'leads',
        select: ['fullname', 'companyname'],
        filter: 'statecode eq 0 and companyname ne null',
        top: 1,
      })
    ).value
    const result = await client.callAction({
      collection: 'leads',
      key: lead.leadid,
      actionName: 'Microsoft.Dynamics.CRM.QualifyLead',
      action: { CreateAccount: true, CreateContact: true, CreateOpportunity: true, Status: 3 },
    })
    const types = result.value.map((v: Record<string, string>) => v['@odata.type'])
    expect(types).toEqual([
      '#Microsoft.Dynamics.CRM.account',
      '#Microsoft.Dynamics.CRM.contact',
      '#Microsoft.Dynamics.CRM.opportunity',
    ])
    const [account, contact, opportunity] = result.value
    const after = await client.retrieve({
      collection: 'leads',
      key: lead.leadid,
      select: ['statecode', 'statuscode', '_qualifyingopportunityid_value'],
    })
    expect(after).toMatchObject({
      statecode: 1,
      statuscode: 3,
      _qualifyingopportunityid_value: opportunity.opportunityid,
    })
    for (const [collection, record] of [
      ['accounts', account.accountid],
      ['contacts', contact.contactid],
    ]) {
      const created = await client.retrieve({ collection, key: record, select: ['_originatingleadid_value'] })
      expect(created._originatingleadid_value).toBe(lead.leadid)
    }
  })

  it('searches the demo data with Dataverse search', async () => {
    const [account] = (await client.retrieveMultiple({ collection: 'accounts', select: ['name'], top: 1 })).value
    const word = String(account.name).split(/\s+/)[0]
    const token = await sandbox.entra.requestToken({ scope: `${dataverse}/.default` })
    const res = await fetch(`${dataverse}/api/search/v2.0/query`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ search: word, count: true, entities: JSON.stringify([{ name: 'account' }]) }),
    })
    expect(res.status).toBe(200)
    const result = JSON.parse((await res.json()).response)
    expect(result.Count).toBeGreaterThan(0)
    expect(result.Value.map((v: { Id: string }) => v.Id)).toContain(account.accountid)
    expect(JSON.stringify(result.Value[0].Highlights)).toContain('{crmhit}')
  })

  it('rolls back a $batch change set when one part fails', async () => {
    client.startBatch()
    client.create({ collection: 'accounts', data: { name: 'Batch Rollback Co' } })
    client.create({ collection: 'accounts', data: { nmae: 'misspelled column' } })
    // the failed change set answers one error in place of its parts
    const results = await client.executeBatch()
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ status: 400, error: { code: '0x80060888' } })
    const left = await client.retrieveMultiple({
      collection: 'accounts',
      select: ['name'],
      filter: "name eq 'Batch Rollback Co'",
    })
    expect(left.value).toEqual([])
  })

  it('answers 401 to a token for another audience', async () => {
    const token = await sandbox.entra.requestToken({ scope: `api://${sandbox.entra.clientId}/.default` })
    const res = await fetch(`${dataverse}/api/data/v9.2/WhoAmI`, { headers: { Authorization: `Bearer ${token}` } })
    expect(res.status).toBe(401)
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer authorization_uri=/)
    await expect(clientWith(token).callFunction({ name: 'WhoAmI' })).rejects.toMatchObject({ status: 401 })
  })

  it('answers WhoAmI as the user of a user token', async () => {
    const user = sandbox.entra.users[1]
    if (!user) throw new Error('the standard sandbox has more than one user')
    const credential = new UsernamePasswordCredential(
      sandbox.entra.tenantId,
      sandbox.entra.clientId,
      user.userPrincipalName,
      user.password,
      {
        authorityHost: sandbox.entra.authorityHost,
        disableInstanceDiscovery: true,
        httpClient: sandbox.entraHttpClient(),
      },
    )
    const { token } = await credential.getToken(`${dataverse}/.default`)
    const me = await clientWith(token).callFunction({ name: 'WhoAmI' })
    const record = await client.retrieve({
      collection: 'systemusers',
      key: me.UserId,
      select: ['fullname', 'azureactivedirectoryobjectid'],
    })
    expect(record).toMatchObject({ fullname: user.displayName, azureactivedirectoryobjectid: user.oid })
  })
})
