// Everything the org knows around one lead, gathered deterministically: the lead, its account
// (linked, or matched by company name) with parent and child accounts, contacts, source campaign,
// opportunities, orders, activities and notes. Tools rank and phrase from this; nothing is invented.
import { ToolError } from '@bizmcp/core'
import type { DataverseClient } from '@bizmcp/dataverse-mcp'
import { anyOf, lookup, odataString, type Row, ref, requireGuid, text } from './records.js'
import type { Ref, Untrusted } from './schemas.js'

export interface Activity {
  table: 'email' | 'phonecall' | 'appointment' | 'task'
  id: string
  subject: string
  /** true: from us; false: from them; undefined: not recorded */
  outgoing?: boolean
  state: number
  status?: string
  at: string
  regarding?: Ref
  body?: string
}

export interface LeadContext {
  /** the lead's GUID */
  id: string
  lead: Row
  leadRef: Ref
  account?: Row
  accountRef?: Ref
  /** how the account was found */
  accountMatch?: 'lead lookup' | 'company name'
  parentAccount?: Row
  childAccounts: Row[]
  /** the lead's own contact, when linked or matched by email */
  contact?: Row
  contacts: Row[]
  campaign?: Row
  opportunities: Row[]
  orders: Row[]
  activities: Activity[]
  notes: Row[]
  notFound: string[]
}

const FIND_LEAD = 'D365_Sales_ListLeads'

export async function getLead(client: DataverseClient, leadId: string, signal?: AbortSignal): Promise<Row> {
  const id = requireGuid(leadId, 'Lead id', FIND_LEAD)
  try {
    return await client.retrieve('leads', id, { formatted: true, ...(signal ? { signal } : {}) })
  } catch (error) {
    if (error instanceof ToolError && error.code === 'NotFound') {
      throw new ToolError({
        code: 'NotFound',
        message: `No lead with id ${id} exists.`,
        fix: `Find the lead with ${FIND_LEAD} (text: name, company or email) and pass its leadid.`,
      })
    }
    throw error
  }
}

export const leadRef = (lead: Row): Ref => ref('lead', String(lead.leadid), text(lead, 'fullname'))
export const accountRef = (a: Row): Ref => ref('account', String(a.accountid), text(a, 'name'))
export const contactRef = (c: Row): Ref => ref('contact', String(c.contactid), text(c, 'fullname'))
export const oppRef = (o: Row): Ref => ref('opportunity', String(o.opportunityid), text(o, 'name'))

async function rows(
  client: DataverseClient,
  set: string,
  filter: string,
  orderby: string,
  top: number,
  signal?: AbortSignal,
): Promise<Row[]> {
  const page = await client.query(set, { filter, orderby, top, formatted: true, ...(signal ? { signal } : {}) })
  return page.rows
}

async function tryRetrieve(client: DataverseClient, set: string, id: string, signal?: AbortSignal) {
  try {
    return await client.retrieve(set, id, { formatted: true, ...(signal ? { signal } : {}) })
  } catch (error) {
    if (error instanceof ToolError && error.code === 'NotFound') return undefined
    throw error
  }
}

const ACTIVITY_TABLES = [
  ['email', 'emails'],
  ['phonecall', 'phonecalls'],
  ['appointment', 'appointments'],
  ['task', 'tasks'],
] as const

