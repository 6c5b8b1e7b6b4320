import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isIP } from 'node:net'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Sandbox } from '../sandbox.js'

export interface ServeOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Interface to listen on; loopback (127.0.0.1) unless told otherwise. */
  host?: string
  /** Listening on a non-loopback interface exposes the sandbox's credentials; refuse unless this is set. */
  allowRemote?: boolean
  /** The URL clients reach the server at, when it differs from the listening address (e.g. 0.0.0.0). */
  publicUrl?: string
}

export interface ServedSandbox {
  url: string
  close(): Promise<void>
}

// Connection-level headers describe the hop, not the request; the fetch handlers must not see them.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
])

/**
 * Serves the sandbox over HTTP on node:http. From then on the sandbox's baseUrl is the served URL,
 * so issuers, audiences and next links name an address clients can reach.
 */
export async function serveSandbox(sandbox: Sandbox, options: ServeOptions = {}): Promise<ServedSandbox> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopback(host) && !options.allowRemote) {
    throw new Error(
      `Refusing to serve the sandbox on '${host}': it hands out tokens to anyone who asks. Use 127.0.0.1, or pass allowRemote (--allow-remote) if you mean it.`,
    )
  }
  const server = createServer((req, res) => {
    respond(sandbox, req, res).catch(() => res.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const url = options.publicUrl ?? `http://${urlHost(host)}:${port}`
  sandbox.baseUrl = url

  let closing: Promise<void> | undefined
  return {
    url: sandbox.baseUrl,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      return closing
    },
  }
}

async function respond(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const aborter = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) aborter.abort()
  })
  let response: Response
  try {
    response = await sandbox.fetch(toRequest(sandbox.baseUrl, req, aborter.signal))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    response = Response.json({ error: { code: 'BadRequest', message } }, { status: isClientError(error) ? 400 : 500 })
  }
  await writeResponse(req, res, response)
}

function toRequest(baseUrl: string, req: IncomingMessage, signal: AbortSignal): Request {
  const target = req.url ?? '/'
  // Absolute-form targets (as proxies send) keep only their path; the host is always the sandbox's own.
  const path = target.startsWith('/')
    ? target
    : (() => {
        const parsed = new URL(target)
        return parsed.pathname + parsed.search
      })()
  const headers = new Headers()
  const raw = req.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, raw[i + 1]!)
  }
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  // Concatenated, not resolved: a target like '//other.host/x' must stay a path on the sandbox.
  return new Request(`${baseUrl}${path}`, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit)
}

async function writeResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const headers: string[] = []
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers.push(name, value)
  })
  for (const cookie of response.headers.getSetCookie()) headers.push('set-cookie', cookie)
  res.writeHead(response.status, response.statusText, headers)
  if (!response.body || req.method === 'HEAD') {
    res.end()
    return
  }
  try {
    await pipeline(Readable.fromWeb(response.body as never), res)
  } catch {
    // The client went away mid-stream; nothing is left to tell it.
    res.destroy()
  }
}

function isClientError(error: unknown): boolean {
  return error instanceof TypeError
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '')
  if (bare === 'localhost' || bare === '::1') return true
  return isIP(bare) === 4 && bare.startsWith('127.')
}

function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host
}
