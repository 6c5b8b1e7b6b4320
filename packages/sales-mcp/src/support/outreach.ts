// Outreach drafts: composed from grounded facts with a template, optionally phrased by the
// client's own model (sampling) from the same facts — never from the org's free text — and
// stored as a draft email activity regarding the lead. Sending is a separate, consented step.
import { type ToolContext, ToolError } from '@bizmcp/core'
import type { DataverseClient } from '@bizmcp/dataverse-mcp'
import { buildRecordBody } from '@bizmcp/dataverse-mcp'
import type { Assessment } from './icp.js'
import type { LeadContext } from './lead-context.js'
import { label, lookup, num, text } from './records.js'
import type { Fact, Ref } from './schemas.js'

export interface Sender {
  name: string
  email?: string
  title?: string
}

export async function currentSender(client: DataverseClient, signal?: AbortSignal): Promise<Sender> {
  const me = await client.whoAmI(signal)
  const user = await client.retrieve('systemusers', me.userId, {
    select: ['fullname', 'internalemailaddress', 'title'],
    ...(signal ? { signal } : {}),
  })
  return {
    name: text(user, 'fullname') ?? 'Sales team',
    ...(text(user, 'internalemailaddress') ? { email: text(user, 'internalemailaddress') } : {}),
    ...(text(user, 'title') ? { title: text(user, 'title') } : {}),
  }
}

export interface Draft {
  subject: string
  body: string
  phrasedBy: 'template' | 'client model'
}

/** the email text; `points` are the grounded facts the email may use */
export async function composeOutreach(
  tool: ToolContext<DataverseClient>,
  ctx: LeadContext,
  sender: Sender,
  points: Fact[],
  assessment?: Assessment,
): Promise<Draft> {
  const lead = ctx.lead
  const first = text(lead, 'firstname') ?? text(lead, 'fullname') ?? 'there'
  const company = text(lead, 'companyname')
  const topic = text(lead, 'subject')
  const campaign = lookup(lead, 'campaignid')?.name
  const won = ctx.opportunities.filter((o) => o.statecode === 1).length + ctx.orders.length
  const subject = campaign
    ? `Following up after ${campaign}`
    : topic
      ? `Re: ${topic}`
      : `${company ? `${company} and ` : ''}next steps`

  const lines: string[] = [`Hi ${first},`, '']
  if (campaign) lines.push(`Thank you for connecting with us at ${campaign}.`)
  else if (label(lead, 'leadsourcecode') === 'Web') lines.push('Thank you for reaching out through our website.')
  else lines.push('Thank you for your interest.')
  if (topic) lines.push(`You mentioned your interest in ${topic.charAt(0).toLowerCase()}${topic.slice(1)}.`)
  if (won && company) lines.push(`We value the work we have already done together with ${company}.`)
  const met = assessment?.criteria.filter((c) => c.outcome === 'met').map((c) => c.criterion.toLowerCase()) ?? []
  const budget = num(lead, 'budgetamount')
  if (label(lead, 'purchasetimeframe') && label(lead, 'purchasetimeframe') !== 'Unknown')
    lines.push(
      `As you are planning for ${label(lead, 'purchasetimeframe')?.toLowerCase()}, a short call now would let us prepare a proposal that fits${budget ? ' your budget' : ''}.`,
    )
  else lines.push('Would a short call next week work to understand your requirements and timeline?')
  lines.push('', 'Which day and time suit you best?', '', 'Best regards,', sender.name)
  if (sender.title) lines.push(sender.title)
  if (sender.email) lines.push(sender.email)
  const template = lines.join('\n')

  const phrased = await tool.sample({
    system:
      'You write short, factual B2B sales outreach emails. Use only the facts given. Do not invent products, prices, dates or claims. Reply with the email body only.',
    prompt: [
      `Write a concise outreach email body (under 150 words) from ${sender.name} to ${first}${company ? ` at ${company}` : ''}.`,
      'Facts:',
      ...points.map((p) => `- ${p.text}`),
      ...(met.length ? [`- Fits our ideal customer profile on: ${met.join(', ')}.`] : []),
      'End by asking for a short call, and sign with the sender name.',
    ].join('\n'),
    maxTokens: 400,
  })
  if (phrased?.trim()) return { subject, body: phrased.trim().slice(0, 4000), phrasedBy: 'client model' }
  return { subject, body: template, phrasedBy: 'template' }
}

/** stores the draft: an open email activity (statuscode Draft) regarding the lead */
export async function saveDraft(
  client: DataverseClient,
  ctx: LeadContext,
  sender: Sender,
  draft: Draft,
  signal?: AbortSignal,
): Promise<{ emailId: string; to: string }> {
  const to = text(ctx.lead, 'emailaddress1')
  if (!to) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `Lead ${text(ctx.lead, 'fullname') ?? ctx.id} has no email address, so no email can be drafted.`,
      fix: 'Add emailaddress1 to the lead with update_record, or reach the lead by phone.',
    })
  }
  const meta = await client.table('email', signal)
  const body = await buildRecordBody(
    client,
    meta,
    {
      subject: draft.subject,
      description: draft.body,
      regardingobjectid: { table: 'lead', id: ctx.id },
      directioncode: true,
      torecipients: to,
      ...(sender.email ? { sender: sender.email } : {}),
    },
    'create',
    signal,
  )
  const emailId = await client.create('emails', { ...body, statecode: 0, statuscode: 1 }, signal)
  return { emailId, to }
}

export const phrasing = (draft: Draft) =>
  draft.phrasedBy === 'client model'
    ? "Worded by the client's model from the listed facts: review before sending."
    : undefined

export function doNotEmail(ctx: LeadContext): string | undefined {
  return ctx.lead.donotemail === true
    ? `The lead is marked 'Do not allow Emails'; drafting is allowed but sending will be refused.`
    : undefined
}

export const basisOf = (facts: Fact[]): Ref[] => [...new Set(facts.flatMap((f) => f.sources))]
