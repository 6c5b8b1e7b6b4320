// An HTTP deployment as an OAuth resource server, with the sandbox's Entra ID served over loopback
// as the real issuer (discovery, JWKS, signed tokens), and API keys.
import { createSandbox, serveSandbox } from '@bizmcp/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  apiKeyAuthenticator,
  createServer,
  type HttpServerHandle,
  hashApiKey,
  oauthResourceServer,
  startHttp,
} from '../src/index.js'
import { connectHttp, errorBody, postInitialize } from '../src/testing/index.js'
import { createNotesClient, notesProduct } from './fixtures/notes-product.js'
import { createNotesService } from './fixtures/notes-service.js'

let now = Date.now()
const sandbox = createSandbox({
  clock: () => new Date(now),
  entra: { appRoles: ['Tools.Call'], extraResources: ['https://other.example'] },
})
let issuerServer: { url: string; close(): Promise<void> }
let mcp: HttpServerHandle
let withKeys: HttpServerHandle
const service = createNotesService()
const build = (options: Parameters<typeof createServer>[1] = {}) =>
  createServer([{ product: notesProduct, client: createNotesClient({ fetch: (r) => service.fetch(r) }) }], options)

beforeAll(async () => {
  issuerServer = await serveSandbox(sandbox, { port: 0 })
  const resourceServer = oauthResourceServer({
    issuer: sandbox.entra.issuer(),
    audience: sandbox.entra.clientId,
    requiredScopes: ['Tools.Call'],
    resourceUrl: 'http://127.0.0.1',
  })
  mcp = await startHttp({
    routes: [{ path: '/mcp/notes', server: build({ rateLimit: { perCaller: { limit: 3, windowSeconds: 60 } } }) }],
    authenticate: resourceServer.authenticate,
    extraRoutes: resourceServer.metadataRoute,
  })
  withKeys = await startHttp({
    routes: [{ path: '/mcp', server: build({ readOnly: true }) }],
    authenticate: apiKeyAuthenticator([{ name: 'reporting-agent', sha256: hashApiKey('k-reporting-123') }]),
  })
})
afterAll(async () => {
  await mcp.close()
  await withKeys.close()
  await issuerServer.close()
  sandbox.close()
})

const appToken = (scope = `${sandbox.entra.clientId}/.default`) => sandbox.entra.requestToken({ scope })

const post = (url: string, token?: string) => postInitialize(url, token ? { token } : {})

describe('OAuth resource server', () => {
  it('publishes RFC 9728 metadata naming the issuer', async () => {
    const metadata = await (await fetch(`${mcp.url}/.well-known/oauth-protected-resource/mcp/notes`)).json()
    expect(metadata).toMatchObject({
      resource: 'http://127.0.0.1/mcp/notes',
      authorization_servers: [sandbox.entra.issuer()],
      scopes_supported: ['Tools.Call'],
    })
  })

  it('serves a client with a valid token', async () => {
    const token = await appToken()
    const { client, close } = await connectHttp(`${mcp.url}/mcp/notes`, {
      era: 'modern',
      headers: { authorization: `Bearer ${token}` },
    })
    const result = await client.callTool({ name: 'get_note', arguments: { id: '1' } })
    expect(result.structuredContent).toMatchObject({ id: '1' })
    await close()
  })

  it('answers a missing token with 401 and a WWW-Authenticate header pointing at the metadata', async () => {
    const response = await post(`${mcp.url}/mcp/notes`)
    expect(response.status).toBe(401)
    const header = response.headers.get('www-authenticate')!
    expect(header).toContain('resource_metadata="http://127.0.0.1/.well-known/oauth-protected-resource/mcp/notes"')
    expect(header).toContain('scope="Tools.Call"')
  })

  it('refuses an expired token', async () => {
    now = Date.now() - 3 * 3_600_000
    const stale = await appToken()
    now = Date.now()
    const response = await post(`${mcp.url}/mcp/notes`, stale)
    expect(response.status).toBe(401)
    expect((await response.json()).error_description).toMatch(/expired/)
  })

  it('refuses a token issued for another audience', async () => {
    const foreign = await appToken('https://other.example/.default')
    const response = await post(`${mcp.url}/mcp/notes`, foreign)
    expect(response.status).toBe(401)
    expect((await response.json()).error_description).toMatch(/another audience/)
  })

  it('refuses a tampered token', async () => {
    const [header, payload, signature] = (await appToken()).split('.')
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['Tools.Call', 'Admin'] })).toString('base64url')}.${signature}`
    const response = await post(`${mcp.url}/mcp/notes`, forged)
    expect(response.status).toBe(401)
    expect((await response.json()).error_description).toMatch(/signature/)
  })

  it('answers a token without the required scope with 403 insufficient_scope', async () => {
    const user = sandbox.entra.users[0]!
    const userToken = await sandbox.entra.requestToken({
      scope: `${sandbox.entra.clientId}/.default`,
      username: user.userPrincipalName,
      password: user.password,
    })
    const response = await post(`${mcp.url}/mcp/notes`, userToken)
    expect(response.status).toBe(403)
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"')
  })

  it('rate limits each caller with a retryable error that says how long to wait', async () => {
    const token = await appToken()
    const { client, close } = await connectHttp(`${mcp.url}/mcp/notes`, {
      era: 'modern',
      headers: { authorization: `Bearer ${token}` },
    })
    const results = []
    for (let i = 0; i < 4; i++) results.push(await client.callTool({ name: 'list_notes', arguments: {} }))
    const refused = results.find((r) => r.isError)
    expect(refused).toBeDefined()
    expect(errorBody(refused!)).toMatchObject({
      code: 'RateLimited',
      details: { retryAfterSeconds: expect.any(Number) },
    })
    expect(errorBody(refused!).fix).toMatch(/^Wait \d+ seconds?, then retry/)
    await close()
  })
})

describe('API keys', () => {
  it('accepts a known key and refuses others, and a read-only server refuses writes', async () => {
    expect((await post(`${withKeys.url}/mcp`)).status).toBe(401)
    expect((await post(`${withKeys.url}/mcp`, 'k-wrong')).status).toBe(401)
    const { client, close } = await connectHttp(`${withKeys.url}/mcp`, { headers: { 'x-api-key': 'k-reporting-123' } })
    expect((await client.callTool({ name: 'list_notes', arguments: {} })).isError).toBeFalsy()
    await expect(client.callTool({ name: 'create_note', arguments: { title: 'x' } })).rejects.toThrow(/Unknown tool/)
    await close()
  })

  it('refuses a malformed key hash at configuration time', () => {
    expect(() => apiKeyAuthenticator([{ name: 'x', sha256: 'not-a-hash' }])).toThrow(/SHA-256/)
  })
})
