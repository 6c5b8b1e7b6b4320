// Calls each read-only tool with the smallest arguments its schema vouches for and checks the
// answer against the tool's own outputSchema. Tools needing real values (a table name, a query)
// are skipped: the harness cannot know valid business data for an arbitrary server.
import { callTool, describeOutcome, isReadOnly } from '../calls.js'
import type { RunContext } from '../context.js'
import { compileSchema, deriveArguments, describeErrors } from '../schema.js'
import { fail, pass, skip } from '../types.js'

export async function readOnlyCallChecks(ctx: RunContext) {
  const listing = await ctx.listing()
  const tools = listing.tools.filter(isReadOnly)
  if (tools.length === 0) {
    await ctx.check('contract', 'call', 'read-only tools answer per their outputSchema', async () =>
      skip(listing.error ?? 'no read-only tools listed'),
    )
    return
  }
  for (const tool of tools) {
    await ctx.check('contract', `call/${tool.name}`, `${tool.name} answers per its outputSchema`, async () => {
      const derived = deriveArguments(tool.inputSchema, 'minimal')
      if (!derived.ok) return skip(derived.reason)
      const outcome = await callTool(ctx, tool.name, derived.args)
      const how = `${tool.name}(${JSON.stringify(derived.args)})`
      if (outcome.kind === 'tool-error') {
        // An error with guidance is a legitimate answer (no data, no access); it is reported.
        if (outcome.body?.fix !== undefined) return pass(how, [`answered ${describeOutcome(outcome)}`])
        return fail(`${how}: isError without a {code, message, fix} body: ${outcome.text.slice(0, 200)}`)
      }
      if (outcome.kind !== 'result') return fail(`${how}: ${describeOutcome(outcome)}`)
      if (!tool.outputSchema) return pass(how, ['no outputSchema to validate against'])
      const compiled = compileSchema(tool.outputSchema)
      if (!compiled.validate) return fail(`${how}: cannot validate, outputSchema does not compile: ${compiled.error}`)
      const structured = outcome.result.structuredContent
      if (structured === undefined)
        return fail(`${how}: result has no structuredContent though an outputSchema is declared`)
      if (!compiled.validate(structured))
        return fail(`${how}: structuredContent does not match outputSchema: ${describeErrors(compiled.validate)}`)
      return pass(how)
    })
  }
}
