// Assembles products into an MCP server. Tools are registered on the SDK's low-level Server:
// tools/list is served from listings computed once, and tools/call goes through one path that
// validates input, asks consent, runs the tool, validates output, applies size rules and audits.
// The factory is cheap because it is called per HTTP request (stateless serving of both eras).
import {
  type McpServerFactory,
  ProtocolError,
  ProtocolErrorCode,
  Server,
  type ServerContext,
} from '@modelcontextprotocol/server'
import { auditToolCall, type Logger, silentLogger } from './audit.js'
import { runAsCaller } from './caller-context.js'
import { type ConsentFallback, obtainConsent } from './consent.js'
import { type CursorCodec, createCursorCodec } from './cursor.js'
import { type Limits, resolveLimits } from './limits.js'
import type { ProductBinding, PromptDefinition, ResourceDefinition } from './product.js'
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from './rate-limit.js'
import { errorResult, fileBlock, type ResultBlock, successResult, type ToolCallResult } from './result.js'
import { buildToolSchemas, type ToolSchemas } from './schemas.js'
import { type SelectedTool, selectTools, type ToolSelectionOptions } from './selection.js'
import type { AnyTool, Caller, ToolContext } from './tool.js'
import { invalidInput, ToolError, toToolError } from './tool-error.js'

export interface CreateServerOptions extends ToolSelectionOptions {
  name?: string
  version?: string
  title?: string
  instructions?: string
  limits?: Partial<Limits>
  consent?: { fallback?: ConsentFallback }
  /** audit and diagnostics; pass createLogger() to log to stderr. Silent by default. */
  logger?: Logger
  /** one audit line per tool call (on by default when a logger is given) */
  audit?: boolean
  /** signs paging cursors; give every replica the same secret */
  cursorSecret?: string
  /** tools per tools/list page */
  toolsPageSize?: number
  /** call rate limits, per server and per caller */
  rateLimit?: RateLimitOptions
}

export interface PreparedTool {
  tool: AnyTool
  product: string
  schemas: ToolSchemas
  listing: Record<string, unknown>
  cursor: CursorCodec
  binding: ProductBinding
}

export interface BizmcpServer {
  name: string
  version: string
  tools: PreparedTool[]
  limits: Limits
  /** builds the SDK server for one connection (stdio) or one request (HTTP) */
  factory: McpServerFactory
}

interface ServerState {
  name: string
  options: CreateServerOptions
  limits: Limits
  log: Logger
  audit: boolean
  fallback: ConsentFallback
  byName: Map<string, PreparedTool>
  pages: Array<Record<string, unknown>[]>
  resources: Array<{ definition: ResourceDefinition; binding: ProductBinding }>
  prompts: PromptDefinition[]
  rateLimiter: RateLimiter | undefined
}

export function createServer(bindings: ProductBinding[], options: CreateServerOptions = {}): BizmcpServer {
  const name = options.name ?? 'bizmcp'
  const version = options.version ?? '0.1.0'
  const limits = resolveLimits(options.limits)
  const fallback = options.consent?.fallback ?? 'refuse'
  const selected = selectTools(bindings, options)
  const tools = selected.map((entry) => prepareTool(entry, fallback, options.cursorSecret))
  const pageSize = options.toolsPageSize ?? 100
  const listings = tools.map((t) => t.listing)
  const pages: Array<Record<string, unknown>[]> = []
  for (let i = 0; i < listings.length; i += pageSize) pages.push(listings.slice(i, i + pageSize))
  if (pages.length === 0) pages.push([])

  const state: ServerState = {
    name,
    options,
    limits,
    log: options.logger ?? silentLogger,
    audit: options.audit ?? options.logger !== undefined,
    fallback,
    byName: new Map(tools.map((t) => [t.tool.name, t])),
    pages,
    resources: bindings.flatMap((binding) =>
      (binding.product.resources ?? []).map((definition) => ({ definition, binding })),
    ),
    prompts: bindings.flatMap((binding) => binding.product.prompts ?? []),
    rateLimiter: options.rateLimit ? createRateLimiter(options.rateLimit) : undefined,
  }

  const factory: McpServerFactory = ({ era, authInfo }) => {
    const server = new Server(
      { name, version, ...(options.title ? { title: options.title } : {}) },
      {
        capabilities: {
          tools: {},
          ...(state.resources.length ? { resources: {} } : {}),
          ...(state.prompts.length ? { prompts: {} } : {}),
        },
        ...(options.instructions ? { instructions: options.instructions } : {}),
      },
    )
    const caller: Caller | undefined = authInfo
      ? {
          clientId: authInfo.clientId,
          scopes: authInfo.scopes,
          token: authInfo.token,
          ...(typeof authInfo.extra?.sub === 'string' ? { id: authInfo.extra.sub } : {}),
          ...(authInfo.extra ? { extra: authInfo.extra } : {}),
        }
      : undefined
    server.setRequestHandler('tools/list', async (request) => listTools(state, request.params?.cursor))
    server.setRequestHandler('tools/call', async (request, ctx) =>
      callTool(state, server, era, caller, request.params.name, request.params.arguments, ctx),
    )
    if (state.resources.length) registerResources(server, state)
    if (state.prompts.length) registerPrompts(server, state)
    return server
  }

  return { name, version, tools, limits, factory }
}

