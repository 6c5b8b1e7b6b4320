import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { invalidInput, ToolError, toToolError } from './tool-error.js'

describe('invalidInput', () => {
  it('names each field and what was expected', () => {
    const schema = z.object({ top: z.number().int().max(50), filter: z.object({ column: z.string() }) }).strict()
    const parsed = schema.safeParse({ top: 'ten', filter: { column: 3 }, extra: 1 })
    expect(parsed.success).toBe(false)
    const error = invalidInput('list_rows', parsed.error!.issues)
    expect(error.code).toBe('InvalidInput')
    expect(error.message).toContain('top: Invalid input: expected number, received string')
    expect(error.message).toContain('filter.column')
    expect(error.message).toContain("unknown field 'extra'")
    expect(error.fix).toContain('list_rows')
    expect(error.details?.fields).toEqual(expect.arrayContaining(['top', 'filter.column']))
  })
})

describe('toToolError', () => {
  it('keeps tool errors, marks aborts as cancelled, hides internals of anything else', () => {
    const known = new ToolError({ code: 'NotFound', message: 'm', fix: 'f' })
    expect(toToolError(known)).toBe(known)
    const abort = new Error('x')
    abort.name = 'AbortError'
    expect(toToolError(abort).code).toBe('Cancelled')
    const wrapped = toToolError(new TypeError('boom'))
    expect(wrapped.code).toBe('InternalError')
    expect(wrapped.fix).toBeTruthy()
  })
})
