import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Emulator, type Sandbox, serveSandbox } from '../src/index.js'

const resource: Emulator = {
  name: 'dataverse',
  prefix: '/dataverse',
  handle: async () => new Response(null, { status: 204 }),
}

interface TokenBody {
  access_token?: string
  id_token?: string
  refresh_token?: string
  client_info?: string
  token_type?: string
  expires_in?: number
  ext_expires_in?: number
  scope?: string
  error?: string
  error_description?: string
  error_codes?: number[]
  trace_id?: string
  correlation_id?: string
  timestamp?: string
}

describe('Entra emulator over HTTP', () => {
  let sandbox: Sandbox
  let url: string
  let close: () => Promise<void>
  let tenantId: string
  let clientId: string
  let clientSecret: string
  let dataverse: string

  beforeAll(async () => {
    sandbox = createSandbox()
    sandbox.mount(resource)
    ;({ url, close } = await serveSandbox(sandbox))
    ;({ tenantId, clientId, clientSecret } = sandbox.entra)
    dataverse = `${url}/dataverse`
  })
  afterAll(async () => {
    await close()
    sandbox.close()
  })

  const tokenUrl = (tenant = tenantId) => `${url}/entra/${tenant}/oauth2/v2.0/token`
  async function postToken(form: Record<string, string>, tenant?: string, headers: Record<string, string> = {}) {
    const response = await fetch(tokenUrl(tenant), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form),
    })
    return { status: response.status, body: (await response.json()) as TokenBody }
  }
  const appForm = (extra: Record<string, string> = {}) => ({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
    scope: `${dataverse}/.default`,
    ...extra,
  })
  const userForm = (index = 0, extra: Record<string, string> = {}) => ({
    grant_type: 'password',
    client_id: clientId,
    username: sandbox.entra.users[index]!.userPrincipalName,
    password: sandbox.entra.users[index]!.password,
    scope: `${dataverse}/.default`,
    ...extra,
  })
  function expectEntraError(result: { status: number; body: TokenBody }, status: number, error: string, code: number) {
    expect(result.status).toBe(status)
    expect(result.body.error).toBe(error)
    expect(result.body.error_codes).toEqual([code])
    expect(result.body.error_description).toMatch(new RegExp(`^AADSTS${code}: `))
    expect(result.body.error_description).toContain('Trace ID:')
    expect(result.body.trace_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.body.correlation_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/)
  }

  describe('discovery', () => {
    it('serves the OpenID configuration with endpoints on the served URL', async () => {
      const response = await fetch(`${url}/entra/${tenantId}/v2.0/.well-known/openid-configuration`)
      expect(response.status).toBe(200)
      const doc = (await response.json()) as Record<string, unknown>
      expect(doc).toMatchObject({
        issuer: `${url}/entra/${tenantId}/v2.0`,
        token_endpoint: tokenUrl(),
        authorization_endpoint: `${url}/entra/${tenantId}/oauth2/v2.0/authorize`,
        jwks_uri: `${url}/entra/${tenantId}/discovery/v2.0/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        tenant_region_scope: 'NA',
      })
      expect(doc.response_types_supported).toContain('code')
      expect(doc.subject_types_supported).toEqual(['pairwise'])
    })

    it('accepts the tenant domain and answers with the tenant id', async () => {
      const domain = sandbox.entra.config.tenants[0]!.domains[0]!
      const doc = (await (await fetch(`${url}/entra/${domain}/v2.0/.well-known/openid-configuration`)).json()) as {
        issuer: string
        token_endpoint: string
      }
      expect(doc.issuer).toBe(`${url}/entra/${tenantId}/v2.0`)
      expect(doc.token_endpoint).toBe(tokenUrl())
    })

    it('serves common discovery with the {tenantid} issuer placeholder', async () => {
      const doc = (await (await fetch(`${url}/entra/common/v2.0/.well-known/openid-configuration`)).json()) as {
        issuer: string
        token_endpoint: string
      }
      expect(doc.issuer).toBe(`${url}/entra/{tenantid}/v2.0`)
      expect(doc.token_endpoint).toBe(`${url}/entra/common/oauth2/v2.0/token`)
    })

    it('answers AADSTS90002 for an unknown tenant', async () => {
      const response = await fetch(`${url}/entra/nobody.onmicrosoft.com/v2.0/.well-known/openid-configuration`)
      expectEntraError({ status: response.status, body: await response.json() }, 400, 'invalid_request', 90002)
    })

    it('publishes the signing key in the JWKS under the kid tokens carry', async () => {
      const jwks = (await (await fetch(`${url}/entra/${tenantId}/discovery/v2.0/keys`)).json()) as {
        keys: Array<Record<string, string>>
      }
      expect(jwks.keys).toHaveLength(1)
      expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', alg: 'RS256' })
      expect(jwks.keys[0]).not.toHaveProperty('d')
      const { body } = await postToken(appForm())
      expect(decodeProtectedHeader(body.access_token!).kid).toBe(jwks.keys[0]!.kid)
    })

    it('answers 405 for the wrong method and 404 for an unknown Entra path', async () => {
      expect((await fetch(tokenUrl())).status).toBe(405)
      const missing = await fetch(`${url}/entra/${tenantId}/oauth2/v2.0/devicecode`, { method: 'POST' })
      expect(missing.status).toBe(404)
      expect(((await missing.json()) as TokenBody).error_description).toContain('/oauth2/v2.0/token')
    })

    it('says there is no interactive sign-in at the authorize endpoint', async () => {
      const response = await fetch(`${url}/entra/${tenantId}/oauth2/v2.0/authorize?client_id=${clientId}`)
      expect(response.status).toBe(400)
      expect(((await response.json()) as TokenBody).error_description).toContain('no interactive sign-in')
    })
  })

  describe('client credentials', () => {
    it('issues an app token for the resource', async () => {
      const { status, body } = await postToken(appForm())
      expect(status).toBe(200)
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 })
      const claims = decodeJwt(body.access_token!)
      expect(claims).toMatchObject({
        aud: dataverse,
        iss: `${url}/entra/${tenantId}/v2.0`,
        tid: tenantId,
        appid: clientId,
        azp: clientId,
        ver: '2.0',
        idtyp: 'app',
      })
      expect(claims.oid).toBe(claims.sub)
      expect(claims.exp! - claims.iat!).toBe(3600)
      expect(claims.nbf).toBe(claims.iat)
      const verified = await sandbox.entra.verifyAccessToken(body.access_token, { audience: dataverse })
      expect(verified.ok).toBe(true)
    })

    it('accepts client_secret_basic and the trailing-slash scope form', async () => {
      const basic = Buffer.from(`${clientId}:${encodeURIComponent(clientSecret)}`).toString('base64')
      const { status, body } = await postToken(
        { grant_type: 'client_credentials', scope: `${dataverse}//.default` },
        undefined,
        { authorization: `Basic ${basic}` },
      )
      expect(status).toBe(200)
      expect(decodeJwt(body.access_token!).aud).toBe(dataverse)
    })

    it('rejects an unknown client (AADSTS700016)', async () => {
      const result = await postToken(appForm({ client_id: '00000000-0000-4000-8000-0000000000ff' }))
      expectEntraError(result, 400, 'unauthorized_client', 700016)
    })

    it('rejects a bad secret (AADSTS7000215, 401)', async () => {
      expectEntraError(await postToken(appForm({ client_secret: 'wrong' })), 401, 'invalid_client', 7000215)
    })

    it('rejects a missing secret (AADSTS7000218)', async () => {
      const { client_secret: _secret, ...form } = appForm()
      expectEntraError(await postToken(form), 401, 'invalid_client', 7000218)
    })

    it('rejects client assertions, which the sandbox does not support', async () => {
      const { client_secret: _secret, ...form } = appForm()
      const result = await postToken({
        ...form,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: 'a.b.c',
      })
      expectEntraError(result, 401, 'invalid_client', 7000218)
      expect(result.body.error_description).toContain('client_secret')
    })

    it('rejects an unknown tenant at the token endpoint (AADSTS90002)', async () => {
      expectEntraError(await postToken(appForm(), 'nobody.example'), 400, 'invalid_request', 90002)
    })

    it('rejects invalid scopes (AADSTS70011)', async () => {
      for (const scope of [
        `${dataverse}/user_impersonation`,
        'openid',
        '.default',
        'https://x',
        `${dataverse}/.default ${url}/other/.default`,
      ]) {
        const result = await postToken(appForm({ scope }))
        expectEntraError(result, 400, 'invalid_scope', 70011)
      }
    })

    it('rejects a resource nobody serves (AADSTS500011) and lists the known ones', async () => {
      const result = await postToken(appForm({ scope: 'https://org.crm.dynamics.com/.default' }))
      expectEntraError(result, 400, 'invalid_resource', 500011)
      expect(result.body.error_description).toContain(dataverse)
    })

    it('rejects a missing scope or grant type (AADSTS900144)', async () => {
      const { scope: _scope, ...noScope } = appForm()
      expectEntraError(await postToken(noScope), 400, 'invalid_request', 900144)
      const { grant_type: _grant, ...noGrant } = appForm()
      expectEntraError(await postToken(noGrant), 400, 'invalid_request', 900144)
    })

    it('rejects an unsupported grant (AADSTS70003)', async () => {
      const result = await postToken(appForm({ grant_type: 'authorization_code', code: 'x' }))
      expectEntraError(result, 400, 'unsupported_grant_type', 70003)
    })

    it('rejects a JSON body and says to send a form', async () => {
      const response = await fetch(tokenUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(appForm()),
      })
      const body = (await response.json()) as TokenBody
      expect(response.status).toBe(400)
      expect(body.error_description).toContain('application/x-www-form-urlencoded')
    })

    it('finds the app from the common endpoint', async () => {
      const { status, body } = await postToken(appForm(), 'common')
      expect(status).toBe(200)
      expect(decodeJwt(body.access_token!).tid).toBe(tenantId)
    })
  })

  describe('password (ROPC)', () => {
    it('issues a user token with the user identity', async () => {
      const user = sandbox.entra.users[1]!
      const { status, body } = await postToken(userForm(1))
      expect(status).toBe(200)
      expect(body.scope).toBe(`${dataverse}/.default`)
      expect(body.id_token).toBeUndefined()
      expect(body.refresh_token).toBeUndefined()
      expect(decodeJwt(body.access_token!)).toMatchObject({
        aud: dataverse,
        oid: user.oid,
        upn: user.userPrincipalName,
        preferred_username: user.userPrincipalName,
        name: user.displayName,
        scp: 'user_impersonation',
        azpacr: '0',
        idtyp: 'user',
      })
    })

    it('adds id token, refresh token and client_info when asked, and the refresh token works', async () => {
      const user = sandbox.entra.users[0]!
      const first = await postToken(
        userForm(0, { scope: `${dataverse}/.default openid profile offline_access`, client_info: '1' }),
      )
      expect(first.status).toBe(200)
      expect(decodeJwt(first.body.id_token!)).toMatchObject({ aud: clientId, oid: user.oid, tid: tenantId })
      expect(JSON.parse(Buffer.from(first.body.client_info!, 'base64url').toString())).toEqual({
        uid: user.oid,
        utid: tenantId,
      })

      const refreshed = await postToken({
        grant_type: 'refresh_token',
        client_id: clientId,
        refresh_token: first.body.refresh_token!,
      })
      expect(refreshed.status).toBe(200)
      expect(decodeJwt(refreshed.body.access_token!)).toMatchObject({ oid: user.oid, aud: dataverse })

      const wrongClient = await postToken({
        grant_type: 'refresh_token',
        client_id: clientId,
        refresh_token: first.body.access_token!,
      })
      expectEntraError(wrongClient, 400, 'invalid_grant', 70000)
    })

    it('rejects a wrong password and an unknown user alike (AADSTS50126)', async () => {
      expectEntraError(await postToken(userForm(0, { password: 'nope' })), 400, 'invalid_grant', 50126)
      expectEntraError(await postToken(userForm(0, { username: 'ghost@nowhere.example' })), 400, 'invalid_grant', 50126)
    })

    it('checks the secret when a confidential client sends one', async () => {
      expectEntraError(await postToken(userForm(0, { client_secret: 'wrong' })), 401, 'invalid_client', 7000215)
      const { status, body } = await postToken(userForm(0, { client_secret: clientSecret }))
      expect(status).toBe(200)
      expect(decodeJwt(body.access_token!).azpacr).toBe('1')
    })

    it('requires username and password (AADSTS900144)', async () => {
      const { password: _password, ...form } = userForm()
      expectEntraError(await postToken(form), 400, 'invalid_request', 900144)
    })
  })

  describe('on-behalf-of', () => {
    async function userTokenForApp(index = 0) {
      const { body } = await postToken(userForm(index, { scope: `api://${clientId}/.default` }))
      return body.access_token!
    }
    const oboForm = (assertion: string, extra: Record<string, string> = {}) => ({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      client_id: clientId,
      client_secret: clientSecret,
      assertion,
      scope: `${dataverse}/.default`,
      ...extra,
    })

    it('exchanges a user token issued to the app for a downstream token for the same user', async () => {
      const user = sandbox.entra.users[2]!
      const assertion = await userTokenForApp(2)
      expect(decodeJwt(assertion).aud).toBe(clientId)
      const { status, body } = await postToken(oboForm(assertion))
      expect(status).toBe(200)
      const claims = decodeJwt(body.access_token!)
      expect(claims).toMatchObject({
        aud: dataverse,
        oid: user.oid,
        upn: user.userPrincipalName,
        azp: clientId,
        tid: tenantId,
      })
      expect((await sandbox.entra.verifyAccessToken(body.access_token, { audience: dataverse })).ok).toBe(true)
    })

    it("rejects a token that was not issued to the app, or an app's own token (AADSTS50013)", async () => {
      const { body: forDataverse } = await postToken(userForm(0))
      expectEntraError(await postToken(oboForm(forDataverse.access_token!)), 400, 'invalid_grant', 50013)
      const { body: appOnly } = await postToken(appForm({ scope: `api://${clientId}/.default` }))
      const result = await postToken(oboForm(appOnly.access_token!))
      expectEntraError(result, 400, 'invalid_grant', 50013)
      expect(result.body.error_description).toContain('app-only')
      expectEntraError(await postToken(oboForm('garbage')), 400, 'invalid_grant', 50013)
    })

    it('needs requested_token_use, the assertion and the client secret', async () => {
      const assertion = await userTokenForApp()
      const { requested_token_use: _use, ...noUse } = oboForm(assertion)
      expect((await postToken(noUse)).status).toBe(400)
      const { assertion: _assertion, ...noAssertion } = oboForm(assertion)
      expectEntraError(await postToken(noAssertion), 400, 'invalid_request', 900144)
      const { client_secret: _secret, ...noSecret } = oboForm(assertion)
      expectEntraError(await postToken(noSecret), 401, 'invalid_client', 7000218)
    })
  })

  it('answers 404 with the mounted prefixes for a path nothing serves', async () => {
    const response = await fetch(`${url}/salesforce/services/data`)
    expect(response.status).toBe(404)
    const body = (await response.json()) as { error: { message: string; prefixes: string[] } }
    expect(body.error.prefixes).toEqual(['/entra', '/dataverse'])
    expect(body.error.message).toContain('/entra, /dataverse')
  })
})

