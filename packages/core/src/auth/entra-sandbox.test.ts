// Real token acquisition through @azure/identity, answered by the sandbox's Entra ID emulator in process.
import { createSandbox } from '@bizmcp/sandbox'
import { afterAll, expect, it } from 'vitest'
import { defaultScope, entraTokenProvider } from './entra.js'

const sandbox = createSandbox()
afterAll(() => sandbox.close())
const config = {
  kind: 'client-secret' as const,
  tenantId: sandbox.entra.tenantId,
  clientId: sandbox.entra.clientId,
  clientSecret: sandbox.entra.clientSecret,
  authorityHost: sandbox.entra.authorityHost,
  httpClient: sandbox.entraHttpClient(),
  disableInstanceDiscovery: true,
}

it('gets a signed token for the resource and reuses it until it nears expiry', async () => {
  const provider = entraTokenProvider(config, `${sandbox.entra.clientId}/.default`)
  const first = await provider.getToken()
  const second = await provider.getToken()
  expect(second.token).toBe(first.token)
  expect(first.expiresOnTimestamp).toBeGreaterThan(Date.now() + 30 * 60_000)
  const verified = await sandbox.entra.verifyAccessToken(first.token, { audience: sandbox.entra.clientId })
  expect(verified.ok).toBe(true)
})

it('surfaces Entra errors such as a wrong secret', async () => {
  const provider = entraTokenProvider(
    { ...config, clientSecret: 'wrong' },
    defaultScope(`https://${sandbox.entra.clientId}`),
  )
  await expect(provider.getToken()).rejects.toThrow(/AADSTS7000215/)
})
