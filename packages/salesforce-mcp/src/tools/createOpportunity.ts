import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineSalesforceTool } from '../define-tool.js'
import { getById, withUsage } from './support/records.js'
import { apiUsage, idArg, valuesArg, writeAnnotations } from './support/schemas.js'

export const createOpportunity = defineSalesforceTool({
  name: 'createOpportunity',
  title: 'Create opportunity',
  description:
    "Creates an opportunity (Name, StageName, CloseDate required). With leadId, takes the lead's source and, if converted, its account and contact; otherwise standalone.",
  input: z.object({ fields: valuesArg, leadId: idArg.optional() }),
  output: z.object({ id: z.string(), fromLead: z.record(z.string(), z.string()).optional(), apiUsage }),
  annotations: writeAnnotations,
  toolset: 'opportunities',
  render: (out) => `Created Opportunity ${out.id}`,
  async run({ fields, leadId }, ctx) {
    const fromLead: Record<string, string> = {}
    if (leadId) {
      const lead = await getById(ctx.client, 'Lead', leadId, [
        'Company',
        'LeadSource',
        'IsConverted',
        'ConvertedAccountId',
        'ConvertedContactId',
      ])
      const fill = (field: string, value: unknown) => {
        if (typeof value === 'string' && value && fields[field] === undefined) fromLead[field] = value
      }
      fill('LeadSource', lead.LeadSource)
      if (lead.IsConverted) {
        fill('AccountId', lead.ConvertedAccountId)
        fill('ContactId', lead.ConvertedContactId)
      }
      if (fields.Name === undefined && typeof lead.Company === 'string') fromLead.Name = lead.Company
    }
    const body = { ...fromLead, ...fields }
    if (body.Name === undefined) {
      throw new ToolError({
        code: 'InvalidInput',
        message: 'An opportunity needs a Name.',
        fix: 'Add fields.Name (and StageName, CloseDate) and call again.',
      })
    }
    const id = await ctx.client.create('Opportunity', body)
    return withUsage(ctx.client, { id, ...(leadId ? { fromLead } : {}) })
  },
})
