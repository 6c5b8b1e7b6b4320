import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  createSandbox,
  DEFAULT_CLIENT_ID,
  DEFAULT_TENANT_ID,
  describeSandbox,
  type Emulator,
  formatSandboxDescription,
  openDatabase,
} from '../src/index.js'

/** Echoes what it was given, so routing can be observed from outside. */
function echoEmulator(name: string, prefix: string, extra: Partial<Emulator> = {}): Emulator {
  return {
    name,
    prefix,
    handle: async (request, path) => Response.json({ emulator: name, path, method: request.method, url: request.url }),
    ...extra,
  }
}

describe('createSandbox', () => {
  const sandbox = createSandbox()
  sandbox.mount(echoEmulator('crm', '/crm', { describe: () => ({ apiVersion: '9.2' }) }))
  sandbox.mount(echoEmulator('crm-admin', '/crm/admin'))
  afterAll(() => sandbox.close())

  it('routes by prefix and hands the emulator the rest of the path with the query', async () => {
    const response = await sandbox.fetch('http://sandbox.localhost/crm/api/data/v9.2/accounts?$top=2&$select=name')
    expect(await response.json()).toMatchObject({
      emulator: 'crm',
      path: '/api/data/v9.2/accounts?$top=2&$select=name',
    })
    const bare = await sandbox.fetch(new Request('http://sandbox.localhost/crm'))
    expect(await bare.json()).toMatchObject({ emulator: 'crm', path: '/' })
  })

  it('prefers the longest prefix and does not match a prefix inside a word', async () => {
    const admin = await sandbox.fetch('http://sandbox.localhost/crm/admin/users')
    expect(await admin.json()).toMatchObject({ emulator: 'crm-admin', path: '/users' })
    const lookalike = await sandbox.fetch('http://sandbox.localhost/crmx/users')
    expect(lookalike.status).toBe(404)
  })

  it('answers 404 with the mounted prefixes for anything else', async () => {
    const response = await sandbox.fetch('http://sandbox.localhost/nothing/here', { method: 'POST', body: 'x' })
    expect(response.status).toBe(404)
    const body = (await response.json()) as { error: { message: string; prefixes: string[] } }
    expect(body.error.prefixes).toEqual(['/entra', '/crm', '/crm/admin'])
    expect(body.error.message).toContain("'/nothing/here'")
  })

  it('routes the https authority host to Entra whatever the path', async () => {
    const response = await sandbox.fetch(
      `https://login.sandbox.localhost/${DEFAULT_TENANT_ID}/v2.0/.well-known/openid-configuration`,
    )
    const doc = (await response.json()) as { issuer: string; token_endpoint: string }
    // MSAL checks that the issuer is on the authority's host, so discovery answers in its terms.
    expect(doc.issuer).toBe(`https://login.sandbox.localhost/${DEFAULT_TENANT_ID}/v2.0`)
    expect(doc.token_endpoint).toBe(`https://login.sandbox.localhost/${DEFAULT_TENANT_ID}/oauth2/v2.0/token`)
  })

  it('refuses bad prefixes and clashing emulators', () => {
    for (const prefix of ['crm2', '/crm2/', '', '/a b']) {
      expect(() => sandbox.mount(echoEmulator('x', prefix)), prefix).toThrow(/prefix/)
    }
    expect(() => sandbox.mount(echoEmulator('crm', '/other'))).toThrow(/already mounted/)
    expect(() => sandbox.mount(echoEmulator('other', '/crm'))).toThrow(/already mounted/)
  })

  it('turns an emulator failure into a 500 that names the emulator', async () => {
    const broken = createSandbox()
    broken.mount({
      name: 'broken',
      prefix: '/broken',
      handle: async () => {
        throw new Error('boom')
      },
    })
    const response = await broken.fetch('http://sandbox.localhost/broken/x')
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({
      error: { code: 'SandboxInternalError', message: 'The broken emulator failed: boom' },
    })
    broken.close()
  })

  it('gives emulator URLs on the current base URL', () => {
    expect(sandbox.urlOf('crm')).toBe('http://sandbox.localhost/crm')
    expect(() => sandbox.urlOf('nope')).toThrow(/No emulator named 'nope'/)
  })

  it('prints working default credentials', () => {
    const description = describeSandbox(sandbox)
    expect(sandbox.entra.authority).toBe(`http://sandbox.localhost/entra/${DEFAULT_TENANT_ID}`)
    expect(description.baseUrl).toBe('http://sandbox.localhost')
    expect(description.entra).toMatchObject({
      authorityHost: 'https://login.sandbox.localhost',
      tenantId: DEFAULT_TENANT_ID,
      clientId: DEFAULT_CLIENT_ID,
      tokenEndpoint: `http://sandbox.localhost/entra/${DEFAULT_TENANT_ID}/oauth2/v2.0/token`,
    })
    expect(description.entra.users.length).toBeGreaterThanOrEqual(2)
    expect(description.emulators).toEqual({
      crm: { url: 'http://sandbox.localhost/crm', apiVersion: '9.2' },
      'crm-admin': { url: 'http://sandbox.localhost/crm/admin' },
    })
    const text = formatSandboxDescription(description)
    expect(text).toContain(DEFAULT_CLIENT_ID)
    expect(text).toContain(description.entra.clientSecret)
    expect(text).toContain(description.entra.users[0]!.userPrincipalName)
    expect(text).toContain('crm-admin  http://sandbox.localhost/crm/admin')
  })
})

