import { z } from 'zod'
import { defineSalesTool } from '../define-tool.js'
import { historyFacts, published, roleFacts, sourcesOf, whoFacts } from '../support/facts.js'
import { contactRef, gatherLeadContext, untrustedOf } from '../support/lead-context.js'
import { label, text } from '../support/records.js'
import { type Fact, Facts, leadIdArg, researchOutput } from '../support/schemas.js'

export const getLeadResearch = defineSalesTool({
  name: 'get_lead_research',
  title: 'Lead research',
  description: "The lead's company and people as the org knows them: role, colleagues, past business.",
  input: z.object({ msdyn_LeadId: leadIdArg }),
  output: z.object({ facts: Facts, ...researchOutput }),
  annotations: { readOnlyHint: true },
  toolset: 'research',
  render: (out) => Object.keys(out.facts).join('\n'),
  async run({ msdyn_LeadId }, ctx) {
    const lead = await gatherLeadContext(ctx.client, msdyn_LeadId, ctx.signal)
    const facts: Fact[] = [...whoFacts(lead), ...roleFacts(lead)]
    const l = lead.lead
    const reach = [
      text(l, 'emailaddress1'),
      text(l, 'telephone1'),
      label(l, 'preferredcontactmethodcode') && `prefers ${label(l, 'preferredcontactmethodcode')}`,
    ].filter(Boolean)
    if (reach.length) facts.push({ topic: 'contact', text: `Reach: ${reach.join(', ')}.`, sources: [lead.leadRef] })
    if (text(l, 'websiteurl'))
      facts.push({ topic: 'company', text: `Website ${text(l, 'websiteurl')}.`, sources: [lead.leadRef] })
    const people = lead.contacts.filter((c) => c.contactid !== lead.contact?.contactid).slice(0, 8)
    for (const c of people)
      facts.push({
        topic: 'people',
        text: `${text(c, 'fullname')}${text(c, 'jobtitle') ? `, ${text(c, 'jobtitle')}` : ''}${label(c, 'accountrolecode') ? ` (${label(c, 'accountrolecode')})` : ''}.`,
        sources: [contactRef(c)],
      })
    if (lead.account && !people.length) lead.notFound.push('No other contacts on record at the account.')
    facts.push(...historyFacts(lead))
    return {
      facts: published(facts),
      sources: sourcesOf(facts),
      notFound: lead.notFound,
      untrustedContent: untrustedOf(lead),
    }
  },
})
