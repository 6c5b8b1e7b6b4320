import { ToolError } from '@bizmcp/core'
import { parseGuid } from '@bizmcp/dataverse-mcp'
import { z } from 'zod'
import { defineSalesTool } from '../define-tool.js'
import { getLead } from '../support/lead-context.js'
import { label, lookup, text } from '../support/records.js'
import { leadIdArg, Ref } from '../support/schemas.js'

const REASONS = { lost: 4, 'cannot contact': 5, 'no longer interested': 6, canceled: 7 } as const

export const qualifyLeadToOpportunity = defineSalesTool({
  name: 'D365_Sales_QualifyLeadToOpportunity',
  title: 'Qualify lead',
  description: 'Qualifies a lead (creates missing account/contact, and opportunity) or disqualifies it. Irreversible.',
  input: z.object({
    leadId: leadIdArg,
    disqualify: z.enum(['lost', 'cannot contact', 'no longer interested', 'canceled']).optional(),
    createAccount: z.boolean().optional(),
    createContact: z.boolean().optional(),
    createOpportunity: z.boolean().default(true),
    customer: z.string().optional().describe('account:<id>|contact:<id>'),
    currencyId: z.string().optional(),
  }),
  output: z.object({ leadId: z.string(), status: z.string(), created: z.array(Ref) }),
  annotations: { destructiveHint: true },
  toolset: 'leads',
  consent: (a) =>
    a.disqualify
      ? `Disqualify lead ${a.leadId} as '${a.disqualify}'?`
      : `Qualify lead ${a.leadId}${a.createOpportunity ? ' and create an opportunity' : ''}${a.createAccount ? ', an account' : ''}${a.createContact ? ', a contact' : ''}?`,
  render: (out) => `Lead ${out.leadId}: ${out.status}. Created: ${out.created.join(', ') || 'nothing'}`,
  async run(args, ctx) {
    const lead = await getLead(ctx.client, args.leadId, ctx.signal)
    const id = String(lead.leadid)
    if (lead.statecode !== 0) {
      const opp = lookup(lead, 'qualifyingopportunityid')
      throw new ToolError({
        code: 'Conflict',
        message: `Lead ${text(lead, 'fullname') ?? id} is already ${label(lead, 'statecode') ?? 'closed'} (${label(lead, 'statuscode') ?? ''}).${opp ? ` Its opportunity is ${opp.id}.` : ''}`,
        fix: 'Nothing to do; work with the existing opportunity, or pick an open lead with D365_Sales_ListLeads status open.',
      })
    }
    if (args.disqualify) {
      await ctx.client.update(
        'leads',
        id,
        { statecode: 2, statuscode: REASONS[args.disqualify] },
        { signal: ctx.signal },
      )
      return { leadId: id, status: `Disqualified: ${args.disqualify}`, created: [] }
    }
    const createAccount = args.createAccount ?? !lookup(lead, 'parentaccountid')
    const createContact = args.createContact ?? !lookup(lead, 'parentcontactid')
    if (createAccount && !text(lead, 'companyname'))
      throw new ToolError({
        code: 'InvalidInput',
        message: 'The lead has no company name, so no account can be created from it.',
        fix: 'Pass createAccount: false (and a customer), or set the lead companyname with update_record first.',
      })
    const body: Record<string, unknown> = {
      CreateAccount: createAccount,
      CreateContact: createContact,
      CreateOpportunity: args.createOpportunity,
      Status: 3,
    }
    if (args.customer) {
      const [, table, raw] = /^(account|contact):(.+)$/.exec(args.customer.trim()) ?? []
      const cid = raw ? parseGuid(raw) : undefined
      if (!table || !cid)
        throw new ToolError({
          code: 'InvalidInput',
          message: `customer '${args.customer}' is not account:<GUID> or contact:<GUID>.`,
          fix: 'Pass the existing customer as account:<GUID> or contact:<GUID>, or leave customer out.',
        })
      body.OpportunityCustomerId = { '@odata.type': `Microsoft.Dynamics.CRM.${table}`, [`${table}id`]: cid }
    }
    if (args.currencyId) {
      const cur = parseGuid(args.currencyId)
      if (!cur)
        throw new ToolError({
          code: 'InvalidInput',
          message: 'currencyId is not a GUID.',
          fix: 'Pass a transactioncurrency GUID.',
        })
      body.OpportunityCurrencyId = {
        '@odata.type': 'Microsoft.Dynamics.CRM.transactioncurrency',
        transactioncurrencyid: cur,
      }
    }
    const campaign = lookup(lead, 'campaignid')
    if (campaign) body.SourceCampaignId = { '@odata.type': 'Microsoft.Dynamics.CRM.campaign', campaignid: campaign.id }
    const response = (await ctx.client.action('QualifyLead', body, {
      bound: { entitySetName: 'leads', id },
      signal: ctx.signal,
    })) as { value?: Array<Record<string, unknown>> } | undefined
    const records = (response?.value ?? []).flatMap((r) => {
      const table = String(r['@odata.type'] ?? '').replace(/^#?Microsoft\.Dynamics\.CRM\./, '')
      const rid = r[`${table}id`]
      return table && typeof rid === 'string' ? [{ table, id: rid }] : []
    })
    // QualifyLead itself links the lead to the opportunity it produced (qualifyingopportunityid)
    return { leadId: id, status: 'Qualified', created: records.map((r) => `${r.table}:${r.id}`) }
  },
})
