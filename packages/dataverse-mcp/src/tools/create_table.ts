import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineDataverseTool } from '../define-tool.js'
import { checkSchemaName, columnsArg, displayNameFromSchemaName, toNewColumns } from './support/schemas.js'
import { addColumns } from './update_table.js'

export const createTable = defineDataverseTool({
  name: 'create_table',
  title: 'Create table',
  description: 'Creates a custom table (primary name column plus columns). Names need a publisher prefix: new_Project.',
  input: z.object({
    schemaName: z.string(),
    displayName: z.string().optional(),
    primaryName: z.string().optional().describe('default <prefix>_Name'),
    ownership: z.enum(['user', 'organization']).default('user'),
    columns: columnsArg.optional(),
  }),
  output: z.object({
    table: z.string(),
    entitySet: z.string(),
    columns: z.array(z.string()).describe('primary name first'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  toolset: 'schema',
  render: (out) => `Created table ${out.table} (entity set ${out.entitySet}) with columns ${out.columns.join(', ')}`,
  async run(args, ctx) {
    const prefix = checkSchemaName(args.schemaName, 'Table')
    const logicalName = args.schemaName.toLowerCase()
    const primaryName = args.primaryName ?? `${args.schemaName.split('_')[0]}_Name`
    checkSchemaName(primaryName, 'Primary name column', prefix)
    const tables = await ctx.client.listTables(ctx.signal)
    if (tables.some((t) => t.logicalName === logicalName)) {
      throw new ToolError({
        code: 'Conflict',
        message: `The table '${logicalName}' already exists.`,
        fix: 'Choose another schema name, or add columns to the existing table with update_table.',
      })
    }
    const columns = toNewColumns(args.columns ?? [], prefix, new Set([primaryName.toLowerCase(), `${logicalName}id`]))
    // check every lookup target before anything is created
    for (const column of columns) if (column.target) await ctx.client.table(column.target, ctx.signal)
    const displayName = args.displayName ?? displayNameFromSchemaName(args.schemaName)
    const info = await ctx.client.createTable(
      {
        schemaName: args.schemaName,
        displayName,
        pluralDisplayName: /s$/i.test(displayName) ? displayName : `${displayName}s`,
        ownership: args.ownership === 'organization' ? 'OrganizationOwned' : 'UserOwned',
        primaryName: { schemaName: primaryName, displayName: 'Name' },
      },
      ctx.signal,
    )
    const added = await addColumns(ctx.client, info.logicalName, columns, ctx.signal)
    return {
      table: info.logicalName,
      entitySet: info.entitySetName,
      columns: [info.primaryNameAttribute, ...added],
    }
  },
})
