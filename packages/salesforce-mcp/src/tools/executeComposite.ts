import { z } from 'zod'
import { defineSalesforceTool } from '../define-tool.js'
import {
  consentQuestion,
  describeResult,
  operationArg,
  operationResult,
  relativePath,
  summarize,
} from './support/composite.js'
import { withUsage } from './support/records.js'
import { apiUsage } from './support/schemas.js'

export const executeComposite = defineSalesforceTool({
  name: 'executeComposite',
  title: 'Run composite request',
  description:
    'Runs up to 25 operations in order in one call; later ones can use @{referenceId.id}. allOrNone rolls all back if one fails. Independent operations: executeBatch.',
  input: z.object({
    operations: z
      .array(operationArg.extend({ referenceId: z.string() }))
      .min(1)
      .max(25),
    allOrNone: z.boolean().default(false),
  }),
  output: z.object({ summary: z.string(), results: z.array(operationResult), apiUsage }),
  annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  toolset: 'data',
  consent: ({ operations, allOrNone }) => `${consentQuestion(operations)}${allOrNone ? ' All or none.' : ''}`,
  render: (out) => `${out.summary}\n${JSON.stringify(out.results)}`,
  async run({ operations, allOrNone }, ctx) {
    const version = `v${ctx.client.apiVersion}`
    const reply = await ctx.client.rest<{
      compositeResponse: Array<{ body: unknown; httpStatusCode: number; referenceId: string }>
    }>('POST', 'composite', {
      allOrNone,
      compositeRequest: operations.map((op) => ({
        method: op.method,
        url: `/services/data/${version}/${relativePath(op.url)}`,
        referenceId: op.referenceId,
        ...(op.body ? { body: op.body } : {}),
      })),
    })
    const results = reply.compositeResponse.map((r, i) =>
      describeResult(i, operations[i]?.method ?? 'GET', r.httpStatusCode, r.body, r.referenceId),
    )
    const rolledBackAll = allOrNone && results.some((r) => r.outcome === 'failed')
    if (rolledBackAll)
      for (const r of results) if (r.outcome === 'applied' || r.outcome === 'read') r.outcome = 'rolledBack'
    return withUsage(ctx.client, { summary: summarize(results, rolledBackAll), results })
  },
})
