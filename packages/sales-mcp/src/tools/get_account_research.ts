import { z } from 'zod'
import { defineSalesTool } from '../define-tool.js'
import { historyFacts, kind, published, sourcesOf } from '../support/facts.js'
import {
  accountRef,
  activityRef,
  contactRef,
  gatherLeadContext,
  isDraft,
  untrustedOf,
} from '../support/lead-context.js'
import { dateOf, label, num, ref, text } from '../support/records.js'
import { type Fact, Facts, leadIdArg, Ref, researchOutput } from '../support/schemas.js'

export const getAccountResearch = defineSalesTool({
  name: 'get_account_research',
  title: 'Account research',
  description: "The lead's account: profile, hierarchy, contacts, deals, orders, activities, notes.",
  input: z.object({ msdyn_LeadId: leadIdArg }),
  output: z.object({ account: Ref.optional(), facts: Facts, ...researchOutput }),
  annotations: { readOnlyHint: true },
  toolset: 'research',
  render: (out) => Object.keys(out.facts).join('\n') || out.notFound.join('\n'),
  async run({ msdyn_LeadId }, ctx) {
    const lead = await gatherLeadContext(ctx.client, msdyn_LeadId, ctx.signal)
    const base = { notFound: lead.notFound, untrustedContent: untrustedOf(lead) }
    const a = lead.account
    if (!a) return { ...base, facts: {}, sources: [lead.leadRef] }
    const aref = accountRef(a)
    const facts: Fact[] = []
    const profile = [
      label(a, 'industrycode'),
      num(a, 'numberofemployees') !== undefined && `${num(a, 'numberofemployees')} employees`,
      label(a, 'revenue') && `revenue ${label(a, 'revenue')}`,
      [text(a, 'address1_city'), text(a, 'address1_country')].filter(Boolean).join(', '),
      label(a, 'customertypecode') && `relationship ${label(a, 'customertypecode')}`,
      label(a, 'accountcategorycode'),
    ].filter(Boolean)
    facts.push({
      topic: 'profile',
      text: `${text(a, 'name')}: ${profile.join('; ') || 'no profile data'}.`,
      sources: [aref],
    })
    if (lead.parentAccount)
      facts.push({
        topic: 'hierarchy',
        text: `Part of ${text(lead.parentAccount, 'name')}.`,
        sources: [aref, accountRef(lead.parentAccount)],
      })
    if (lead.childAccounts.length)
      facts.push({
        topic: 'hierarchy',
        text: `Subsidiaries: ${lead.childAccounts.map((c) => text(c, 'name')).join(', ')}.`,
        sources: lead.childAccounts.map(accountRef),
      })
    if (!lead.parentAccount && !lead.childAccounts.length) lead.notFound.push('No parent or child accounts.')
    for (const c of lead.contacts.slice(0, 10))
      facts.push({
        topic: 'contacts',
        text: `${text(c, 'fullname')}${text(c, 'jobtitle') ? `, ${text(c, 'jobtitle')}` : ''}${label(c, 'accountrolecode') ? ` — ${label(c, 'accountrolecode')}` : ''}.`,
        sources: [contactRef(c)],
      })
    if (!lead.contacts.length) lead.notFound.push('No contacts at the account.')
    facts.push(...historyFacts(lead))
    for (const act of lead.activities.filter((x) => !isDraft(x)).slice(0, 5))
      facts.push({
        topic: 'activity',
        text: `${dateOf(act.at)} ${kind(act)}: ${act.subject}.`,
        sources: [activityRef(act)],
      })
    for (const n of lead.notes.slice(0, 5))
      facts.push({
        topic: 'note',
        text: `Note '${text(n, 'subject') ?? 'untitled'}' (${dateOf(text(n, 'createdon'))}), text in untrustedContent.`,
        sources: [ref('annotation', String(n.annotationid), text(n, 'subject'))],
      })
    if (text(a, 'description')) base.untrustedContent[`${aref}/description`] = text(a, 'description')!
    return { ...base, account: aref, facts: published(facts), sources: sourcesOf(facts, [aref]) }
  },
})
