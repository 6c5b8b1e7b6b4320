// The environment's own MCP endpoint (`{environment}/mcp`), as the finance & operations ERP MCP
// server hosts it: JSON-RPC 2.0 over HTTP POST in the Streamable HTTP style, stateful — initialize
// issues an `Mcp-Session-Id`, and each session has its own form engine state (one open form).
// Every request needs an Entra bearer token for the environment; a session belongs to the identity
// that opened it. Answers are plain JSON (no SSE streams).
import { randomUUID } from 'node:crypto'
import type { VerifyResult } from '../../entra/verify.js'
import type { Sandbox } from '../../sandbox.js'
import type { Clock } from '../../shared/clock.js'
import { jsonResponse } from '../../shared/http.js'
import { FormError } from '../forms/controls.js'
import type { FormEngine, FormSession, Outcome } from '../forms/engine.js'
import { createErpFormEngine } from '../forms/index.js'
import { ErpError, type ErpRecords } from '../model.js'
import { argsFor, formTools, formToolsByName } from './tools.js'

export const SUPPORTED_PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05']
export const SERVER_INFO = { name: 'Dynamics 365 ERP MCP Server (sandbox)', version: '1.0.0' }

export interface ErpMcpEndpointOptions {
  records: ErpRecords
  clock: Clock
  /** verifies the Authorization header's bearer token for the environment */
  verifyToken(authorization: string | null): Promise<VerifyResult>
  /** the `WWW-Authenticate` challenge of a 401 */
  challenge?: string
  /** sessions idle longer than this are forgotten (404 afterwards); default 30 minutes */
  sessionIdleMs?: number
  /** most sessions kept; the least recently used goes first; default 500 */
  maxSessions?: number
}

interface McpSession {
  id: string
  /** the identity that opened it: the token's object id (or app id for app-only tokens) */
  principal: string
  protocolVersion: string
  forms: FormSession
  lastUsed: number
  /** calls on one session run one after another */
  queue: Promise<unknown>
}

interface JsonRpcMessage {
  jsonrpc?: unknown
  id?: string | number | null
  method?: unknown
  params?: unknown
}

const rpcError = (id: JsonRpcMessage['id'], code: number, message: string) => ({
  jsonrpc: '2.0',
  id: id ?? null,
  error: { code, message },
})

