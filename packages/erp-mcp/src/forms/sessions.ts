// Form tools run on the environment's own MCP endpoint (`{environment URL}/mcp`): its form engine
// keeps one open form per MCP session. This keeps one upstream session per caller, so each caller
// has one active form, refuses a second call for a caller while one is running (forms are used one
// call at a time), re-establishes a session the environment has forgotten, and bounds how long a
// call (a report download above all) may take.
import { type FetchLike, type TokenProvider, ToolError } from '@bizmcp/core'
import { Client, SdkHttpError, StreamableHTTPClientTransport, UnauthorizedError } from '@modelcontextprotocol/client'

/** What the environment answered: its content blocks, as MCP carries them. */
export interface UpstreamResult {
  content: UpstreamBlock[]
  isError: boolean
  /** the caller's session had expired and a new one was started for this call */
  restarted: boolean
}

export type UpstreamBlock =
  | { type: 'text'; text: string }
  | { type: 'resource'; resource: { uri: string; mimeType?: string; blob?: string; text?: string } }
  | { type: string; [key: string]: unknown }

export interface FormSessionsOptions {
  /** the environment's MCP endpoint, `{environment URL}/mcp` */
  url: string
  /** Entra tokens for the environment (the same provider as the OData client's) */
  token: TokenProvider
  /** the product's fetch (the sandbox's in-process fetch, or the network) */
  fetch?: FetchLike
  /** a click (which may run a report and download its file) is abandoned after this long; default 60 s */
  downloadTimeoutMs?: number
  /** every other form call; default 60 s */
  timeoutMs?: number
  /** most upstream sessions kept (one per caller); the least recently used idle one is closed first; default 100 */
  maxSessions?: number
  /** sessions idle this long are closed; default 30 minutes */
  idleMs?: number
  now?: () => number
}

export interface ErpForms {
  /** Calls a form tool upstream in the caller's session. */
  call(
    caller: string,
    tool: string,
    args: Record<string, unknown>,
    options?: { signal?: AbortSignal },
  ): Promise<UpstreamResult>
  /** the form the caller's last successful call left open, as its state named it */
  openForm(caller: string): OpenForm | undefined
  /** records the form a call left open (undefined: none), for openForm */
  noteOpenForm(caller: string, form: OpenForm | undefined): void
  /** upstream sessions currently open */
  sessionCount(): number
  /** closes every upstream session */
  close(): Promise<void>
}

export interface OpenForm {
  name: string
  /** e.g. 'Report' for a report dialog, whose buttons print or export and change no data */
  style?: string
}

/** Tools that need no open form: on a restarted session they simply run again. */
const NO_FORM_NEEDED = new Set(['form_find_menu_item', 'form_open_menu_item', 'form_close_form'])

interface CallerSession {
  caller: string
  client?: Client
  transport?: StreamableHTTPClientTransport
  /** the tool running now, if any */
  busy?: string
  lastUsed: number
  form?: OpenForm
}

