import { describe, expect, it } from 'vitest'
import { fixtureSchema, ids } from '../test-fixtures.js'
import { makeEmulator } from '../test-helpers.js'

describe('WhoAmI', () => {
  it('returns the signed-in user found by Entra object id', async () => {
    const { call } = makeEmulator()
    for (const path of ['WhoAmI', 'WhoAmI()']) {
      const res = await call('GET', path, { token: `token-${ids.user2Oid}` })
      expect(res.status).toBe(200)
      expect(res.json).toMatchObject({ UserId: ids.user2, BusinessUnitId: ids.bu, OrganizationId: ids.org })
    }
  })

  it('falls back to the seed user for an unknown oid', async () => {
    const { call } = makeEmulator()
    expect((await call('GET', 'WhoAmI', { token: 'token-unknown' })).json.UserId).toBe(ids.user)
  })
})

describe('QualifyLead', () => {
  it('creates account, contact and opportunity and qualifies the lead', async () => {
    const { call } = makeEmulator()
    const res = await call('POST', `leads(${ids.lead1})/Microsoft.Dynamics.CRM.QualifyLead`, {
      body: {
        CreateAccount: true,
        CreateContact: true,
        CreateOpportunity: true,
        Status: 3,
        OpportunityCurrencyId: {
          '@odata.type': 'Microsoft.Dynamics.CRM.transactioncurrency',
          transactioncurrencyid: ids.usd,
        },
      },
    })
    expect(res.status).toBe(200)
    const types = res.json.value.map((v: Record<string, string>) => v['@odata.type'])
    expect(types).toEqual([
      '#Microsoft.Dynamics.CRM.account',
      '#Microsoft.Dynamics.CRM.contact',
      '#Microsoft.Dynamics.CRM.opportunity',
    ])
    const [account, contact, opportunity] = res.json.value
    expect((await call('GET', `accounts(${account.accountid})?$select=name`)).json.name).toBe('Diaz Widgets')
    expect(
      (await call('GET', `contacts(${contact.contactid})?$select=fullname,_parentcustomerid_value`)).json,
    ).toMatchObject({ fullname: 'Dana Diaz', _parentcustomerid_value: account.accountid })
    expect(
      (
        await call(
          'GET',
          `opportunities(${opportunity.opportunityid})?$select=name,_customerid_value,_originatingleadid_value,_transactioncurrencyid_value`,
        )
      ).json,
    ).toMatchObject({
      name: 'Interested in widgets',
      _customerid_value: account.accountid,
      _originatingleadid_value: ids.lead1,
      _transactioncurrencyid_value: ids.usd,
    })
    expect((await call('GET', `leads(${ids.lead1})?$select=statecode,statuscode`)).json).toMatchObject({
      statecode: 1,
      statuscode: 3,
    })
    const again = await call('POST', `leads(${ids.lead1})/Microsoft.Dynamics.CRM.QualifyLead`, {
      body: { CreateAccount: false, CreateContact: false, CreateOpportunity: false, Status: 3 },
    })
    expect(again.status).toBe(400)
  })

  it('validates parameters and rolls back on failure', async () => {
    const { call } = makeEmulator()
    expect(
      (await call('POST', `leads(${ids.lead1})/Microsoft.Dynamics.CRM.QualifyLead`, { body: { CreateAccount: true } }))
        .status,
    ).toBe(400)
    const badStatus = await call('POST', `leads(${ids.lead1})/Microsoft.Dynamics.CRM.QualifyLead`, {
      body: { CreateAccount: true, CreateContact: false, CreateOpportunity: false, Status: 4 },
    })
    expect(badStatus.status).toBe(400)
    const count = await call('GET', "accounts?$filter=name eq 'Diaz Widgets'")
    expect(count.json.value).toHaveLength(0)
    expect(
      (await call('POST', `accounts(${ids.contoso})/Microsoft.Dynamics.CRM.QualifyLead`, { body: {} })).status,
    ).toBe(404)
  })
})

