import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineDataverseTool } from '../define-tool.js'
import { tableArg } from './support/schemas.js'

export const deleteTable = defineDataverseTool({
  name: 'delete_table',
  title: 'Delete table',
  description: 'Deletes a custom table with all its records. Irreversible; asks the user first.',
  input: z.object({ table: tableArg }),
  output: z.object({ table: z.string(), deleted: z.boolean() }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  toolset: 'schema',
  consent: ({ table }) => `Delete the Dataverse table '${table}' with all its records?`,
  render: (out) => `Deleted table ${out.table}`,
  async run({ table }, ctx) {
    const meta = await ctx.client.table(table, ctx.signal)
    if (!meta.isCustom) {
      throw new ToolError({
        code: 'Forbidden',
        message: `'${meta.logicalName}' is a system table; only custom tables can be deleted.`,
        fix: 'Pick a custom table (list_tables with customOnly: true).',
      })
    }
    await ctx.client.deleteTable(meta.logicalName, ctx.signal)
    return { table: meta.logicalName, deleted: true }
  },
})
