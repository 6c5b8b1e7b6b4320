// ctx.sample: the client's model phrases text where it can; the tool's own result otherwise.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createServer, defineProduct, defineTool } from '../src/index.js'
import { connectInProcess } from '../src/testing/index.js'

const suggestTitle = defineTool({
  name: 'suggest_title',
  title: 'Suggest a title',
  description: 'Suggests a title for a text.',
  input: z.object({ text: z.string() }),
  output: z.object({ title: z.string(), by: z.enum(['model', 'rule']) }),
  annotations: { readOnlyHint: true },
  toolset: 'text',
  async run({ text }, ctx) {
    const drafted = await ctx.sample({ system: 'You write short titles.', prompt: `Title for: ${text}`, maxTokens: 20 })
    return drafted
      ? { title: drafted, by: 'model' as const }
      : { title: text.split(/\s+/).slice(0, 3).join(' '), by: 'rule' as const }
  },
})
const product = defineProduct({
  name: 'text',
  title: 'Text',
  description: 'text',
  version: '1',
  toolsets: { text: 'text' },
  tools: [suggestTitle],
})
const server = () => createServer([{ product, client: {} }])
const call = async (options: Parameters<typeof connectInProcess>[1]) => {
  const { client, close } = await connectInProcess(server(), options)
  const result = await client.callTool({
    name: 'suggest_title',
    arguments: { text: 'quarterly pipeline review for the west region' },
  })
  await close()
  return result.structuredContent
}

describe('sampling', () => {
  it("uses the client's model on a 2025-era session that offers sampling", async () => {
    const seen: string[] = []
    const out = await call({
      era: 'legacy',
      onSample: async (request) => {
        seen.push(`${request.systemPrompt}|${request.messages[0]?.content.text}|${request.maxTokens}`)
        return 'West Region Pipeline Review'
      },
    })
    expect(out).toEqual({ title: 'West Region Pipeline Review', by: 'model' })
    expect(seen).toEqual(['You write short titles.|Title for: quarterly pipeline review for the west region|20'])
  })

  it('falls back to the deterministic result when the client offers no sampling', async () => {
    expect(await call({ era: 'legacy' })).toEqual({ title: 'quarterly pipeline review', by: 'rule' })
  })

  it('falls back when the client refuses', async () => {
    const out = await call({
      era: 'legacy',
      onSample: async () => {
        throw new Error('user declined')
      },
    })
    expect(out).toEqual({ title: 'quarterly pipeline review', by: 'rule' })
  })

  it('does not sample on 2026-era requests, where sampling is deprecated', async () => {
    expect(await call({ era: 'modern', onSample: async () => 'never used' })).toEqual({
      title: 'quarterly pipeline review',
      by: 'rule',
    })
  })
})
