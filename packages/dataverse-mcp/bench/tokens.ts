// (b) The tool list as tools/list returns it, counted in o200k tokens: per tool, total, average.
import { createServer } from '@bizmcp/core'
import { getEncoding } from 'js-tiktoken'
import type { DataverseClient } from '../src/client/types.js'
import { benchProduct } from './product.js'

const TARGET_AVERAGE = 200

export async function tokenFigures(): Promise<string[]> {
  const encoding = getEncoding('o200k_base')
  // Listings need no client: they are computed from the definitions when the server is built.
  const server = createServer([{ product: benchProduct, client: {} as DataverseClient }])
  const perTool = server.tools.map((t) => ({
    name: t.tool.name,
    tokens: encoding.encode(JSON.stringify(t.listing)).length,
  }))
  const total = encoding.encode(JSON.stringify({ tools: server.tools.map((t) => t.listing) })).length
  const average = perTool.reduce((sum, t) => sum + t.tokens, 0) / perTool.length
  return [
    ...perTool.map((t) => `tokens ${t.name}: ${t.tokens}`),
    `tools/list (${perTool.length} tools): ${total} o200k tokens, average ${average.toFixed(1)} per tool (target < ${TARGET_AVERAGE})`,
  ]
}
