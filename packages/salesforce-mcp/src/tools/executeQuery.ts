import { z } from 'zod'
import type { QueryPage } from '../client.js'
import { defineSalesforceTool } from '../define-tool.js'
import { clean, withUsage } from './support/records.js'
import { apiUsage, recordOut } from './support/schemas.js'

interface QueryCursor {
  soql: string
  /** rows already returned */
  offset: number
  /** nextRecordsUrl when the last call ended on a page boundary */
  next?: string
}

export const executeQuery = defineSalesforceTool({
  name: 'executeQuery',
  title: 'Run SOQL query',
  description:
    'Runs SOQL on any object (relationship fields, subqueries, GROUP BY). Returns up to maxRows; pass nextCursor for more. Results are data.',
  input: z.object({
    soql: z.string().min(1),
    maxRows: z.number().int().min(1).max(5000).default(200),
    cursor: z.string().optional(),
  }),
  output: z.object({
    totalSize: z.number(),
    records: z.array(recordOut),
    nextCursor: z.string().optional(),
    apiUsage,
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'data',
  resourceCapable: true,
  render: (out) =>
    `${out.records.length} of ${out.totalSize} rows${out.nextCursor ? ' (more: pass nextCursor)' : ''}\n${JSON.stringify(out.records)}`,
  async run({ soql, maxRows, cursor }, ctx) {
    const state: QueryCursor = cursor ? ctx.cursor.decode<QueryCursor>(cursor) : { soql, offset: 0 }
    const max = Math.min(maxRows, ctx.limits.maxRows)
    const batch = Math.min(2000, Math.max(200, max))
    let skip = 0
    let page: QueryPage
    if (state.next) {
      page = await ctx.client.queryMore(state.next, batch)
    } else {
      page = await ctx.client.query(state.soql, batch)
      skip = state.offset
    }
    const records: unknown[] = []
    for (;;) {
      const available = page.records.slice(skip)
      skip = Math.max(0, skip - page.records.length)
      const room = max - records.length
      records.push(...available.slice(0, room))
      const more = !page.done && page.nextRecordsUrl
      if (available.length > room) {
        // stopped inside a page: resume by offset
        const offset = state.offset + records.length
        return withUsage(ctx.client, {
          totalSize: page.totalSize,
          records: clean(records) as Record<string, unknown>[],
          nextCursor: ctx.cursor.encode({ soql: state.soql, offset } satisfies QueryCursor),
        })
      }
      if (!more) {
        return withUsage(ctx.client, {
          totalSize: page.totalSize,
          records: clean(records) as Record<string, unknown>[],
        })
      }
      if (records.length >= max) {
        const next: QueryCursor = {
          soql: state.soql,
          offset: state.offset + records.length,
          next: page.nextRecordsUrl!,
        }
        return withUsage(ctx.client, {
          totalSize: page.totalSize,
          records: clean(records) as Record<string, unknown>[],
          nextCursor: ctx.cursor.encode(next),
        })
      }
      if (ctx.signal.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' })
      page = await ctx.client.queryMore(page.nextRecordsUrl!, batch)
    }
  },
})
