import { z } from 'zod'
import { defineDataverseTool } from '../define-tool.js'

export const listTables = defineDataverseTool({
  name: 'list_tables',
  title: 'List tables',
  description:
    'Lists tables by logical and display name, paged. search finds tables by meaning; describe_table gives columns.',
  input: z.object({
    filter: z.string().optional().describe('Text in the name'),
    customOnly: z.boolean().default(false),
    pageSize: z.number().int().min(1).max(500).default(100),
    cursor: z.string().optional(),
  }),
  output: z.object({
    tables: z.array(z.object({ name: z.string(), displayName: z.string(), custom: z.boolean() })),
    total: z.number(),
    nextCursor: z.string().optional(),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'schema',
  render: (out) =>
    `${out.total} tables${out.nextCursor ? ' (more: pass nextCursor)' : ''}: ${out.tables.map((t) => t.name).join(', ')}`,
  async run({ filter, customOnly, pageSize, cursor }, ctx) {
    const offset = cursor ? ctx.cursor.decode<{ offset: number }>(cursor).offset : 0
    const text = filter?.trim().toLowerCase()
    const matching = (await ctx.client.listTables(ctx.signal)).filter(
      (t) =>
        (!customOnly || t.isCustom) &&
        (!text || t.logicalName.includes(text) || t.displayName.toLowerCase().includes(text)),
    )
    const page = matching.slice(offset, offset + pageSize)
    const next = offset + page.length
    return {
      tables: page.map((t) => ({
        name: t.logicalName,
        displayName: t.displayName,
        custom: t.isCustom,
      })),
      total: matching.length,
      ...(next < matching.length ? { nextCursor: ctx.cursor.encode({ offset: next }) } : {}),
    }
  },
})
