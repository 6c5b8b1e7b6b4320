// The tool listing over both protocol eras: names, annotations, schemas, and the token budget
// a model pays for the listing on every turn.

import { getEncoding } from 'js-tiktoken'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ERAS, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

const EXPECTED = [
  'create_record',
  'create_table',
  'delete_record',
  'delete_table',
  'describe',
  'describe_table',
  'fetch',
  'list_knowledge_sources',
  'list_tables',
  'read_query',
  'retrieve_knowledge',
  'search',
  'search_data',
  'update_record',
  'update_table',
]

for (const era of ERAS) {
  describe(`tools over the ${era} protocol`, () => {
    it('lists every tool with schemas and annotations', async () => {
      const { client, close } = await env.connect({ era })
      const { tools } = await client.listTools()
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(EXPECTED))
      for (const tool of tools) {
        expect(tool.description, tool.name).toBeTruthy()
        expect(tool.outputSchema, tool.name).toMatchObject({ type: 'object' })
        expect(() => z.fromJSONSchema(tool.inputSchema as never)).not.toThrow()
        const a = tool.annotations ?? {}
        expect(typeof a.readOnlyHint, tool.name).toBe('boolean')
        expect(a.openWorldHint, tool.name).toBe(true)
        if (!a.readOnlyHint) {
          expect(typeof a.destructiveHint, tool.name).toBe('boolean')
          expect(typeof a.idempotentHint, tool.name).toBe('boolean')
        }
      }
      const destructive = tools.filter((t) => t.annotations?.destructiveHint).map((t) => t.name)
      expect(destructive.sort()).toEqual(['delete_record', 'delete_table'])
      await close()
    })

    it('read-only mode hides every write tool', async () => {
      const { client, close } = await env.connect({ era }, { readOnly: true })
      const names = (await client.listTools()).tools.map((t) => t.name)
      expect(names).not.toContain('create_record')
      expect(names).not.toContain('delete_table')
      expect(names).toContain('describe_table')
      await close()
    })
  })
}

// read_query is measured with its own tests
it('keeps the listing under 200 o200k tokens per tool on average', async () => {
  const { client, close } = await env.connect()
  const tools = (await client.listTools()).tools.filter((t) => t.name !== 'read_query')
  const enc = getEncoding('o200k_base')
  const counts = Object.fromEntries(tools.map((t) => [t.name, enc.encode(JSON.stringify(t)).length]))
  const average = Object.values(counts).reduce((a, b) => a + b, 0) / tools.length
  expect(average, JSON.stringify(counts)).toBeLessThan(200)
  await close()
})
