import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineDataverseTool } from '../define-tool.js'
import { tokens } from './support/output.js'

/** Token overlap of the query with a name (weight 3), display name (2) and description (1). */
function score(query: string[], name: string, displayName: string, description: string | undefined): number {
  const fields: Array<[Set<string>, number]> = [
    [new Set([...tokens(name), name.toLowerCase()]), 3],
    [new Set(tokens(displayName)), 2],
    [new Set(tokens(description ?? '')), 1],
  ]
  let total = 0
  for (const term of query) {
    let best = 0
    for (const [set, weight] of fields) {
      if (set.has(term)) best = Math.max(best, weight)
      else if (term.length >= 4 && [...set].some((t) => t.startsWith(term) || (t.length >= 4 && term.startsWith(t))))
        best = Math.max(best, weight / 2)
    }
    total += best
  }
  return Math.round((total / query.length) * 100) / 100
}

const byScore = <T extends { score: number; name: string }>(a: T, b: T) =>
  b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

export const searchMetadata = defineDataverseTool({
  name: 'search',
  title: 'Search schema',
  description:
    'Finds tables and columns whose names or descriptions match the words (e.g. "customer phone"). Schema only; search_data finds records.',
  input: z.object({ query: z.string().min(1), top: z.number().int().min(1).max(50).default(10) }),
  output: z.object({
    tables: z.array(z.string()).describe('best first'),
    columns: z.array(z.string()).describe('table.column, best first'),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'schema',
  render: (out) => `Tables: ${out.tables.join(', ') || 'none'}\nColumns: ${out.columns.join(', ') || 'none'}`,
  async run({ query, top }, ctx) {
    const terms = [...new Set(tokens(query))]
    if (!terms.length) {
      throw new ToolError({
        code: 'InvalidInput',
        message: `The query '${query}' has no words to search for.`,
        fix: 'Pass one or more words, e.g. "customer phone".',
      })
    }
    const tables = await ctx.client.listTables(ctx.signal)
    const tableHits = tables
      .map((t) => ({
        name: t.logicalName,
        score: score(terms, t.logicalName, `${t.displayName} ${t.displayCollectionName}`, t.description),
      }))
      .filter((t) => t.score > 0)
      .sort(byScore)
      .slice(0, top)
    const tableBoost = new Map(tableHits.map((t) => [t.name, t.score]))
    const catalog = await ctx.client.columnCatalog(ctx.signal)
    const columnHits = catalog
      .flatMap((entry) =>
        entry.columns.map((c) => {
          // a column of a matching table ranks above the same column elsewhere
          const own = score(terms, c.logicalName, c.displayName, c.description)
          const boost = (tableBoost.get(entry.table) ?? 0) / 4
          return { table: entry.table, name: c.logicalName, score: own ? Math.round((own + boost) * 100) / 100 : 0 }
        }),
      )
      .filter((c) => c.score > 0)
      .sort((a, b) => byScore(a, b) || (a.table < b.table ? -1 : a.table > b.table ? 1 : 0))
      .slice(0, top)
    return { tables: tableHits.map((t) => t.name), columns: columnHits.map((c) => `${c.table}.${c.name}`) }
  },
})
