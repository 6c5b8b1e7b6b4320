// A tool is plain data: a name, schemas, annotations, a toolset and a run function.
// Nothing here knows about servers, so tools can be listed, filtered, documented,
// token-counted and contract-tested without running one.
import type { Logger } from 'pino'
import type { z } from 'zod'
import type { CursorCodec } from './cursor.js'
import type { Limits } from './limits.js'

export const TOOL_NAME_PATTERN = /^[A-Za-z0-9_./-]{1,64}$/

export interface ToolAnnotations {
  readOnlyHint?: boolean
  destructiveHint?: boolean
  idempotentHint?: boolean
  openWorldHint?: boolean
}

/** Who is calling, as the transport authenticated them (HTTP) or the local user (stdio). */
export interface Caller {
  id?: string
  clientId?: string
  scopes?: string[]
  /** the caller's own bearer token, for on-behalf-of flows; never logged */
  token?: string
  extra?: Record<string, unknown>
}

export interface ToolContext<Client = unknown> {
  /** the product's vendor client, already authenticated */
  client: Client
  /** aborted when the MCP client cancels the call or the connection closes */
  signal: AbortSignal
  log: Logger
  limits: Limits
  caller: Caller | undefined
  /** reports progress when the client asked for it; a no-op otherwise */
  progress(progress: number, total?: number, message?: string): Promise<void>
  /** opaque paging cursors bound to this tool */
  cursor: CursorCodec
  /**
   * Asks the client's own model to write text (MCP sampling), where the client offers it on a
   * 2025-era session. Resolves undefined otherwise — sampling is deprecated from 2026-07-28 — so
   * a tool must always have a deterministic result to fall back on.
   */
  sample(request: SampleRequest): Promise<string | undefined>
  /**
   * Adds a file to this call's result as an embedded resource `file://{name}` (binary as a base64
   * blob, text as UTF-8 text), after the text blocks. Refused with ResponseTooLarge over the
   * resource limit. Files belong to a successful result only: an error drops them.
   */
  attachFile(file: AttachedFile): void
}

export interface AttachedFile {
  name: string
  mimeType: string
  /** bytes for binary files, a string for text files */
  data: Uint8Array | string
}

/** What a consent question may look at besides the arguments: e.g. the form a click lands on. */
export interface ConsentContext<Client = unknown> {
  client: Client
  caller: Caller | undefined
}

export interface SampleRequest {
  system?: string
  prompt: string
  maxTokens: number
}

export interface ToolDefinition<
  Input extends z.ZodObject = z.ZodObject,
  Output extends z.ZodObject = z.ZodObject,
  Client = any,
> {
  name: string
  title: string
  /** read by a model on every turn: what it does, when to use it instead of its neighbour, key limits */
  description: string
  input: Input
  output: Output
  annotations: ToolAnnotations
  /** group name used by toolset filtering, e.g. 'schema', 'data', 'leads' */
  toolset: string
  /**
   * For destructive tools: the question put to the user before anything changes.
   * Required when `annotations.destructiveHint` is true. Returning undefined means this call
   * changes nothing (a dry run, a check) and needs no consent.
   */
  consent?: (args: z.output<Input>, ctx: ConsentContext<Client>) => string | undefined | Promise<string | undefined>
  /**
   * The tool can return large results as an embedded resource: core adds a
   * `returnAsResource` argument and handles the size limits.
   */
  resourceCapable?: boolean
  /**
   * A short text rendering of the result; defaults to compact JSON. Several strings become several
   * text blocks (e.g. a summary, then a full state).
   */
  render?: (output: z.output<Output>) => string | string[]
  run(args: z.output<Input>, ctx: ToolContext<Client>): Promise<z.input<Output>>
}

export type AnyTool = ToolDefinition<z.ZodObject, z.ZodObject, any>

export function defineTool<Input extends z.ZodObject, Output extends z.ZodObject, Client = any>(
  tool: ToolDefinition<Input, Output, Client>,
): ToolDefinition<Input, Output, Client> {
  if (!TOOL_NAME_PATTERN.test(tool.name)) {
    throw new Error(`Tool name '${tool.name}' must match ${TOOL_NAME_PATTERN} (MCP tool name rules).`)
  }
  if (!tool.description.trim()) throw new Error(`Tool '${tool.name}' needs a description.`)
  if (tool.annotations.destructiveHint && !tool.consent) {
    throw new Error(`Tool '${tool.name}' is destructive and must define consent(args) to ask the user first.`)
  }
  if (tool.annotations.readOnlyHint && tool.annotations.destructiveHint) {
    throw new Error(`Tool '${tool.name}' cannot be both read-only and destructive.`)
  }
  return tool
}

/**
 * Binds a product's client type once, so its tools get a typed `ctx.client`:
 * `const defineDataverseTool = toolBuilder<DataverseClient>()`.
 */
export function toolBuilder<Client>() {
  return <Input extends z.ZodObject, Output extends z.ZodObject>(tool: ToolDefinition<Input, Output, Client>) =>
    defineTool<Input, Output, Client>(tool)
}

export function isWriteTool(tool: AnyTool): boolean {
  return tool.annotations.readOnlyHint !== true
}
