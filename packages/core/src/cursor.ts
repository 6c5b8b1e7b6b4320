// Opaque paging cursors. The state inside is the tool's own (a vendor skip token, a paging
// cookie, an offset); the client only passes the string back. Cursors are bound to the tool
// that issued them and, when a secret is configured, signed so that they cannot be forged.
// Signing with a shared secret keeps cursors valid across stateless replicas.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { ToolError } from './tool-error.js'

export interface CursorCodec {
  encode(state: unknown): string
  decode<T = unknown>(cursor: string): T
}

const VERSION = 1

export function createCursorCodec(toolName: string, secret?: string): CursorCodec {
  const sign = (payload: string) =>
    secret ? createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22) : ''

  const invalid = (why: string) =>
    new ToolError({
      code: 'InvalidCursor',
      message: `The cursor is not valid for ${toolName}: ${why}.`,
      fix: `Pass the nextCursor value from the previous ${toolName} result unchanged, or omit cursor to start from the first page.`,
    })

  return {
    encode(state) {
      const payload = Buffer.from(JSON.stringify({ v: VERSION, t: toolName, s: state })).toString('base64url')
      const signature = sign(payload)
      return signature ? `${payload}.${signature}` : payload
    },
    decode<T>(cursor: string): T {
      const [payload, signature = ''] = cursor.split('.')
      if (!payload) throw invalid('it is empty')
      if (secret) {
        const expected = Buffer.from(sign(payload))
        const given = Buffer.from(signature)
        if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid('it was altered')
      }
      let parsed: { v?: number; t?: string; s?: unknown }
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
      } catch {
        throw invalid('it is not a cursor this server issued')
      }
      if (parsed.v !== VERSION) throw invalid('it comes from another server version')
      if (parsed.t !== toolName) throw invalid(`it was issued by ${parsed.t ?? 'another tool'}`)
      return parsed.s as T
    },
  }
}
