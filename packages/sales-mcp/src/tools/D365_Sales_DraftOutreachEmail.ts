import { z } from 'zod'
import { defineSalesTool } from '../define-tool.js'
import { summaryFacts } from '../support/facts.js'
import { gatherLeadContext } from '../support/lead-context.js'
import { basisOf, composeOutreach, currentSender, doNotEmail, phrasing, saveDraft } from '../support/outreach.js'
import { leadIdArg, Ref } from '../support/schemas.js'

export const DraftOutput = z.object({
  emailId: z.string(),
  subject: z.string(),
  body: z.string(),
  to: z.string(),
  basedOn: z.array(Ref),
  warnings: z.array(z.string()),
})

export const draftOutreachEmail = defineSalesTool({
  name: 'D365_Sales_DraftOutreachEmail',
  title: 'Draft outreach',
  description: 'Saves an outreach email grounded in the lead summary as a draft (not sent).',
  input: z.object({ leadId: leadIdArg }),
  output: DraftOutput,
  annotations: { destructiveHint: false },
  toolset: 'outreach',
  render: (out) => `Draft ${out.emailId} to ${out.to}\nSubject: ${out.subject}\n\n${out.body}`,
  async run({ leadId }, ctx) {
    const lead = await gatherLeadContext(ctx.client, leadId, ctx.signal)
    const facts = summaryFacts(lead).filter((f) => f.topic !== 'open question')
    const sender = await currentSender(ctx.client, ctx.signal)
    const draft = await composeOutreach(ctx, lead, sender, facts)
    const { emailId, to } = await saveDraft(ctx.client, lead, sender, draft, ctx.signal)
    const warnings = [doNotEmail(lead), phrasing(draft)].filter((w): w is string => Boolean(w))
    return { emailId, to, subject: draft.subject, body: draft.body, basedOn: basisOf(facts), warnings }
  },
})
