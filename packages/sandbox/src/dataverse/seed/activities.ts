// Emails, notes, tasks, phone calls and appointments: the conversation history around cases,
// leads, opportunities and accounts.

import type { Rng } from '../../shared/prng.js'
import type { SeedRow } from '../schema/types.js'
import { type Batch, batched } from './batch.js'
import { type CaseRef, DAY, fill, HOUR, iso, ref, type SeedContext } from './context.js'
import { COMPANY } from './data/catalog.js'
import { PROBLEMS } from './data/problems.js'
import {
  CALL_NOTES,
  CALL_SUBJECTS,
  LEAD_REPLIES,
  MEETING_LOCATIONS,
  MEETING_SUBJECTS,
  OUTREACH_BODIES,
  OUTREACH_SUBJECTS,
  TASK_SUBJECTS,
} from './data/sales.js'

const ACTIVITIES_PER_SCALE = 500

interface Mail {
  subject: string
  body: string
  outgoing: boolean
  from: string
  to: string
  at: number
  draft?: boolean
}

function activityBase(subject: string, description: string | null, type: string, at: number): SeedRow {
  return {
    activityid: '',
    subject,
    description,
    activitytypecode: type,
    prioritycode: 1,
    scheduledstart: null,
    scheduledend: null,
    actualstart: null,
    actualend: iso(at),
    scheduleddurationminutes: null,
    actualdurationminutes: null,
  }
}

function caseMails(ctx: SeedContext, c: CaseRef, r: Rng): Mail[] {
  const problem = PROBLEMS[c.problem]!
  const owner = ctx.user(c.ownerIndex)
  const contact = c.contact === null ? null : ctx.contacts[c.contact]!
  const customer = contact
    ? { name: contact.first, full: `${contact.first} ${contact.last}`, email: contact.email }
    : null
  if (!customer) return []
  const kb = `KA-${String(1001 + c.problem).padStart(5, '0')}`
  const sign = `${owner.fullname}\n${owner.title}, ${COMPANY.name} Support\n${COMPANY.supportEmail}`
  const mails: Mail[] = [
    {
      subject: c.title,
      body: `Hello,\n\n${c.report}\n\nThanks,\n${customer.full}\n${contact!.title}, ${ctx.accounts[c.account]!.name}`,
      outgoing: false,
      from: customer.email,
      to: COMPANY.supportEmail,
      at: c.created,
    },
  ]
  const firstReply = c.created + r.int(1, 8) * HOUR
  if (firstReply < ctx.now) {
    mails.push({
      subject: `RE: ${c.title} [${c.ticket}]`,
      body: `Hi ${customer.name},\n\nThank you for contacting ${COMPANY.name} support. I have opened case ${c.ticket} for this.\n\n${problem.reply}\n\nOur knowledge article ${kb} ("${problem.kb.title}") describes the usual checks.\n\nBest regards,\n${sign}`,
      outgoing: true,
      from: owner.email,
      to: customer.email,
      at: firstReply,
    })
  }
  if (c.state === 1 && c.resolvedOn !== null) {
    const answer = Math.max(firstReply + HOUR, c.resolvedOn - r.int(2, 20) * HOUR)
    if (answer < c.resolvedOn) {
      mails.push({
        subject: `RE: ${c.title} [${c.ticket}]`,
        body: `Hi ${owner.first},\n\nThanks for the quick reply. We checked as you suggested; details are below. Please let us know what to change.\n\n${customer.full}`,
        outgoing: false,
        from: customer.email,
        to: owner.email,
        at: answer,
      })
    }
    mails.push({
      subject: `RE: ${c.title} [${c.ticket}]`,
      body: `Hi ${customer.name},\n\n${problem.fix}\n\nI will close case ${c.ticket} now. If the problem comes back, just reply to this email and the case will reopen.\n\nBest regards,\n${sign}`,
      outgoing: true,
      from: owner.email,
      to: customer.email,
      at: c.resolvedOn,
    })
  } else if (c.state === 0 && c.status === 1 && r.chance(0.35)) {
    // a reply the agent has drafted but not sent yet
    mails.push({
      subject: `RE: ${c.title} [${c.ticket}]`,
      body: `Hi ${customer.name},\n\nBased on what you described, here is what we recommend:\n\n${problem.kb.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}\n\nPlease let me know the result.\n\nBest regards,\n${sign}`,
      outgoing: true,
      from: owner.email,
      to: customer.email,
      at: Math.min(firstReply + r.int(2, 30) * HOUR, ctx.now - HOUR),
      draft: true,
    })
  }
  return mails
}

function mailRow(
  ctx: SeedContext,
  r: Rng,
  m: Mail,
  regarding: { table: string; id: string },
  ownerIndex: number,
): SeedRow {
  const row = activityBase(m.subject.slice(0, 800), m.body, 'email', m.at)
  row.activityid = r.guid()
  row.regardingobjectid = regarding
  row.directioncode = m.outgoing
  row.sender = m.from
  row.torecipients = m.to
  row.messageid = m.draft ? null : `<${r.code(16, 'abcdef0123456789')}@${m.from.split('@')[1]}>`
  row.inreplyto = null
  row.conversationindex = null
  row.senton = m.draft || !m.outgoing ? null : iso(m.at)
  row.isworkflowcreated = false
  row.statecode = m.draft ? 0 : 1
  row.statuscode = m.draft ? 1 : m.outgoing ? 3 : 4
  if (m.draft) row.actualend = null
  return ctx.own(ctx.stamp(row, m.at, m.at, ownerIndex), ownerIndex)
}

