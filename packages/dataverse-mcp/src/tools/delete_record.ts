import { z } from 'zod'
import { defineDataverseTool } from '../define-tool.js'
import { idArg, tableArg } from './support/schemas.js'

export const deleteRecord = defineDataverseTool({
  name: 'delete_record',
  title: 'Delete record',
  description: 'Deletes one row by table and GUID. Irreversible; asks the user first.',
  input: z.object({ table: tableArg, id: idArg }),
  output: z.object({ table: z.string(), id: z.string(), deleted: z.boolean() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  toolset: 'data',
  consent: ({ table, id }) => `Delete the ${table} record ${id} from Dataverse?`,
  render: (out) => `Deleted ${out.table} ${out.id}`,
  async run({ table, id }, ctx) {
    const meta = await ctx.client.table(table, ctx.signal)
    await ctx.client.delete(meta.entitySetName, id, ctx.signal)
    return { table: meta.logicalName, id: id.toLowerCase().replace(/[{}()]/g, ''), deleted: true }
  },
})
