import { z } from 'zod'
import { defineDataverseTool } from '../define-tool.js'

export const listKnowledgeSources = defineDataverseTool({
  name: 'list_knowledge_sources',
  title: 'List knowledge sources',
  description: 'Lists the tables enabled for Dataverse search, with the columns searched. Use with retrieve_knowledge.',
  input: z.object({}),
  output: z.object({
    sources: z.array(
      z.object({
        table: z.string(),
        displayName: z.string(),
        searchColumns: z.array(z.string()),
      }),
    ),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'knowledge',
  render: (out) =>
    out.sources.map((s) => `${s.table}: ${s.searchColumns.join(', ')}`).join('\n') || 'No search-enabled tables.',
  async run(_args, ctx) {
    const [sources, tables] = await Promise.all([
      ctx.client.searchSources(ctx.signal),
      ctx.client.listTables(ctx.signal),
    ])
    const names = new Map(tables.map((t) => [t.logicalName, t.displayName]))
    return {
      sources: sources.map((s) => ({
        table: s.table,
        displayName: names.get(s.table) ?? s.table,
        searchColumns: s.columns,
      })),
    }
  },
})
