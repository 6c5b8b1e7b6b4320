// Grounded statements about a lead, each with the records it rests on. Templates only: the words
// are ours, the values are the org's. Free text (descriptions, notes, email bodies) is not
// paraphrased here; it travels separately as untrusted content.
import {
  type Activity,
  accountRef,
  activityRef,
  contactRef,
  isDraft,
  type LeadContext,
  oppRef,
} from './lead-context.js'
import { dateOf, label, lookup, num, type Row, ref, text, uniqueRefs } from './records.js'
import type { Fact, Ref } from './schemas.js'

const money = (n: number | undefined) =>
  n === undefined ? undefined : `USD ${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}`

export function whoFacts(ctx: LeadContext): Fact[] {
  const { lead, leadRef } = ctx
  const facts: Fact[] = []
  const name = text(lead, 'fullname') ?? 'The lead'
  const title = text(lead, 'jobtitle')
  const company = text(lead, 'companyname')
  const place = [text(lead, 'address1_city'), text(lead, 'address1_country')].filter(Boolean).join(', ')
  facts.push({
    topic: 'who',
    text: `${name}${title ? `, ${title}` : ''}${company ? ` at ${company}` : ''}${place ? ` (${place})` : ''}.`,
    sources: [leadRef],
  })
  const size = [
    label(lead, 'industrycode') && `industry ${label(lead, 'industrycode')}`,
    num(lead, 'numberofemployees') !== undefined && `${num(lead, 'numberofemployees')} employees`,
    money(num(lead, 'revenue')) && `annual revenue ${money(num(lead, 'revenue'))}`,
  ].filter(Boolean)
  if (size.length) facts.push({ topic: 'company', text: `${size.join(', ')}.`, sources: [leadRef] })
  if (ctx.account) {
    const a = ctx.account
    const how = ctx.accountMatch === 'company name' ? ' (matched by company name, not linked on the lead)' : ''
    const rel = label(a, 'customertypecode')
    facts.push({
      topic: 'company',
      text: `Account ${text(a, 'name')}${rel ? `, relationship ${rel}` : ''}${label(a, 'industrycode') ? `, ${label(a, 'industrycode')}` : ''}${how}.`,
      sources: [accountRef(a)],
    })
  }
  return facts
}

export function roleFacts(ctx: LeadContext): Fact[] {
  const facts: Fact[] = []
  if (ctx.lead.decisionmaker === true)
    facts.push({ topic: 'role', text: 'Marked as a decision maker on the lead.', sources: [ctx.leadRef] })
  if (ctx.contact) {
    const role = label(ctx.contact, 'accountrolecode')
    if (role)
      facts.push({
        topic: 'role',
        text: `Contact role: ${role}${text(ctx.contact, 'jobtitle') ? ` (${text(ctx.contact, 'jobtitle')})` : ''}.`,
        sources: [contactRef(ctx.contact)],
      })
  }
  const process = label(ctx.lead, 'purchaseprocess')
  if (process) facts.push({ topic: 'role', text: `Purchase process: ${process}.`, sources: [ctx.leadRef] })
  return facts
}

export function historyFacts(ctx: LeadContext): Fact[] {
  const facts: Fact[] = []
  const by = (state: number) => ctx.opportunities.filter((o) => o.statecode === state)
  for (const [state, word] of [
    [1, 'won'],
    [2, 'lost'],
    [0, 'open'],
  ] as const) {
    const opps = by(state)
    if (!opps.length) continue
    const value = opps.reduce(
      (s, o) => s + (num(o, state === 1 ? 'actualvalue' : 'estimatedvalue') ?? num(o, 'estimatedvalue') ?? 0),
      0,
    )
    facts.push({
      topic: 'history',
      text: `${opps.length} ${word} opportunit${opps.length === 1 ? 'y' : 'ies'} (${money(value)}): ${opps
        .slice(0, 3)
        .map((o) => text(o, 'name'))
        .join('; ')}.`,
      sources: opps.slice(0, 5).map(oppRef),
    })
  }
  if (ctx.orders.length) {
    const total = ctx.orders.reduce((s, o) => s + (num(o, 'totalamount') ?? 0), 0)
    const last = ctx.orders[0]!
    facts.push({
      topic: 'history',
      text: `${ctx.orders.length} order${ctx.orders.length === 1 ? '' : 's'} placed (${money(total)}); latest ${text(last, 'name')} on ${dateOf(text(last, 'submitdate') ?? text(last, 'createdon'))}.`,
      sources: ctx.orders.slice(0, 5).map((o) => ref('salesorder', String(o.salesorderid), text(o, 'name'))),
    })
  }
  if (!ctx.opportunities.length && !ctx.orders.length)
    facts.push({ topic: 'history', text: 'No past opportunities or orders with us.', sources: [ctx.leadRef] })
  return facts
}

