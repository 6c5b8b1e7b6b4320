import { z } from 'zod'
import { defineDataverseTool } from '../define-tool.js'
import { tableArg, valuesArg } from './support/schemas.js'
import { buildRecordBody } from './support/values.js'

export const updateRecord = defineDataverseTool({
  name: 'update_record',
  title: 'Update record',
  description: 'Changes columns of an existing row (null clears a column). Never creates a row.',
  input: z.object({ table: tableArg, id: z.string().describe('Record GUID'), values: valuesArg }),
  output: z.object({ table: z.string(), id: z.string(), updated: z.array(z.string()) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  toolset: 'data',
  render: (out) => `Updated ${out.table} ${out.id}: ${out.updated.join(', ')}`,
  async run({ table, id, values }, ctx) {
    const meta = await ctx.client.table(table, ctx.signal)
    const body = await buildRecordBody(ctx.client, meta, values, 'update', ctx.signal)
    // If-Match: * makes the PATCH an update only: a missing row is NotFound, not an upsert
    await ctx.client.update(meta.entitySetName, id, body, { ifMatch: '*', signal: ctx.signal })
    return {
      table: meta.logicalName,
      id: id.toLowerCase().replace(/[{}()]/g, ''),
      updated: Object.keys(values).map((k) => k.toLowerCase()),
    }
  },
})
