// Tool listings: names as the seed names them, annotations, and the token budget of descriptions
// with schemas (o200k, as models read them on every turn).
import { createServer } from '@bizmcp/core'
import { getEncoding } from 'js-tiktoken'
import { describe, expect, it } from 'vitest'
import { salesforceModule } from '../src/product.js'

const server = createServer([{ product: salesforceModule.product, client: {} }])
const encoder = getEncoding('o200k_base')
const tokens = server.tools.map((t) => ({
  name: t.tool.name,
  tokens: encoder.encode(JSON.stringify(t.listing)).length,
}))

describe('tool listings', () => {
  it('has the tool names of the seed', () => {
    expect(server.tools.map((t) => t.tool.name).sort()).toEqual(
      [
        'createLead',
        'getLead',
        'updateLead',
        'convertLead',
        'createOpportunity',
        'updateOpportunity',
        'getOpportunity',
        'createAccount',
        'getAccount',
        'updateAccount',
        'createContact',
        'updateContact',
        'getContact',
        'generateForecast',
        'getReport',
        'listReports',
        'queryActivities',
        'executeQuery',
        'executeComposite',
        'executeBatch',
      ].sort(),
    )
  })

  it('marks irreversible tools destructive and reads read-only', () => {
    const destructive = server.tools
      .filter((t) => t.tool.annotations.destructiveHint)
      .map((t) => t.tool.name)
      .sort()
    expect(destructive).toEqual(['convertLead', 'executeBatch', 'executeComposite'])
    for (const t of server.tools) {
      if (
        /^(get|list|query|execute(Query)|generate)/.test(t.tool.name) &&
        !/^execute(Batch|Composite)/.test(t.tool.name)
      ) {
        expect(t.tool.annotations.readOnlyHint, t.tool.name).toBe(true)
      }
    }
  })

  it('keeps listings short: under 200 o200k tokens per tool on average', () => {
    const total = tokens.reduce((s, t) => s + t.tokens, 0)
    const average = total / tokens.length
    console.log(
      `o200k tokens: total ${total}, average ${average.toFixed(1)}, max ${Math.max(...tokens.map((t) => t.tokens))}`,
    )
    console.log(tokens.map((t) => `${t.name} ${t.tokens}`).join(', '))
    expect(average).toBeLessThan(200)
  })
})
