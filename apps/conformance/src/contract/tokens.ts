// The tool listing is sent to the model on every turn, so its size is a cost every user pays.
// Counted with o200k (the encoding of current OpenAI models; other tokenizers land close).
import { Tiktoken } from 'js-tiktoken/lite'
import o200k from 'js-tiktoken/ranks/o200k_base'
import type { RunContext } from '../context.js'
import { fail, type ListedTool, pass, skip, type TokenTable } from '../types.js'

export const DEFAULT_TOKEN_BUDGET = { average: 200, perTool: 1000 }

let encoder: Tiktoken | undefined

/** The part of a listing a model reads: name, title, description, schemas and annotations. */
export function countToolTokens(tool: ListedTool): number {
  encoder ??= new Tiktoken(o200k)
  const { name, title, description, inputSchema, outputSchema, annotations } = tool
  return encoder.encode(JSON.stringify({ name, title, description, inputSchema, outputSchema, annotations })).length
}

export function tokenTable(tools: ListedTool[], budget: { average: number; perTool: number }): TokenTable {
  const rows = tools.map((tool) => ({ name: tool.name, tokens: countToolTokens(tool) }))
  const total = rows.reduce((sum, row) => sum + row.tokens, 0)
  return {
    rows,
    total,
    average: rows.length ? Math.round(total / rows.length) : 0,
    max: Math.max(0, ...rows.map((row) => row.tokens)),
    budget,
  }
}

export async function tokenChecks(ctx: RunContext) {
  await ctx.check('contract', 'token-budget', 'tool listing fits the token budget', async () => {
    const listing = await ctx.listing()
    if (listing.tools.length === 0) return skip(listing.error ?? 'no tools listed')
    const budget = { ...DEFAULT_TOKEN_BUDGET, ...ctx.options.tokenBudget }
    const table = tokenTable(listing.tools, budget)
    ctx.tokens = table
    const problems: string[] = []
    if (table.average > budget.average) problems.push(`average ${table.average} > budget ${budget.average}`)
    const over = table.rows.filter((row) => row.tokens > budget.perTool)
    if (over.length)
      problems.push(`over the per-tool cap ${budget.perTool}: ${over.map((r) => `${r.name} (${r.tokens})`).join(', ')}`)
    const summary = `${table.total} tokens for ${table.rows.length} tools, average ${table.average}, max ${table.max}`
    return problems.length ? fail(`${summary}; ${problems.join('; ')}`) : pass(summary)
  })
}
