import { z } from 'zod'
import { defineSalesforceTool } from '../define-tool.js'
import { withUsage } from './support/records.js'
import { apiUsage, valuesArg, writeAnnotations } from './support/schemas.js'

export const createLead = defineSalesforceTool({
  name: 'createLead',
  title: 'Create leads',
  description: 'Creates a lead, or up to 2,000 from an array (200 per API call). LastName and Company required.',
  input: z.object({
    lead: z.union([valuesArg, z.array(valuesArg).min(1).max(2000)]),
    allOrNone: z.boolean().default(false).describe('per 200-record chunk'),
  }),
  output: z.object({
    ids: z.array(z.string()),
    failed: z.array(z.record(z.string(), z.unknown())).optional(),
    apiUsage,
  }),
  annotations: writeAnnotations,
  toolset: 'leads',
  render: (out) =>
    `Created ${out.ids.length} lead(s)${
      out.failed?.length
        ? `; ${out.failed.length} failed: ${out.failed
            .slice(0, 5)
            .map((f) => `#${f.index} ${f.errorCode} ${f.message}`)
            .join('; ')}`
        : ''
    }`,
  async run({ lead, allOrNone }, ctx) {
    if (!Array.isArray(lead)) return withUsage(ctx.client, { ids: [await ctx.client.create('Lead', lead)] })
    const results = await ctx.client.createMany('Lead', lead, allOrNone)
    const ids: string[] = []
    const failed: Array<{ index: number; errorCode: string; message: string; fields: string[] }> = []
    results.forEach((result, index) => {
      if (result.success && result.id) ids.push(result.id)
      else {
        const first = result.errors[0]
        failed.push({
          index,
          errorCode: first?.statusCode ?? first?.errorCode ?? 'UNKNOWN',
          message: first?.message ?? 'not created',
          fields: first?.fields ?? [],
        })
      }
    })
    return withUsage(ctx.client, { ids, ...(failed.length ? { failed } : {}) })
  },
})