function prepareTool(entry: SelectedTool, fallback: ConsentFallback, cursorSecret?: string): PreparedTool {
  const { tool, binding } = entry
  const schemas = buildToolSchemas(tool, fallback)
  const listing: Record<string, unknown> = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: schemas.inputJson,
    outputSchema: schemas.outputJson,
    // title is top-level in both protocol revisions served; repeating it in annotations costs tokens
    annotations: { ...tool.annotations },
  }
  return {
    tool,
    product: binding.product.name,
    schemas,
    listing,
    cursor: createCursorCodec(tool.name, cursorSecret),
    binding,
  }
}

function listTools(state: ServerState, cursor: string | undefined) {
  let index = 0
  if (cursor !== undefined) {
    index = Number.parseInt(cursor, 10)
    if (!/^\d+$/.test(cursor) || index < 1 || index >= state.pages.length) {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Invalid tools/list cursor: ${cursor}`)
    }
  }
  const next = index + 1 < state.pages.length ? { nextCursor: String(index + 1) } : {}
  return { tools: state.pages[index] as never[], ...next }
}

async function callTool(
  state: ServerState,
  server: Server,
  era: 'legacy' | 'modern',
  caller: Caller | undefined,
  name: string,
  rawArgs: Record<string, unknown> | undefined,
  ctx: ServerContext,
): Promise<ToolCallResult> {
  const prepared = state.byName.get(name)
  if (!prepared) {
    // Unknown and filtered-out tools look the same: neither listed nor callable.
    throw new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      `Unknown tool: ${name}. Call tools/list to see the tools this server offers.`,
    )
  }
  const { tool, schemas } = prepared
  const started = performance.now()
  const argNames = Object.keys(rawArgs ?? {})
  const finish = (outcome: 'ok' | 'error' | 'declined' | 'consent-pending', code?: string) => {
    if (!state.audit) return
    auditToolCall(state.log, {
      server: state.name,
      tool: name,
      outcome,
      ...(code ? { code } : {}),
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      args: argNames,
      ...(caller?.id || caller?.clientId ? { caller: caller.id ?? caller.clientId } : {}),
    })
  }

  try {
    state.rateLimiter?.check(caller?.id ?? caller?.clientId)
    const parsed = schemas.input.safeParse(rawArgs ?? {})
    if (!parsed.success) throw invalidInput(name, parsed.error.issues)
    const { returnAsResource, confirm, ...args } = parsed.data as Record<string, unknown>

    const question = tool.annotations.destructiveHint
      ? await tool.consent?.(args, { client: prepared.binding.client, caller })
      : undefined
    if (question !== undefined) {
      const outcome = await obtainConsent({
        toolName: name,
        question,
        era,
        clientSupportsElicitation: Boolean(server.getClientCapabilities()?.elicitation),
        inputResponses: ctx.mcpReq.inputResponses,
        elicit: (params) => ctx.mcpReq.elicitInput(params, { signal: ctx.mcpReq.signal, timeout: 10 * 60_000 }),
        fallback: state.fallback,
        confirmArgument: confirm as boolean | undefined,
      })
      if (outcome.status === 'ask') {
        finish('consent-pending')
        return outcome.result as unknown as ToolCallResult
      }
      if (outcome.status === 'denied') {
        finish('declined', outcome.error.code)
        return errorResult(outcome.error)
      }
    }

    const files: ResultBlock[] = []
    const toolCtx = createToolContext(
      state,
      prepared,
      caller,
      ctx,
      era === 'legacy' && Boolean(server.getClientCapabilities()?.sampling),
      files,
    )
    const output = await runAsCaller(caller, () => tool.run(args, toolCtx))
    const checked = schemas.output.safeParse(output)
    if (!checked.success) {
      const issue = checked.error.issues[0]
      throw new ToolError({
        code: 'InternalError',
        message: `${name} produced a result that does not match its output schema (${issue?.path.join('.') || 'result'}: ${issue?.message}).`,
        fix: 'This is a defect in the tool; report it to the server operator. Retrying will not help.',
      })
    }
    const result = successResult(tool, checked.data as Record<string, unknown>, {
      asResource: returnAsResource === true,
      limits: state.limits,
      files,
    })
    finish('ok')
    return result
  } catch (error) {
    const toolError =
      ctx.mcpReq.signal.aborted && !(error instanceof ToolError) ? toToolError(abortError()) : toToolError(error)
    if (toolError.code === 'InternalError') state.log.error({ tool: name, err: error }, 'tool failed')
    finish('error', toolError.code)
    return errorResult(toolError)
  }
}

function abortError() {
  const error = new Error('aborted')
  error.name = 'AbortError'
  return error
}

function createToolContext(
  state: ServerState,
  prepared: PreparedTool,
  caller: Caller | undefined,
  ctx: ServerContext,
  canSample: boolean,
  files: ResultBlock[],
): ToolContext {
  const progressToken = ctx.mcpReq._meta?.progressToken
  return {
    client: prepared.binding.client,
    signal: ctx.mcpReq.signal,
    log: state.log,
    limits: state.limits,
    caller,
    cursor: prepared.cursor,
    attachFile(file) {
      // encoded (and size-checked) at once, so an oversized file fails inside the tool's run
      files.push(fileBlock(file, state.limits))
    },
    async sample({ system, prompt, maxTokens }) {
      if (!canSample) return undefined
      try {
        const result = await ctx.mcpReq.requestSampling(
          {
            messages: [{ role: 'user', content: { type: 'text', text: prompt } }],
            ...(system ? { systemPrompt: system } : {}),
            maxTokens,
          },
          { signal: ctx.mcpReq.signal, timeout: 120_000 },
        )
        const content = Array.isArray(result.content) ? result.content : [result.content]
        const text = content.map((block) => (block.type === 'text' ? block.text : '')).join('')
        return text.trim() || undefined
      } catch (error) {
        // the user or client may refuse; the tool's deterministic result stands
        state.log.debug({ err: error, tool: prepared.tool.name }, 'sampling unavailable')
        return undefined
      }
    },
    async progress(progress, total, message) {
      if (progressToken === undefined) return
      await ctx.mcpReq.notify({
        method: 'notifications/progress',
        params: {
          progressToken,
          progress,
          ...(total !== undefined ? { total } : {}),
          ...(message ? { message } : {}),
        },
      })
    },
  }
}

function registerResources(server: Server, state: ServerState) {
  server.setRequestHandler('resources/list', async () => ({
    resources: state.resources.map(({ definition: r }) => ({
      uri: r.uri,
      name: r.name,
      ...(r.title ? { title: r.title } : {}),
      description: r.description,
      mimeType: r.mimeType,
    })),
  }))
  server.setRequestHandler('resources/read', async (request, ctx) => {
    const entry = state.resources.find((r) => r.definition.uri === request.params.uri)
    if (!entry) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Resource not found: ${request.params.uri}`)
    const body = await entry.definition.read({ client: entry.binding.client, signal: ctx.mcpReq.signal })
    const base = { uri: entry.definition.uri, mimeType: entry.definition.mimeType }
    return {
      contents: [
        'text' in body ? { ...base, text: body.text } : { ...base, blob: Buffer.from(body.blob).toString('base64') },
      ],
    }
  })
}

function registerPrompts(server: Server, state: ServerState) {
  server.setRequestHandler('prompts/list', async () => ({
    prompts: state.prompts.map((p) => ({
      name: p.name,
      ...(p.title ? { title: p.title } : {}),
      description: p.description,
      arguments: Object.entries(p.args.shape).map(([argName, schema]) => ({
        name: argName,
        ...(schema.description ? { description: schema.description } : {}),
        required: !schema.isOptional(),
      })),
    })),
  }))
  server.setRequestHandler('prompts/get', async (request) => {
    const prompt = state.prompts.find((p) => p.name === request.params.name)
    if (!prompt) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown prompt: ${request.params.name}`)
    const parsed = prompt.args.safeParse(request.params.arguments ?? {})
    if (!parsed.success) {
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, invalidInput(prompt.name, parsed.error.issues).message)
    }
    return {
      description: prompt.description,
      messages: prompt
        .messages(parsed.data)
        .map((m) => ({ role: m.role, content: { type: 'text' as const, text: m.text } })),
    }
  })
}
