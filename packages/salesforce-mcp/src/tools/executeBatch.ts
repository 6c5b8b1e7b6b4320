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

export const executeBatch = defineSalesforceTool({
  name: 'executeBatch',
  title: 'Run batch request',
  description:
    'Runs up to 25 independent operations in one call (e.g. bulk updates); each succeeds or fails alone. haltOnError skips the rest after a failure.',
  input: z.object({
    operations: z.array(operationArg).min(1).max(25),
    haltOnError: z.boolean().default(false),
  }),
  output: z.object({ summary: z.string(), results: z.array(operationResult), apiUsage }),
  annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  toolset: 'data',
  consent: ({ operations }) => consentQuestion(operations),
  render: (out) => `${out.summary}\n${JSON.stringify(out.results)}`,
  async run({ operations, haltOnError }, ctx) {
    const version = `v${ctx.client.apiVersion}`
    const reply = await ctx.client.rest<{
      hasErrors: boolean
      results: Array<{ statusCode: number; result: unknown }>
    }>('POST', 'composite/batch', {
      haltOnError,
      batchRequests: operations.map((op) => ({
        method: op.method,
        url: `${version}/${relativePath(op.url)}`,
        ...(op.body ? { richInput: op.body } : {}),
      })),
    })
    const results = reply.results.map((r, i) =>
      describeResult(i, operations[i]?.method ?? 'GET', r.statusCode, r.result),
    )
    return withUsage(ctx.client, { summary: summarize(results, false), results })
  },
})
