import { describe, expect, it } from 'vitest'
import { ids } from '../test-fixtures.js'
import { API, makeEmulator } from '../test-helpers.js'

describe('create', () => {
  it('creates with 204 and OData-EntityId, setting platform columns', async () => {
    const { call } = makeEmulator()
    const res = await call('POST', 'accounts', { body: { name: 'Northwind', revenue: 1000, creditonhold: false } })
    expect(res.status).toBe(204)
    const entityId = res.headers.get('OData-EntityId') as string
    expect(entityId).toMatch(new RegExp(`^${API.replace(/\./g, '\\.')}accounts\\([0-9a-f-]{36}\\)$`))
    const got = await call('GET', entityId.slice(API.length))
    expect(got.status).toBe(200)
    expect(got.json).toMatchObject({
      name: 'Northwind',
      revenue: 1000,
      creditonhold: false,
      statecode: 0,
      statuscode: 1,
      _ownerid_value: ids.user,
      _createdby_value: ids.user,
    })
    expect(got.json['@odata.etag']).toMatch(/^W\/"\d+"$/)
    expect(got.json.createdon).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  })

  it('returns the record with Prefer: return=representation, honouring $select', async () => {
    const { call } = makeEmulator()
    const res = await call('POST', 'accounts?$select=name,revenue', {
      body: { name: 'Tailspin', revenue: 5 },
      headers: { Prefer: 'return=representation' },
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('Preference-Applied')).toBe('return=representation')
    expect(Object.keys(res.json).sort()).toEqual(['@odata.context', '@odata.etag', 'accountid', 'name', 'revenue'])
  })

  it('binds lookups with @odata.bind and reads them back as _x_value', async () => {
    const { call } = makeEmulator()
    const res = await call('POST', 'contacts', {
      body: {
        firstname: 'Eve',
        lastname: 'Evans',
        'parentcustomerid_account@odata.bind': `/accounts(${ids.fabrikam})`,
      },
      headers: { Prefer: 'return=representation, odata.include-annotations="*"' },
    })
    expect(res.status).toBe(201)
    expect(res.json._parentcustomerid_value).toBe(ids.fabrikam)
    expect(res.json.fullname).toBe('Eve Evans')
    expect(res.json['_parentcustomerid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBe('account')
    expect(res.json['_parentcustomerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty']).toBe(
      'parentcustomerid_account',
    )
    expect(res.json['_parentcustomerid_value@OData.Community.Display.V1.FormattedValue']).toBe('Fabrikam Inc')
  })

  it('validates unknown attributes, wrong types, range, length and required columns', async () => {
    const { call } = makeEmulator()
    const unknown = await call('POST', 'accounts', { body: { nmae: 'x' } })
    expect(unknown.status).toBe(400)
    expect(unknown.json.error.code).toBe('0x80060888')
    expect(unknown.json.error.message).toContain(
      "The property 'nmae' does not exist on type 'Microsoft.Dynamics.CRM.account'",
    )
    const wrongType = await call('POST', 'accounts', { body: { numberofemployees: 'many' } })
    expect(wrongType.status).toBe(400)
    expect(wrongType.json.error.code).toBe('0x80048d19')
    expect(wrongType.json.error.message).toContain("Cannot convert the literal 'many' to the expected type 'Edm.Int32'")
    const badOption = await call('POST', 'accounts', { body: { industrycode: 999 } })
    expect(badOption.status).toBe(400)
    expect(badOption.json.error.code).toBe('0x80044331')
    const tooLong = await call('POST', 'accounts', { body: { accountnumber: 'x'.repeat(21) } })
    expect(tooLong.status).toBe(400)
    expect(tooLong.json.error.message).toContain("maximum allowed length of '20'")
    const missing = await call('POST', 'leads', { body: { firstname: 'No subject' } })
    expect(missing.status).toBe(400)
    expect(missing.json.error.message).toContain('subject')
    const badBind = await call('POST', 'contacts', {
      body: { 'parentcustomerid_account@odata.bind': '/accounts(not-a-guid)' },
    })
    expect(badBind.status).toBe(400)
    const missingTarget = await call('POST', 'contacts', {
      body: { 'parentcustomerid_account@odata.bind': '/accounts(00000000-0000-4000-8000-00000000dead)' },
    })
    expect(missingTarget.status).toBe(404)
    expect(missingTarget.json.error.code).toBe('0x80040217')
    const directLookup = await call('POST', 'contacts', { body: { _parentcustomerid_value: ids.contoso } })
    expect(directLookup.status).toBe(400)
    const badJson = await call('POST', 'accounts', { body: '{"name": ' })
    expect(badJson.status).toBe(400)
    expect(badJson.json.error.code).toBe('0x80048d19')
  })

  it('rejects a status reason that does not belong to the state', async () => {
    const { call } = makeEmulator()
    const res = await call('POST', 'accounts', { body: { name: 'x', statecode: 0, statuscode: 2 } })
    expect(res.status).toBe(400)
  })

  it('supports deep insert of related records', async () => {
    const { call } = makeEmulator()
    const res = await call('POST', 'accounts?$expand=contact_customer_accounts($select=fullname)', {
      body: {
        name: 'Deep',
        primarycontactid: { firstname: 'Pat', lastname: 'Primary' },
        contact_customer_accounts: [{ firstname: 'Kim', lastname: 'Kid' }],
      },
      headers: { Prefer: 'return=representation' },
    })
    expect(res.status).toBe(201)
    expect(res.json._primarycontactid_value).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.json.contact_customer_accounts.map((c: { fullname: string }) => c.fullname)).toEqual(['Kim Kid'])
  })
})

describe('retrieve', () => {
  it('returns 404 with the Dataverse code for a missing record and 400 for a malformed id', async () => {
    const { call } = makeEmulator()
    const missing = await call('GET', 'accounts(00000000-0000-4000-8000-00000000dead)')
    expect(missing.status).toBe(404)
    expect(missing.json.error).toEqual({
      code: '0x80040217',
      message: 'account With Id = 00000000-0000-4000-8000-00000000dead Does Not Exist',
    })
    expect((await call('GET', 'accounts(123)')).status).toBe(400)
  })

  it('expands single- and collection-valued navigation properties', async () => {
    const { call } = makeEmulator()
    const res = await call(
      'GET',
      `accounts(${ids.contoso})?$select=name&$expand=contact_customer_accounts($select=fullname;$orderby=fullname desc;$top=1),parentaccountid($select=name)`,
    )
    expect(res.status).toBe(200)
    expect(res.json.contact_customer_accounts).toHaveLength(1)
    expect(res.json.contact_customer_accounts[0].fullname).toBe('Bob Baker')
    expect(res.json.parentaccountid).toBeNull()
    const child = await call('GET', `accounts(${ids.adatum})?$select=name&$expand=parentaccountid($select=name)`)
    expect(child.json.parentaccountid).toMatchObject({ name: 'Contoso Ltd', accountid: ids.contoso })
  })

  it('rejects unknown $select and $expand names', async () => {
    const { call } = makeEmulator()
    const res = await call('GET', `accounts(${ids.contoso})?$select=nope`)
    expect(res.status).toBe(400)
    expect(res.json.error.message).toBe(
      "Could not find a property named 'nope' on type 'Microsoft.Dynamics.CRM.account'.",
    )
    expect((await call('GET', `accounts(${ids.contoso})?$expand=nope`)).status).toBe(400)
  })

  it('reads a single property and a navigation collection', async () => {
    const { call } = makeEmulator()
    const prop = await call('GET', `accounts(${ids.contoso})/name`)
    expect(prop.json.value).toBe('Contoso Ltd')
    const nav = await call('GET', `accounts(${ids.contoso})/contact_customer_accounts?$select=fullname`)
    expect(nav.json.value.map((c: { fullname: string }) => c.fullname).sort()).toEqual(['Alice Anders', 'Bob Baker'])
  })
})

describe('update, upsert and delete', () => {
  it('updates with PATCH and bumps the etag', async () => {
    const { call } = makeEmulator()
    const before = await call('GET', `accounts(${ids.contoso})?$select=name`)
    const res = await call('PATCH', `accounts(${ids.contoso})`, { body: { name: 'Contoso Renamed' } })
    expect(res.status).toBe(204)
    const after = await call('GET', `accounts(${ids.contoso})?$select=name`)
    expect(after.json.name).toBe('Contoso Renamed')
    expect(after.json['@odata.etag']).not.toBe(before.json['@odata.etag'])
  })

  it('honours If-Match etags and If-Match: * / If-None-Match: *', async () => {
    const { call } = makeEmulator()
    const stale = await call('PATCH', `accounts(${ids.contoso})`, {
      body: { name: 'x' },
      headers: { 'If-Match': 'W/"1"' },
    })
    expect(stale.status).toBe(412)
    expect(stale.json.error.code).toBe('0x80060882')
    const current = await call('GET', `accounts(${ids.contoso})?$select=name`)
    const ok = await call('PATCH', `accounts(${ids.contoso})`, {
      body: { name: 'y' },
      headers: { 'If-Match': current.json['@odata.etag'] },
    })
    expect(ok.status).toBe(204)
    const newId = '00000000-0000-4000-8000-0000000000aa'
    const noCreate = await call('PATCH', `accounts(${newId})`, { body: { name: 'z' }, headers: { 'If-Match': '*' } })
    expect(noCreate.status).toBe(404)
    const noUpdate = await call('PATCH', `accounts(${ids.contoso})`, {
      body: { name: 'z' },
      headers: { 'If-None-Match': '*' },
    })
    expect(noUpdate.status).toBe(412)
    expect(noUpdate.json.error.code).toBe('0x80040237')
  })

  it('upserts a missing record with PATCH', async () => {
    const { call } = makeEmulator()
    const newId = '00000000-0000-4000-8000-0000000000ab'
    const res = await call('PATCH', `accounts(${newId})`, {
      body: { name: 'Upserted' },
      headers: { Prefer: 'return=representation' },
    })
    expect(res.status).toBe(201)
    expect(res.json.accountid).toBe(newId)
  })

  it('deletes and clears lookups that pointed at the record', async () => {
    const { call } = makeEmulator()
    expect((await call('DELETE', `accounts(${ids.contoso})`)).status).toBe(204)
    expect((await call('GET', `accounts(${ids.contoso})`)).status).toBe(404)
    const alice = await call('GET', `contacts(${ids.alice})?$select=_parentcustomerid_value`)
    expect(alice.json._parentcustomerid_value).toBeNull()
    expect((await call('DELETE', `accounts(${ids.contoso})`)).status).toBe(404)
  })

  it('associates and disassociates with $ref', async () => {
    const { call } = makeEmulator()
    expect(
      (
        await call('PUT', `accounts(${ids.fabrikam})/primarycontactid/$ref`, {
          body: { '@odata.id': `${API}contacts(${ids.carol})` },
        })
      ).status,
    ).toBe(204)
    expect(
      (await call('GET', `accounts(${ids.fabrikam})?$select=_primarycontactid_value`)).json._primarycontactid_value,
    ).toBe(ids.carol)
    expect((await call('DELETE', `accounts(${ids.fabrikam})/primarycontactid/$ref`)).status).toBe(204)
    expect(
      (await call('GET', `accounts(${ids.fabrikam})?$select=_primarycontactid_value`)).json._primarycontactid_value,
    ).toBeNull()
    expect(
      (
        await call('POST', `accounts(${ids.fabrikam})/contact_customer_accounts/$ref`, {
          body: { '@odata.id': `contacts(${ids.alice})` },
        })
      ).status,
    ).toBe(204)
    expect(
      (await call('GET', `contacts(${ids.alice})?$select=_parentcustomerid_value`)).json._parentcustomerid_value,
    ).toBe(ids.fabrikam)
    expect(
      (await call('DELETE', `accounts(${ids.fabrikam})/contact_customer_accounts(${ids.alice})/$ref`)).status,
    ).toBe(204)
    expect(
      (await call('GET', `contacts(${ids.alice})?$select=_parentcustomerid_value`)).json._parentcustomerid_value,
    ).toBeNull()
  })
})
