import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'

export const getRecord = defineErpTool({
  name: 'erp_get_record',
  title: 'Get a Finance & operations record',
  description: 'Reads one Finance & operations record by id.',
  input: z.object({ id: z.string().min(1).describe('Record id') }),
  output: z.object({ id: z.string(), name: z.string(), createdOn: z.string() }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'records',
  async run({ id }, ctx) {
    return ctx.client.getRecord(id, ctx.signal)
  },
})
