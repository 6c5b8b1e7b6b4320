// bizmcp as a gateway, end to end: the built CLI serves two named servers from a config file over
// HTTP — `reporting` (Dataverse, read-only, 3 calls per caller per minute) and `automation`
// (Dataverse and Sales, read-write) — as an OAuth resource server whose issuer is the sandbox's
// Entra ID, served on loopback by this test (its clock can be moved to mint expired tokens).
// Every request goes through a real MCP client or fetch over HTTP.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectHttp, errorBody, postInitialize, structured } from '@bizmcp/core/testing'
import { createSandbox, serveSandbox } from '@bizmcp/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCli } from './cli-process.js'

const RESOURCE_URL = 'https://mcp.example.test'
const SCOPE = 'Tools.Call'

let now = Date.now()
const issuer = createSandbox({
  clock: () => new Date(now),
  entra: { appRoles: [SCOPE], extraResources: ['https://other.example'] },
})
let issuerServer: Awaited<ReturnType<typeof serveSandbox>>
let dir: string
let cli: Awaited<ReturnType<typeof startCli>>
let base: string

beforeAll(async () => {
  issuerServer = await serveSandbox(issuer, { port: 0 })
  dir = await mkdtemp(join(tmpdir(), 'bizmcp-gateway-'))
  const config = join(dir, 'bizmcp.json')
  await writeFile(
    config,
    JSON.stringify({
      servers: [
        {
          name: 'reporting',
          description: 'Read-only Dataverse for reporting agents',
          products: ['dataverse'],
          readOnly: true,
          rateLimits: { perCaller: { limit: 3, windowSeconds: 60 } },
        },
        { name: 'automation', products: ['dataverse', 'sales'] },
      ],
      http: {
        host: '127.0.0.1',
        port: 0,
        auth: {
          kind: 'oauth',
          issuer: issuer.entra.issuer(),
          audience: issuer.entra.clientId,
          requiredScopes: [SCOPE],
          resourceUrl: RESOURCE_URL,
        },
      },
    }),
  )
  cli = await startCli(['--config', config, '--http', '--sandbox'], /bizmcp listening on .*\n/, 'stderr')
  base = /bizmcp listening on (http:\/\/127\.0\.0\.1:\d+)\/mcp\//.exec(cli.output.stderr)?.[1] as string
}, 60_000)