export function createFormSessions(options: FormSessionsOptions): ErpForms {
  const sessions = new Map<string, CallerSession>()
  const now = options.now ?? Date.now
  const downloadTimeoutMs = options.downloadTimeoutMs ?? 60_000
  const timeoutMs = options.timeoutMs ?? 60_000
  const maxSessions = options.maxSessions ?? 100
  const idleMs = options.idleMs ?? 30 * 60_000
  const fetchUpstream = options.fetch
    ? (url: string | URL, init?: RequestInit) => options.fetch!(new Request(url, init))
    : undefined

  async function disconnect(session: CallerSession, terminate: boolean) {
    const { client, transport } = session
    session.client = undefined
    session.transport = undefined
    session.form = undefined
    if (terminate) await transport?.terminateSession().catch(() => undefined)
    await client?.close().catch(() => undefined)
  }

  /** Closes idle sessions past their time, and the least recently used idle ones over the cap. */
  function evict() {
    const idle = [...sessions.values()].filter((session) => !session.busy).sort((a, b) => a.lastUsed - b.lastUsed)
    for (const session of idle) {
      if (now() - session.lastUsed < idleMs && sessions.size < maxSessions) break
      sessions.delete(session.caller)
      void disconnect(session, true)
    }
  }

  async function connect(session: CallerSession, signal: AbortSignal): Promise<Client> {
    if (session.client) return session.client
    const transport = new StreamableHTTPClientTransport(new URL(options.url), {
      authProvider: { token: async () => (await options.token.getToken(signal)).token },
      ...(fetchUpstream ? { fetch: fetchUpstream } : {}),
    })
    const client = new Client({ name: 'bizmcp-erp-mcp', version: '0.1.0' }, { capabilities: {} })
    await client.connect(transport, { signal, timeout: timeoutMs })
    session.client = client
    session.transport = transport
    return client
  }

  async function invoke(session: CallerSession, tool: string, args: Record<string, unknown>, signal: AbortSignal) {
    const client = await connect(session, signal)
    const result = await client.callTool({ name: tool, arguments: args }, { signal, timeout: timeoutMs * 2 })
    return result as { content?: UpstreamBlock[]; isError?: boolean }
  }

  return {
    async call(caller, tool, args, { signal } = {}) {
      evict()
      let session = sessions.get(caller)
      if (session?.busy) {
        throw new ToolError({
          code: 'FormBusy',
          message: `Another form call (${session.busy}) is still running for you; form tools work on one open form, one call at a time.`,
          fix: `Wait for the ${session.busy} call to finish, then call ${tool} again. Do not run form tools in parallel.`,
          details: { running: session.busy },
        })
      }
      if (!session) {
        session = { caller, lastUsed: now() }
        sessions.set(caller, session)
      }
      session.busy = tool
      const limit = tool === 'form_click_control' ? downloadTimeoutMs : timeoutMs
      const timer = AbortSignal.timeout(limit)
      const combined = signal ? AbortSignal.any([signal, timer]) : timer
      try {
        try {
          const result = await invoke(session, tool, args, combined)
          return { content: result.content ?? [], isError: result.isError === true, restarted: false }
        } catch (error) {
          if (!isSessionGone(error)) throw error
          // The environment no longer knows the session (it expired or the server restarted):
          // the form that was open is gone with it. Start a new session for the next call.
          await disconnect(session, false)
          if (!NO_FORM_NEEDED.has(tool)) {
            throw new ToolError({
              code: 'FormClosed',
              message:
                'Your form session on the environment had expired, so the form that was open was closed and unsaved changes were lost. A new session has been started.',
              fix: 'Open the form again with form_open_menu_item and repeat the steps.',
            })
          }
          const result = await invoke(session, tool, args, combined)
          return { content: result.content ?? [], isError: result.isError === true, restarted: true }
        }
      } catch (error) {
        if (error instanceof ToolError) throw error
        if (timer.aborted && !signal?.aborted) {
          throw new ToolError({
            code: 'Timeout',
            message:
              tool === 'form_click_control'
                ? `The click did not finish within ${limit / 1000} seconds; a report download is abandoned after ${limit / 1000} s.`
                : `${tool} did not finish within ${limit / 1000} seconds.`,
            fix:
              tool === 'form_click_control'
                ? 'Narrow the report (a vendor group, a shorter period) and click again. If the next form call fails, close the form with form_close_form first.'
                : 'Try again in a moment; if it keeps timing out, close the form with form_close_form and start over.',
            details: { timeoutMs: limit },
          })
        }
        throw upstreamError(error, signal)
      } finally {
        session.busy = undefined
        session.lastUsed = now()
      }
    },
    openForm: (caller) => sessions.get(caller)?.form,
    noteOpenForm(caller, form) {
      const session = sessions.get(caller)
      if (session) session.form = form
    },
    sessionCount: () => [...sessions.values()].filter((session) => session.client).length,
    async close() {
      const all = [...sessions.values()]
      sessions.clear()
      await Promise.all(all.map((session) => disconnect(session, true)))
    },
  }
}

function isSessionGone(error: unknown): boolean {
  return error instanceof SdkHttpError && error.status === 404
}

function upstreamError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) {
    const abort = new Error('aborted')
    abort.name = 'AbortError'
    return abort
  }
  if (error instanceof UnauthorizedError || (error instanceof SdkHttpError && error.status === 401)) {
    return new ToolError({
      code: 'Unauthorized',
      message: "The environment's MCP endpoint refused the access token.",
      fix: 'Check that the app registration is allowed in the Allowed MCP clients form and is mapped to a finance & operations user, then retry.',
    })
  }
  if (error instanceof SdkHttpError) {
    return new ToolError({
      code: error.status >= 500 ? 'VendorUnavailable' : 'VendorError',
      message: `The environment's MCP endpoint answered HTTP ${error.status}: ${error.message}`,
      fix:
        error.status >= 500
          ? 'Retry in a moment.'
          : 'Check the environment URL (ERP_URL) and that its MCP server is enabled in Feature management.',
      details: { status: error.status },
    })
  }
  if (error instanceof TypeError) {
    return new ToolError({
      code: 'VendorUnavailable',
      message: `The environment's MCP endpoint could not be reached: ${error.message}`,
      fix: 'Check the environment URL (ERP_URL) and the network, then retry.',
    })
  }
  return error
}
