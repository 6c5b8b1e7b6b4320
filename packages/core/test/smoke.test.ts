import { afterAll, beforeAll, expect, it } from 'vitest'
import { createServer } from '../src/index.js'
import { connectInProcess } from '../src/testing/index.js'
import { setupNotesNetwork } from './fixtures/network.js'
import { createNotesClient, notesProduct } from './fixtures/notes-product.js'

const net = setupNotesNetwork()
beforeAll(() => net.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => net.server.close())

for (const era of ['legacy', 'modern'] as const) {
  it(`lists and calls over ${era}`, async () => {
    const server = createServer([{ product: notesProduct, client: createNotesClient() }])
    const { client, close } = await connectInProcess(server, { era })
    const tools = await client.listTools()
    expect(tools.tools.map((t) => t.name)).toContain('list_notes')
    const result = await client.callTool({ name: 'get_note', arguments: { id: '1' } })
    expect(result.structuredContent).toEqual({ id: '1', title: 'Note 1', body: 'Body of note 1' })
    expect(client.getProtocolEra()).toBe(era)
    await close()
  })
}