afterAll(async () => {
  if (cli && cli.child.exitCode === null) {
    cli.child.kill('SIGTERM')
    await Promise.race([cli.exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
  }
  await issuerServer?.close()
  issuer.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** the app itself (client credentials: the Tools.Call app role) */
const appToken = () => issuer.entra.requestToken({ scope: `${issuer.entra.clientId}/.default` })
/** a sandbox user; with the Tools.Call scope unless `scope` says otherwise */
const userToken = (index: number, scope = SCOPE) =>
  issuer.entra.requestToken({
    scope: `${issuer.entra.clientId}/${scope}`,
    username: issuer.entra.users[index]!.userPrincipalName,
  })

const connect = async (name: string, token: string) =>
  connectHttp(`${base}/mcp/${name}`, { era: 'modern', headers: { authorization: `Bearer ${token}` } })

/** a bare initialize, to look at the HTTP answer itself */
const initialize = (name: string, token?: string) => postInitialize(`${base}/mcp/${name}`, token ? { token } : {})

describe('two named servers from one config file', () => {
  it('lists both, each at /mcp/<name>', async () => {
    expect(cli.output.stderr).toContain(`bizmcp listening on ${base}/mcp/reporting, ${base}/mcp/automation`)
    const health = await (await fetch(`${base}/healthz`)).json()
    expect(health.servers.map((s: { path: string; name: string }) => [s.path, s.name])).toEqual([
      ['/mcp/reporting', 'reporting'],
      ['/mcp/automation', 'automation'],
    ])
  })

  it('serves each its own tool list', async () => {
    const token = await appToken()
    const reporting = await connect('reporting', token)
    const automation = await connect('automation', token)
    try {
      const readOnly = (await reporting.client.listTools()).tools
      const readWrite = (await automation.client.listTools()).tools
      expect(readOnly.length).toBeGreaterThan(5)
      expect(readOnly.every((t) => t.annotations?.readOnlyHint === true)).toBe(true)
      expect(readOnly.map((t) => t.name)).toContain('read_query')
      expect(readOnly.map((t) => t.name)).not.toContain('D365_Sales_ListLeads')
      expect(readWrite.map((t) => t.name)).toEqual(
        expect.arrayContaining(['read_query', 'create_record', 'delete_record', 'D365_Sales_ListLeads']),
      )
      expect(reporting.client.getInstructions()).toBe('Read-only Dataverse for reporting agents')
      // a 2025-era client over the same stateless endpoint sees the same list
      const legacy = await connectHttp(`${base}/mcp/reporting`, { headers: { authorization: `Bearer ${token}` } })
      expect((await legacy.client.listTools()).tools.map((t) => t.name)).toEqual(readOnly.map((t) => t.name))
      await legacy.close()
    } finally {
      await reporting.close()
      await automation.close()
    }
  })

  it('has the read-only server refuse a write tool, which the read-write one performs', async () => {
    const token = await appToken()
    const reporting = await connect('reporting', token)
    const automation = await connect('automation', token)
    try {
      const values = { name: 'Gateway test account' }
      await expect(
        reporting.client.callTool({ name: 'create_record', arguments: { table: 'account', values } }),
      ).rejects.toThrow(/Unknown tool: create_record/)
      const created = structured<{ id: string }>(
        await automation.client.callTool({ name: 'create_record', arguments: { table: 'account', values } }),
      )
      // both servers share the process's sandbox: the reporting server reads what automation wrote
      const read = structured<{ rows: Array<{ name: string }> }>(
        await reporting.client.callTool({
          name: 'read_query',
          arguments: { query: `SELECT name FROM account WHERE accountid = '${created.id}'` },
        }),
      )
      expect(read.rows).toEqual([{ name: 'Gateway test account' }])
    } finally {
      await reporting.close()
      await automation.close()
    }
  })
})

describe('OAuth', () => {
  it('answers a missing token with 401 and a WWW-Authenticate header pointing at the RFC 9728 metadata', async () => {
    for (const name of ['reporting', 'automation']) {
      const response = await initialize(name)
      expect(response.status).toBe(401)
      const header = response.headers.get('www-authenticate') ?? ''
      expect(header).toMatch(/^Bearer /)
      expect(header).toContain(`resource_metadata="${RESOURCE_URL}/.well-known/oauth-protected-resource/mcp/${name}"`)
      expect(header).toContain(`scope="${SCOPE}"`)
    }
  })

  it('publishes the metadata each header points at', async () => {
    const response = await fetch(`${base}/.well-known/oauth-protected-resource/mcp/reporting`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      resource: `${RESOURCE_URL}/mcp/reporting`,
      authorization_servers: [issuer.entra.issuer()],
      scopes_supported: [SCOPE],
      bearer_methods_supported: ['header'],
    })
  })

  it('answers an expired token with 401 invalid_token', async () => {
    now = Date.now() - 3 * 3_600_000
    const stale = await appToken()
    now = Date.now()
    const response = await initialize('automation', stale)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"')
    expect((await response.json()).error_description).toMatch(/expired/)
  })

  it('answers a token for another audience with 401 invalid_token', async () => {
    const foreign = await issuer.entra.requestToken({ scope: 'https://other.example/.default' })
    const response = await initialize('reporting', foreign)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"')
    expect((await response.json()).error_description).toMatch(/another audience/)
  })

  it('answers a token without the required scope with 403 insufficient_scope', async () => {
    const unscoped = await userToken(0, '.default')
    const response = await initialize('automation', unscoped)
    expect(response.status).toBe(403)
    const header = response.headers.get('www-authenticate') ?? ''
    expect(header).toContain('error="insufficient_scope"')
    expect(header).toContain('resource_metadata=')
  })
})

describe('rate limits and audit', () => {
  it('limits each caller of the reporting server with a retryable error that says how long to wait', async () => {
    const seller = await connect('reporting', await userToken(1))
    const admin = await connect('reporting', await userToken(0))
    try {
      const query = { name: 'read_query', arguments: { query: 'SELECT TOP 1 name FROM account' } }
      const results = []
      for (let i = 0; i < 4; i++) results.push(await seller.client.callTool(query))
      expect(results.slice(0, 3).every((r) => !r.isError)).toBe(true)
      const refused = errorBody(results[3]!)
      expect(refused).toMatchObject({ code: 'RateLimited', details: { retryAfterSeconds: expect.any(Number) } })
      expect(refused.details?.retryAfterSeconds).toBeGreaterThan(0)
      expect(refused.details?.retryAfterSeconds).toBeLessThanOrEqual(60)
      expect(refused.fix).toMatch(/^Wait \d+ seconds?, then retry/)
      // another caller still has its own allowance
      expect((await admin.client.callTool(query)).isError).toBeFalsy()
    } finally {
      await seller.close()
      await admin.close()
    }
  })

  it('names the authenticated caller in the audit lines', () => {
    const audit = cli.output.stderr
      .split('\n')
      .filter((line) => line.includes('"audit":true'))
      .map((line) => JSON.parse(line) as { server: string; tool: string; caller?: string; code?: string })
    const seller = issuer.entra.users[1]!.userPrincipalName
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ server: 'reporting', tool: 'read_query', caller: seller }),
        expect.objectContaining({ server: 'reporting', tool: 'read_query', caller: seller, code: 'RateLimited' }),
        expect.objectContaining({ server: 'automation', tool: 'create_record' }),
      ]),
    )
  })
})
