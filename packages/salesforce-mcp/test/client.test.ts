// Every auth mode against the emulator's OAuth endpoints over loopback HTTP, the in-process sandbox
// connection, and configuration errors.
import { chmod, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '@bizmcp/core'
import { createStandardSandbox, sandboxConnection } from '@bizmcp/sandbox'
import { OAuth2 } from 'jsforce'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authFromEnv, createSalesforceClient } from '../src/client.js'
import { salesforceModule } from '../src/product.js'
import { startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
let dir: string
beforeAll(async () => {
  env = await startEnv()
  dir = await mkdtemp(join(tmpdir(), 'sf-mcp-'))
})
afterAll(() => env.close())

const ADMIN = 'admin@bizmcp-sandbox.example'

async function whoAmI(vars: Record<string, string>) {
  const client = await createSalesforceClient({ auth: await authFromEnv(vars) })
  const page = await client.query('SELECT Id FROM Account LIMIT 1')
  expect(page.records).toHaveLength(1)
  expect(client.apiVersion).toBe('62.0')
  return client
}

describe('auth modes', () => {
  it('client credentials (the default with a client id and secret)', async () => {
    expect((await authFromEnv(env.env)).kind).toBe('client-credentials')
    await whoAmI(env.env)
  })

  it('access token and instance URL', async () => {
    const oauth2 = new OAuth2({
      loginUrl: env.env.SALESFORCE_LOGIN_URL,
      clientId: env.env.SALESFORCE_CLIENT_ID,
      clientSecret: env.env.SALESFORCE_CLIENT_SECRET,
    })
    const token = await oauth2.requestToken({ grant_type: 'client_credentials' })
    const client = await whoAmI({
      SALESFORCE_ACCESS_TOKEN: token.access_token,
      SALESFORCE_INSTANCE_URL: token.instance_url,
    })
    expect(client.instanceUrl).toBe(token.instance_url)
  })

  it('username and password through the connected app', async () => {
    await whoAmI({
      ...env.env,
      SALESFORCE_USERNAME: ADMIN,
      SALESFORCE_PASSWORD: 'Sandbox-Passw0rd!',
      SALESFORCE_SECURITY_TOKEN: 'SandboxSecurityToken0',
    })
  })

  it('JWT bearer with a key file', async () => {
    const keyFile = join(dir, 'server.key')
    await writeFile(keyFile, env.emulator.jwtBearer.privateKeyPem)
    const vars = { ...env.env, SALESFORCE_USERNAME: ADMIN, SALESFORCE_JWT_KEY_FILE: keyFile }
    expect((await authFromEnv(vars)).kind).toBe('jwt')
    await whoAmI(vars)
  })

  it('refresh token from a PKCE web login', async () => {
    const loginUrl = env.env.SALESFORCE_LOGIN_URL
    const redirectUri = 'http://localhost:1717/OauthRedirect'
    const oauth2 = new OAuth2({ loginUrl, clientId: env.env.SALESFORCE_CLIENT_ID, redirectUri, useVerifier: true })
    const authorize = new URL(oauth2.getAuthorizationUrl({ state: 'x' }))
    const form = new URLSearchParams(authorize.searchParams)
    form.set('username', ADMIN)
    form.set('pw', 'Sandbox-Passw0rd!')
    const login = await fetch(`${authorize.origin}${authorize.pathname}`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    })
    const code = new URL(login.headers.get('location')!).searchParams.get('code')!
    const token = await oauth2.requestToken(code)
    expect(token.refresh_token).toBeTruthy()
    await whoAmI({ ...env.env, SALESFORCE_REFRESH_TOKEN: token.refresh_token! })
  })

  it('reuses an org the Salesforce CLI authorized (sf org display --json)', async () => {
    const oauth2 = new OAuth2({
      loginUrl: env.env.SALESFORCE_LOGIN_URL,
      clientId: env.env.SALESFORCE_CLIENT_ID,
      clientSecret: env.env.SALESFORCE_CLIENT_SECRET,
    })
    const token = await oauth2.requestToken({ grant_type: 'client_credentials' })
    const sf = join(dir, 'sf')
    const result = JSON.stringify({
      status: 0,
      result: { accessToken: token.access_token, instanceUrl: token.instance_url, alias: 'demo' },
    })
    await writeFile(sf, `#!/bin/sh\n[ "$5" = "demo" ] || exit 1\necho '${result}'\n`)
    await chmod(sf, 0o755)
    const vars = { SALESFORCE_CLI_ORG: 'demo', SALESFORCE_CLI: sf }
    expect(salesforceModule.isConfigured(vars)).toBe(true)
    await whoAmI(vars)
  })

  it('explains missing or unknown settings', async () => {
    await expect(authFromEnv({ SALESFORCE_AUTH: 'jwt', SALESFORCE_CLIENT_ID: 'x' })).rejects.toThrow(
      /SALESFORCE_USERNAME/,
    )
    await expect(authFromEnv({ SALESFORCE_ACCESS_TOKEN: 't' })).rejects.toThrow(/SALESFORCE_INSTANCE_URL/)
    await expect(authFromEnv({ SALESFORCE_AUTH: 'magic' })).rejects.toThrow(/not known/)
    expect((await authFromEnv({ SALESFORCE_CLIENT_ID: 'a', SALESFORCE_CLIENT_SECRET: 'b' })).kind).toBe(
      'client-credentials',
    )
    expect(await authFromEnv({ SALESFORCE_CLIENT_ID: 'a', SALESFORCE_CLIENT_SECRET: 'b' })).toMatchObject({
      loginUrl: 'https://login.salesforce.com',
    })
    expect(salesforceModule.isConfigured({})).toBe(false)
    expect(salesforceModule.isConfigured({ SALESFORCE_INSTANCE_URL: 'https://x.my.salesforce.com' })).toBe(true)
    await expect(
      createSalesforceClient({
        auth: {
          kind: 'client-credentials',
          loginUrl: env.env.SALESFORCE_LOGIN_URL!,
          clientId: 'nope',
          clientSecret: 'nope',
        },
      }),
    ).rejects.toThrow()
  })
})

