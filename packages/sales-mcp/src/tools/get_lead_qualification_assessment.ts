import { z } from 'zod'
import { defineSalesTool } from '../define-tool.js'
import { assessLead } from '../support/icp.js'
import { gatherLeadContext } from '../support/lead-context.js'
import { uniqueRefs } from '../support/records.js'
import { leadIdArg, Ref } from '../support/schemas.js'

const Criterion = z.object({
  rule: z.string(),
  value: z.string().optional(),
  outcome: z.enum(['met', 'unmet', 'unknown']),
  weight: z.number(),
  evidence: z.array(Ref),
})

export const getLeadQualificationAssessment = defineSalesTool({
  name: 'get_lead_qualification_assessment',
  title: 'ICP assessment',
  description: 'Scores the lead against the ideal customer profile, per criterion with evidence.',
  input: z.object({ LeadId: leadIdArg }),
  output: z.object({
    score: z.number(),
    maxScore: z.number(),
    fit: z.enum(['strong', 'moderate', 'weak', 'unknown']),
    criteria: z.array(Criterion),
    sources: z.array(Ref),
    notFound: z.array(z.string()),
  }),
  annotations: { readOnlyHint: true },
  toolset: 'research',
  render: (out) =>
    `${out.fit} fit: ${out.score}/${out.maxScore}\n${out.criteria.map((c) => `${c.outcome} (${c.weight}) ${c.rule}: ${c.value ?? '?'}`).join('\n')}`,
  async run({ LeadId }, ctx) {
    const lead = await gatherLeadContext(ctx.client, LeadId, ctx.signal)
    const a = await assessLead(ctx.client, lead, ctx.signal)
    const unknown = a.criteria
      .filter((c) => c.outcome === 'unknown')
      .map((c) => `No value for ${c.criterion} (${c.column}).`)
    return {
      score: a.score,
      maxScore: a.maxScore,
      fit: a.fit,
      criteria: a.criteria.map(({ column: _c, criterion, rule, ...c }) => ({ rule: `${criterion}: ${rule}`, ...c })),
      sources: uniqueRefs([lead.leadRef, ...a.criteria.flatMap((c) => c.evidence)]),
      notFound: [...a.notFound, ...unknown],
    }
  },
})