export async function gatherLeadContext(
  client: DataverseClient,
  leadId: string,
  signal?: AbortSignal,
): Promise<LeadContext> {
  const lead = await getLead(client, leadId, signal)
  const id = String(lead.leadid)
  const notFound: string[] = []
  const ctx: LeadContext = {
    id,
    lead,
    leadRef: leadRef(lead),
    childAccounts: [],
    contacts: [],
    opportunities: [],
    orders: [],
    activities: [],
    notes: [],
    notFound,
  }

  // the account: the lead's lookups first, then an account with exactly the lead's company name
  const accountId =
    lookup(lead, 'parentaccountid')?.id ??
    (lookup(lead, 'customerid')?.table === 'account' ? lookup(lead, 'customerid')?.id : undefined)
  if (accountId) {
    ctx.account = await tryRetrieve(client, 'accounts', accountId, signal)
    if (ctx.account) ctx.accountMatch = 'lead lookup'
  }
  const company = text(lead, 'companyname')
  if (!ctx.account && company) {
    const [match] = await rows(client, 'accounts', `name eq ${odataString(company)}`, 'createdon asc', 1, signal)
    if (match) {
      ctx.account = match
      ctx.accountMatch = 'company name'
    }
  }
  if (ctx.account) ctx.accountRef = accountRef(ctx.account)
  else notFound.push(`No account for '${company ?? 'the lead'}' (no account lookup and no account with that name).`)

  // the person: the lead's contact, else a contact with the lead's email
  const contactId = lookup(lead, 'parentcontactid')?.id
  if (contactId) ctx.contact = await tryRetrieve(client, 'contacts', contactId, signal)
  const email = text(lead, 'emailaddress1')
  if (!ctx.contact && email) {
    ;[ctx.contact] = await rows(
      client,
      'contacts',
      `emailaddress1 eq ${odataString(email)}`,
      'createdon asc',
      1,
      signal,
    )
  }
  if (!ctx.contact) notFound.push('No contact record for this person.')

  const campaignId = lookup(lead, 'campaignid')?.id
  if (campaignId) ctx.campaign = await tryRetrieve(client, 'campaigns', campaignId, signal)

  const accountKey = ctx.account ? String(ctx.account.accountid) : undefined
  if (accountKey && ctx.account) {
    const parentId = lookup(ctx.account, 'parentaccountid')?.id
    if (parentId) ctx.parentAccount = await tryRetrieve(client, 'accounts', parentId, signal)
    ctx.childAccounts = await rows(
      client,
      'accounts',
      `_parentaccountid_value eq ${accountKey}`,
      'name asc',
      10,
      signal,
    )
    ctx.contacts = await rows(
      client,
      'contacts',
      `_parentcustomerid_value eq ${accountKey}`,
      'fullname asc',
      25,
      signal,
    )
  }

  const oppFilter = [
    `_originatingleadid_value eq ${id}`,
    ...(accountKey ? [`_parentaccountid_value eq ${accountKey}`, `_customerid_value eq ${accountKey}`] : []),
    ...(ctx.contact ? [`_parentcontactid_value eq ${String(ctx.contact.contactid)}`] : []),
  ].join(' or ')
  ctx.opportunities = await rows(client, 'opportunities', oppFilter, 'createdon desc', 50, signal)
  if (accountKey) {
    ctx.orders = await rows(client, 'salesorders', `_customerid_value eq ${accountKey}`, 'createdon desc', 25, signal)
  }

  const regarding = [
    id,
    ...(ctx.contact ? [String(ctx.contact.contactid)] : []),
    ...(accountKey ? [accountKey] : []),
    ...ctx.opportunities.slice(0, 10).map((o) => String(o.opportunityid)),
  ]
  for (const [table, set] of ACTIVITY_TABLES) {
    for (const row of await rows(
      client,
      set,
      anyOf('_regardingobjectid_value', regarding),
      'createdon desc',
      50,
      signal,
    )) {
      ctx.activities.push(toActivity(table, row))
    }
  }
  ctx.activities.sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id))
  ctx.notes = await rows(client, 'annotations', anyOf('_objectid_value', regarding), 'createdon desc', 25, signal)
  return ctx
}

function toActivity(table: Activity['table'], row: Row): Activity {
  const direction = row.directioncode
  const regarding = lookup(row, 'regardingobjectid')
  const at =
    text(row, 'actualend') ?? text(row, 'senton') ?? text(row, 'scheduledstart') ?? text(row, 'createdon') ?? ''
  return {
    table,
    id: String(row.activityid),
    subject: text(row, 'subject') ?? '(no subject)',
    ...(typeof direction === 'boolean' ? { outgoing: direction } : {}),
    state: typeof row.statecode === 'number' ? row.statecode : 0,
    ...(row['statuscode@OData.Community.Display.V1.FormattedValue']
      ? { status: String(row['statuscode@OData.Community.Display.V1.FormattedValue']) }
      : {}),
    at,
    ...(regarding ? { regarding: ref(regarding.table ?? 'unknown', regarding.id, regarding.name) } : {}),
    ...(text(row, 'description') ? { body: text(row, 'description') } : {}),
  }
}

export const activityRef = (a: Activity): Ref => ref(a.table, a.id, a.subject)

/** free text around the lead, marked as data */
export function untrustedOf(ctx: LeadContext, limit = 12): Untrusted {
  const out: Untrusted = {}
  let count = 0
  const add = (table: string, id: string, field: string, value: string | undefined, max = 600) => {
    if (value && count++ < limit)
      out[`${ref(table, id)}/${field}`] = value.length > max ? `${value.slice(0, max)}…` : value
  }
  const leadId = String(ctx.lead.leadid)
  add('lead', leadId, 'description', text(ctx.lead, 'description'))
  add('lead', leadId, 'qualificationcomments', text(ctx.lead, 'qualificationcomments'))
  for (const n of ctx.notes) add('annotation', String(n.annotationid), 'notetext', text(n, 'notetext'))
  for (const a of ctx.activities.filter((x) => x.table === 'email' && x.outgoing === false).slice(0, 3))
    add(a.table, a.id, 'description', a.body, 400)
  return out
}

/** an unsent email of ours; open inbound emails are real messages, not drafts */
export const isDraft = (a: Activity) => a.table === 'email' && a.state === 0 && a.outgoing !== false
