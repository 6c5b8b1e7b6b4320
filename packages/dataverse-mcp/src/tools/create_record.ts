import { z } from 'zod'
import { defineDataverseTool } from '../define-tool.js'
import { tableArg, valuesArg } from './support/schemas.js'
import { buildRecordBody } from './support/values.js'

export const createRecord = defineDataverseTool({
  name: 'create_record',
  title: 'Create record',
  description: 'Creates a row and returns its GUID. Columns by logical name (see describe_table).',
  input: z.object({ table: tableArg, values: valuesArg }),
  output: z.object({ table: z.string(), id: z.string() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  toolset: 'data',
  render: (out) => `Created ${out.table} ${out.id}`,
  async run({ table, values }, ctx) {
    const meta = await ctx.client.table(table, ctx.signal)
    const body = await buildRecordBody(ctx.client, meta, values, 'create', ctx.signal)
    return { table: meta.logicalName, id: await ctx.client.create(meta.entitySetName, body, ctx.signal) }
  },
})