describe('sandbox mode', () => {
  it('connects in process through the sandbox fetch, with no socket', async () => {
    const sandbox = createStandardSandbox({ emulators: ['salesforce'] })
    try {
      const client = await salesforceModule.connect({ env: {}, sandbox: sandboxConnection(sandbox), log: silentLogger })
      const created = await client.create('Lead', { LastName: 'InProcess', Company: 'Loopless' })
      const page = await client.query(`SELECT Company FROM Lead WHERE Id = '${created}'`)
      expect(page.records[0]).toMatchObject({ Company: 'Loopless' })
      expect(client.usage()?.limit).toBeGreaterThan(0)
    } finally {
      sandbox.close()
    }
  })

  it('signs in on the first call, so a lazy sandbox builds the org only when a tool needs it', async () => {
    const sandbox = createStandardSandbox({ emulators: ['salesforce'], lazy: true })
    const orgTables = () =>
      (
        sandbox.db
          .prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name LIKE 'sf_%'")
          .get() as {
          n: number
        }
      ).n
    try {
      const client = await salesforceModule.connect({ env: {}, sandbox: sandboxConnection(sandbox), log: silentLogger })
      expect(orgTables()).toBe(0)
      expect(client.instanceUrl).toBe('')
      const page = await client.query('SELECT Id FROM Account LIMIT 1')
      expect(page.records).toHaveLength(1)
      expect(orgTables()).toBeGreaterThan(0)
      expect(client.instanceUrl).toBe(sandbox.urlOf('salesforce'))
    } finally {
      sandbox.close()
    }
  })

  it('reports a failed lazy sign-in on the call, and signs in again on the next', async () => {
    const sandbox = createStandardSandbox({ emulators: ['salesforce'], lazy: true })
    try {
      const org = sandboxConnection(sandbox).emulators.salesforce as Record<string, string>
      let tokenRequests = 0
      const client = await createSalesforceClient({
        auth: {
          kind: 'client-credentials',
          loginUrl: org.loginUrl!,
          clientId: org.clientId!,
          clientSecret: org.clientSecret!,
        },
        fetch: async (request) => {
          // the network drops the first sign-in
          if (request.url.endsWith('/services/oauth2/token') && ++tokenRequests === 1)
            throw new TypeError('fetch failed')
          return sandbox.fetch(request)
        },
        lazySignIn: true,
      })
      expect(tokenRequests).toBe(0)
      await expect(client.query('SELECT Id FROM Account LIMIT 1')).rejects.toThrow()
      const page = await client.query('SELECT Id FROM Account LIMIT 1')
      expect(page.records).toHaveLength(1)
      expect(tokenRequests).toBe(2)
    } finally {
      sandbox.close()
    }
  })
})
