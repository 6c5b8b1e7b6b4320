import { createHash, createHmac } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importPKCS8, SignJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSalesforceEmulator, type SalesforceEmulator } from '../src/salesforce/emulator.js'
import { caseSafeSuffix, toId18 } from '../src/salesforce/ids.js'
import { openDatabase } from '../src/shared/db.js'

const BASE = 'http://sandbox.localhost'
const START = new Date('2025-05-15T12:00:00Z')

let now = START
let sf: SalesforceEmulator
let app: { clientId: string; clientSecret: string }

function call(path: string, init: RequestInit = {}): Promise<Response> {
  return sf.handle(new Request(`${BASE}/salesforce${path}`, init), path)
}

async function token(params: Record<string, string>): Promise<{ status: number; body: Record<string, string> }> {
  const response = await call('/services/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  })
  return { status: response.status, body: (await response.json()) as Record<string, string> }
}

async function passwordToken(username = 'admin@bizmcp-sandbox.example'): Promise<string> {
  const { body } = await token({
    grant_type: 'password',
    client_id: app.clientId,
    client_secret: app.clientSecret,
    username,
    password: 'Sandbox-Passw0rd!',
  })
  return body.access_token!
}

function api(accessToken: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers)
  headers.set('authorization', `Bearer ${accessToken}`)
  if (init.body) headers.set('content-type', 'application/json')
  return call(`/services/data/v62.0${path}`, { ...init, headers })
}

beforeAll(() => {
  sf = createSalesforceEmulator({ db: openDatabase(), baseUrl: () => BASE, clock: () => now })
  const first = sf.config.apps[0]!
  app = { clientId: first.clientId, clientSecret: first.clientSecret }
})

