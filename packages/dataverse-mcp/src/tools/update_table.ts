import { isToolError, ToolError } from '@bizmcp/core'
import { z } from 'zod'
import type { DataverseClient, NewColumn } from '../client/types.js'
import { defineDataverseTool } from '../define-tool.js'
import { columnsArg, tableArg, toNewColumns } from './support/schemas.js'

/** Adds columns one by one; a failure names what was added and what is left. */
export async function addColumns(
  client: DataverseClient,
  table: string,
  columns: NewColumn[],
  signal?: AbortSignal,
): Promise<string[]> {
  const added: string[] = []
  for (const [index, column] of columns.entries()) {
    try {
      added.push(await client.createColumn(table, column, signal))
    } catch (error) {
      if (!isToolError(error) || (index === 0 && !added.length && columns.length === 1)) throw error
      const left = columns.slice(index).map((c) => c.schemaName)
      throw new ToolError({
        code: error.code,
        message: `Adding column ${column.schemaName} to ${table} failed: ${error.message} Added so far: ${added.join(', ') || 'none'}.`,
        fix: `${error.fix} Then call update_table for the columns not added: ${left.join(', ')}.`,
        ...(error.details ? { details: error.details } : {}),
      })
    }
  }
  return added
}

export const updateTable = defineDataverseTool({
  name: 'update_table',
  title: 'Add columns',
  description: 'Adds columns to a table. Names need a publisher prefix: new_DueDate.',
  input: z.object({ table: tableArg, columns: columnsArg.min(1) }),
  output: z.object({ table: z.string(), added: z.array(z.string()) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  toolset: 'schema',
  render: (out) => `Added to ${out.table}: ${out.added.join(', ')}`,
  async run({ table, columns }, ctx) {
    const meta = await ctx.client.table(table, ctx.signal)
    const prefix = meta.isCustom ? meta.schemaName.split('_')[0] : undefined
    const specs = toNewColumns(columns, prefix ?? '', new Set(meta.columns.map((c) => c.logicalName)))
    for (const column of specs) if (column.target) await ctx.client.table(column.target, ctx.signal)
    return { table: meta.logicalName, added: await addColumns(ctx.client, meta.logicalName, specs, ctx.signal) }
  },
})