describe('Entra on-behalf-of with an expired assertion', () => {
  it('answers AADSTS500133', async () => {
    let now = Date.parse('2030-06-01T00:00:00Z')
    const sandbox = createSandbox({ clock: () => new Date(now) })
    try {
      const { clientId, clientSecret } = sandbox.entra
      const assertion = await sandbox.entra.requestToken({
        scope: `api://${clientId}/.default`,
        username: sandbox.entra.users[0]!.userPrincipalName,
      })
      now += 2 * 3600 * 1000
      const response = await sandbox.fetch(sandbox.entra.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          requested_token_use: 'on_behalf_of',
          client_id: clientId,
          client_secret: clientSecret,
          assertion,
          scope: `api://${clientId}/.default`,
        }),
      })
      const body = (await response.json()) as TokenBody
      expect(response.status).toBe(400)
      expect(body.error_codes).toEqual([500133])
    } finally {
      sandbox.close()
    }
  })
})

describe('Entra signing key in a file database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bizmcp-sandbox-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('survives a restart: a token from the first sandbox verifies in the second', async () => {
    const file = join(dir, 'sandbox.db')
    const first = createSandbox({ db: file })
    first.mount(resource)
    const served = await serveSandbox(first)
    const port = new URL(served.url).port
    const response = await fetch(`${served.url}/entra/${first.entra.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: first.entra.clientId,
        client_secret: first.entra.clientSecret,
        scope: `${served.url}/dataverse/.default`,
      }),
    })
    const { access_token: token } = (await response.json()) as TokenBody
    await served.close()
    first.close()

    // The same file and the same port, as `bizmcp sandbox serve --db file --port N` after a restart.
    const second = createSandbox({ db: file })
    second.mount(resource)
    const again = await serveSandbox(second, { port: Number(port) })
    try {
      expect(again.url).toBe(served.url)
      const result = await second.entra.verifyAccessToken(token, { audience: `${again.url}/dataverse` })
      expect(result.ok).toBe(true)
      const fresh = createSandbox()
      expect((await fresh.entra.verifyAccessToken(token, { audience: `${again.url}/dataverse` })).ok).toBe(false)
      fresh.close()
    } finally {
      await again.close()
      second.close()
    }
  })
})
