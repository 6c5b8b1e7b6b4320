// Connecting to the server under test. Every connection is a fresh SDK client; requests go out
// through `raw()` with a permissive result schema so that the harness sees what the server sent,
// not what the SDK would accept or repair (it validates structured output itself, for example).
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client'
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio'
import { z } from 'zod'
import type { Target } from './types.js'

export type Era = 'legacy' | 'modern'

const anyResult = z.record(z.string(), z.unknown())

export interface Connection {
  client: Client
  era: Era
  /** true once the transport closed (the server exited or the connection dropped) */
  readonly closed: boolean
  /** the last few kilobytes the server wrote to stderr (stdio only), for crash reports */
  stderrTail(): string
  raw(
    method: string,
    params: Record<string, unknown> | undefined,
    options: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<Record<string, unknown>>
  close(): Promise<void>
}

export function describeTarget(target: Target): string {
  return target.kind === 'stdio' ? `stdio: ${[target.command, ...target.args].join(' ')}` : `http: ${target.url}`
}

export interface ConnectOptions {
  /** declare elicitation and accept every request, filling its form from the schema (scenarios with --allow-writes) */
  approveElicitation?: boolean
}

/** `startMs` bounds opening the connection, server start-up included (slow under load). */
export async function connect(
  target: Target,
  era: Era,
  startMs: number,
  options: ConnectOptions = {},
): Promise<Connection> {
  const client = new Client(
    { name: 'bizmcp-conformance', version: '0.1.0' },
    {
      // No capabilities unless told: without elicitation, destructive tools must refuse.
      capabilities: options.approveElicitation ? { elicitation: { form: {} } } : {},
      ...(era === 'modern'
        ? { versionNegotiation: { mode: { pin: '2026-07-28' }, probe: { timeoutMs: startMs } } }
        : {}),
    },
  )
  if (options.approveElicitation)
    client.setRequestHandler('elicitation/create', async (request) => {
      const schema = (request.params as { requestedSchema?: Record<string, unknown> }).requestedSchema
      return { action: 'accept', content: approvingAnswer(schema) } as never
    })
  let stderr = ''
  let closed = false
  const transport =
    target.kind === 'stdio'
      ? new StdioClientTransport({
          command: target.command,
          args: target.args,
          env: { ...(process.env as Record<string, string>), ...target.env },
          ...(target.cwd ? { cwd: target.cwd } : {}),
          stderr: 'pipe',
        })
      : new StreamableHTTPClientTransport(
          new URL(target.url),
          target.headers ? { requestInit: { headers: target.headers } } : {},
        )
  if (transport instanceof StdioClientTransport) {
    // Drain stderr always: a full pipe would block a chatty server and look like a hang.
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000)
    })
  }
  client.onclose = () => {
    closed = true
  }
  await withTimeout(client.connect(transport, { timeout: startMs }), startMs + 1000, `connecting (${era} era)`).catch(
    async (error) => {
      await client.close().catch(() => {})
      throw error
    },
  )
  if (era === 'modern' && target.kind === 'stdio') {
    // The SDK probes on a sibling process and spawns the real one afterwards, so connect()
    // returns before that process is up; wait for it here, not in the first check's budget.
    await client.discover({ timeout: startMs }).catch(async (error) => {
      await client.close().catch(() => {})
      throw error
    })
  }
  return {
    client,
    era,
    get closed() {
      return closed
    },
    stderrTail: () => stderr.trim().split('\n').slice(-8).join('\n'),
    raw: (method, params, options) =>
      client.request({ method, ...(params ? { params } : {}) } as never, anyResult, {
        timeout: options.timeoutMs,
        maxTotalTimeout: options.timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
      }) as Promise<Record<string, unknown>>,
    close: () => withTimeout(client.close(), 5000, 'closing').catch(() => {}),
  }
}

/** A form answer that approves: true for booleans, otherwise each field's default, const or first enum value. */
export function approvingAnswer(schema: Record<string, unknown> | undefined): Record<string, unknown> {
  const content: Record<string, unknown> = {}
  const properties = (schema?.properties ?? {}) as Record<string, Record<string, unknown>>
  for (const [name, property] of Object.entries(properties)) {
    if (property.type === 'boolean') content[name] = true
    else if ('default' in property) content[name] = property.default
    else if ('const' in property) content[name] = property.const
    else if (Array.isArray(property.enum) && property.enum.length > 0) content[name] = property.enum[0]
  }
  return content
}

export class TimeoutError extends Error {
  override name = 'TimeoutError'
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} did not finish within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Classifies a rejected request: the server's JSON-RPC error, a timeout, or a dropped connection. */
export function classifyError(
  error: unknown,
  connection?: Connection,
): { kind: 'jsonrpc' | 'timeout' | 'closed' | 'other'; message: string; code?: number } {
  const e = error as { name?: string; code?: unknown; message?: string }
  const message = e?.message ?? String(error)
  if (error instanceof TimeoutError || e?.code === 'REQUEST_TIMEOUT' || /timed? ?out/i.test(message))
    return { kind: 'timeout', message }
  if (connection?.closed || e?.code === 'CONNECTION_CLOSED' || /connection closed/i.test(message)) {
    const tail = connection?.stderrTail()
    return { kind: 'closed', message: tail ? `${message}; server stderr: ${tail}` : message }
  }
  if (typeof e?.code === 'number') return { kind: 'jsonrpc', message, code: e.code }
  return { kind: 'other', message }
}

/** Splits a command line like a POSIX shell does for plain words and quotes (no expansion). */
export function splitCommand(line: string): string[] {
  const words: string[] = []
  let current = ''
  let inWord = false
  let quote: '"' | "'" | undefined
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string
    if (quote) {
      if (ch === quote) quote = undefined
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) current += line[++i]
      else current += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      inWord = true
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line[++i]
      inWord = true
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current)
      current = ''
      inWord = false
    } else {
      current += ch
      inWord = true
    }
  }
  if (quote) throw new Error(`Unterminated ${quote} quote in command: ${line}`)
  if (inWord) words.push(current)
  return words
}
