import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineSalesforceTool } from '../define-tool.js'
import { getById, withUsage } from './support/records.js'
import { apiUsage, idArg, updateAnnotations, valuesArg } from './support/schemas.js'

export const updateOpportunity = defineSalesforceTool({
  name: 'updateOpportunity',
  title: 'Update opportunity',
  description:
    "Updates opportunity fields: StageName, Probability, CloseDate (YYYY-MM-DD), Amount, NextStep... Reports the stage change, or the org's reason for refusing it.",
  input: z.object({ id: idArg, fields: valuesArg }),
  output: z.object({
    id: z.string(),
    updated: z.array(z.string()),
    stage: z.object({ from: z.string(), to: z.string() }).optional(),
    apiUsage,
  }),
  annotations: updateAnnotations,
  toolset: 'opportunities',
  render: (out) =>
    `Updated Opportunity ${out.id}: ${out.updated.join(', ')}${out.stage ? ` (stage ${out.stage.from} → ${out.stage.to})` : ''}`,
  async run({ id, fields }, ctx) {
    const changesStage = typeof fields.StageName === 'string'
    const before = changesStage ? await getById(ctx.client, 'Opportunity', id, ['StageName']) : undefined
    try {
      await ctx.client.update('Opportunity', id, fields)
    } catch (error) {
      if (!(changesStage && error instanceof ToolError) || error.code === 'NotFound' || error.code === 'RateLimited')
        throw error
      throw new ToolError({
        code: error.code,
        message: `The org refused to move the opportunity from '${before?.StageName}' to '${fields.StageName}': ${error.message}`,
        fix: `${error.fix} Some orgs allow stage changes only in the Salesforce UI or in order; if so, ask the user to change the stage there.`,
        ...(error.details ? { details: error.details } : {}),
      })
    }
    return withUsage(ctx.client, {
      id,
      updated: Object.keys(fields),
      ...(before ? { stage: { from: String(before.StageName), to: String(fields.StageName) } } : {}),
    })
  },
})
