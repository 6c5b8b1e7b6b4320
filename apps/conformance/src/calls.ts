// One bounded tools/call, classified: a result, an isError result, a JSON-RPC error, a timeout or
// a dropped connection. Every suite calls tools through here so that a crash or a hang in one
// tool becomes that check's failure and never stalls the run.
import type { RunContext } from './context.js'
import { classifyError } from './target.js'
import type { ListedTool } from './types.js'

export type CallOutcome =
  | { kind: 'result'; result: Record<string, unknown> }
  | {
      kind: 'tool-error'
      result: Record<string, unknown>
      body?: { code: string; message: string; fix?: string }
      text: string
    }
  | { kind: 'jsonrpc'; code?: number; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'closed'; message: string }
  | { kind: 'cancelled'; message: string }
  | { kind: 'other'; message: string }

export async function callTool(
  ctx: RunContext,
  name: string,
  args: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<CallOutcome> {
  const connection = await ctx.session()
  try {
    const result = await connection.raw(
      'tools/call',
      { name, arguments: args },
      { timeoutMs: ctx.timeoutMs, ...(signal ? { signal } : {}) },
    )
    if (result.isError === true) {
      const text = firstText(result)
      return { kind: 'tool-error', result, text, ...(errorBody(text) ? { body: errorBody(text) } : {}) }
    }
    return { kind: 'result', result }
  } catch (error) {
    // The SDK reports a caller's abort as a timeout; it is ours, so name it.
    if (signal?.aborted && !connection.closed) return { kind: 'cancelled', message: (error as Error).message }
    const classified = classifyError(error, connection)
    return classified.kind === 'jsonrpc'
      ? { kind: 'jsonrpc', code: classified.code, message: classified.message }
      : { kind: classified.kind, message: classified.message }
  }
}

/** After a failure: is the server still answering? (reconnects if it went away) */
export async function stillResponsive(ctx: RunContext): Promise<string | undefined> {
  try {
    const connection = await ctx.session()
    await connection.raw('tools/list', {}, { timeoutMs: ctx.timeoutMs })
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}

export function describeOutcome(outcome: CallOutcome): string {
  switch (outcome.kind) {
    case 'result':
      return 'a successful result'
    case 'tool-error':
      return outcome.body
        ? `isError ${outcome.body.code}: ${outcome.body.message}`
        : `isError: ${outcome.text.slice(0, 200)}`
    case 'jsonrpc':
      return `JSON-RPC error ${outcome.code}: ${outcome.message}`
    case 'timeout':
      return `no answer in time (${outcome.message})`
    case 'closed':
      return `the connection closed: the server crashed or exited (${outcome.message})`
    case 'cancelled':
      return 'cancelled by the harness'
    default:
      return `the call failed: ${outcome.message}`
  }
}

function firstText(result: Record<string, unknown>): string {
  const content = Array.isArray(result.content) ? (result.content as Array<{ type?: string; text?: string }>) : []
  return content.find((c) => c?.type === 'text')?.text ?? ''
}

function errorBody(text: string): { code: string; message: string; fix?: string } | undefined {
  try {
    const body = JSON.parse(text) as Record<string, unknown>
    if (typeof body.code === 'string' && typeof body.message === 'string')
      return { code: body.code, message: body.message, ...(typeof body.fix === 'string' ? { fix: body.fix } : {}) }
  } catch {}
  return undefined
}

export const isReadOnly = (tool: ListedTool) => tool.annotations?.readOnlyHint === true
export const isDestructive = (tool: ListedTool) =>
  tool.annotations?.readOnlyHint !== true && tool.annotations?.destructiveHint === true
