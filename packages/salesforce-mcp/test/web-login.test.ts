// The browser login (web-server flow with PKCE) end to end against the emulator served on loopback:
// the authorize page's form submitted as a browser would, the redirect followed to the one-shot
// callback server, tokens stored 0600, a web-mode client reading records and renewing a revoked
// session with the stored refresh token; denied logins, forged state and timeouts.
import { mkdtemp, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger, ToolError } from '@bizmcp/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileTokenStore, type StoredTokens, tokenPath, tokenStoreFromEnv } from '../src/auth/token-store.js'
import { webLogin } from '../src/auth/web-login.js'
import { authFromEnv, createSalesforceClient } from '../src/client.js'
import { runLogin } from '../src/login-command.js'
import { salesforceModule } from '../src/product.js'
import { startEnv, type TestEnv } from './helpers.js'

const ADMIN = 'admin@bizmcp-sandbox.example'
const PASSWORD = 'Sandbox-Passw0rd!'

let env: TestEnv
let loginUrl: string
let clientId: string
beforeAll(async () => {
  env = await startEnv()
  loginUrl = env.env.SALESFORCE_LOGIN_URL!
  clientId = env.env.SALESFORCE_CLIENT_ID!
})
afterAll(() => env.close())

const tempDir = () => mkdtemp(join(tmpdir(), 'sf-web-login-'))
const unescapeHtml = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!,
  )
const quiet = () => {}

/** What a browser does: load the login page, submit its form with the user's credentials, follow the redirect. */
async function browser(authorizeUrl: string, credentials = { username: ADMIN, pw: PASSWORD }): Promise<Response> {
  const pageRes = await fetch(authorizeUrl, { signal: AbortSignal.timeout(10_000) })
  expect(pageRes.status).toBe(200)
  const html = await pageRes.text()
  const action = html.match(/<form method="post" action="([^"]+)"/)?.[1]
  expect(action).toBeTruthy()
  const form = new URLSearchParams()
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(name!, unescapeHtml(value!))
  }
  form.set('username', credentials.username)
  form.set('pw', credentials.pw)
  const posted = await fetch(new URL(unescapeHtml(action!), authorizeUrl), {
    method: 'POST',
    body: form,
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  })
  expect(posted.status).toBe(302)
  return fetch(posted.headers.get('location')!, { signal: AbortSignal.timeout(10_000) })
}

