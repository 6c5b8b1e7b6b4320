import { expect, it } from 'vitest'
import { z } from 'zod'
import { buildToolSchemas, toJsonSchema } from './schemas.js'
import { defineTool } from './tool.js'

it('keeps real integer bounds and drops the safe-integer ones zod adds', () => {
  const json = toJsonSchema(z.object({ top: z.number().int().min(1).max(50), count: z.number().int() }), 'input')
  expect(json).toEqual({
    type: 'object',
    properties: { top: { type: 'integer', minimum: 1, maximum: 50 }, count: { type: 'integer' } },
    required: ['top', 'count'],
  })
})

it("adds core's own arguments to the advertised schema, so list and call agree", () => {
  const tool = defineTool({
    name: 'drop_thing',
    title: 'Drop',
    description: 'Drops a thing',
    input: z.object({ id: z.string() }),
    output: z.object({ rows: z.array(z.string()) }),
    annotations: { destructiveHint: true },
    toolset: 't',
    resourceCapable: true,
    consent: ({ id }) => `Drop ${id}?`,
    run: async () => ({ rows: [] }),
  })
  const refuse = buildToolSchemas(tool, 'refuse')
  expect(Object.keys(refuse.inputJson.properties as object)).toEqual(['id', 'returnAsResource'])
  expect(Object.keys(refuse.outputJson.properties as object)).toEqual(['rows', 'resultResource'])
  const confirm = buildToolSchemas(tool, 'confirm-argument')
  expect(Object.keys(confirm.inputJson.properties as object)).toEqual(['id', 'returnAsResource', 'confirm'])
  expect(confirm.input.safeParse({ id: 'x', confirm: true }).success).toBe(true)
  expect(JSON.stringify(refuse.inputJson)).not.toContain('$schema')
  expect(refuse.inputJson.additionalProperties).toBe(false) // unknown arguments are refused
  expect(refuse.input.safeParse({ id: 'x', idd: 'y' }).success).toBe(false)
})

it('keeps output schemas to what a client can use', () => {
  const json = toJsonSchema(z.object({ rows: z.array(z.record(z.string(), z.unknown())), total: z.number() }), 'output')
  expect(json).toEqual({
    type: 'object',
    properties: { rows: { type: 'array', items: { type: 'object' } }, total: { type: 'number' } },
    required: ['rows', 'total'],
  })
})
