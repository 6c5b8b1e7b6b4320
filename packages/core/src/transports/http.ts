// Streamable HTTP for deployments. Stateless, so replicas scale behind any load balancer:
// every request is served by a fresh server instance from the factory. In front of the SDK
// handler: Host and Origin allow-lists (DNS-rebinding protection), a body size limit, an
// authentication hook, and /healthz. Shutdown stops accepting, lets in-flight calls finish
// within a grace period, then closes.
import {
  createServer as createNodeServer,
  type IncomingMessage,
  type Server as NodeServer,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  type AuthInfo,
  createMcpHandler,
  type McpHttpHandler,
  validateHostHeader,
  validateOriginHeader,
} from '@modelcontextprotocol/server'
import type { Logger } from '../audit.js'
import type { BizmcpServer } from '../server.js'

export interface HttpRoute {
  /** e.g. '/mcp' or '/mcp/reporting' */
  path: string
  server: BizmcpServer
}

export interface HttpTransportOptions {
  routes: HttpRoute[]
  port?: number
  /** default 127.0.0.1 */
  host?: string
  /** hostnames accepted in the Host header; defaults to loopback names when bound to loopback */
  allowedHosts?: string[]
  /** hostnames accepted in the Origin header (browsers); requests without Origin pass */
  allowedOrigins?: string[]
  /** default 4 MiB */
  maxBodyBytes?: number
  /**
   * Authenticates a request before it reaches the MCP handler: return AuthInfo to proceed,
   * or a Response (e.g. 401 with WWW-Authenticate) to answer instead.
   */
  authenticate?: (request: IncomingMessage, route: HttpRoute) => Promise<AuthInfo | undefined | Response>
  /** extra endpoints (e.g. OAuth protected-resource metadata); return false to fall through */
  extraRoutes?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean> | boolean
  /** serve beyond loopback with no authentication (behind a gateway that authenticates) */
  allowUnauthenticated?: boolean
  /** how long shutdown waits for in-flight requests; default 10 s */
  shutdownGraceMs?: number
  log?: Logger
}

export interface HttpServerHandle {
  url: string
  port: number
  server: NodeServer
  /** in-flight MCP requests right now */
  readonly inFlight: number
  /** stop accepting, wait for in-flight requests (up to the grace period), then close */
  close(): Promise<void>
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

export async function startHttp(options: HttpTransportOptions): Promise<HttpServerHandle> {
  const host = options.host ?? '127.0.0.1'
  const maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024
  const isLoopback = ['127.0.0.1', '::1', 'localhost'].includes(host)
  if (!isLoopback && !options.authenticate && !options.allowUnauthenticated) {
    throw new Error(
      `Binding to ${host} without authentication would let anyone on the network call the tools: configure OAuth or API keys, or bind to 127.0.0.1.`,
    )
  }
  if (!isLoopback && !options.allowedHosts?.length) {
    throw new Error(
      `Binding to ${host} needs an explicit allowedHosts list (the hostnames clients use), so that DNS-rebinding protection stays on.`,
    )
  }
  const allowedHosts = options.allowedHosts ?? LOOPBACK_HOSTS
  const allowedOrigins = options.allowedOrigins ?? LOOPBACK_HOSTS

  // loaded here, not at module load: stdio servers never pay for the HTTP adapter
  const { toNodeHandler } = await import('@modelcontextprotocol/node')
  const mounted = new Map<
    string,
    { route: HttpRoute; handler: McpHttpHandler; node: ReturnType<typeof toNodeHandler> }
  >()
  for (const route of options.routes) {
    if (mounted.has(route.path)) throw new Error(`Two servers are mounted at ${route.path}.`)
    const handler = createMcpHandler(route.server.factory, {
      maxRequestBodySize: maxBodyBytes,
      onerror: (error) => options.log?.warn({ err: error, path: route.path }, 'mcp request rejected'),
    })
    mounted.set(route.path, { route, handler, node: toNodeHandler(handler, { maxRequestBodySize: maxBodyBytes }) })
  }

  let inFlight = 0
  let draining = false
  const idleWaiters: Array<() => void> = []

  const server = createNodeServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/'
    if (path === '/healthz' && req.method === 'GET') {
      return sendJson(res, draining ? 503 : 200, {
        status: draining ? 'draining' : 'ok',
        servers: [...mounted.values()].map(({ route }) => ({
          path: route.path,
          name: route.server.name,
          tools: route.server.tools.length,
        })),
      })
    }
    if (options.extraRoutes && (await options.extraRoutes(req, res))) return
    const entry = mounted.get(path)
    if (!entry)
      return sendJson(res, 404, { error: `No MCP endpoint at ${path}. Endpoints: ${[...mounted.keys()].join(', ')}` })
    if (draining) {
      res.setHeader('Connection', 'close')
      return sendJson(res, 503, { error: 'The server is shutting down; retry on another replica.' })
    }

    const hostCheck = validateHostHeader(req.headers.host, allowedHosts)
    if (!hostCheck.ok) return sendForbidden(res, hostCheck.message)
    const originCheck = validateOriginHeader(req.headers.origin, allowedOrigins)
    if (!originCheck.ok) return sendForbidden(res, originCheck.message)

    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > maxBodyBytes) {
      return sendJson(res, 413, { error: `Request body of ${declared} bytes exceeds the ${maxBodyBytes}-byte limit.` })
    }

    inFlight++
    try {
      if (options.authenticate) {
        const auth = await options.authenticate(req, entry.route)
        if (auth instanceof Response) return await sendResponse(res, auth)
        if (auth) (req as IncomingMessage & { auth?: AuthInfo }).auth = auth
      }
      await entry.node(req, res)
    } catch (error) {
      options.log?.error({ err: error }, 'http request failed')
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error' })
      else res.end()
    } finally {
      inFlight--
      if (inFlight === 0) for (const wake of idleWaiters.splice(0)) wake()
    }
  })
  server.requestTimeout = 0 // long tool calls are bounded by the vendor client's timeouts, not here

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  return {
    url,
    port,
    server,
    get inFlight() {
      return inFlight
    },
    async close() {
      draining = true
      server.close()
      server.closeIdleConnections()
      if (inFlight > 0) {
        const grace = options.shutdownGraceMs ?? 10_000
        await Promise.race([
          new Promise<void>((resolve) => idleWaiters.push(resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, grace).unref()),
        ])
      }
      await Promise.all([...mounted.values()].map(({ handler }) => handler.close()))
      server.closeAllConnections()
    },
  }
}

/** Closes the server gracefully on SIGTERM/SIGINT, finishing in-flight calls first. */
export function closeOnSignals(handle: HttpServerHandle, log?: Logger): void {
  const stop = (signal: string) => {
    log?.info({ signal, inFlight: handle.inFlight }, 'shutting down')
    void handle.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
}

/** DNS-rebinding and cross-origin rejections, as a JSON-RPC error body like the SDK's own guards. */
function sendForbidden(res: ServerResponse, message: string) {
  sendJson(res, 403, { jsonrpc: '2.0', error: { code: -32000, message: `Forbidden: ${message}` }, id: null })
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

async function sendResponse(res: ServerResponse, response: Response) {
  res.writeHead(response.status, Object.fromEntries(response.headers))
  res.end(Buffer.from(await response.arrayBuffer()))
}
