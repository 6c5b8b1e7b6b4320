// Helpers for product packages' tests: a real SDK client talking to a real server, in process
// through the HTTP handler (both protocol eras) or over stdio by spawning a command.
import { Client, InMemoryTransport, StreamableHTTPClientTransport } from '@modelcontextprotocol/client'
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio'
import { createMcpHandler } from '@modelcontextprotocol/server'
import type { BizmcpServer } from '../server.js'

export * from './scenario.js'

export type Era = 'legacy' | 'modern'

export interface ConnectedClient {
  client: Client
  close(): Promise<void>
}

export interface ClientOptions {
  era?: Era
  /** declare the sampling capability and answer with this handler (2025-era sessions) */
  onSample?: (request: {
    systemPrompt?: string
    messages: Array<{ role: string; content: { type: string; text?: string } }>
    maxTokens: number
  }) => Promise<string>
  /** declare the elicitation capability and answer with this handler */
  onElicit?: (request: {
    message: string
    requestedSchema?: unknown
  }) => Promise<{ action: 'accept' | 'decline' | 'cancel'; content?: Record<string, unknown> }>
}

function newClient(options: ClientOptions): Client {
  const client = new Client(
    { name: 'bizmcp-test', version: '1.0.0' },
    {
      capabilities: {
        ...(options.onElicit ? { elicitation: { form: {} } } : {}),
        ...(options.onSample ? { sampling: {} } : {}),
      },
      ...(options.era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {}),
    },
  )
  if (options.onElicit) {
    const answer = options.onElicit
    client.setRequestHandler('elicitation/create', async (request) => {
      const params = request.params as { message: string; requestedSchema?: unknown }
      return answer(params) as never
    })
  }
  if (options.onSample) {
    const sample = options.onSample
    client.setRequestHandler('sampling/createMessage', async (request) => {
      const text = await sample(request.params as never)
      return { role: 'assistant', content: { type: 'text', text }, model: 'test-model', stopReason: 'endTurn' } as never
    })
  }
  return client
}

/**
 * Connects an SDK client in process. 2026-era clients go through the HTTP handler, the code path
 * of a deployment; 2025-era clients get a stateful connection, as over stdio, because a stateless
 * HTTP exchange carries no initialize and so no client capabilities (no elicitation).
 * Use `connectHttp` to test 2025-era clients over stateless HTTP.
 */
export async function connectInProcess(server: BizmcpServer, options: ClientOptions = {}): Promise<ConnectedClient> {
  if (options.era !== 'modern') {
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair()
    const sdkServer = await server.factory({ era: 'legacy' })
    await sdkServer.connect(serverTransport)
    const client = newClient(options)
    await client.connect(clientTransport)
    return {
      client,
      async close() {
        await client.close()
        await sdkServer.close()
      },
    }
  }
  const handler = createMcpHandler(server.factory)
  const transport = new StreamableHTTPClientTransport(new URL('http://127.0.0.1/mcp'), {
    fetch: (url, init) => handler.fetch(new Request(url, init)),
  })
  const client = newClient(options)
  await client.connect(transport)
  return {
    client,
    async close() {
      await client.close()
      await handler.close()
    },
  }
}

/** Connects to a server URL over Streamable HTTP. */
export async function connectHttp(
  url: string,
  options: ClientOptions & { headers?: Record<string, string> } = {},
): Promise<ConnectedClient> {
  const transport = new StreamableHTTPClientTransport(
    new URL(url),
    options.headers ? { requestInit: { headers: options.headers } } : {},
  )
  const client = newClient(options)
  await client.connect(transport)
  return { client, close: () => client.close() }
}

/** Spawns a stdio server and connects to it. */
export async function connectStdio(
  command: string,
  args: string[],
  options: ClientOptions & { env?: Record<string, string>; cwd?: string } = {},
): Promise<ConnectedClient> {
  const transport = new StdioClientTransport({
    command,
    args,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { ...(process.env as Record<string, string>), ...options.env },
    stderr: 'pipe',
  })
  const client = newClient(options)
  await client.connect(transport)
  return { client, close: () => client.close() }
}

/** Parses the `{ code, message, fix }` body of an isError result. */
export function errorBody(result: { content?: unknown; isError?: boolean }): {
  code: string
  message: string
  fix: string
  details?: Record<string, unknown>
} {
  if (!result.isError) throw new Error(`Expected an error result, got ${JSON.stringify(result).slice(0, 300)}`)
  const first = (result.content as Array<{ type: string; text?: string }>)[0]
  return JSON.parse(first?.text ?? '{}')
}

/** The structuredContent of a successful result; throws with the error body otherwise. */
export function structured<T = Record<string, any>>(result: {
  structuredContent?: unknown
  content?: unknown
  isError?: boolean
}): T {
  if (result.isError) throw new Error(`Tool failed: ${JSON.stringify(result.content)}`)
  return result.structuredContent as T
}

/** Elicitation answers for consent prompts (`onElicit`). */
export const acceptConsent = async () => ({ action: 'accept' as const, content: { approve: true } })
export const declineConsent = async () => ({ action: 'decline' as const })

export const ERAS = ['legacy', 'modern'] as const

/**
 * A bare 2025-11-25 `initialize` POST to a Streamable HTTP endpoint, for tests that look at the HTTP
 * answer itself (status, WWW-Authenticate) rather than at a connected client.
 */
export function postInitialize(url: string, options: { token?: string; headers?: Record<string, string> } = {}) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bizmcp-test', version: '1' } },
    }),
  })
}
