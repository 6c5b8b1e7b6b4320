// MCP client → core server → notes client → HTTP (msw at the edge) → notes service, in both protocol eras.
import { delay, HttpResponse, http } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type CreateServerOptions, createServer } from '../src/index.js'
import { type ClientOptions, connectInProcess, type Era, errorBody } from '../src/testing/index.js'
import { setupNotesNetwork } from './fixtures/network.js'
import { createNotesClient, notesProduct } from './fixtures/notes-product.js'

const net = setupNotesNetwork()
beforeAll(() => net.server.listen({ onUnhandledFrame: 'error' }))
afterEach(() => net.reset())
afterAll(() => net.server.close())

async function connect(era: Era, options: CreateServerOptions = {}, client: ClientOptions = {}) {
  const server = createServer([{ product: notesProduct, client: createNotesClient() }], options)
  return connectInProcess(server, { era, ...client })
}

for (const era of ['legacy', 'modern'] as const) {
  describe(`${era} era`, () => {
    it('lists every tool with schemas and annotations, and pages tools/list', async () => {
      const { client, close } = await connect(era, { toolsPageSize: 3 })
      const all = (await client.listTools()).tools // the SDK client follows nextCursor itself
      const second = await client.listTools({ cursor: '1' })
      expect(second.tools.map((t) => t.name)).toEqual(['delete_note', 'wait_for', 'big_text'])
      expect(second.nextCursor).toBe('2')
      const third = await client.listTools({ cursor: '2' })
      expect(third.tools.map((t) => t.name)).toEqual(['broken_output'])
      expect(third.nextCursor).toBeUndefined()
      expect(all.map((t) => t.name)).toEqual([
        'list_notes',
        'get_note',
        'create_note',
        'delete_note',
        'wait_for',
        'big_text',
        'broken_output',
      ])
      const list = all.find((t) => t.name === 'list_notes')!
      expect(list.title).toBe('List notes')
      expect(list.annotations).toEqual({ readOnlyHint: true, openWorldHint: true })
      expect(list.outputSchema).toMatchObject({ type: 'object' })
      expect((list.inputSchema.properties as Record<string, unknown>).returnAsResource).toBeDefined()
      await expect(client.listTools({ cursor: 'bogus' })).rejects.toThrow(/Invalid tools\/list cursor/)
      await close()
    })

    it('read-only mode neither lists nor calls write tools', async () => {
      const { client, close } = await connect(era, { readOnly: true })
      const names = (await client.listTools()).tools.map((t) => t.name)
      expect(names).not.toContain('create_note')
      expect(names).not.toContain('delete_note')
      await expect(client.callTool({ name: 'create_note', arguments: { title: 'x' } })).rejects.toThrow(
        /Unknown tool: create_note/,
      )
      expect(net.service.notes.size).toBe(3)
      await close()
    })

    it('toolset and deny filters hide tools from list and call', async () => {
      const { client, close } = await connect(era, { toolsets: ['notes'], denyTools: ['get_note'] })
      const names = (await client.listTools()).tools.map((t) => t.name)
      expect(names).not.toContain('delete_note')
      expect(names).not.toContain('get_note')
      await expect(client.callTool({ name: 'get_note', arguments: { id: '1' } })).rejects.toThrow(/Unknown tool/)
      await close()
    })

    it('returns structured content and text, and pages with an opaque cursor', async () => {
      const { client, close } = await connect(era)
      const first = await client.callTool({ name: 'list_notes', arguments: { pageSize: 2 } })
      const page1 = first.structuredContent as { notes: Array<{ id: string }>; nextCursor?: string; total: number }
      expect(page1.notes.map((n) => n.id)).toEqual(['1', '2'])
      expect(JSON.parse((first.content as Array<{ text: string }>)[0]!.text)).toEqual(page1)
      const second = await client.callTool({ name: 'list_notes', arguments: { pageSize: 2, cursor: page1.nextCursor } })
      const page2 = second.structuredContent as { notes: Array<{ id: string }>; nextCursor?: string }
      expect(page2.notes.map((n) => n.id)).toEqual(['3'])
      expect(page2.nextCursor).toBeUndefined()
      const bad = await client.callTool({ name: 'list_notes', arguments: { cursor: 'not-a-cursor' } })
      expect(errorBody(bad).code).toBe('InvalidCursor')
      await close()
    })

    it('answers invalid input with a result naming the field and what was expected', async () => {
      const { client, close } = await connect(era)
      const result = await client.callTool({ name: 'list_notes', arguments: { pageSize: 500, cursor: 7 } })
      const body = errorBody(result)
      expect(body.code).toBe('InvalidInput')
      expect(body.message).toMatch(/pageSize: Too big: expected number to be <=100/)
      expect(body.message).toMatch(/cursor: Invalid input: expected string, received number/)
      expect(body.fix).toContain('pageSize')
      expect(net.service.log).toHaveLength(0) // nothing reached the vendor
      await close()
    })

    it('maps vendor errors to tool errors with a fix', async () => {
      const { client, close } = await connect(era)
      const result = await client.callTool({ name: 'get_note', arguments: { id: '99' } })
      expect(errorBody(result)).toMatchObject({
        code: 'NotFound',
        message: 'Notes said: Note 99 does not exist.',
        details: { vendorCode: 'NoteNotFound' },
      })
      await close()
    })

    it('refuses inline results over 160,000 characters and returns them as a resource on request', async () => {
      const { client, close } = await connect(era)
      const inline = await client.callTool({ name: 'big_text', arguments: { lines: 5_000 } })
      const body = errorBody(inline)
      expect(body.code).toBe('ResponseTooLarge')
      expect(body.fix).toContain('returnAsResource: true')
      const asResource = await client.callTool({
        name: 'big_text',
        arguments: { lines: 5_000, returnAsResource: true },
      })
      expect(asResource.isError).toBeFalsy()
      const blocks = asResource.content as Array<{ type: string; resource?: { text: string; uri: string } }>
      expect(blocks[1]?.type).toBe('resource')
      expect(JSON.parse(blocks[1]!.resource!.text).lines).toHaveLength(5_000)
      expect((asResource.structuredContent as { lines: string[] }).lines).toHaveLength(10)
      const tooBig = await client.callTool({ name: 'big_text', arguments: { lines: 200_000, returnAsResource: true } })
      expect(errorBody(tooBig).message).toMatch(/over the 5,242,880-byte resource limit/)
      await close()
    })

    it('reports a result that breaks its own output schema as a defect, not as data', async () => {
      const { client, close } = await connect(era)
      const result = await client.callTool({ name: 'broken_output', arguments: {} })
      expect(errorBody(result)).toMatchObject({ code: 'InternalError' })
      expect(errorBody(result).message).toContain('count')
      await close()
    })

    it('retries a 429 with Retry-After and then succeeds', async () => {
      let calls = 0
      net.server.use(
        http.get('http://notes.test/api/notes/1', () =>
          ++calls === 1
            ? HttpResponse.json({ error: { message: 'Rate limit' } }, { status: 429, headers: { 'Retry-After': '1' } })
            : undefined,
        ),
      )
      const { client, close } = await connect(era)
      const result = await client.callTool({ name: 'get_note', arguments: { id: '1' } })
      expect(result.isError).toBeFalsy()
      expect(calls).toBe(2)
      await close()
    })

    it('retries 503 on reads but never on writes', async () => {
      let reads = 0
      let writes = 0
      net.server.use(
        http.get('http://notes.test/api/notes/2', () =>
          ++reads < 3 ? new HttpResponse('busy', { status: 503 }) : undefined,
        ),
        http.post('http://notes.test/api/notes', () => {
          writes++
          return new HttpResponse('busy', { status: 503 })
        }),
      )
      const { client, close } = await connect(era)
      expect((await client.callTool({ name: 'get_note', arguments: { id: '2' } })).isError).toBeFalsy()
      expect(reads).toBe(3)
      const write = await client.callTool({ name: 'create_note', arguments: { title: 'x' } })
      expect(errorBody(write).code).toBe('VendorUnavailable')
      expect(writes).toBe(1)
      await close()
    })

    it('turns a vendor that never answers into a Timeout error', async () => {
      net.server.use(http.get('http://notes.test/api/notes/3', () => delay('infinite') as never))
      const server = createServer([
        {
          product: notesProduct,
          client: createNotesClient({
            timeoutMs: 100,
            retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
          }),
        },
      ])
      const { client, close } = await connectInProcess(server, { era })
      const result = await client.callTool({ name: 'get_note', arguments: { id: '3' } })
      expect(errorBody(result)).toMatchObject({ code: 'Timeout' })
      await close()
    })

    it('reports progress to clients that ask for it', async () => {
      const { client, close } = await connect(era)
      const updates: Array<{ progress: number; total?: number; message?: string }> = []
      const result = await client.callTool(
        { name: 'wait_for', arguments: { steps: 3, msPerStep: 5 } },
        { onprogress: (p) => updates.push(p) },
      )
      expect(result.structuredContent).toEqual({ steps: 3 })
      expect(updates.map((u) => u.progress)).toEqual([1, 2, 3])
      expect(updates[2]).toMatchObject({ total: 3, message: 'step 3 of 3' })
      await close()
    })

    it('cancellation reaches the vendor call', async () => {
      const { client, close } = await connect(era)
      const controller = new AbortController()
      const call = client.callTool(
        { name: 'wait_for', arguments: { steps: 1, msPerStep: 4_000 } },
        { signal: controller.signal },
      )
      await waitUntil(() => net.service.log.some((entry) => entry.path === '/slow'))
      controller.abort('the user clicked stop')
      await expect(call).rejects.toThrow()
      await waitUntil(() => net.service.log.find((entry) => entry.path === '/slow')?.aborted === true)
      await close()
    })

    it('deletes after the user approves through elicitation', async () => {
      const asked: string[] = []
      const { client, close } = await connect(
        era,
        {},
        {
          onElicit: async ({ message }) => {
            asked.push(message)
            return { action: 'accept', content: { approve: true } }
          },
        },
      )
      const result = await client.callTool({ name: 'delete_note', arguments: { id: '2' } })
      expect(result.structuredContent).toEqual({ deleted: '2' })
      expect(asked[0]).toContain('Delete note 2?')
      expect(net.service.notes.has('2')).toBe(false)
      await close()
    })

    it('a declined consent changes nothing and says so', async () => {
      const { client, close } = await connect(era, {}, { onElicit: async () => ({ action: 'decline' }) })
      const result = await client.callTool({ name: 'delete_note', arguments: { id: '2' } })
      expect(errorBody(result)).toMatchObject({ code: 'ConsentDeclined' })
      expect(errorBody(result).message).toContain('Nothing was changed')
      expect(net.service.notes.has('2')).toBe(true)
      expect(net.service.log.filter((e) => e.method === 'DELETE')).toHaveLength(0)
      await close()
    })

    it('an accept without approval is not consent', async () => {
      const { client, close } = await connect(
        era,
        {},
        { onElicit: async () => ({ action: 'accept', content: { approve: false } }) },
      )
      expect(errorBody(await client.callTool({ name: 'delete_note', arguments: { id: '1' } })).code).toBe(
        'ConsentDeclined',
      )
      expect(net.service.notes.has('1')).toBe(true)
      await close()
    })

    it('refuses destructive tools when the client cannot ask the user (default configuration)', async () => {
      const { client, close } = await connect(era)
      const result = await client.callTool({ name: 'delete_note', arguments: { id: '1' } })
      expect(errorBody(result)).toMatchObject({ code: 'ConsentUnavailable' })
      expect(net.service.notes.has('1')).toBe(true)
      await close()
    })

    it('with the confirm-argument fallback, needs confirm: true from the model', async () => {
      const { client, close } = await connect(era, { consent: { fallback: 'confirm-argument' } })
      const listed = (await client.listTools()).tools.find((t) => t.name === 'delete_note')!
      expect((listed.inputSchema.properties as Record<string, unknown>).confirm).toBeDefined()
      const first = await client.callTool({ name: 'delete_note', arguments: { id: '1' } })
      expect(errorBody(first)).toMatchObject({ code: 'ConsentRequired' })
      expect(net.service.notes.has('1')).toBe(true)
      const second = await client.callTool({ name: 'delete_note', arguments: { id: '1', confirm: true } })
      expect(second.structuredContent).toEqual({ deleted: '1' })
      await close()
    })

    it('serves product resources and prompts', async () => {
      const { client, close } = await connect(era)
      expect((await client.listResources()).resources.map((r) => r.uri)).toEqual(['notes://readme'])
      const read = await client.readResource({ uri: 'notes://readme' })
      expect((read.contents[0] as { text: string }).text).toContain('title and a body')
      const prompts = await client.listPrompts()
      expect(prompts.prompts[0]).toMatchObject({ name: 'summarize_note', arguments: [{ name: 'id', required: true }] })
      const prompt = await client.getPrompt({ name: 'summarize_note', arguments: { id: '3' } })
      expect(prompt.messages[0]?.content).toMatchObject({ type: 'text', text: expect.stringContaining('note 3') })
      await expect(client.getPrompt({ name: 'summarize_note', arguments: {} })).rejects.toThrow(/id/)
      await expect(client.readResource({ uri: 'notes://nope' })).rejects.toThrow(/Resource not found/)
      await close()
    })
  })
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000) {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('unknown arguments', () => {
  it('are refused with the names of the fields that exist, and nothing runs', async () => {
    const { client, close } = await connect('modern')
    const result = await client.callTool({ name: 'list_notes', arguments: { pagesize: 2 } })
    const body = errorBody(result)
    expect(body.code).toBe('InvalidInput')
    expect(body.message).toContain("unknown field 'pagesize'")
    expect(net.service.log).toHaveLength(0)
    await close()
  })
})
