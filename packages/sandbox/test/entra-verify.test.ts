import { generateKeyPairSync } from 'node:crypto'
import { decodeProtectedHeader, type JSONWebKeySet, SignJWT } from 'jose'
import { afterAll, describe, expect, it } from 'vitest'
import { createSandbox, type Emulator, verifyAccessToken } from '../src/index.js'

const resource: Emulator = { name: 'crm', prefix: '/crm', handle: async () => new Response(null, { status: 204 }) }
const AUDIENCE = 'http://sandbox.localhost/crm'
const SCOPE = `${AUDIENCE}/.default`

/** A clock the test moves by hand. */
function manualClock(start = new Date('2030-01-01T00:00:00Z')) {
  let now = start.getTime()
  return {
    clock: () => new Date(now),
    advance: (seconds: number) => {
      now += seconds * 1000
    },
  }
}

describe('verifyAccessToken', () => {
  const time = manualClock()
  const sandbox = createSandbox({ clock: time.clock })
  sandbox.mount(resource)
  const other = createSandbox()
  other.mount(resource)
  afterAll(() => {
    sandbox.close()
    other.close()
  })

  it('accepts a token from the sandbox, raw or as a Bearer header value', async () => {
    const token = await sandbox.entra.requestToken({ scope: SCOPE })
    expect((await sandbox.entra.verifyAccessToken(token, { audience: AUDIENCE })).ok).toBe(true)
    expect((await sandbox.entra.verifyAccessToken(`Bearer ${token}`, { audience: `${AUDIENCE}/` })).ok).toBe(true)
  })

  it('rejects a missing token', async () => {
    for (const missing of [undefined, '', '   ', 'Bearer ']) {
      const result = await sandbox.entra.verifyAccessToken(missing, { audience: AUDIENCE })
      expect(result).toMatchObject({ ok: false, reason: 'missing' })
    }
  })

  it('rejects malformed tokens', async () => {
    for (const malformed of ['not-a-jwt', 'a.b', 'a.b.c', '!!!.???.###']) {
      const result = await sandbox.entra.verifyAccessToken(malformed, { audience: AUDIENCE })
      expect(result, malformed).toMatchObject({ ok: false, reason: 'malformed' })
    }
  })

  it('rejects a token whose payload was changed (signature)', async () => {
    const token = await sandbox.entra.requestToken({ scope: SCOPE })
    const [header, payload, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    claims.oid = '00000000-0000-4000-8000-00000000beef'
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.')
    const result = await sandbox.entra.verifyAccessToken(tampered, { audience: AUDIENCE })
    expect(result).toMatchObject({ ok: false, reason: 'signature' })
  })

  it('rejects a token from another sandbox (another key)', async () => {
    const foreign = await other.entra.requestToken({ scope: SCOPE })
    const result = await sandbox.entra.verifyAccessToken(foreign, { audience: AUDIENCE })
    expect(result).toMatchObject({ ok: false, reason: 'signature' })
  })

  it("rejects a token signed by another key that claims the sandbox's kid", async () => {
    const genuine = await sandbox.entra.requestToken({ scope: SCOPE })
    const { kid } = decodeProtectedHeader(genuine)
    const claims = JSON.parse(Buffer.from(genuine.split('.')[1]!, 'base64url').toString())
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: kid! }).sign(privateKey)
    const result = await sandbox.entra.verifyAccessToken(forged, { audience: AUDIENCE })
    expect(result).toMatchObject({ ok: false, reason: 'signature' })
  })

  it('rejects an unsigned (alg none) token', async () => {
    const genuine = await sandbox.entra.requestToken({ scope: SCOPE })
    const payload = genuine.split('.')[1]
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`
    const result = await sandbox.entra.verifyAccessToken(unsigned, { audience: AUDIENCE })
    expect(result.ok).toBe(false)
    expect(['signature', 'malformed']).toContain(!result.ok && result.reason)
  })

  it('rejects an expired token, and one not valid yet', async () => {
    const token = await sandbox.entra.requestToken({ scope: SCOPE })
    time.advance(3601)
    expect(await sandbox.entra.verifyAccessToken(token, { audience: AUDIENCE })).toMatchObject({
      ok: false,
      reason: 'expired',
    })
    // Minted "in the future" relative to where the clock then goes back to.
    const early = await sandbox.entra.requestToken({ scope: SCOPE })
    time.advance(-3601)
    const result = await sandbox.entra.verifyAccessToken(early, { audience: AUDIENCE })
    expect(result).toMatchObject({ ok: false, reason: 'not-yet-valid' })
  })

  it('rejects a token for another audience and tells which scope to ask for', async () => {
    const token = await sandbox.entra.requestToken({ scope: SCOPE })
    const result = await sandbox.entra.verifyAccessToken(token, { audience: 'http://sandbox.localhost/dataverse' })
    expect(result).toMatchObject({ ok: false, reason: 'audience' })
    expect(!result.ok && result.description).toContain('http://sandbox.localhost/dataverse/.default')
  })

  it('rejects a token whose issuer is no longer this sandbox', async () => {
    const served = createSandbox({ baseUrl: 'http://127.0.0.1:1' })
    served.mount(resource)
    try {
      const token = await served.entra.requestToken({ scope: 'http://127.0.0.1:1/crm/.default' })
      served.baseUrl = 'http://127.0.0.1:2'
      const result = await served.entra.verifyAccessToken(token, { audience: 'http://127.0.0.1:1/crm' })
      expect(result).toMatchObject({ ok: false, reason: 'issuer' })
    } finally {
      served.close()
    }
  })

  it('rejects an id token presented as an access token', async () => {
    const user = sandbox.entra.users[0]!
    const response = await sandbox.fetch(sandbox.entra.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: sandbox.entra.clientId,
        username: user.userPrincipalName,
        password: user.password,
        scope: `${SCOPE} openid profile`,
      }),
    })
    const { id_token: idToken } = (await response.json()) as { id_token: string }
    const result = await sandbox.entra.verifyAccessToken(idToken, { audience: sandbox.entra.clientId })
    expect(result).toMatchObject({ ok: false, reason: 'malformed' })
  })

  it('works standalone with keys fetched from the JWKS endpoint', async () => {
    const token = await sandbox.entra.requestToken({ scope: SCOPE })
    const jwksResponse = await sandbox.fetch(`${sandbox.baseUrl}/entra/${sandbox.entra.tenantId}/discovery/v2.0/keys`)
    const keys = (await jwksResponse.json()) as JSONWebKeySet
    const result = await verifyAccessToken(token, {
      audience: AUDIENCE,
      issuer: sandbox.entra.issuer(),
      keys,
      now: time.clock(),
    })
    expect(result.ok).toBe(true)
  })
})
