import { expect, it } from 'vitest'
import { cachedTokenProvider, staticTokenProvider } from './token-provider.js'

it('caches a token, refreshes before expiry, and shares one refresh between concurrent callers', async () => {
  let now = 1_000_000
  let calls = 0
  const provider = cachedTokenProvider(
    async () => {
      calls++
      await new Promise((r) => setTimeout(r, 5))
      return { token: `t${calls}`, expiresOnTimestamp: now + 60 * 60_000 }
    },
    { now: () => now, refreshBeforeMs: 5 * 60_000 },
  )
  const [a, b] = await Promise.all([provider.getToken(), provider.getToken()])
  expect(a.token).toBe('t1')
  expect(b.token).toBe('t1')
  expect(calls).toBe(1)
  now += 50 * 60_000 // still 10 minutes left
  expect((await provider.getToken()).token).toBe('t1')
  now += 6 * 60_000 // inside the refresh window
  expect((await provider.getToken()).token).toBe('t2')
})

it('retries the fetch after a failure instead of caching it', async () => {
  let calls = 0
  const provider = cachedTokenProvider(async () => {
    calls++
    if (calls === 1) throw new Error('AADSTS7000215: Invalid client secret')
    return { token: 'ok', expiresOnTimestamp: Date.now() + 3_600_000 }
  })
  await expect(provider.getToken()).rejects.toThrow('AADSTS7000215')
  expect((await provider.getToken()).token).toBe('ok')
})

it('static tokens must not be empty', async () => {
  expect((await staticTokenProvider('abc').getToken()).token).toBe('abc')
  expect(() => staticTokenProvider('  ')).toThrow(/empty/)
})