describe('web login with PKCE', () => {
  it('logs in through the login page, stores the tokens 0600, and a web-mode client renews a revoked session', async () => {
    const dir = await tempDir()
    const store = fileTokenStore(tokenPath({ dir }))
    let callbackStatus = 0
    let seenUrl = ''
    const lines: string[] = []
    const result = await webLogin({
      loginUrl,
      clientId,
      store,
      print: (line) => lines.push(line),
      timeoutMs: 30_000,
      openUrl: async (url) => {
        seenUrl = url
        callbackStatus = (await browser(url)).status
      },
    })
    const authorize = new URL(seenUrl)
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/)
    expect(authorize.searchParams.get('state')).toBeTruthy()
    expect(lines.join('\n')).toContain(seenUrl)
    expect(callbackStatus).toBe(200)
    expect(result).toMatchObject({ path: join(dir, 'default.json'), username: ADMIN })

    const first = JSON.parse(await readFile(result.path, 'utf8')) as StoredTokens
    expect(first).toMatchObject({ loginUrl, clientId, instanceUrl: result.instanceUrl })
    expect(first.accessToken).toBeTruthy()
    expect(first.refreshToken).toBeTruthy()
    expect(typeof first.issuedAt).toBe('number')
    expect((await stat(result.path)).mode & 0o777).toBe(0o600)
    expect((await stat(dir)).mode & 0o777).toBe(0o700)
    // nothing printed carries a token
    expect(lines.join('\n')).not.toContain(first.accessToken)
    expect(lines.join('\n')).not.toContain(first.refreshToken!)

    // the stored login is picked up from the environment: explicitly, and when nothing else is configured
    const vars = { SALESFORCE_TOKEN_DIR: dir }
    expect((await authFromEnv(vars)).kind).toBe('web')
    expect((await authFromEnv({ ...vars, SALESFORCE_AUTH: 'web' })).kind).toBe('web')
    expect(salesforceModule.isConfigured(vars)).toBe(true)
    const client = await createSalesforceClient({ auth: await authFromEnv(vars) })
    expect((await client.query('SELECT Id FROM Account LIMIT 1')).records).toHaveLength(1)

    // the access token is revoked: the next call gets INVALID_SESSION_ID, refreshes, and stores the new token
    const revoked = await fetch(`${loginUrl}/services/oauth2/revoke`, {
      method: 'POST',
      body: new URLSearchParams({ token: first.accessToken }),
    })
    expect(revoked.status).toBe(200)
    const stale = await createSalesforceClient({
      auth: { kind: 'access-token', instanceUrl: first.instanceUrl, accessToken: first.accessToken },
    })
    await expect(stale.query('SELECT Id FROM Account LIMIT 1')).rejects.toMatchObject({ code: 'Unauthorized' })

    expect((await client.query('SELECT Id FROM Account LIMIT 1')).records).toHaveLength(1)
    const second = JSON.parse(await readFile(result.path, 'utf8')) as StoredTokens
    expect(second.accessToken).toBeTruthy()
    expect(second.accessToken).not.toBe(first.accessToken)
    expect(second.refreshToken).toBe(first.refreshToken)
    expect((await stat(result.path)).mode & 0o777).toBe(0o600)
    // a fresh web-mode client starts from the refreshed token
    const again = await salesforceModule.connect({ env: { SALESFORCE_AUTH: 'web', ...vars }, log: silentLogger })
    expect((await again.query('SELECT Id FROM Account LIMIT 1')).records).toHaveLength(1)
  })

  it('the login command stores under an alias and prints who logged in, never a token', async () => {
    const dir = await tempDir()
    const lines: string[] = []
    const result = await runLogin(
      ['--alias', 'work', '--login-url', loginUrl],
      { SALESFORCE_CLIENT_ID: clientId, SALESFORCE_TOKEN_DIR: dir },
      {
        print: (line) => lines.push(line),
        openUrl: async (url) => {
          await browser(url)
        },
      },
    )
    expect(result.path).toBe(join(dir, 'work.json'))
    const stored = JSON.parse(await readFile(result.path, 'utf8')) as StoredTokens
    const output = lines.join('\n')
    expect(output).toContain(ADMIN)
    expect(output).toContain(result.path)
    expect(output).not.toContain(stored.accessToken)
    expect(output).not.toContain(stored.refreshToken!)
    const client = await createSalesforceClient({
      auth: await authFromEnv({ SALESFORCE_TOKEN_DIR: dir, SALESFORCE_ALIAS: 'work', SALESFORCE_AUTH: 'web' }),
    })
    expect((await client.query('SELECT Id FROM Account LIMIT 1')).records).toHaveLength(1)
    await expect(runLogin([], { SALESFORCE_TOKEN_DIR: dir }, { print: quiet })).rejects.toThrow(/SALESFORCE_CLIENT_ID/)
  })

  it('a denied login fails clearly and stores nothing', async () => {
    const dir = await tempDir()
    const store = fileTokenStore(tokenPath({ dir }))
    let followed: Promise<number> | undefined
    await expect(
      webLogin({
        loginUrl,
        clientId,
        store,
        print: quiet,
        timeoutMs: 30_000,
        openUrl: async (url) => {
          // the user clicks Deny: Salesforce redirects back with an error and the same state
          const authorize = new URL(url)
          const back = new URL(authorize.searchParams.get('redirect_uri')!)
          back.search = new URLSearchParams({
            error: 'access_denied',
            error_description: 'end-user denied authorization',
            state: authorize.searchParams.get('state')!,
          }).toString()
          followed = fetch(back, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status)
          await followed
        },
      }),
    ).rejects.toMatchObject({ reason: 'denied', message: expect.stringMatching(/denied: access_denied/) })
    expect(await followed).toBe(400)
    expect(store.exists()).toBe(false)
  })

  it('a redirect with another state is refused, even with a valid code', async () => {
    const dir = await tempDir()
    const store = fileTokenStore(tokenPath({ dir }))
    await expect(
      webLogin({
        loginUrl,
        clientId,
        store,
        print: quiet,
        timeoutMs: 30_000,
        openUrl: async (url) => {
          const authorize = new URL(url)
          authorize.searchParams.set('state', 'forged-state')
          await browser(authorize.toString())
        },
      }),
    ).rejects.toMatchObject({ reason: 'state-mismatch', message: expect.stringMatching(/state/) })
    expect(store.exists()).toBe(false)
  })

  it('gives up after the timeout and frees the port', async () => {
    const dir = await tempDir()
    let redirect = ''
    await expect(
      webLogin({
        loginUrl,
        clientId,
        store: fileTokenStore(tokenPath({ dir })),
        print: quiet,
        timeoutMs: 150,
        openUrl: (url) => {
          redirect = new URL(url).searchParams.get('redirect_uri')!
        },
      }),
    ).rejects.toMatchObject({ reason: 'timeout' })
    await expect(fetch(redirect, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow()
  })

  it('without a stored login, says to run the login command', async () => {
    const dir = await tempDir()
    const error = await createSalesforceClient({
      auth: await authFromEnv({ SALESFORCE_AUTH: 'web', SALESFORCE_TOKEN_DIR: dir }),
    }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ToolError)
    expect((error as ToolError).fix).toContain('npx @bizmcp/salesforce-mcp login')
    expect(salesforceModule.isConfigured({ SALESFORCE_TOKEN_DIR: dir })).toBe(false)
    expect(
      (await authFromEnv({ SALESFORCE_TOKEN_DIR: dir, SALESFORCE_CLIENT_ID: 'a', SALESFORCE_CLIENT_SECRET: 'b' })).kind,
    ).toBe('client-credentials')
    expect(tokenStoreFromEnv({ SALESFORCE_TOKEN_DIR: dir }, 'x').path).toBe(join(dir, 'x.json'))
    expect(() => tokenStoreFromEnv({ SALESFORCE_TOKEN_DIR: dir }, '../escape')).toThrow(/alias/)
  })
})
