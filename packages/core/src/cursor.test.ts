import { describe, expect, it } from 'vitest'
import { createCursorCodec } from './cursor.js'
import { ToolError } from './tool-error.js'

describe('cursor codec', () => {
  it('round-trips state and is opaque', () => {
    const codec = createCursorCodec('list_rows')
    const cursor = codec.encode({ skiptoken: 'abc', page: 2 })
    expect(cursor).not.toContain('abc')
    expect(codec.decode(cursor)).toEqual({ skiptoken: 'abc', page: 2 })
  })

  it('refuses a cursor from another tool with a fix', () => {
    const cursor = createCursorCodec('a').encode(1)
    const error = catchError(() => createCursorCodec('b').decode(cursor))
    expect(error.code).toBe('InvalidCursor')
    expect(error.message).toContain('issued by a')
    expect(error.fix).toMatch(/nextCursor/)
  })

  it('refuses garbage', () => {
    expect(catchError(() => createCursorCodec('a').decode('%%%')).code).toBe('InvalidCursor')
    expect(catchError(() => createCursorCodec('a').decode('')).code).toBe('InvalidCursor')
  })

  it('detects tampering when signed, and accepts across codecs sharing the secret (replicas)', () => {
    const a = createCursorCodec('t', 'secret-1')
    const b = createCursorCodec('t', 'secret-1')
    const cursor = a.encode({ offset: 10 })
    expect(b.decode(cursor)).toEqual({ offset: 10 })
    const [payload, signature] = cursor.split('.')
    const forged = `${Buffer.from(JSON.stringify({ v: 1, t: 't', s: { offset: 9999 } })).toString('base64url')}.${signature}`
    expect(catchError(() => b.decode(forged)).message).toContain('altered')
    expect(catchError(() => createCursorCodec('t', 'other').decode(cursor)).code).toBe('InvalidCursor')
    expect(payload).toBeTruthy()
  })
})

function catchError(fn: () => unknown): ToolError {
  try {
    fn()
  } catch (error) {
    if (error instanceof ToolError) return error
    throw error
  }
  throw new Error('expected a ToolError')
}
