// jsforce, the standard JavaScript Salesforce client, against the emulator over loopback HTTP.
import { createHash } from 'node:crypto'
import { Connection, OAuth2 } from 'jsforce'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, describeSandbox, type Sandbox, serveSandbox } from '../src/index.js'
import { createSalesforceEmulator, type SalesforceEmulator } from '../src/salesforce/emulator.js'

const START = new Date('2025-05-15T12:00:00Z')
let now = START

let sandbox: Sandbox
let sf: SalesforceEmulator
let close: () => Promise<void>
let loginUrl: string
let clientId: string
let clientSecret: string

beforeAll(async () => {
  sandbox = createSandbox({ clock: () => now })
  sf = createSalesforceEmulator({ db: sandbox.db, baseUrl: () => sandbox.baseUrl, clock: () => now, seed: { seed: 7 } })
  sandbox.mount(sf)
  ;({ close } = await serveSandbox(sandbox))
  loginUrl = sandbox.urlOf('salesforce')
  ;({ clientId, clientSecret } = sf.describe() as { clientId: string; clientSecret: string })
})

afterAll(async () => {
  await close()
  sandbox.close()
})

function connection(): Connection {
  return new Connection({ oauth2: { loginUrl, clientId, clientSecret }, version: '62.0' })
}

describe('jsforce against the Salesforce emulator', () => {
  it('is described with what a client needs to connect', () => {
    const described = describeSandbox(sandbox).emulators.salesforce!
    expect(described).toMatchObject({ url: loginUrl, instanceUrl: loginUrl, loginUrl, apiVersion: '62.0', clientId })
    expect(described.users).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ username: 'admin@bizmcp-sandbox.example', userId: expect.stringMatching(/^005/) }),
      ]),
    )
  })

  it('logs in with username and password (OAuth password flow)', async () => {
    const conn = connection()
    const info = await conn.login('admin@bizmcp-sandbox.example', 'Sandbox-Passw0rd!SandboxSecurityToken0')
    expect(conn.instanceUrl).toBe(loginUrl)
    expect(info.organizationId).toMatch(/^00D/)
    expect(info.id).toMatch(/^005/)
    const identity = await conn.identity()
    expect(identity.username).toBe('admin@bizmcp-sandbox.example')
  })

  it('gets client-credentials tokens and queries with autoFetch across pages', async () => {
    const oauth2 = new OAuth2({ loginUrl, clientId, clientSecret })
    const token = await oauth2.requestToken({ grant_type: 'client_credentials' })
    const conn = new Connection({ instanceUrl: token.instance_url, accessToken: token.access_token, version: '62.0' })
    let pages = 0
    const query = conn.query('SELECT Id, Name, Account.Name FROM Contact ORDER BY Name', {
      autoFetch: true,
      maxFetch: 10000,
      headers: { 'Sforce-Query-Options': 'batchSize=200' },
    })
    query.on('fetch', () => {
      pages++
    })
    const result = await query
    expect(pages).toBe(2)
    expect(result.totalSize).toBe(300)
    expect(result.records.length).toBe(300)
    expect(new Set(result.records.map((r) => r.Id)).size).toBe(300)
    expect(conn.limitInfo.apiUsage?.limit).toBe(15000)
  })

  it('creates, retrieves, updates and destroys a Lead', async () => {
    const conn = connection()
    await conn.login('sales@bizmcp-sandbox.example', 'Sandbox-Passw0rd!')
    const created = await conn
      .sobject('Lead')
      .create({ FirstName: 'Ada', LastName: 'Lovelace', Company: 'Analytical Engines' })
    expect(created).toMatchObject({ success: true, errors: [] })
    const id = (created as { id: string }).id
    const lead = (await conn.sobject('Lead').retrieve(id)) as Record<string, unknown>
    expect(lead).toMatchObject({ Name: 'Ada Lovelace', Status: 'Open - Not Contacted', IsConverted: false })
    const updated = await conn.sobject('Lead').update({ Id: id, Status: 'Working - Contacted', Rating: 'Hot' })
    expect(updated).toMatchObject({ id, success: true })
    const reread = (await conn.sobject('Lead').retrieve(id, { fields: ['Status', 'Rating'] })) as Record<
      string,
      unknown
    >
    expect(reread).toMatchObject({ Status: 'Working - Contacted', Rating: 'Hot' })
    const destroyed = await conn.sobject('Lead').destroy(id)
    expect(destroyed).toMatchObject({ id, success: true })
    await expect(conn.sobject('Lead').retrieve(id)).rejects.toMatchObject({ errorCode: 'ENTITY_IS_DELETED' })
    await expect(conn.sobject('Lead').create({ FirstName: 'No' })).rejects.toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
    })
  })

  it('describes objects and the org', async () => {
    const conn = connection()
    await conn.login('admin@bizmcp-sandbox.example', 'Sandbox-Passw0rd!')
    const account = await conn.describe('Account')
    expect(account.name).toBe('Account')
    expect(account.keyPrefix).toBe('001')
    expect(account.fields.find((f) => f.name === 'OwnerId')).toMatchObject({
      type: 'reference',
      relationshipName: 'Owner',
    })
    expect(account.childRelationships.some((c) => c.relationshipName === 'Contacts')).toBe(true)
    const global = await conn.describeGlobal()
    expect(global.sobjects.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Opportunity', 'Task', 'Event', 'PricebookEntry']),
    )
    const versions = (await conn.request('/services/data/')) as Array<{ version: string }>
    expect(versions.map((v) => v.version)).toContain('50.0')
  })

  it('runs relationship queries and aggregates', async () => {
    const conn = connection()
    await conn.login('admin@bizmcp-sandbox.example', 'Sandbox-Passw0rd!')
    const opps = await conn.query<{
      Name: string
      Account: { Name: string; Owner: { Name: string } } | null
      OpportunityLineItems: { records: unknown[] } | null
    }>(
      'SELECT Name, Account.Name, Account.Owner.Name, (SELECT Quantity, PricebookEntry.Product2.Name FROM OpportunityLineItems) FROM Opportunity WHERE HasOpportunityLineItem = true LIMIT 5',
    )
    expect(opps.records.length).toBe(5)
    for (const opp of opps.records) {
      expect(typeof opp.Account?.Owner.Name).toBe('string')
      expect(opp.OpportunityLineItems?.records.length).toBeGreaterThan(0)
    }
    const byStage = await conn.query<{ StageName: string; total: number; expr0: number }>(
      'SELECT StageName, SUM(Amount) total, COUNT(Id) FROM Opportunity GROUP BY StageName ORDER BY StageName',
    )
    expect(byStage.records.length).toBe(10)
    expect(byStage.records.every((r) => typeof r.total === 'number' && r.expr0 > 0)).toBe(true)
    const count = await conn.query('SELECT COUNT() FROM Lead WHERE IsConverted = false')
    expect(count.totalSize).toBeGreaterThan(100)
    expect(count.records).toEqual([])
    await expect(conn.query('SELECT Nope FROM Account')).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' })
  })

  it('refreshes an expired session with the refresh token from the web-server flow (PKCE)', async () => {
    const redirectUri = 'http://localhost:1717/OauthRedirect'
    const oauth2 = new OAuth2({ loginUrl, clientId, redirectUri, useVerifier: true })
    const authorizeUrl = new URL(oauth2.getAuthorizationUrl({ state: 'abc' }))
    const form = new URLSearchParams(authorizeUrl.searchParams)
    form.set('username', 'sales@bizmcp-sandbox.example')
    form.set('pw', 'Sandbox-Passw0rd!')
    const login = await fetch(`${authorizeUrl.origin}${authorizeUrl.pathname}`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    })
    expect(login.status).toBe(302)
    const code = new URL(login.headers.get('location')!).searchParams.get('code')!
    expect(authorizeUrl.searchParams.get('code_challenge')).toBe(
      createHash('sha256').update(oauth2.codeVerifier!).digest('base64url'),
    )

    const conn = new Connection({ oauth2, version: '62.0' })
    await conn.authorize(code)
    expect(conn.refreshToken).toMatch(/^5Aep861/)
    const firstToken = conn.accessToken
    let refreshed = 0
    conn.on('refresh', () => {
      refreshed++
    })
    now = new Date(START.getTime() + 3 * 3_600_000)
    try {
      const result = await conn.query('SELECT Id FROM Account LIMIT 1')
      expect(result.records.length).toBe(1)
      expect(refreshed).toBe(1)
      expect(conn.accessToken).not.toBe(firstToken)
    } finally {
      now = START
    }
  })

  it('fails with INVALID_SESSION_ID for an expired or revoked token when it cannot refresh', async () => {
    const oauth2 = new OAuth2({ loginUrl, clientId, clientSecret })
    const token = await oauth2.requestToken({ grant_type: 'client_credentials' })
    const conn = new Connection({ instanceUrl: token.instance_url, accessToken: token.access_token, version: '62.0' })
    await oauth2.revokeToken(token.access_token)
    await expect(conn.query('SELECT Id FROM Account LIMIT 1')).rejects.toMatchObject({
      errorCode: 'INVALID_SESSION_ID',
      message: 'Session expired or invalid',
    })
    const other = await oauth2.requestToken({ grant_type: 'client_credentials' })
    const expiring = new Connection({
      instanceUrl: other.instance_url,
      accessToken: other.access_token,
      version: '62.0',
    })
    now = new Date(START.getTime() + 3 * 3_600_000)
    try {
      await expect(expiring.sobject('Account').describe()).rejects.toMatchObject({ errorCode: 'INVALID_SESSION_ID' })
    } finally {
      now = START
    }
  })
})
