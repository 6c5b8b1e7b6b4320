// Lead conversion through the Partner SOAP endpoint: raw envelopes through handle(), and jsforce's
// conn.soap.convertLead() over HTTP.
import { Connection } from 'jsforce'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox, serveSandbox } from '../src/index.js'
import { createSalesforceEmulator, type SalesforceEmulator } from '../src/salesforce/emulator.js'

const START = new Date('2025-05-15T12:00:00Z')
let sandbox: Sandbox
let sf: SalesforceEmulator
let close: () => Promise<void>
let conn: Connection

const V = '/services/data/v62.0'

async function rest(path: string, init: RequestInit = {}): Promise<any> {
  const headers = new Headers(init.headers)
  headers.set('authorization', `Bearer ${conn.accessToken}`)
  if (init.body) headers.set('content-type', 'application/json')
  const response = await sf.handle(
    new Request(`${sandbox.urlOf('salesforce')}${V}${path}`, { ...init, headers }),
    `${V}${path}`,
  )
  const text = await response.text()
  return text ? JSON.parse(text) : null
}

const create = async (type: string, body: Record<string, unknown>): Promise<string> =>
  (await rest(`/sobjects/${type}`, { method: 'POST', body: JSON.stringify(body) })).id

const read = (type: string, id: string, fields: string) => rest(`/sobjects/${type}/${id}?fields=${fields}`)

