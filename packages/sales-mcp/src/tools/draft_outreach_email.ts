import { z } from 'zod'
import { defineSalesTool } from '../define-tool.js'
import { historyFacts, interestFacts, whoFacts } from '../support/facts.js'
import { assessLead } from '../support/icp.js'
import { gatherLeadContext } from '../support/lead-context.js'
import { basisOf, composeOutreach, currentSender, doNotEmail, phrasing, saveDraft } from '../support/outreach.js'
import { leadIdArg } from '../support/schemas.js'
import { DraftOutput } from './D365_Sales_DraftOutreachEmail.js'

export const draftQualificationOutreach = defineSalesTool({
  name: 'draft_outreach_email',
  title: 'Draft outreach (agent)',
  description: 'Saves outreach grounded in lead research and ICP fit as a draft email (not sent).',
  input: z.object({ LeadId: leadIdArg }),
  output: DraftOutput.extend({ fit: z.string() }),
  annotations: { destructiveHint: false },
  toolset: 'outreach',
  render: (out) => `Draft ${out.emailId} (${out.fit} fit) to ${out.to}\nSubject: ${out.subject}\n\n${out.body}`,
  async run({ LeadId }, ctx) {
    const lead = await gatherLeadContext(ctx.client, LeadId, ctx.signal)
    const assessment = await assessLead(ctx.client, lead, ctx.signal)
    const facts = [...whoFacts(lead), ...historyFacts(lead), ...interestFacts(lead)]
    const sender = await currentSender(ctx.client, ctx.signal)
    const draft = await composeOutreach(ctx, lead, sender, facts, assessment)
    const { emailId, to } = await saveDraft(ctx.client, lead, sender, draft, ctx.signal)
    const warnings = [
      doNotEmail(lead),
      phrasing(draft),
      assessment.fit === 'weak' ? 'The lead is a weak fit for the ideal customer profile.' : undefined,
    ]
    const basedOn = [
      ...basisOf(facts),
      ...assessment.criteria.filter((c) => c.outcome === 'met').flatMap((c) => c.evidence),
    ]
    return {
      emailId,
      to,
      subject: draft.subject,
      body: draft.body,
      fit: assessment.fit,
      basedOn: [...new Set(basedOn)],
      warnings: warnings.filter((w): w is string => Boolean(w)),
    }
  },
})
