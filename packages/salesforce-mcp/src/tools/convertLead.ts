import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import type { SalesforceClient } from '../client.js'
import { defineSalesforceTool } from '../define-tool.js'
import { getById, quote, soqlId, withUsage } from './support/records.js'
import { apiUsage, idArg } from './support/schemas.js'

const target = z.object({
  action: z.enum(['create', 'existing', 'none']),
  id: z.string().optional(),
  name: z.string().optional(),
})

interface Args {
  leadId: string
  convertedStatus?: string | undefined
  accountId?: string | undefined
  contactId?: string | undefined
  opportunityName?: string | undefined
  createOpportunity: boolean
  ownerId?: string | undefined
}

/** Reads the lead, the org's converted statuses and accounts matching the company; nothing changes. */
async function plan(client: SalesforceClient, args: Args) {
  const issues: string[] = []
  const lead = await getById(client, 'Lead', args.leadId, [
    'Name',
    'LastName',
    'Company',
    'Status',
    'IsConverted',
    'ConvertedAccountId',
  ])
  if (lead.IsConverted) issues.push(`The lead is already converted (account ${String(lead.ConvertedAccountId)}).`)
  for (const field of ['LastName', 'Company']) {
    if (typeof lead[field] !== 'string' || !String(lead[field]).trim()) issues.push(`Required field ${field} is empty.`)
  }
  const statuses = (
    await client.queryAll('SELECT ApiName, MasterLabel FROM LeadStatus WHERE IsConverted = true ORDER BY SortOrder')
  ).map((s) => String(s.ApiName ?? s.MasterLabel))
  let convertedStatus = args.convertedStatus ?? statuses[0]
  if (!statuses.length) issues.push('The org has no lead status marked Converted.')
  else if (args.convertedStatus && !statuses.includes(args.convertedStatus)) {
    issues.push(`'${args.convertedStatus}' is not a converted lead status; use one of: ${statuses.join(', ')}.`)
    convertedStatus = undefined
  }
  const company = typeof lead.Company === 'string' ? lead.Company : ''
  let account: z.infer<typeof target> = { action: 'create', name: company }
  if (args.accountId) {
    const found = await getById(client, 'Account', args.accountId, ['Name']).catch((error: unknown) => {
      if (error instanceof ToolError && error.code === 'NotFound') return undefined
      throw error
    })
    if (!found) issues.push(`Account ${args.accountId} does not exist.`)
    else account = { action: 'existing', id: args.accountId, name: String(found.Name) }
  } else if (company) {
    const matches = await client.queryAll(`SELECT Id, Name FROM Account WHERE Name = ${quote(company)} LIMIT 6`)
    if (matches.length === 1) account = { action: 'existing', id: String(matches[0]!.Id), name: company }
    else if (matches.length > 1)
      issues.push(
        `${matches.length} accounts are named '${company}' (${matches.map((m) => m.Id).join(', ')}); pass accountId to choose one.`,
      )
  }
  if (args.contactId) await getById(client, 'Contact', args.contactId, ['Id'])
  const contact: z.infer<typeof target> = args.contactId
    ? { action: 'existing', id: args.contactId }
    : { action: 'create', name: String(lead.Name ?? lead.LastName ?? '') }
  const opportunity: z.infer<typeof target> = args.createOpportunity
    ? { action: 'create', name: args.opportunityName ?? `${company}-` }
    : { action: 'none' }
  return { issues, convertedStatus, account, contact, opportunity }
}

export const convertLead = defineSalesforceTool({
  name: 'convertLead',
  title: 'Convert lead',
  description:
    'Converts a lead to an account (the one matching its company, if unique), contact and opportunity. Checks readiness first; checkOnly: true only reports the plan. Irreversible.',
  input: z.object({
    leadId: idArg,
    checkOnly: z.boolean().default(false),
    convertedStatus: z.string().optional(),
    accountId: idArg.optional(),
    contactId: idArg.optional(),
    createOpportunity: z.boolean().default(true),
    opportunityName: z.string().optional(),
    ownerId: idArg.optional(),
  }),
  output: z.object({
    ready: z.boolean(),
    issues: z.array(z.string()),
    plan: z
      .record(z.string(), z.unknown())
      .describe('convertedStatus; account, contact, opportunity: {action, id, name}'),
    converted: z.record(z.string(), z.string()).optional(),
    apiUsage,
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  toolset: 'leads',
  // a check changes nothing, so it asks nobody
  consent: (args) =>
    args.checkOnly
      ? undefined
      : `Convert lead ${args.leadId} into ${args.accountId ? `account ${args.accountId}` : 'an account'}, a contact${args.createOpportunity ? ' and an opportunity' : ''}? Conversion cannot be reversed.`,
  render: (out) =>
    out.converted
      ? `Converted: account ${out.converted.accountId}, contact ${out.converted.contactId}${out.converted.opportunityId ? `, opportunity ${out.converted.opportunityId}` : ''}`
      : `${out.ready ? 'Ready to convert' : `Not ready: ${out.issues.join(' ')}`}\n${JSON.stringify(out.plan)}`,
  async run(args, ctx) {
    const checked = await plan(ctx.client, args)
    const { issues, ...planned } = checked
    const ready = issues.length === 0
    if (args.checkOnly) return withUsage(ctx.client, { ready, issues, plan: planned })
    if (!ready || !planned.convertedStatus) {
      throw new ToolError({
        code: 'NotReady',
        message: `Lead ${args.leadId} cannot be converted yet: ${issues.join(' ')} Nothing was changed.`,
        fix: 'Fix the issues (updateLead for missing fields; accountId to pick an account) and call convertLead again.',
        details: { issues },
      })
    }
    const converted = await ctx.client.convertLead({
      leadId: soqlId(args.leadId).slice(1, -1),
      convertedStatus: planned.convertedStatus,
      doNotCreateOpportunity: !args.createOpportunity,
      ...(planned.account.id ? { accountId: planned.account.id } : {}),
      ...(args.contactId ? { contactId: args.contactId } : {}),
      ...(args.opportunityName ? { opportunityName: args.opportunityName } : {}),
      ...(args.ownerId ? { ownerId: args.ownerId } : {}),
    })
    return withUsage(ctx.client, { ready, issues, plan: planned, converted })
  },
})