function* emailRows(ctx: SeedContext): Generator<SeedRow> {
  const r = ctx.rng.fork('emails')
  for (const c of ctx.cases) {
    for (const m of caseMails(ctx, c, r)) yield mailRow(ctx, r, m, ref('incident', c.id), c.ownerIndex)
  }
  const show = ctx.campaigns.get('tradeshow')!
  for (const l of ctx.leads) {
    if (l.status !== 2 && l.state !== 1) continue
    const owner = ctx.user(l.ownerIndex)
    const values = {
      first: l.first,
      company: l.company,
      asset: l.asset,
      city: l.city,
      event: show.name,
      need_lc: l.need.charAt(0).toLowerCase() + l.need.slice(1),
      sender: `${owner.fullname}\n${owner.title}, ${COMPANY.name}`,
      sender_first: owner.first,
      count: r.int(2, 20) * 10,
    }
    const fromShow = l.campaignKey === 'tradeshow'
    const at = Math.min(l.created + r.int(1, 5) * DAY, ctx.now - HOUR)
    const body = fromShow ? OUTREACH_BODIES[0]! : r.pick(OUTREACH_BODIES.slice(1))
    const subject = fromShow ? OUTREACH_SUBJECTS[0]! : r.pick(OUTREACH_SUBJECTS.slice(1))
    const lead = ref('lead', l.id)
    yield mailRow(
      ctx,
      r,
      { subject: fill(subject, values), body: fill(body, values), outgoing: true, from: owner.email, to: l.email, at },
      lead,
      l.ownerIndex,
    )
    const replyAt = at + r.int(3, 72) * HOUR
    if (r.chance(l.state === 1 ? 0.9 : 0.35) && replyAt < ctx.now) {
      const reply = l.state === 1 ? LEAD_REPLIES[0]! : r.pick(LEAD_REPLIES)
      yield mailRow(
        ctx,
        r,
        {
          subject: `RE: ${fill(subject, values)}`,
          body: fill(reply, values),
          outgoing: false,
          from: l.email,
          to: owner.email,
          at: replyAt,
        },
        lead,
        l.ownerIndex,
      )
    }
  }
}

function* noteRows(ctx: SeedContext): Generator<SeedRow> {
  const r = ctx.rng.fork('notes')
  const note = (objectTable: string, objectId: string, subject: string, text: string, at: number, owner: number) =>
    ctx.own(
      ctx.stamp(
        {
          annotationid: r.guid(),
          subject,
          notetext: text,
          objectid: ref(objectTable, objectId),
          objecttypecode: objectTable,
          isdocument: false,
          filename: null,
          mimetype: null,
          filesize: null,
        },
        at,
        at,
        owner,
      ),
      owner,
    )
  for (const c of ctx.cases) {
    const problem = PROBLEMS[c.problem]!
    const at = Math.min(c.created + r.int(1, 10) * HOUR, ctx.now - HOUR)
    yield note('incident', c.id, 'Troubleshooting', r.pick(problem.notes), at, c.ownerIndex)
    if (c.resolvedOn !== null && r.chance(0.3)) {
      yield note('incident', c.id, 'Resolution summary', problem.fix, c.resolvedOn, c.ownerIndex)
    }
  }
  for (const l of ctx.leads) {
    if (l.state === 0 && r.chance(0.15)) {
      yield note(
        'lead',
        l.id,
        'Call notes',
        `${l.need} Interested in monitoring ${l.asset}; wants a budget figure before involving procurement.`,
        Math.min(l.created + 2 * DAY, ctx.now - HOUR),
        l.ownerIndex,
      )
    }
  }
  for (const o of ctx.opportunities) {
    if (r.chance(0.3)) {
      yield note(
        'opportunity',
        o.id,
        'Deal notes',
        r.pick(CALL_NOTES),
        Math.min(o.created + r.int(3, 30) * DAY, ctx.now - HOUR),
        o.ownerIndex,
      )
    }
  }
}

type Target = {
  table: string
  id: string
  owner: number
  created: number
  first: string
  company: string
  city: string
  count: number
}