describe('createSandbox options', () => {
  it('normalises the base URL and refuses one that is not an http(s) origin', () => {
    const sandbox = createSandbox({ baseUrl: 'http://127.0.0.1:4010/' })
    expect(sandbox.baseUrl).toBe('http://127.0.0.1:4010')
    expect(() => {
      sandbox.baseUrl = 'ftp://x'
    }).toThrow(/http or https/)
    expect(() => {
      sandbox.baseUrl = 'not a url'
    }).toThrow(/not a URL/)
    sandbox.close()
    expect(() => createSandbox({ baseUrl: 'http://x/?a=1' })).toThrow(/query/)
  })

  it('uses the configured token lifetime and Entra identities', async () => {
    const sandbox = createSandbox({
      tokenLifetimeSeconds: 600,
      entra: {
        userOids: ['11111111-1111-4111-8111-111111111111'],
        appRoles: ['Sandbox.ReadWrite.All'],
      },
    })
    try {
      sandbox.mount(echoEmulator('crm', '/crm'))
      expect(sandbox.entra.users[0]!.oid).toBe('11111111-1111-4111-8111-111111111111')
      const token = await sandbox.entra.requestToken({ scope: 'http://sandbox.localhost/crm/.default' })
      const result = await sandbox.entra.verifyAccessToken(token, { audience: 'http://sandbox.localhost/crm' })
      expect(result.ok && result.claims.exp - result.claims.iat).toBe(600)
      expect(result.ok && result.claims.roles).toEqual(['Sandbox.ReadWrite.All'])
      const userToken = await sandbox.entra.requestToken({
        scope: 'http://sandbox.localhost/crm/.default',
        username: sandbox.entra.users[0]!.userPrincipalName,
      })
      const user = await sandbox.entra.verifyAccessToken(userToken, { audience: 'http://sandbox.localhost/crm' })
      expect(user.ok && user.claims.oid).toBe('11111111-1111-4111-8111-111111111111')
    } finally {
      sandbox.close()
    }
  })

  it('accepts configured extra resources and refuses duplicate identities', async () => {
    const sandbox = createSandbox({ entra: { extraResources: ['https://org.crm.dynamics.com/'] } })
    const token = await sandbox.entra.requestToken({ scope: 'https://org.crm.dynamics.com/.default' })
    expect((await sandbox.entra.verifyAccessToken(token, { audience: 'https://org.crm.dynamics.com' })).ok).toBe(true)
    sandbox.close()
    expect(() =>
      createSandbox({ entra: { users: [{ userPrincipalName: 'a@x.example' }, { userPrincipalName: 'A@x.example' }] } }),
    ).toThrow(/twice/)
  })

  it('requestToken reports the Entra error', async () => {
    const sandbox = createSandbox()
    sandbox.mount(echoEmulator('crm', '/crm'))
    const scope = 'http://sandbox.localhost/crm/.default'
    const username = sandbox.entra.users[0]!.userPrincipalName
    await expect(sandbox.entra.requestToken({ scope, username, password: 'wrong' })).rejects.toThrow(/AADSTS50126/)
    await expect(sandbox.entra.requestToken({ scope, username: 'ghost@nowhere.example' })).rejects.toThrow(
      /No sandbox user 'ghost@nowhere.example'/,
    )
    await expect(sandbox.entra.requestToken({ scope: 'https://elsewhere.example/.default' })).rejects.toThrow(
      /AADSTS500011/,
    )
    sandbox.close()
  })

  it('refuses requests once closed, and closes twice without harm', async () => {
    let closedEmulators = 0
    const sandbox = createSandbox()
    sandbox.mount({ ...echoEmulator('crm', '/crm'), close: () => closedEmulators++ })
    sandbox.close()
    sandbox.close()
    expect(closedEmulators).toBe(1)
    await expect(sandbox.fetch('http://sandbox.localhost/crm')).rejects.toThrow(/closed/)
  })
})

describe('openDatabase', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bizmcp-db-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('opens in memory by default with foreign keys on', () => {
    const db = openDatabase()
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 })
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'memory' })
    db.close()
  })

  it('opens a file in WAL mode, creating its folder, and keeps data across opens', () => {
    const file = join(dir, 'nested', 'data.db')
    const db = openDatabase(file)
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' })
    db.exec('CREATE TABLE t (v TEXT)')
    db.prepare('INSERT INTO t VALUES (?)').run('kept')
    db.close()
    const again = openDatabase(file)
    expect(again.prepare('SELECT v FROM t').all()).toEqual([{ v: 'kept' }])
    again.close()
  })
})
