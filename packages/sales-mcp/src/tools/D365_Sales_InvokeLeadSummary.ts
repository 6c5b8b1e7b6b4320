import { z } from 'zod'
import { defineSalesTool } from '../define-tool.js'
import { published, sourcesOf, summaryFacts } from '../support/facts.js'
import { gatherLeadContext, untrustedOf } from '../support/lead-context.js'
import { Facts, leadIdArg, researchOutput } from '../support/schemas.js'

export const invokeLeadSummary = defineSalesTool({
  name: 'D365_Sales_InvokeLeadSummary',
  title: 'Lead summary',
  description: 'Lead summary from org data: who, role, history with us, interests, open questions, with sources.',
  input: z.object({ leadId: leadIdArg }),
  output: z.object({ summary: z.string(), facts: Facts, ...researchOutput }),
  annotations: { readOnlyHint: true },
  toolset: 'research',
  render: (out) => out.summary,
  async run({ leadId }, ctx) {
    const lead = await gatherLeadContext(ctx.client, leadId, ctx.signal)
    const facts = summaryFacts(lead)
    const summary = facts.map((f) => f.text).join(' ')
    const phrased = await ctx.sample({
      system: 'Summarize for a seller in 3-4 sentences. Use only the facts given; add nothing.',
      prompt: facts.map((f) => `- ${f.text}`).join('\n'),
      maxTokens: 300,
    })
    return {
      summary: phrased?.trim() || summary,
      facts: published(facts),
      sources: sourcesOf(facts),
      notFound: lead.notFound,
      untrustedContent: untrustedOf(lead),
    }
  },
})