describe('Salesforce emulator on a file database', () => {
  it('keeps the org, its records and sessions across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-emulator-'))
    try {
      const file = join(dir, 'org.db')
      const dbs: Array<ReturnType<typeof openDatabase>> = []
      const open = () => {
        dbs.push(openDatabase(file))
        return createSalesforceEmulator({ db: dbs.at(-1)!, baseUrl: () => BASE, clock: () => now })
      }
      const first = open()
      const previous = sf
      sf = first
      const accessToken = await passwordToken()
      const created = await api(accessToken, '/sobjects/Account', {
        method: 'POST',
        body: JSON.stringify({ Name: 'Persisted' }),
      })
      const { id } = (await created.json()) as { id: string }
      sf = open()
      const read = await api(accessToken, `/sobjects/Account/${id}?fields=Name`)
      sf = previous
      expect(await read.json()).toMatchObject({ Name: 'Persisted' })
      for (const db of dbs) db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('Salesforce ids', () => {
  it('computes the case-safe suffix of a 15-character id', () => {
    expect(caseSafeSuffix('001D000000IqhSL')).toBe('IAZ')
    expect(toId18('001D000000IqhSL')).toBe('001D000000IqhSLIAZ')
  })

  it('restores the case of an 18-character id typed in any case, and rejects non-ids', () => {
    expect(toId18('001d000000iqhslIAZ')).toBe('001D000000IqhSLIAZ')
    expect(toId18('001D000000IqhSLIAZ')).toBe('001D000000IqhSLIAZ')
    expect(toId18('not-an-id')).toBeUndefined()
    expect(toId18('001D000000IqhS')).toBeUndefined()
  })
})

describe('Salesforce OAuth', () => {
  it('answers the password grant with a Salesforce token response', async () => {
    const { status, body } = await token({
      grant_type: 'password',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      username: 'admin@bizmcp-sandbox.example',
      password: 'Sandbox-Passw0rd!SandboxSecurityToken0',
    })
    expect(status).toBe(200)
    expect(body).toMatchObject({ token_type: 'Bearer', instance_url: `${BASE}/salesforce`, scope: 'api web' })
    expect(body.refresh_token).toBeUndefined()
    expect(body.id).toMatch(new RegExp(`^${BASE}/salesforce/id/00D\\w{15}/005\\w{15}$`))
    expect(body.issued_at).toBe(String(START.getTime()))
    const signature = createHmac('sha256', app.clientSecret).update(body.id! + body.issued_at!)
    expect(body.signature).toBe(signature.digest('base64'))
  })

  it('rejects a wrong password, an unknown client, a wrong secret and an unknown grant', async () => {
    const base = { client_id: app.clientId, client_secret: app.clientSecret, username: 'admin@bizmcp-sandbox.example' }
    expect(await token({ grant_type: 'password', ...base, password: 'nope' })).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'authentication failure' },
    })
    expect(
      (await token({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' })).body.error,
    ).toBe('invalid_client_id')
    expect(
      (await token({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: 'wrong' })).body,
    ).toEqual({ error: 'invalid_client', error_description: 'invalid client credentials' })
    expect((await token({ grant_type: 'implicit' })).body).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'grant type not supported',
    })
  })

  it('issues client-credentials tokens for the run-as user', async () => {
    const { body } = await token({
      grant_type: 'client_credentials',
      client_id: app.clientId,
      client_secret: app.clientSecret,
    })
    const info = await call('/services/oauth2/userinfo', { headers: { authorization: `Bearer ${body.access_token}` } })
    expect(await info.json()).toMatchObject({ preferred_username: 'integration@bizmcp-sandbox.example' })
  })

  it('accepts a JWT bearer assertion signed with the connected app key', async () => {
    const jwt = sf.describe().jwtBearer as { privateKeyPem: string; clientId: string; audience: string }
    const key = await importPKCS8(jwt.privateKeyPem, 'RS256')
    const sign = (claims: { aud: string; exp: number }) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(jwt.clientId)
        .setSubject('sales@bizmcp-sandbox.example')
        .setAudience(claims.aud)
        .setExpirationTime(claims.exp)
        .sign(key)
    const exp = Math.floor(now.getTime() / 1000) + 180
    const grant = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
    const ok = await token({ grant_type: grant, assertion: await sign({ aud: 'https://login.salesforce.com', exp }) })
    expect(ok.status).toBe(200)
    expect(ok.body.id).toContain('/id/')
    const badAudience = await token({ grant_type: grant, assertion: await sign({ aud: 'https://evil.example', exp }) })
    expect(badAudience.body).toEqual({ error: 'invalid_grant', error_description: 'audience is invalid' })
    const expired = await token({ grant_type: grant, assertion: await sign({ aud: jwt.audience, exp: exp - 3600 }) })
    expect(expired.body.error).toBe('invalid_grant')
  })

  it('runs the authorization-code flow with PKCE, then refreshes and revokes', async () => {
    const verifier = 'a-very-long-code-verifier-for-the-sandbox-test-0123456789'
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: 'http://localhost:1717/OauthRedirect',
      state: 'xyz',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })
    const page = await call(`/services/oauth2/authorize?${query}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<form method="post"')

    const form = new URLSearchParams(query)
    form.set('username', 'sales@bizmcp-sandbox.example')
    form.set('pw', 'wrong')
    const retry = await call('/services/oauth2/authorize', { method: 'POST', body: form })
    expect(await retry.text()).toContain('Please check your username and password')

    form.set('pw', 'Sandbox-Passw0rd!')
    const redirect = await call('/services/oauth2/authorize', { method: 'POST', body: form })
    expect(redirect.status).toBe(302)
    const location = new URL(redirect.headers.get('location')!)
    expect(location.origin + location.pathname).toBe('http://localhost:1717/OauthRedirect')
    expect(location.searchParams.get('state')).toBe('xyz')
    const code = location.searchParams.get('code')!

    const exchange = {
      grant_type: 'authorization_code',
      code,
      client_id: app.clientId,
      redirect_uri: 'http://localhost:1717/OauthRedirect',
    }
    expect((await token({ ...exchange, code_verifier: 'wrong-verifier' })).body.error).toBe('invalid_grant')
    // The failed attempt used the code up; a fresh one is needed.
    const again = await call('/services/oauth2/authorize', { method: 'POST', body: form })
    const code2 = new URL(again.headers.get('location')!).searchParams.get('code')!
    const issued = await token({ ...exchange, code: code2, code_verifier: verifier })
    expect(issued.status).toBe(200)
    expect(issued.body.refresh_token).toMatch(/^5Aep861/)
    expect(issued.body.scope).toBe('api refresh_token web')

    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: issued.body.refresh_token!,
      client_id: app.clientId,
    })
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.access_token).not.toBe(issued.body.access_token)

    const revoke = await call('/services/oauth2/revoke', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: issued.body.refresh_token! }),
    })
    expect(revoke.status).toBe(200)
    const after = await token({
      grant_type: 'refresh_token',
      refresh_token: issued.body.refresh_token!,
      client_id: app.clientId,
    })
    expect(after.body).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' })
    const denied = await api(refreshed.body.access_token!, '/limits')
    expect(denied.status).toBe(401)
  })

  it('shows an error page for an unregistered redirect URI', async () => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: 'https://evil.example/cb',
    })
    const page = await call(`/services/oauth2/authorize?${query}`)
    expect(page.status).toBe(400)
    expect(await page.text()).toContain('redirect_uri_mismatch')
  })

  it('serves the identity URL to the token holder', async () => {
    const { body } = await token({
      grant_type: 'password',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      username: 'sales@bizmcp-sandbox.example',
      password: 'Sandbox-Passw0rd!',
    })
    const idPath = new URL(body.id!).pathname.replace('/salesforce', '')
    const response = await call(idPath, { headers: { authorization: `Bearer ${body.access_token}` } })
    expect(await response.json()).toMatchObject({
      username: 'sales@bizmcp-sandbox.example',
      display_name: 'Sam Seller',
    })
    expect((await call(idPath)).status).toBe(403)
  })

  it('answers 401 INVALID_SESSION_ID for missing, unknown and expired tokens', async () => {
    const accessToken = await passwordToken()
    const expected = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]
    expect(await (await call('/services/data/v62.0/limits')).json()).toEqual(expected)
    const unknown = await api('00Dxx!bogus', '/limits')
    expect(unknown.status).toBe(401)
    expect(await unknown.json()).toEqual(expected)
    now = new Date(START.getTime() + 3 * 3_600_000)
    try {
      const expired = await api(accessToken, '/limits')
      expect(expired.status).toBe(401)
    } finally {
      now = START
    }
  })
})

describe('Salesforce REST', () => {
  let accessToken: string
  beforeAll(async () => {
    accessToken = await passwordToken()
  })

  it('lists versions without a session and resources with one', async () => {
    const versions = (await (await call('/services/data/')).json()) as Array<{
      version: string
      url: string
      label: string
    }>
    expect(versions.find((v) => v.version === '50.0')).toEqual({
      label: "Winter '21",
      url: '/services/data/v50.0',
      version: '50.0',
    })
    expect(versions.at(-1)).toMatchObject({ version: '62.0', label: "Winter '25" })
    const resources = await api(accessToken, '')
    expect(await resources.json()).toMatchObject({ sobjects: '/services/data/v62.0/sobjects' })
    expect(
      (await call('/services/data/v99.0/sobjects', { headers: { authorization: `Bearer ${accessToken}` } })).status,
    ).toBe(404)
  })

  it('describes the org and an object', async () => {
    const global = (await (await api(accessToken, '/sobjects')).json()) as {
      sobjects: Array<{ name: string; keyPrefix: string }>
    }
    expect(global.sobjects.find((o) => o.name === 'Lead')?.keyPrefix).toBe('00Q')
    const account = (await (await api(accessToken, '/sobjects/Account/describe')).json()) as {
      fields: Array<{ name: string; type: string; referenceTo: string[]; relationshipName: string | null }>
      childRelationships: Array<{ relationshipName: string; childSObject: string; field: string }>
    }
    expect(account.fields.find((f) => f.name === 'ParentId')).toMatchObject({
      type: 'reference',
      referenceTo: ['Account'],
      relationshipName: 'Parent',
    })
    expect(account.childRelationships.map((c) => c.relationshipName)).toEqual(
      expect.arrayContaining(['Contacts', 'Opportunities', 'ChildAccounts', 'Tasks', 'Events']),
    )
    const opp = (await (await api(accessToken, '/sobjects/Opportunity/describe')).json()) as {
      fields: Array<{ name: string; picklistValues: Array<{ value: string }> }>
    }
    expect(opp.fields.find((f) => f.name === 'StageName')?.picklistValues.map((p) => p.value)).toContain('Closed Won')
    const missing = await api(accessToken, '/sobjects/Nope/describe')
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as Array<{ errorCode: string }>)[0]!.errorCode).toBe('NOT_FOUND')
  })

  it('creates, reads, updates and deletes a record', async () => {
    const created = await api(accessToken, '/sobjects/Account', {
      method: 'POST',
      body: JSON.stringify({ Name: 'Globex', Industry: 'Energy' }),
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/15000$/)
    const { id, success, errors } = (await created.json()) as { id: string; success: boolean; errors: unknown[] }
    expect({ success, errors }).toEqual({ success: true, errors: [] })
    expect(id).toMatch(/^001\w{15}$/)

    const read = await api(accessToken, `/sobjects/Account/${id.slice(0, 15)}?fields=Name,Industry,OwnerId`)
    expect(await read.json()).toEqual({
      attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${id}` },
      Name: 'Globex',
      Industry: 'Energy',
      OwnerId: expect.stringMatching(/^005/),
    })
    const patched = await api(accessToken, `/sobjects/Account/${id}`, {
      method: 'PATCH',
      body: JSON.stringify({ Rating: 'Hot' }),
    })
    expect(patched.status).toBe(204)
    const full = (await (await api(accessToken, `/sobjects/Account/${id}`)).json()) as Record<string, unknown>
    expect(full).toMatchObject({ Rating: 'Hot', IsDeleted: false, CreatedDate: '2025-05-15T12:00:00.000+0000' })

    expect((await api(accessToken, `/sobjects/Account/${id}`, { method: 'DELETE' })).status).toBe(204)
    const gone = await api(accessToken, `/sobjects/Account/${id}`)
    expect(gone.status).toBe(404)
    expect(await gone.json()).toEqual([{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED' }])
  })

  it('rejects bad writes with Salesforce errors', async () => {
    const post = async (object: string, body: unknown) => {
      const response = await api(accessToken, `/sobjects/${object}`, { method: 'POST', body: JSON.stringify(body) })
      return {
        status: response.status,
        body: (await response.json()) as Array<{ errorCode: string; message: string; fields?: string[] }>,
      }
    }
    expect((await post('Contact', { FirstName: 'No' })).body).toEqual([
      { message: 'Required fields are missing: [LastName]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] },
    ])
    expect((await post('Account', { Name: 'X', Foo: 1 })).body[0]).toMatchObject({
      errorCode: 'INVALID_FIELD',
      fields: ['Foo'],
    })
    expect(
      (await post('Lead', { LastName: 'X', Company: 'Y', IsConverted: true, ConvertedDate: '2025-01-01' })).body[0],
    ).toMatchObject({
      errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
      fields: ['ConvertedDate'],
    })
    expect((await post('Contact', { LastName: 'X', AccountId: 'garbage' })).body[0]!.errorCode).toBe('MALFORMED_ID')
    expect(
      (await post('Opportunity', { Name: 'X', StageName: 'Dreaming', CloseDate: '2025-06-30' })).body[0]!.errorCode,
    ).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST')
    expect(
      (await post('Opportunity', { Name: 'X', StageName: 'Prospecting', CloseDate: 'soon' })).body[0]!.errorCode,
    ).toBe('JSON_PARSER_ERROR')
    expect((await post('OpportunityStage', { MasterLabel: 'X' })).body[0]!.errorCode).toBe('INVALID_TYPE_FOR_OPERATION')
    const badJson = await api(accessToken, '/sobjects/Account', { method: 'POST', body: '{not json' })
    expect(((await badJson.json()) as Array<{ errorCode: string }>)[0]!.errorCode).toBe('JSON_PARSER_ERROR')
  })

  it('derives opportunity stage facts and line item totals', async () => {
    const create = async (object: string, body: unknown) =>
      (
        (await (
          await api(accessToken, `/sobjects/${object}`, { method: 'POST', body: JSON.stringify(body) })
        ).json()) as { id: string }
      ).id
    const productId = await create('Product2', { Name: 'Widget', IsActive: true, ExternalId: 'W-1' })
    const pricebook = (await (
      await api(accessToken, `/query?q=${encodeURIComponent('SELECT Id FROM Pricebook2 WHERE IsStandard = true')}`)
    ).json()) as {
      records: Array<{ Id: string }>
    }
    const entryId = await create('PricebookEntry', {
      Pricebook2Id: pricebook.records[0]!.Id,
      Product2Id: productId,
      UnitPrice: 100,
      IsActive: true,
    })
    const oppId = await create('Opportunity', {
      Name: 'Deal',
      StageName: 'Negotiation/Review',
      CloseDate: '2025-06-30',
      Pricebook2Id: pricebook.records[0]!.Id,
    })
    await create('OpportunityLineItem', { OpportunityId: oppId, PricebookEntryId: entryId, Quantity: 3, Discount: 10 })
    const opp = (await (await api(accessToken, `/sobjects/Opportunity/${oppId}`)).json()) as Record<string, unknown>
    expect(opp).toMatchObject({
      Probability: 90,
      ForecastCategory: 'Forecast',
      ForecastCategoryName: 'Commit',
      IsClosed: false,
      Amount: 270,
      HasOpportunityLineItem: true,
      ExpectedRevenue: 243,
      FiscalQuarter: 2,
    })
    await api(accessToken, `/sobjects/Opportunity/${oppId}`, {
      method: 'PATCH',
      body: JSON.stringify({ StageName: 'Closed Won' }),
    })
    const won = (await (
      await api(accessToken, `/sobjects/Opportunity/${oppId}?fields=IsClosed,IsWon,ForecastCategoryName,Probability`)
    ).json()) as Record<string, unknown>
    expect(won).toMatchObject({ IsClosed: true, IsWon: true, ForecastCategoryName: 'Closed', Probability: 100 })

    // Upsert by the standard external id of Product2.
    const update = await api(accessToken, '/sobjects/Product2/ExternalId/W-1', {
      method: 'PATCH',
      body: JSON.stringify({ Family: 'Hardware' }),
    })
    expect(await update.json()).toEqual({ id: productId, success: true, errors: [], created: false })
    const insert = await api(accessToken, '/sobjects/Product2/ExternalId/W-2', {
      method: 'PATCH',
      body: JSON.stringify({ Name: 'Gadget' }),
    })
    expect(insert.status).toBe(201)
    expect(await insert.json()).toMatchObject({ success: true, created: true })
  })

  it('deletes an account with its contacts and opportunities, as the recycle bin shows', async () => {
    const create = async (object: string, body: unknown) =>
      (
        (await (
          await api(accessToken, `/sobjects/${object}`, { method: 'POST', body: JSON.stringify(body) })
        ).json()) as { id: string }
      ).id
    const accountId = await create('Account', { Name: 'Cascade Co' })
    const contactId = await create('Contact', { LastName: 'Child', AccountId: accountId })
    await create('Task', { Subject: 'Call', WhoId: contactId, WhatId: accountId })
    expect((await api(accessToken, `/sobjects/Account/${accountId}`, { method: 'DELETE' })).status).toBe(204)
    expect((await api(accessToken, `/sobjects/Contact/${contactId}`)).status).toBe(404)
    const soql = encodeURIComponent(`SELECT Id, IsDeleted FROM Task WHERE WhatId = '${accountId}'`)
    const bin = (await (await api(accessToken, `/queryAll?q=${soql}`)).json()) as {
      records: Array<{ IsDeleted: boolean }>
    }
    expect(bin.records).toEqual([expect.objectContaining({ IsDeleted: true })])
  })

  it('reports limits and counts API usage', async () => {
    const first = await api(accessToken, '/limits')
    const used = Number(first.headers.get('sforce-limit-info')!.match(/api-usage=(\d+)/)![1])
    const body = (await first.json()) as { DailyApiRequests: { Max: number; Remaining: number } }
    expect(body.DailyApiRequests).toEqual({ Max: 15000, Remaining: 15000 - used })
    const second = await api(accessToken, '/limits')
    expect(second.headers.get('sforce-limit-info')).toBe(`api-usage=${used + 1}/15000`)
  })
})
