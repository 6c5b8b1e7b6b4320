import { describe, expect, it } from 'vitest'
import { backoffDelay, DEFAULT_RETRY, isIdempotentMethod, parseRetryAfter, shouldRetry, sleep } from './retry.js'

describe('retry rules', () => {
  it('retries 429 for any method, 503 and network failures only when idempotent', () => {
    expect(shouldRetry(429, false)).toBe(true)
    expect(shouldRetry(503, true)).toBe(true)
    expect(shouldRetry(503, false)).toBe(false)
    expect(shouldRetry(0, true)).toBe(true)
    expect(shouldRetry(0, false)).toBe(false)
    expect(shouldRetry(500, true)).toBe(false)
    expect(shouldRetry(400, true)).toBe(false)
  })
  it('knows which methods are idempotent', () => {
    expect(['GET', 'put', 'DELETE', 'HEAD'].every(isIdempotentMethod)).toBe(true)
    expect(['POST', 'PATCH'].some(isIdempotentMethod)).toBe(false)
  })
  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    expect(parseRetryAfter('0.5')).toBe(500)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter(null)).toBeUndefined()
  })
  it('backs off exponentially with jitter, capped', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1_000 }
    expect(backoffDelay(0, policy, () => 1)).toBe(100)
    expect(backoffDelay(0, policy, () => 0)).toBe(50)
    expect(backoffDelay(3, policy, () => 1)).toBe(800)
    expect(backoffDelay(10, policy, () => 1)).toBe(1_000)
  })
  it('sleep stops when aborted', async () => {
    const controller = new AbortController()
    const pending = sleep(10_000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(pending).rejects.toThrow('stop')
  })
})