export function interestFacts(ctx: LeadContext): Fact[] {
  const { lead, leadRef } = ctx
  const facts: Fact[] = []
  const topic = text(lead, 'subject')
  if (topic) facts.push({ topic: 'interest', text: `Topic: ${topic}.`, sources: [leadRef] })
  const parts = [
    label(lead, 'need') && `need ${label(lead, 'need')}`,
    money(num(lead, 'budgetamount')) && `budget ${money(num(lead, 'budgetamount'))}`,
    label(lead, 'budgetstatus') && `budget status ${label(lead, 'budgetstatus')}`,
    label(lead, 'purchasetimeframe') && `timeframe ${label(lead, 'purchasetimeframe')}`,
    money(num(lead, 'estimatedamount')) && `estimated value ${money(num(lead, 'estimatedamount'))}`,
  ].filter(Boolean)
  if (parts.length)
    facts.push({ topic: 'interest', text: `Qualification data: ${parts.join(', ')}.`, sources: [leadRef] })
  const source = label(lead, 'leadsourcecode')
  const campaign = lookup(lead, 'campaignid')
  if (source || campaign)
    facts.push({
      topic: 'interest',
      text: `Came in via ${[source, campaign?.name && `campaign ${campaign.name}`].filter(Boolean).join(', ')}.`,
      sources: [leadRef, ...(campaign ? [ref('campaign', campaign.id, campaign.name)] : [])],
    })
  for (const n of ctx.notes.slice(0, 3))
    facts.push({
      topic: 'interest',
      text: `Note '${text(n, 'subject') ?? 'untitled'}' of ${dateOf(text(n, 'createdon'))} (text in untrustedContent).`,
      sources: [ref('annotation', String(n.annotationid), text(n, 'subject'))],
    })
  return facts
}

export function engagementFacts(ctx: LeadContext): Fact[] {
  const done = ctx.activities.filter((a) => !isDraft(a))
  if (!done.length)
    return [{ topic: 'engagement', text: 'No recorded emails, calls, meetings or tasks.', sources: [ctx.leadRef] }]
  const last = done[0]!
  const inbound = done.filter((a) => a.outgoing === false)
  const facts: Fact[] = [
    {
      topic: 'engagement',
      text: `${done.length} activities; last touch ${dateOf(last.at)}: ${kind(last)} '${last.subject}'.`,
      sources: [activityRef(last)],
    },
  ]
  if (inbound.length)
    facts.push({
      topic: 'engagement',
      text: `${inbound.length} inbound message${inbound.length === 1 ? '' : 's'} from them; latest ${dateOf(inbound[0]!.at)}.`,
      sources: inbound.slice(0, 3).map(activityRef),
    })
  return facts
}

export const kind = (a: Activity) =>
  a.table === 'email'
    ? a.outgoing === false
      ? 'email received'
      : 'email sent'
    : a.table === 'phonecall'
      ? 'call'
      : a.table === 'appointment'
        ? 'meeting'
        : 'task'

export function openQuestions(ctx: LeadContext): Fact[] {
  const { lead, leadRef } = ctx
  const q: string[] = []
  if (lead.budgetamount === null || lead.budgetamount === undefined) q.push('budget')
  const timeframe = label(lead, 'purchasetimeframe')
  if (!timeframe || timeframe === 'Unknown') q.push('purchase timeframe')
  if (lead.decisionmaker !== true && !(ctx.contact && label(ctx.contact, 'accountrolecode') === 'Decision Maker'))
    q.push('who decides')
  if (lead.need === null || lead.need === undefined) q.push('need')
  if (!text(lead, 'emailaddress1') && !text(lead, 'telephone1')) q.push('how to reach them')
  return q.length ? [{ topic: 'open question', text: `Not yet known: ${q.join(', ')}.`, sources: [leadRef] }] : []
}

export function summaryFacts(ctx: LeadContext): Fact[] {
  return [
    ...whoFacts(ctx),
    ...roleFacts(ctx),
    ...historyFacts(ctx),
    ...interestFacts(ctx),
    ...engagementFacts(ctx),
    ...openQuestions(ctx),
  ]
}

/** facts as tools return them: the topic leads the text */
export function published(facts: Fact[]): Record<string, Ref[]> {
  const out: Record<string, Ref[]> = {}
  for (const f of facts) {
    const key = `[${f.topic}] ${f.text}`
    out[key] = [...new Set([...(out[key] ?? []), ...f.sources])]
  }
  return out
}

export const sourcesOf = (facts: Fact[], extra: Ref[] = []): Ref[] =>
  uniqueRefs([...facts.flatMap((f) => f.sources), ...extra])

export const rowName = (row: Row | undefined, column: string) => text(row, column)
