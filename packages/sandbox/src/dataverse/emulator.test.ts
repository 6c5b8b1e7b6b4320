import { describe, expect, it } from 'vitest'
import { ids } from './test-fixtures.js'
import { API, makeEmulator } from './test-helpers.js'

describe('auth and envelope', () => {
  it('rejects a missing token with 401 and WWW-Authenticate', async () => {
    const { call } = makeEmulator()
    const res = await call('GET', 'accounts', { token: null })
    expect(res.status).toBe(401)
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer authorization_uri=https:\/\/.+, resource_id=/)
    expect(res.headers.get('OData-Version')).toBe('4.0')
  })

  it('rejects an invalid token', async () => {
    const { call } = makeEmulator()
    expect((await call('GET', 'accounts', { token: 'garbage' })).status).toBe(401)
  })

  it('answers 404 with the Dataverse message for an unknown entity set', async () => {
    const { call } = makeEmulator()
    const res = await call('GET', 'widgets')
    expect(res.status).toBe(404)
    expect(res.json.error).toEqual({ code: '0x8006088a', message: "Resource not found for the segment 'widgets'." })
  })

  it('serves the service document', async () => {
    const { call } = makeEmulator()
    const res = await call('GET', '')
    expect(res.status).toBe(200)
    expect(res.json.value).toContainEqual({ name: 'accounts', kind: 'EntitySet', url: 'accounts' })
  })

  it('throttles past maxRequests with 429 and Retry-After', async () => {
    const { call } = makeEmulator({ serviceProtection: { maxRequests: 2, windowMs: 60_000 } })
    expect((await call('GET', 'accounts?$top=1')).status).toBe(200)
    expect((await call('GET', 'accounts?$top=1')).status).toBe(200)
    const res = await call('GET', 'accounts?$top=1')
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(res.json.error.code).toBe('0x80072322')
    // another caller has its own window
    expect((await call('GET', 'accounts?$top=1', { token: `token-${ids.user2Oid}` })).status).toBe(200)
  })

  it('describes itself', () => {
    const { emulator } = makeEmulator()
    expect(emulator.describe()).toMatchObject({ name: 'dataverse', webApiUrl: API, currentUserId: ids.user })
  })
})
