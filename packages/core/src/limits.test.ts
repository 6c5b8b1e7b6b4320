import { expect, it } from 'vitest'
import { DEFAULT_LIMITS, resolveLimits } from './limits.js'

it('uses the documented defaults and validates overrides', () => {
  expect(DEFAULT_LIMITS).toEqual({ maxInlineChars: 160_000, maxResourceBytes: 5 * 1024 * 1024, maxRows: 5_000 })
  expect(resolveLimits({ maxRows: 100 }).maxRows).toBe(100)
  expect(() => resolveLimits({ maxRows: 0 })).toThrow(/positive integer/)
  expect(() => resolveLimits({ maxInlineChars: 1.5 })).toThrow(/positive integer/)
})
