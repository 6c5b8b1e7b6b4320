import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'

const Record = z.object({ id: z.string(), name: z.string(), createdOn: z.string() })

export const listRecords = defineErpTool({
  name: 'erp_list_records',
  title: 'List Finance & operations records',
  description:
    'Lists Finance & operations records, newest first, a page at a time. Use erp_get_record for one record by id.',
  input: z.object({
    pageSize: z.number().int().min(1).max(200).default(50).describe('Records per page (1-200)'),
    cursor: z.string().optional().describe('nextCursor from the previous page'),
  }),
  output: z.object({ records: z.array(Record), total: z.number().int(), nextCursor: z.string().optional() }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'records',
  resourceCapable: true,
  async run({ pageSize, cursor }, ctx) {
    const skip = cursor ? ctx.cursor.decode<{ skip: number }>(cursor).skip : 0
    const page = await ctx.client.listRecords({ top: pageSize, skip, signal: ctx.signal })
    const next = skip + page.records.length
    return { ...page, ...(next < page.total ? { nextCursor: ctx.cursor.encode({ skip: next }) } : {}) }
  },
})
