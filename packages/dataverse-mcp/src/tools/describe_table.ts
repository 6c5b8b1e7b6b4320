import { z } from 'zod'
import { defineDataverseTool } from '../define-tool.js'
import { tableArg } from './support/schemas.js'
import { createTableSql } from './support/tsql.js'

export const describeTable = defineDataverseTool({
  name: 'describe_table',
  title: 'Describe table',
  description:
    "A table's schema as T-SQL CREATE TABLE (key, lookups as REFERENCES, choice values) and as columns. Use before read_query or writes.",
  input: z.object({ table: tableArg }),
  output: z.object({
    table: z.string(),
    entitySet: z.string(),
    schema: z.string(),
    columns: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        required: z.boolean().optional(),
        targets: z.array(z.string()).optional(),
        options: z.string().optional().describe('value=label, …'),
      }),
    ),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'schema',
  render: (out) => out.schema,
  async run({ table }, ctx) {
    const meta = await ctx.client.table(table, ctx.signal)
    const tables = await ctx.client.listTables(ctx.signal)
    const ids = new Map(tables.map((t) => [t.logicalName, t.primaryIdAttribute]))
    return {
      table: meta.logicalName,
      entitySet: meta.entitySetName,
      schema: createTableSql(meta, ids),
      columns: meta.columns
        .filter((c) => c.isValidForRead)
        .map((c) => ({
          name: c.logicalName,
          type: c.type,
          ...(c.requiredLevel === 'SystemRequired' || c.requiredLevel === 'ApplicationRequired'
            ? { required: true }
            : {}),
          ...(c.targets?.length ? { targets: c.targets } : {}),
          ...(c.options?.length ? { options: c.options.map((o) => `${o.value}=${o.label}`).join(', ') } : {}),
        })),
    }
  },
})