function pickTarget(ctx: SeedContext, r: Rng): Target {
  const kind = r.weighted([
    ['opportunity', 35],
    ['lead', 25],
    ['account', 25],
    ['contact', 15],
  ] as const)
  if (kind === 'opportunity' && ctx.opportunities.length > 0) {
    const o = r.pick(ctx.opportunities)
    const a = ctx.accounts[o.account]!
    const c = o.contactId ? ctx.contacts[ctx.contactIndex.get(o.contactId)!] : undefined
    return {
      table: 'opportunity',
      id: o.id,
      owner: o.ownerIndex,
      created: o.created,
      first: c?.first ?? 'team',
      company: a.name,
      city: '',
      count: 50,
    }
  }
  if (kind === 'lead' && ctx.leads.length > 0) {
    const l = r.pick(ctx.leads)
    return {
      table: 'lead',
      id: l.id,
      owner: l.ownerIndex,
      created: l.created,
      first: l.first,
      company: l.company,
      city: l.city,
      count: 20,
    }
  }
  const a = r.pick(ctx.accounts)
  if (kind === 'contact') {
    const c = ctx.contacts[ctx.contactIndex.get(r.pick(a.contactIds))!]!
    return {
      table: 'contact',
      id: c.id,
      owner: a.ownerIndex,
      created: c.created,
      first: c.first,
      company: a.name,
      city: '',
      count: 30,
    }
  }
  return {
    table: 'account',
    id: a.id,
    owner: a.ownerIndex,
    created: a.created,
    first: 'team',
    company: a.name,
    city: '',
    count: 40,
  }
}

function* scheduledRows(
  ctx: SeedContext,
  type: 'task' | 'phonecall' | 'appointment',
  share: number,
): Generator<SeedRow> {
  const r = ctx.rng.fork(type)
  const count = ctx.scaled(ACTIVITIES_PER_SCALE * share)
  for (let i = 0; i < count; i++) {
    const t = pickTarget(ctx, r)
    const values = { first: t.first, company: t.company, city: t.city || 'main', count: t.count * r.int(1, 6) }
    const start = Math.min(
      t.created + r.int(0, Math.max(1, Math.floor((ctx.now - t.created) / DAY) + 30)) * DAY,
      ctx.now + 30 * DAY,
    )
    const at = Date.UTC(
      new Date(start).getUTCFullYear(),
      new Date(start).getUTCMonth(),
      new Date(start).getUTCDate(),
      r.int(13, 21),
      r.pick([0, 30]),
    )
    const past = at < ctx.now
    const row: SeedRow = activityBase('', null, type, at)
    row.activityid = r.guid()
    row.regardingobjectid = ref(t.table, t.id)
    row.prioritycode = r.weighted([
      [1, 7],
      [2, 2],
      [0, 1],
    ] as const)
    if (type === 'task') {
      row.subject = fill(r.pick(TASK_SUBJECTS), values)
      row.description = null
      row.scheduledend = iso(at)
      row.actualend = past ? iso(at) : null
      row.percentcomplete = past ? 100 : r.pick([0, 0, 25, 50])
      row.category = t.table === 'opportunity' ? 'Sales' : 'Account management'
      const open = !past || r.chance(0.1)
      row.statecode = open ? 0 : r.chance(0.05) ? 2 : 1
      row.statuscode = row.statecode === 0 ? r.pick([2, 3, 4]) : row.statecode === 1 ? 5 : 6
      if (row.statecode !== 1) row.actualend = null
      if (row.statecode !== 1) row.percentcomplete = row.statuscode === 3 ? 50 : 0
    } else if (type === 'phonecall') {
      const outgoing = r.chance(0.75)
      row.subject = fill(r.pick(CALL_SUBJECTS), values)
      row.description = past ? r.pick(CALL_NOTES) : null
      row.directioncode = outgoing
      row.phonenumber = null
      row.scheduledend = iso(at)
      row.actualdurationminutes = past ? r.int(5, 45) : null
      row.statecode = past ? 1 : 0
      row.statuscode = past ? (outgoing ? 2 : 4) : 1
      if (!past) row.actualend = null
    } else {
      const minutes = r.pick([30, 60, 60, 90, 120])
      row.subject = fill(r.pick(MEETING_SUBJECTS), values)
      row.description = past
        ? r.pick(CALL_NOTES)
        : 'Agenda: current situation, priorities for the next quarter, next steps.'
      row.location = fill(r.pick(MEETING_LOCATIONS), values)
      row.isalldayevent = false
      row.scheduledstart = iso(at)
      row.scheduledend = iso(at + minutes * 60_000)
      row.scheduleddurationminutes = minutes
      row.actualstart = past ? iso(at) : null
      row.actualend = past ? iso(at + minutes * 60_000) : null
      row.actualdurationminutes = past ? minutes : null
      row.statecode = past ? 1 : 3
      row.statuscode = past ? 3 : 5
    }
    const created = Math.min(Math.max(t.created, at - r.int(1, 14) * DAY), ctx.now - HOUR)
    yield ctx.own(ctx.stamp(row, created, past ? Math.min(at + HOUR, ctx.now) : created, t.owner), t.owner)
  }
}

export function* activityPhase(ctx: SeedContext): Generator<Batch> {
  yield* batched(ctx, 'email', emailRows(ctx))
  yield* batched(ctx, 'annotation', noteRows(ctx))
  yield* batched(ctx, 'task', scheduledRows(ctx, 'task', 0.4))
  yield* batched(ctx, 'phonecall', scheduledRows(ctx, 'phonecall', 0.35))
  yield* batched(ctx, 'appointment', scheduledRows(ctx, 'appointment', 0.25))
}
