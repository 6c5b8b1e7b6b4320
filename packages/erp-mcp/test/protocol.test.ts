// The tool listing over both protocol eras: names, annotations, schemas, read-only mode, and the
// o200k token budget a model pays for the listing on every turn.
import { Tiktoken } from 'js-tiktoken/lite'
import o200k from 'js-tiktoken/ranks/o200k_base'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ERAS, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

const DATA_TOOLS = [
  'api_find_actions',
  'api_invoke_action',
  'attachment_attach',
  'attachment_check',
  'data_create_entities',
  'data_delete_entities',
  'data_find_entities',
  'data_find_entities_sql',
  'data_find_entity_type',
  'data_get_entity_metadata',
  'data_update_entities',
  'get_current_user',
]
const WRITES = [
  'api_invoke_action',
  'attachment_attach',
  'data_create_entities',
  'data_delete_entities',
  'data_update_entities',
]

for (const era of ERAS) {
  describe(`erp tools over the ${era} protocol`, () => {
    it('lists every tool with schemas and honest annotations', async () => {
      const { client, close } = await env.connect({ era })
      const { tools } = await client.listTools()
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(DATA_TOOLS))
      for (const tool of tools.filter((t) => DATA_TOOLS.includes(t.name))) {
        expect(tool.description, tool.name).toBeTruthy()
        expect(tool.outputSchema, tool.name).toMatchObject({ type: 'object' })
        expect(() => z.fromJSONSchema(tool.inputSchema as never)).not.toThrow()
        const a = tool.annotations ?? {}
        expect(a.openWorldHint, tool.name).toBe(true)
        expect(a.readOnlyHint, tool.name).toBe(!WRITES.includes(tool.name))
        if (!a.readOnlyHint) {
          expect(typeof a.destructiveHint, tool.name).toBe('boolean')
          expect(typeof a.idempotentHint, tool.name).toBe('boolean')
        }
      }
      const destructive = tools.filter((t) => DATA_TOOLS.includes(t.name) && t.annotations?.destructiveHint)
      expect(destructive.map((t) => t.name).sort()).toEqual(['api_invoke_action', 'data_delete_entities'])
      const resourceCapable = tools.filter((t) => 'returnAsResource' in ((t.inputSchema.properties ?? {}) as object))
      expect(resourceCapable.map((t) => t.name).sort()).toEqual([
        'api_invoke_action',
        'data_find_entities',
        'data_find_entities_sql',
      ])
      await close()
    })

    it('read-only mode hides every tool that writes', async () => {
      const { client, close } = await env.connect({ era }, { readOnly: true })
      const names = (await client.listTools()).tools.map((t) => t.name)
      for (const write of WRITES) expect(names).not.toContain(write)
      expect(names).toContain('data_find_entities_sql')
      await close()
    })
  })
}

it('keeps the listing under 200 o200k tokens per tool on average', async () => {
  const { client, close } = await env.connect()
  const { tools } = await client.listTools()
  const encoder = new Tiktoken(o200k)
  // what a model reads, counted as the conformance harness counts it
  const counts = Object.fromEntries(
    tools.map(({ name, title, description, inputSchema, outputSchema, annotations }) => [
      name,
      encoder.encode(JSON.stringify({ name, title, description, inputSchema, outputSchema, annotations })).length,
    ]),
  )
  const average = (names: string[]) => names.reduce((sum, n) => sum + counts[n]!, 0) / names.length
  expect(average(Object.keys(counts)), JSON.stringify(counts)).toBeLessThan(200)
  expect(average(DATA_TOOLS), JSON.stringify(counts)).toBeLessThan(230)
  await close()
})
