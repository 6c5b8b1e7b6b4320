// A destructive tool whose consent question is undefined for a call that changes nothing
// (a dry run) runs without asking; the real call still needs consent.
import { expect, it } from 'vitest'
import { z } from 'zod'
import { createServer, defineProduct, defineTool } from '../src/index.js'
import { connectInProcess, errorBody } from '../src/testing/index.js'

const purged: string[] = []
const purge = defineTool({
  name: 'purge_items',
  title: 'Purge items',
  description: 'Deletes items for good; dryRun lists what would go.',
  input: z.object({ prefix: z.string(), dryRun: z.boolean().default(false) }),
  output: z.object({ items: z.array(z.string()), purged: z.boolean() }),
  annotations: { destructiveHint: true },
  toolset: 'items',
  consent: ({ prefix, dryRun }) => (dryRun ? undefined : `Delete every item starting with ${prefix}?`),
  async run({ prefix, dryRun }) {
    const items = [`${prefix}-1`, `${prefix}-2`]
    if (!dryRun) purged.push(...items)
    return { items, purged: !dryRun }
  },
})
const product = defineProduct({
  name: 'items',
  title: 'Items',
  description: 'items',
  version: '1',
  toolsets: { items: 'items' },
  tools: [purge],
})

for (const era of ['legacy', 'modern'] as const) {
  it(`runs a dry run without consent and still guards the real call (${era})`, async () => {
    const { client, close } = await connectInProcess(createServer([{ product, client: {} }]), { era })
    const dry = await client.callTool({ name: 'purge_items', arguments: { prefix: 'tmp', dryRun: true } })
    expect(dry.structuredContent).toEqual({ items: ['tmp-1', 'tmp-2'], purged: false })
    const real = await client.callTool({ name: 'purge_items', arguments: { prefix: 'tmp' } })
    expect(errorBody(real).code).toBe('ConsentUnavailable')
    expect(purged).toEqual([])
    await close()
  })
}