describe('CloseIncident', () => {
  it('creates a resolution and resolves the case once', async () => {
    const { call } = makeEmulator()
    const body = {
      IncidentResolution: {
        subject: 'Put out the fire',
        description: 'Extinguisher',
        'incidentid@odata.bind': `/incidents(${ids.case1})`,
      },
      Status: 5,
    }
    expect((await call('POST', 'CloseIncident', { body })).status).toBe(204)
    expect((await call('GET', `incidents(${ids.case1})?$select=statecode,statuscode`)).json).toMatchObject({
      statecode: 1,
      statuscode: 5,
    })
    const resolutions = await call(
      'GET',
      `incidentresolutions?$filter=_incidentid_value eq ${ids.case1}&$select=subject,statecode`,
    )
    expect(resolutions.json.value).toMatchObject([{ subject: 'Put out the fire', statecode: 1 }])
    const again = await call('POST', 'CloseIncident', { body })
    expect(again.status).toBe(400)
    expect(again.json.error.message).toMatch(/already been resolved/)
  })

  it('needs the incident reference and a valid status', async () => {
    const { call } = makeEmulator()
    expect(
      (await call('POST', 'CloseIncident', { body: { IncidentResolution: { subject: 'x' }, Status: 5 } })).status,
    ).toBe(400)
    expect(
      (
        await call('POST', 'CloseIncident', {
          body: { IncidentResolution: { 'incidentid@odata.bind': `/incidents(${ids.case1})` }, Status: 2 },
        })
      ).status,
    ).toBe(400)
    expect((await call('GET', 'CloseIncident')).status).toBe(400)
  })

  it('explains when the schema lacks a table the action needs', async () => {
    const schema = structuredClone(fixtureSchema)
    schema.tables = schema.tables.filter((t) => t.logicalName !== 'incidentresolution')
    const { call } = makeEmulator({ schema })
    const res = await call('POST', 'CloseIncident', { body: { IncidentResolution: {}, Status: 5 } })
    expect(res.status).toBe(400)
    expect(res.json.error.message).toMatch(/needs the table 'incidentresolution'/)
  })
})

describe('WinOpportunity / LoseOpportunity', () => {
  it('wins an opportunity and records the close', async () => {
    const { call } = makeEmulator()
    const res = await call('POST', 'WinOpportunity', {
      body: {
        OpportunityClose: { subject: 'Won it', 'opportunityid@odata.bind': `/opportunities(${ids.opp1})` },
        Status: 3,
      },
    })
    expect(res.status).toBe(204)
    expect((await call('GET', `opportunities(${ids.opp1})?$select=statecode,statuscode`)).json).toMatchObject({
      statecode: 1,
      statuscode: 3,
    })
    const lose = await call('POST', 'LoseOpportunity', {
      body: { OpportunityClose: { 'opportunityid@odata.bind': `/opportunities(${ids.opp1})` }, Status: 4 },
    })
    expect(lose.status).toBe(400)
  })

  it('loses an opportunity with a lost status only', async () => {
    const { call } = makeEmulator()
    const wrong = await call('POST', 'LoseOpportunity', {
      body: { OpportunityClose: { 'opportunityid@odata.bind': `/opportunities(${ids.opp1})` }, Status: 3 },
    })
    expect(wrong.status).toBe(400)
    const ok = await call('POST', 'LoseOpportunity', {
      body: { OpportunityClose: { 'opportunityid@odata.bind': `/opportunities(${ids.opp1})` }, Status: 5 },
    })
    expect(ok.status).toBe(204)
    expect((await call('GET', `opportunities(${ids.opp1})?$select=statecode`)).json.statecode).toBe(2)
  })
})

describe('SendEmail', () => {
  it('sends a draft once', async () => {
    const { call } = makeEmulator()
    const res = await call('POST', `emails(${ids.email1})/Microsoft.Dynamics.CRM.SendEmail`, {
      body: { IssueSend: true },
    })
    expect(res.status).toBe(200)
    expect(res.json.Subject).toBe('Welcome')
    expect((await call('GET', `emails(${ids.email1})?$select=statecode,statuscode`)).json).toMatchObject({
      statecode: 1,
      statuscode: 3,
    })
    expect(
      (await call('POST', `emails(${ids.email1})/Microsoft.Dynamics.CRM.SendEmail`, { body: { IssueSend: true } }))
        .status,
    ).toBe(400)
    expect((await call('POST', `emails(${ids.email1})/Microsoft.Dynamics.CRM.SendEmail`, { body: {} })).status).toBe(
      400,
    )
  })
})
