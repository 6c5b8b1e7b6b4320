// Bad requests must be answered, as a JSON-RPC error or an isError result: never a crash, never
// silence. Cancellation must leave the server answering. Only read-only tools are exercised.
import { callTool, describeOutcome, isReadOnly, stillResponsive } from '../calls.js'
import type { RunContext } from '../context.js'
import { deriveArguments } from '../schema.js'
import { fail, type ListedTool, pass, skip } from '../types.js'

export async function errorChecks(ctx: RunContext) {
  await ctx.check('protocol', 'unknown-tool', 'an unknown tool is answered with an error', async () => {
    const name = `bizmcp_conformance_no_such_tool_${Date.now().toString(36)}`
    const outcome = await callTool(ctx, name, {})
    if (outcome.kind === 'jsonrpc' || outcome.kind === 'tool-error') return pass(describeOutcome(outcome))
    return fail(`expected an error, got ${describeOutcome(outcome)}`)
  })

  await ctx.check('protocol', 'invalid-arguments', 'invalid arguments are answered with an error', async () => {
    const listing = await ctx.listing()
    const candidate = listing.tools.filter(isReadOnly).map(invalidArgumentsFor).find(Boolean)
    if (!candidate) return skip('no read-only tool whose schema shows how to make its arguments invalid')
    const outcome = await callTool(ctx, candidate.tool, candidate.args)
    const how = `${candidate.tool}(${JSON.stringify(candidate.args)})`
    if (outcome.kind === 'jsonrpc' || outcome.kind === 'tool-error') return pass(`${how}: ${describeOutcome(outcome)}`)
    return fail(`${how}: expected an error, got ${describeOutcome(outcome)}`)
  })

  await ctx.check('protocol', 'cancellation', 'a cancelled call leaves the server responsive', async () => {
    const listing = await ctx.listing()
    const known = ctx.options.cancelCall
    let call: { name: string; arguments: Record<string, unknown> } | undefined
    if (known) call = { name: known.name, arguments: known.arguments ?? {} }
    else {
      for (const tool of listing.tools.filter(isReadOnly)) {
        const derived = deriveArguments(tool.inputSchema, 'minimal')
        if (derived.ok) {
          call = { name: tool.name, arguments: derived.args }
          break
        }
      }
    }
    if (!call) return skip('no read-only tool callable with arguments derived from its schema (see --cancel-call)')
    const controller = new AbortController()
    const pending = callTool(ctx, call.name, call.arguments, controller.signal)
    setTimeout(() => controller.abort(new Error('cancelled by bizmcp-conformance')), 50)
    const outcome = await pending
    if (outcome.kind === 'closed') return fail(`${call.name}: ${describeOutcome(outcome)}`)
    const broken = await stillResponsive(ctx)
    if (broken) return fail(`after cancelling ${call.name} the server does not answer tools/list: ${broken}`)
    const note =
      outcome.kind === 'cancelled' ? 'cancelled in flight' : `the call finished before the cancel (${outcome.kind})`
    return pass(`${call.name}: ${note}; server still answers`)
  })
}

/** Arguments that break the tool's own schema: a missing required property or a wrong type. */
function invalidArgumentsFor(tool: ListedTool): { tool: string; args: Record<string, unknown> } | undefined {
  const schema = tool.inputSchema
  if (!schema || typeof schema !== 'object') return undefined
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
  if (required.length) return { tool: tool.name, args: {} }
  const properties = (schema.properties ?? {}) as Record<string, { type?: unknown }>
  for (const [name, property] of Object.entries(properties)) {
    if (property?.type === 'string') return { tool: tool.name, args: { [name]: { not: 'a string' } } }
    if (property?.type === 'integer' || property?.type === 'number' || property?.type === 'boolean')
      return { tool: tool.name, args: { [name]: 'not-a-number-or-boolean' } }
  }
  return undefined
}
