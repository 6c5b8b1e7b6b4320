import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DEFAULT_LIMITS } from './limits.js'
import { errorResult, successResult } from './result.js'
import { defineTool } from './tool.js'
import { ToolError } from './tool-error.js'

const rowsTool = defineTool({
  name: 'rows',
  title: 'Rows',
  description: 'rows',
  input: z.object({}),
  output: z.object({ rows: z.array(z.string()), count: z.number() }),
  annotations: { readOnlyHint: true },
  toolset: 't',
  resourceCapable: true,
  run: async () => ({ rows: [], count: 0 }),
})
const limits = { ...DEFAULT_LIMITS, maxInlineChars: 1_000, maxResourceBytes: 10_000 }
const rows = (n: number) => ({ rows: Array.from({ length: n }, (_, i) => `row-${i}-${'y'.repeat(20)}`), count: n })

describe('successResult', () => {
  it('returns structured content and a text rendering inline', () => {
    const result = successResult(rowsTool, rows(2), { asResource: false, limits })
    expect(result.structuredContent).toEqual(rows(2))
    expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual(rows(2))
  })

  it('refuses an inline result over the limit and points at returnAsResource', () => {
    const error = (() => {
      try {
        successResult(rowsTool, rows(100), { asResource: false, limits })
      } catch (e) {
        return e as ToolError
      }
    })()
    expect(error?.code).toBe('ResponseTooLarge')
    expect(error?.fix).toContain('returnAsResource: true')
  })

  it('returns a summary plus an embedded resource, with a preview that keeps the schema', () => {
    const result = successResult(rowsTool, rows(100), { asResource: true, limits })
    const [summary, resource] = result.content as Array<Record<string, any>>
    expect(summary?.text).toContain('embedded resource')
    expect(resource?.type).toBe('resource')
    expect(JSON.parse(resource?.resource.text)).toEqual(rows(100))
    const structured = result.structuredContent as { rows: string[]; count: number; resultResource: { uri: string } }
    expect(structured.rows).toHaveLength(10)
    expect(structured.count).toBe(100)
    expect(structured.resultResource.uri).toBe(resource?.resource.uri)
  })

  it('refuses a resource over the resource limit', () => {
    expect(() => successResult(rowsTool, rows(1_000), { asResource: true, limits })).toThrow(/resource limit/)
  })
})

it('errorResult carries code, message and fix', () => {
  const result = errorResult(new ToolError({ code: 'NotFound', message: 'No such row', fix: 'List rows first' }))
  expect(result.isError).toBe(true)
  expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual({
    code: 'NotFound',
    message: 'No such row',
    fix: 'List rows first',
  })
})
