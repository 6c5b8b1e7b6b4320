import { z } from 'zod'
import { defineSalesTool } from '../define-tool.js'
import { kind } from '../support/facts.js'
import { activityRef, gatherLeadContext, isDraft } from '../support/lead-context.js'
import { dateOf, uniqueRefs } from '../support/records.js'
import { Facts, leadIdArg, researchOutput } from '../support/schemas.js'

export const getEngageSummary = defineSalesTool({
  name: 'get_engage_summary',
  title: 'Engagement',
  description: 'Engagement with the lead, contact and account: emails, calls, meetings, replies, last touch.',
  input: z.object({ msdyn_LeadId: leadIdArg }),
  output: z.object({
    responded: z.boolean(),
    signals: z.array(z.string()),
    timeline: Facts,
    ...researchOutput,
  }),
  annotations: { readOnlyHint: true },
  toolset: 'research',
  render: (out) => `${out.signals.join(' ')}\n${Object.keys(out.timeline).join('\n')}`,
  async run({ msdyn_LeadId }, ctx) {
    const lead = await gatherLeadContext(ctx.client, msdyn_LeadId, ctx.signal)
    const done = lead.activities.filter((a) => !isDraft(a))
    const counts: Record<string, number> = {}
    for (const a of done) counts[kind(a)] = (counts[kind(a)] ?? 0) + 1
    const drafts = lead.activities.filter(isDraft).length
    const inbound = done.filter((a) => a.outgoing === false)
    const outbound = done.filter((a) => a.outgoing === true && a.table === 'email')
    const signals: string[] = done.length
      ? [
          `${Object.entries(counts)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ')}${drafts ? `; ${drafts} unsent draft(s)` : ''}.`,
          `Last touch ${dateOf(done[0]!.at)}: ${kind(done[0]!)} '${done[0]!.subject}'.`,
        ]
      : []
    const lastOut = outbound[0]
    const lastIn = inbound[0]
    if (lastIn && (!lastOut || lastIn.at >= lastOut.at))
      signals.push(`They replied last (${dateOf(lastIn.at)}): awaiting our answer.`)
    else if (lastIn && lastOut)
      signals.push(`Our last email (${dateOf(lastOut.at)}) is unanswered; their last reply was ${dateOf(lastIn.at)}.`)
    else if (lastOut) signals.push(`No reply yet to ${outbound.length} email(s) sent; last on ${dateOf(lastOut.at)}.`)
    const meetings = done.filter((a) => a.table === 'appointment')
    if (meetings.length) signals.push(`${meetings.length} meeting(s) held or scheduled.`)
    const notFound = [...lead.notFound]
    if (!done.length)
      notFound.push('No completed emails, calls, meetings or tasks with this lead, its contact or account.')
    return {
      responded: inbound.length > 0,
      signals,
      timeline: done.slice(0, 15).reduce<Record<string, string[]>>((t, a) => {
        const key = `${dateOf(a.at)} ${kind(a)}: ${a.subject}`
        t[key] = [...(t[key] ?? []), activityRef(a)]
        return t
      }, {}),
      sources: uniqueRefs([lead.leadRef, ...done.slice(0, 15).map(activityRef)]),
      notFound,
      untrustedContent: Object.fromEntries(
        inbound.slice(0, 3).flatMap((a) => (a.body ? [[`${activityRef(a)}/description`, a.body.slice(0, 600)]] : [])),
      ),
    }
  },
})