export function createErpMcpEndpoint(options: ErpMcpEndpointOptions) {
  const engine: FormEngine = createErpFormEngine(options.records, options.clock)
  const sessions = new Map<string, McpSession>()
  const idleMs = options.sessionIdleMs ?? 30 * 60_000
  const maxSessions = options.maxSessions ?? 500
  const now = () => options.clock().getTime()

  function sweep() {
    const cutoff = now() - idleMs
    for (const [id, session] of sessions) if (session.lastUsed < cutoff) sessions.delete(id)
    while (sessions.size >= maxSessions) {
      const oldest = [...sessions.values()].sort((a, b) => a.lastUsed - b.lastUsed)[0]
      if (!oldest) break
      sessions.delete(oldest.id)
    }
  }

  function principalOf(verified: Extract<VerifyResult, { ok: true }>): string {
    const claims = verified.claims as unknown as Record<string, unknown>
    return String(claims.oid ?? claims.azp ?? claims.sub ?? '')
  }

  function companyFor(verified: Extract<VerifyResult, { ok: true }>): string {
    const store = options.records as ErpRecords & {
      userFor?: (identity: { oid?: string; upn?: string; appOnly: boolean }) => { Company?: string } | undefined
    }
    const claims = verified.claims as unknown as Record<string, unknown>
    const company = store.userFor?.({
      ...(typeof claims.oid === 'string' ? { oid: claims.oid } : {}),
      ...(typeof claims.upn === 'string' ? { upn: claims.upn } : {}),
      appOnly: claims.idtyp === 'app' || claims.scp === undefined,
    })?.Company
    const known = company && options.records.companies.some((c) => c.id === company.toLowerCase())
    return known ? company.toLowerCase() : options.records.defaultCompany
  }

  async function handle(request: Request): Promise<Response> {
    const verified = await options.verifyToken(request.headers.get('authorization'))
    if (!verified.ok) {
      return jsonResponse(
        { error: { code: 'InvalidToken', message: verified.description } },
        401,
        options.challenge ? { 'WWW-Authenticate': options.challenge } : {},
      )
    }
    const principal = principalOf(verified)
    const sessionId = request.headers.get('mcp-session-id')

    if (request.method === 'DELETE') {
      const session = sessionId ? sessions.get(sessionId) : undefined
      if (!session || session.principal !== principal)
        return jsonResponse(rpcError(null, -32001, 'Session not found'), 404)
      sessions.delete(session.id)
      return new Response(null, { status: 200 })
    }
    if (request.method !== 'POST') {
      return jsonResponse(
        rpcError(null, -32000, 'Method not allowed: this endpoint has no SSE stream; POST JSON-RPC messages.'),
        405,
        {
          Allow: 'POST, DELETE',
        },
      )
    }
    if (!(request.headers.get('content-type') ?? '').toLowerCase().includes('application/json')) {
      return jsonResponse(rpcError(null, -32000, 'Unsupported Media Type: send Content-Type: application/json.'), 415)
    }
    let message: JsonRpcMessage
    try {
      message = (await request.json()) as JsonRpcMessage
    } catch {
      return jsonResponse(rpcError(null, -32700, 'Parse error: the body is not JSON.'), 400)
    }
    if (Array.isArray(message)) {
      return jsonResponse(rpcError(null, -32600, 'Invalid Request: JSON-RPC batches are not supported.'), 400)
    }
    if (!message || typeof message !== 'object' || message.jsonrpc !== '2.0') {
      return jsonResponse(rpcError(null, -32600, 'Invalid Request: not a JSON-RPC 2.0 message.'), 400)
    }
    const isRequest = typeof message.method === 'string' && message.id !== undefined && message.id !== null

    if (message.method === 'initialize') {
      if (!isRequest) return jsonResponse(rpcError(null, -32600, 'Invalid Request: initialize needs an id.'), 400)
      sweep()
      const requested = (message.params as { protocolVersion?: unknown } | undefined)?.protocolVersion
      const protocolVersion =
        typeof requested === 'string' && SUPPORTED_PROTOCOL_VERSIONS.includes(requested)
          ? requested
          : SUPPORTED_PROTOCOL_VERSIONS[0]!
      const session: McpSession = {
        id: randomUUID(),
        principal,
        protocolVersion,
        forms: engine.createSession(companyFor(verified)),
        lastUsed: now(),
        queue: Promise.resolve(),
      }
      sessions.set(session.id, session)
      return jsonResponse(
        {
          jsonrpc: '2.0',
          id: message.id,
          result: {
            protocolVersion,
            capabilities: { tools: { listChanged: false } },
            serverInfo: SERVER_INFO,
            instructions:
              "Form tools drive the environment's forms as a user would: find a menu item, open it, then work with one form at a time.",
          },
        },
        200,
        { 'Mcp-Session-Id': session.id },
      )
    }

    if (!sessionId) {
      return jsonResponse(
        rpcError(message.id, -32000, 'Bad Request: Mcp-Session-Id header is required; call initialize first.'),
        400,
      )
    }
    const session = sessions.get(sessionId)
    if (session && session.lastUsed < now() - idleMs) sessions.delete(session.id)
    if (!session || session.principal !== principal || !sessions.has(session.id)) {
      return jsonResponse(rpcError(message.id, -32001, 'Session not found'), 404)
    }
    session.lastUsed = now()
    if (!isRequest) return new Response(null, { status: 202 })

    const work = session.queue.then(() => answer(session, message))
    session.queue = work.catch(() => undefined)
    return jsonResponse(await work)
  }

  async function answer(session: McpSession, message: JsonRpcMessage): Promise<unknown> {
    const id = message.id
    switch (message.method) {
      case 'ping':
        return { jsonrpc: '2.0', id, result: {} }
      case 'tools/list':
        return {
          jsonrpc: '2.0',
          id,
          result: {
            tools: formTools.map((tool) => ({
              name: tool.name,
              description: tool.description,
              inputSchema: tool.inputSchema,
            })),
          },
        }
      case 'tools/call': {
        const params = (message.params ?? {}) as { name?: unknown; arguments?: unknown }
        const tool = typeof params.name === 'string' ? formToolsByName.get(params.name) : undefined
        if (!tool) return rpcError(id, -32602, `Unknown tool: ${String(params.name)}`)
        const values =
          params.arguments && typeof params.arguments === 'object' ? (params.arguments as Record<string, unknown>) : {}
        return {
          jsonrpc: '2.0',
          id,
          result: await callTool(session, () => tool.run(session.forms, argsFor(tool, values))),
        }
      }
      default:
        return rpcError(id, -32601, `Method not found: ${String(message.method)}`)
    }
  }

  async function callTool(session: McpSession, run: () => Outcome | Promise<Outcome>) {
    const envelope = (outcome: Outcome, isError: boolean) => ({
      SessionId: session.id,
      Result: outcome.result,
      Messages: outcome.messages ?? (isError ? [{ Type: 'Error', Text: outcome.result }] : []),
      FormState: session.forms.state(),
      ...(outcome.extra ?? {}),
      MCPActivityId: randomUUID(),
      DeepLinks: [],
    })
    try {
      const outcome = await run()
      const files = outcome.files ?? []
      const summary = [outcome.result, ...files.map((file) => `File '${file.name}' was downloaded.`)].join(' ')
      return {
        content: [
          { type: 'text', text: summary },
          { type: 'text', text: JSON.stringify(envelope(outcome, false)) },
          ...files.map((file) => ({
            type: 'resource',
            resource:
              typeof file.data === 'string'
                ? { uri: `file://${file.name}`, mimeType: file.mimeType, text: file.data }
                : {
                    uri: `file://${file.name}`,
                    mimeType: file.mimeType,
                    blob: Buffer.from(file.data).toString('base64'),
                  },
          })),
        ],
      }
    } catch (error) {
      if (!(error instanceof FormError || error instanceof ErpError)) throw error
      return {
        content: [
          { type: 'text', text: error.message },
          { type: 'text', text: JSON.stringify(envelope({ result: error.message }, true)) },
        ],
        isError: true,
      }
    }
  }

  return {
    handle,
    /** open sessions (for tests and the sandbox description) */
    sessionCount: () => sessions.size,
  }
}

export type ErpMcpEndpoint = ReturnType<typeof createErpMcpEndpoint>

const endpoints = new WeakMap<ErpRecords, ErpMcpEndpoint>()

/**
 * The MCP endpoint of a sandbox's erp emulator over its record store, created on first use and
 * kept with the store: what the emulator's router serves at `/mcp`.
 */
export function erpMcpEndpointFor(sandbox: Sandbox, records: ErpRecords): ErpMcpEndpoint {
  let endpoint = endpoints.get(records)
  if (!endpoint) {
    endpoint = createErpMcpEndpoint({
      records,
      clock: sandbox.clock,
      verifyToken: (authorization) =>
        sandbox.entra.verifyAccessToken(authorization ?? undefined, { audience: sandbox.urlOf('erp') }),
      challenge: `Bearer authorization_uri="${sandbox.entra.authority}/oauth2/v2.0/authorize", resource_id="${sandbox.urlOf('erp')}"`,
    })
    endpoints.set(records, endpoint)
  }
  return endpoint
}
