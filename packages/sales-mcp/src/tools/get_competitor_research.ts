import { z } from 'zod'
import { defineSalesTool } from '../define-tool.js'
import { published } from '../support/facts.js'
import { gatherLeadContext, oppRef } from '../support/lead-context.js'
import { anyOf, dateOf, label, lookup, ref, text, uniqueRefs } from '../support/records.js'
import { type Fact, Facts, leadIdArg, type Ref, researchOutput, type Untrusted } from '../support/schemas.js'

export const getCompetitorResearch = defineSalesTool({
  name: 'get_competitor_research',
  title: 'Competitors',
  description: "Competitors recorded on the lead's account's deals, with strengths and weaknesses.",
  input: z.object({ msdyn_LeadId: leadIdArg }),
  output: z.object({ facts: Facts, ...researchOutput }),
  annotations: { readOnlyHint: true },
  toolset: 'research',
  render: (out) => [...Object.keys(out.facts), ...out.notFound].join('\n'),
  async run({ msdyn_LeadId }, ctx) {
    const lead = await gatherLeadContext(ctx.client, msdyn_LeadId, ctx.signal)
    const notFound = [...lead.notFound]
    const untrusted: Untrusted = {}
    const facts: Fact[] = []
    const byCompetitor = new Map<string, { name: string; deals: string[]; sources: Ref[] }>()
    const opps = new Map(lead.opportunities.map((o) => [String(o.opportunityid), o]))
    if (opps.size) {
      const closes = await ctx.client.query('opportunitycloses', {
        filter: `(${anyOf('_opportunityid_value', [...opps.keys()].slice(0, 25))}) and _competitorid_value ne null`,
        orderby: 'actualend desc',
        top: 50,
        formatted: true,
        signal: ctx.signal,
      })
      for (const c of closes.rows) {
        const comp = lookup(c, 'competitorid')
        const opp = opps.get(String(c._opportunityid_value))
        if (!comp || !opp) continue
        const entry = byCompetitor.get(comp.id) ?? { name: comp.name ?? comp.id, deals: [], sources: [] }
        entry.deals.push(
          `${text(opp, 'name')} (${[label(opp, 'statecode'), label(opp, 'statuscode')].filter(Boolean).join(': ')}${dateOf(text(c, 'actualend')) ? `, ${dateOf(text(c, 'actualend'))}` : ''})`,
        )
        entry.sources.push(oppRef(opp), ref('opportunityclose', String(c.activityid)))
        byCompetitor.set(comp.id, entry)
      }
    } else notFound.push('No opportunities for this lead or its account.')
    for (const [id, entry] of byCompetitor) {
      const row = await ctx.client.retrieve('competitors', id, { formatted: true, signal: ctx.signal })
      const cref = ref('competitor', id)
      for (const field of ['overview', 'strengths', 'weaknesses', 'opportunities', 'threats'])
        if (text(row, field)) untrusted[`${cref}/${field}`] = text(row, field)!
      const site = text(row, 'websiteurl')
      facts.push({
        topic: 'competitor',
        text: `${text(row, 'name') ?? entry.name} was recorded on ${entry.deals.length} deal(s): ${entry.deals.join('; ')}.${site ? ` Website ${site}.` : ''} Strengths and weaknesses in untrustedContent.`,
        sources: [cref, ...entry.sources],
      })
    }
    if (opps.size && !byCompetitor.size)
      notFound.push('No competitor is recorded on the closed deals of this lead or account.')
    return {
      facts: published(facts),
      sources: uniqueRefs([lead.leadRef, ...facts.flatMap((f) => f.sources)]),
      notFound,
      untrustedContent: untrusted,
    }
  },
})
