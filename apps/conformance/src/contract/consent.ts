// Destructive tools must not act without the user's consent. The harness connects without the
// elicitation capability, sends no `confirm` argument, and fills required arguments with ids
// that name nothing — so even a server that ignored consent would have nothing to destroy.
// It sends exactly one tools/call per destructive tool and nothing else.
import { callTool, describeOutcome, isDestructive } from '../calls.js'
import type { RunContext } from '../context.js'
import { deriveArguments } from '../schema.js'
import { fail, pass, skip } from '../types.js'

const CONSENT_CODES = /^Consent/

export async function consentChecks(ctx: RunContext) {
  const listing = await ctx.listing()
  const tools = listing.tools.filter(isDestructive)
  if (tools.length === 0) {
    await ctx.check('contract', 'consent', 'destructive tools refuse without consent', async () =>
      skip(listing.error ?? 'no tools with destructiveHint: true are listed'),
    )
    return
  }
  for (const tool of tools) {
    await ctx.check('contract', `consent/${tool.name}`, `${tool.name} refuses without consent`, async () => {
      const derived = deriveArguments(tool.inputSchema, 'nonexistent')
      if (!derived.ok) return skip(`cannot fill its arguments with made-up ids: ${derived.reason}`)
      if ('confirm' in derived.args) delete derived.args.confirm
      const outcome = await callTool(ctx, tool.name, derived.args)
      const how = `${tool.name}(${JSON.stringify(derived.args)})`
      if (outcome.kind === 'tool-error') {
        if (outcome.body && CONSENT_CODES.test(outcome.body.code)) return pass(`${how}: ${outcome.body.code}`)
        // Refused, but not for consent: maybe it looked the record up first. Weaker evidence.
        return pass(`${how}: refused`, [
          `refused with ${describeOutcome(outcome)}, not a consent code: the server may check its input before asking`,
        ])
      }
      if (outcome.kind === 'jsonrpc') return pass(`${how}: refused`, [describeOutcome(outcome)])
      if (outcome.kind === 'result')
        return fail(`${how}: ran without consent (no elicitation, no confirm) and returned a successful result`)
      return fail(`${how}: ${describeOutcome(outcome)}`)
    })
  }
}
