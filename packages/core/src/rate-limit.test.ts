import { expect, it } from 'vitest'
import { createRateLimiter } from './rate-limit.js'
import type { ToolError } from './tool-error.js'

function refusal(fn: () => void): ToolError {
  try {
    fn()
  } catch (error) {
    return error as ToolError
  }
  throw new Error('expected a refusal')
}

it('limits each caller in a sliding window and says how long to wait', () => {
  let now = 1_000_000
  const limiter = createRateLimiter({ perCaller: { limit: 2, windowSeconds: 10 } }, () => now)
  limiter.check('alice')
  now += 1_000
  limiter.check('alice')
  limiter.check('bob') // others are not affected
  const refused = refusal(() => limiter.check('alice'))
  expect(refused.code).toBe('RateLimited')
  expect(refused.details).toEqual({ retryAfterSeconds: 9 })
  expect(refused.fix).toBe('Wait 9 seconds, then retry the same call.')
  now += 9_001 // the first call leaves the window
  limiter.check('alice')
})

it('limits the whole server across callers, and a caller over its own limit does not use the server share', () => {
  let now = 0
  const limiter = createRateLimiter(
    { perServer: { limit: 3, windowSeconds: 60 }, perCaller: { limit: 1, windowSeconds: 60 } },
    () => now,
  )
  limiter.check('a')
  expect(refusal(() => limiter.check('a')).message).toContain('you are over')
  limiter.check('b')
  limiter.check('c')
  expect(refusal(() => limiter.check('d')).message).toContain('this server is over')
  now += 60_001
  limiter.check('d')
})

it('rejects nonsensical limits', () => {
  expect(() => createRateLimiter({ perServer: { limit: 0, windowSeconds: 1 } })).toThrow(/positive whole number/)
  expect(() => createRateLimiter({ perCaller: { limit: 1, windowSeconds: 0 } })).toThrow(/must be positive/)
})