function soap(body: string, version = '62.0'): Promise<Response> {
  const path = `/services/Soap/u/${version}`
  return sf.handle(
    new Request(`${sandbox.urlOf('salesforce')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml', soapaction: '""' },
      body,
    }),
    path,
  )
}

const envelope = (session: string, call: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Header xmlns="urn:partner.soap.sforce.com">' +
  `<SessionHeader><sessionId>${session}</sessionId></SessionHeader></soapenv:Header>` +
  `<soapenv:Body xmlns="urn:partner.soap.sforce.com">${call}</soapenv:Body></soapenv:Envelope>`

beforeAll(async () => {
  sandbox = createSandbox({ clock: () => START })
  sf = createSalesforceEmulator({ db: sandbox.db, baseUrl: () => sandbox.baseUrl, clock: () => START })
  sandbox.mount(sf)
  ;({ close } = await serveSandbox(sandbox))
  const { clientId, clientSecret } = sf.describe() as { clientId: string; clientSecret: string }
  conn = new Connection({ oauth2: { loginUrl: sandbox.urlOf('salesforce'), clientId, clientSecret }, version: '62.0' })
  await conn.login('admin@bizmcp-sandbox.example', 'Sandbox-Passw0rd!')
})

afterAll(async () => {
  await close()
  sandbox.close()
})

describe('convertLead over raw SOAP', () => {
  it('converts a lead into a new account, contact and opportunity', async () => {
    const leadId = await create('Lead', {
      FirstName: 'Grace',
      LastName: 'Hopper',
      Company: 'Compilers Inc',
      Email: 'grace@compilers.example',
      LeadSource: 'Web',
      City: 'Arlington',
      Industry: 'Technology',
    })
    const taskId = await create('Task', { WhoId: leadId, Subject: 'Call Grace' })
    const response = await soap(
      envelope(
        conn.accessToken!,
        `<convertLead><leadConverts><leadId>${leadId}</leadId><convertedStatus>Closed - Converted</convertedStatus></leadConverts></convertLead>`,
      ),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/)
    const xml = await response.text()
    expect(xml).toContain('<soapenv:Body><convertLeadResponse><result><accountId>001')
    expect(xml).toContain(`<leadId>${leadId}</leadId>`)
    expect(xml).toContain('<success>true</success>')
    const lead = await read(
      'Lead',
      leadId,
      'IsConverted,Status,ConvertedAccountId,ConvertedContactId,ConvertedOpportunityId,ConvertedDate',
    )
    expect(lead).toMatchObject({ IsConverted: true, Status: 'Closed - Converted', ConvertedDate: '2025-05-15' })
    const account = await read('Account', lead.ConvertedAccountId, 'Name,BillingCity,Industry,AccountSource')
    expect(account).toMatchObject({
      Name: 'Compilers Inc',
      BillingCity: 'Arlington',
      Industry: 'Technology',
      AccountSource: 'Web',
    })
    const contact = await read('Contact', lead.ConvertedContactId, 'Name,Email,AccountId,MailingCity')
    expect(contact).toMatchObject({
      Name: 'Grace Hopper',
      AccountId: lead.ConvertedAccountId,
      MailingCity: 'Arlington',
    })
    const opp = await read('Opportunity', lead.ConvertedOpportunityId, 'Name,StageName,CloseDate,AccountId,LeadSource')
    expect(opp).toMatchObject({
      Name: 'Compilers Inc',
      StageName: 'Prospecting',
      CloseDate: '2025-06-30',
      LeadSource: 'Web',
    })
    const task = await read('Task', taskId, 'WhoId,WhatId')
    expect(task).toEqual(
      expect.objectContaining({ WhoId: lead.ConvertedContactId, WhatId: lead.ConvertedOpportunityId }),
    )
  })

  it('answers bad sessions and unknown operations with SOAP faults', async () => {
    const bad = await soap(
      envelope('00Dnope!nope', '<convertLead><leadConverts><leadId>x</leadId></leadConverts></convertLead>'),
    )
    expect(bad.status).toBe(500)
    const fault = await bad.text()
    expect(fault).toContain('<faultcode>sf:INVALID_SESSION_ID</faultcode>')
    expect(fault).toContain('<sf:exceptionCode>INVALID_SESSION_ID</sf:exceptionCode>')
    const unknown = await soap(envelope(conn.accessToken!, '<describeTabs/>'))
    expect(unknown.status).toBe(500)
    expect(await unknown.text()).toContain('<faultcode>soapenv:Client</faultcode>')
    const garbage = await soap('<not xml')
    expect(garbage.status).toBe(500)
    const version = await soap(envelope(conn.accessToken!, '<convertLead/>'), '99.0')
    expect(await version.text()).toContain('UNSUPPORTED_API_VERSION')
  })
})

describe('convertLead with jsforce', () => {
  it('merges into an existing account and contact, filling only empty fields', async () => {
    const accountId = await create('Account', { Name: 'Existing Co', Phone: '(415) 555-0000' })
    const contactId = await create('Contact', {
      LastName: 'Existing',
      AccountId: accountId,
      Title: 'CTO',
      LeadSource: 'Other',
    })
    const leadId = await create('Lead', {
      LastName: 'Newcomer',
      Company: 'Other Name',
      Phone: '(212) 555-1111',
      Website: 'https://existing.example',
      Title: 'Engineer',
      Email: 'new@existing.example',
      LeadSource: 'Web',
    })
    const result = await conn.soap.convertLead({
      leadId,
      convertedStatus: 'Closed - Converted',
      accountId,
      contactId,
      doNotCreateOpportunity: true,
    })
    expect(result).toEqual({ accountId, contactId, errors: [], leadId, opportunityId: null, success: true })
    const account = await read('Account', accountId, 'Name,Phone,Website')
    expect(account).toMatchObject({ Name: 'Existing Co', Phone: '(415) 555-0000', Website: 'https://existing.example' })
    const contact = await read('Contact', contactId, 'LastName,Title,Email,LeadSource')
    expect(contact).toMatchObject({
      LastName: 'Existing',
      Title: 'CTO',
      Email: 'new@existing.example',
      LeadSource: 'Other',
    })
    const lead = await read('Lead', leadId, 'ConvertedOpportunityId')
    expect(lead.ConvertedOpportunityId).toBeNull()
  })

  it('names the opportunity, sets the owner, and converts several leads in one call', async () => {
    const users = await conn.query<{ Id: string }>(
      "SELECT Id FROM User WHERE Username = 'sales@bizmcp-sandbox.example'",
    )
    const ownerId = users.records[0]!.Id
    const a = await create('Lead', { LastName: 'One', Company: 'Multi A' })
    const b = await create('Lead', { LastName: 'Two', Company: 'Multi B' })
    const results = await conn.soap.convertLead([
      { leadId: a, convertedStatus: 'Closed - Converted', opportunityName: 'Multi A - Pilot', ownerId },
      { leadId: b, convertedStatus: 'Closed - Converted' },
    ])
    expect(results.map((r) => r.success)).toEqual([true, true])
    const opp = await read('Opportunity', results[0]!.opportunityId!, 'Name,OwnerId')
    expect(opp).toEqual(expect.objectContaining({ Name: 'Multi A - Pilot', OwnerId: ownerId }))
    const account = await read('Account', results[0]!.accountId!, 'OwnerId')
    expect(account.OwnerId).toBe(ownerId)
  })

  it('applies Salesforce rules: status, account of the contact, already converted', async () => {
    const leadId = await create('Lead', { LastName: 'Rules', Company: 'Rules Co' })
    const wrongStatus = await conn.soap.convertLead({ leadId, convertedStatus: 'Working - Contacted' })
    expect(wrongStatus).toMatchObject({ success: false, leadId, accountId: null })
    expect(wrongStatus.errors[0]).toMatchObject({ statusCode: 'INVALID_STATUS' })

    const accountA = await create('Account', { Name: 'A' })
    const accountB = await create('Account', { Name: 'B' })
    const contactOfB = await create('Contact', { LastName: 'OfB', AccountId: accountB })
    const mismatch = await conn.soap.convertLead({
      leadId,
      convertedStatus: 'Closed - Converted',
      accountId: accountA,
      contactId: contactOfB,
    })
    expect(mismatch.success).toBe(false)
    expect(mismatch.errors[0]!.statusCode).toBe('INVALID_CROSS_REFERENCE_KEY')
    expect((await read('Lead', leadId, 'IsConverted')).IsConverted).toBe(false)

    expect((await conn.soap.convertLead({ leadId, convertedStatus: 'Closed - Converted' })).success).toBe(true)
    const again = await conn.soap.convertLead({ leadId, convertedStatus: 'Closed - Converted' })
    expect(again.errors[0]!.statusCode).toBe('CANNOT_UPDATE_CONVERTED_LEAD')
    await expect(conn.sobject('Lead').update({ Id: leadId, Title: 'x' })).rejects.toMatchObject({
      errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD',
    })
  })
})
