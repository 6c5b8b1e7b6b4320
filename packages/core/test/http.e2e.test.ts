// Streamable HTTP on loopback: both eras, DNS-rebinding protection, body limit, health,
// authentication hook, audit identity, and graceful shutdown that finishes in-flight calls.
import { request as httpRequest } from 'node:http'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger, createServer, type HttpServerHandle, startHttp } from '../src/index.js'
import { connectHttp, errorBody } from '../src/testing/index.js'
import { createNotesClient, notesProduct } from './fixtures/notes-product.js'
import { createNotesService, type NotesService } from './fixtures/notes-service.js'

let service: NotesService
let handle: HttpServerHandle
const auditLines: Array<Record<string, unknown>> = []

function build(name: string, options: Parameters<typeof createServer>[1] = {}) {
  return createServer([{ product: notesProduct, client: createNotesClient({ fetch: (r) => service.fetch(r) }) }], {
    name,
    logger: createLogger({
      destination: new Writable({
        write(chunk, _enc, done) {
          for (const line of String(chunk).trim().split('\n')) auditLines.push(JSON.parse(line))
          done()
        },
      }) as never,
    }),
    ...options,
  })
}

beforeAll(async () => {
  service = createNotesService()
  handle = await startHttp({
    routes: [
      { path: '/mcp', server: build('main') },
      { path: '/mcp/reporting', server: build('reporting', { readOnly: true }) },
    ],
    maxBodyBytes: 64 * 1024,
    authenticate: async (req) => {
      const key = req.headers['x-api-key']
      if (key === undefined) return undefined
      if (key !== 'k-alice')
        return new Response(JSON.stringify({ error: 'invalid api key' }), {
          status: 401,
          headers: { 'WWW-Authenticate': 'ApiKey' },
        })
      return { token: 'k-alice', clientId: 'alice-app', scopes: ['notes.read'], extra: { sub: 'alice' } }
    },
  })
})
afterAll(async () => {
  await handle.close()
})

function raw(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: handle.port,
        method: options.method ?? 'POST',
        path: options.path ?? '/mcp',
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
})
const mcpHeaders = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }

describe('HTTP transport', () => {
  for (const era of ['legacy', 'modern'] as const) {
    it(`serves ${era} clients statelessly`, async () => {
      const { client, close } = await connectHttp(`${handle.url}/mcp`, { era })
      expect(client.getProtocolEra()).toBe(era)
      const result = await client.callTool({ name: 'get_note', arguments: { id: '1' } })
      expect(result.structuredContent).toMatchObject({ id: '1' })
      await close()
    })
  }

  it('serves named servers at their own paths with their own profile', async () => {
    const { client, close } = await connectHttp(`${handle.url}/mcp/reporting`)
    const names = (await client.listTools()).tools.map((t) => t.name)
    expect(names).toContain('list_notes')
    expect(names).not.toContain('create_note')
    await expect(client.callTool({ name: 'create_note', arguments: { title: 'x' } })).rejects.toThrow(/Unknown tool/)
    await close()
  })

  it('a 2025-era client over stateless HTTP cannot be asked for consent, so the fallback applies and nothing changes', async () => {
    const { client, close } = await connectHttp(`${handle.url}/mcp`, {
      onElicit: async () => ({ action: 'accept', content: { approve: true } }),
    })
    const result = await client.callTool({ name: 'delete_note', arguments: { id: '3' } })
    expect(errorBody(result).code).toBe('ConsentUnavailable')
    expect(service.notes.has('3')).toBe(true)
    await close()
  })

  it('a 2026-era client over HTTP is asked with input_required', async () => {
    const { client, close } = await connectHttp(`${handle.url}/mcp`, {
      era: 'modern',
      onElicit: async () => ({ action: 'accept', content: { approve: true } }),
    })
    const result = await client.callTool({ name: 'delete_note', arguments: { id: '3' } })
    expect(result.structuredContent).toEqual({ deleted: '3' })
    await close()
  })

  it('rejects a foreign Origin and a foreign Host (DNS rebinding)', async () => {
    const origin = await raw({ headers: { ...mcpHeaders, origin: 'http://evil.example' }, body: initialize })
    expect(origin.status).toBe(403)
    expect(origin.body).toContain('Forbidden')
    const host = await raw({ headers: { ...mcpHeaders, host: `evil.example:${handle.port}` }, body: initialize })
    expect(host.status).toBe(403)
    const local = await raw({ headers: { ...mcpHeaders, origin: `http://localhost:${handle.port}` }, body: initialize })
    expect(local.status).toBe(200)
  })

  it('refuses bodies over the size limit before parsing them', async () => {
    const big = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'create_note', arguments: { title: 'x', body: 'y'.repeat(100_000) } },
    })
    const response = await raw({ headers: mcpHeaders, body: big })
    expect(response.status).toBe(413)
  })

  it('answers health checks and unknown paths', async () => {
    const health = await raw({ method: 'GET', path: '/healthz' })
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body)).toMatchObject({
      status: 'ok',
      servers: [{ path: '/mcp', tools: 7 }, { path: '/mcp/reporting' }],
    })
    const missing = await raw({ method: 'POST', path: '/other', headers: mcpHeaders, body: initialize })
    expect(missing.status).toBe(404)
  })

  it('lets the authentication hook refuse a request, and puts the caller in the audit line', async () => {
    const refused = await raw({ headers: { ...mcpHeaders, 'x-api-key': 'wrong' }, body: initialize })
    expect(refused.status).toBe(401)
    const { client, close } = await connectHttp(`${handle.url}/mcp`, { headers: { 'x-api-key': 'k-alice' } })
    await client.callTool({ name: 'list_notes', arguments: {} })
    await close()
    const line = auditLines.filter((l) => l.audit && l.tool === 'list_notes').at(-1)
    expect(line).toMatchObject({ server: 'main', outcome: 'ok', caller: 'alice', args: [] })
  })

  it('refuses to bind beyond loopback without authentication, or without an allow-list of hosts', async () => {
    const server = build('x')
    await expect(startHttp({ routes: [{ path: '/mcp', server }], host: '0.0.0.0' })).rejects.toThrow(
      /without authentication/,
    )
    await expect(
      startHttp({ routes: [{ path: '/mcp', server }], host: '0.0.0.0', authenticate: async () => undefined }),
    ).rejects.toThrow(/allowedHosts/)
  })
})

describe('graceful shutdown', () => {
  it('finishes in-flight calls, then refuses new connections', async () => {
    const local = createNotesService()
    const server = createServer([
      { product: notesProduct, client: createNotesClient({ fetch: (r) => local.fetch(r) }) },
    ])
    const own = await startHttp({ routes: [{ path: '/mcp', server }] })
    const { client } = await connectHttp(`${own.url}/mcp`, { era: 'modern' })
    const call = client.callTool({ name: 'wait_for', arguments: { steps: 1, msPerStep: 600 } })
    const deadline = Date.now() + 5_000
    while (!local.log.some((e) => e.path === '/slow') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10))
    expect(own.inFlight).toBe(1)
    const closing = own.close()
    const result = await call
    expect(result.structuredContent).toEqual({ steps: 1 })
    await closing
    expect(own.inFlight).toBe(0)
    await expect(fetch(`${own.url}/healthz`)).rejects.toThrow()
  })
})
