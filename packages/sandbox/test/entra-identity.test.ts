import { ClientSecretCredential, OnBehalfOfCredential, UsernamePasswordCredential } from '@azure/identity'
import { afterAll, describe, expect, it } from 'vitest'
import { createSandbox, type Emulator, SANDBOX_AUTHORITY_HOST } from '../src/index.js'

// A resource to ask tokens for, standing in for the Dataverse emulator the lead mounts later.
const dataverseStandIn: Emulator = {
  name: 'dataverse',
  prefix: '/dataverse',
  handle: async () => new Response(null, { status: 204 }),
}

describe('@azure/identity against the in-process Entra emulator', () => {
  const sandbox = createSandbox()
  sandbox.mount(dataverseStandIn)
  const credentialOptions = {
    authorityHost: SANDBOX_AUTHORITY_HOST,
    disableInstanceDiscovery: true,
    httpClient: sandbox.entraHttpClient(),
  }
  afterAll(() => sandbox.close())

  it('ClientSecretCredential gets a token the sandbox verifies for the resource', async () => {
    const { tenantId, clientId, clientSecret } = sandbox.entra
    const credential = new ClientSecretCredential(tenantId, clientId, clientSecret, credentialOptions)
    const token = await credential.getToken('http://sandbox.localhost/dataverse/.default')
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 3000_000)

    const result = await sandbox.entra.verifyAccessToken(token.token, {
      audience: 'http://sandbox.localhost/dataverse',
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.claims).toMatchObject({
      aud: 'http://sandbox.localhost/dataverse',
      iss: `http://sandbox.localhost/entra/${tenantId}/v2.0`,
      tid: tenantId,
      appid: clientId,
      azp: clientId,
      idtyp: 'app',
      ver: '2.0',
    })
    expect(result.claims.exp - result.claims.iat).toBe(3600)
  })

  it('a wrong secret rejects with the AADSTS error visible', async () => {
    const { tenantId, clientId } = sandbox.entra
    const credential = new ClientSecretCredential(tenantId, clientId, 'not-the-secret', credentialOptions)
    await expect(credential.getToken('http://sandbox.localhost/dataverse/.default')).rejects.toThrow(/AADSTS7000215/)
  })

  // As with the real authority, MSAL fails discovery first (the document answers AADSTS90002, tested over HTTP).
  it('an unknown tenant rejects at endpoint discovery', async () => {
    const { clientId, clientSecret } = sandbox.entra
    const credential = new ClientSecretCredential(
      '00000000-0000-4000-8000-00000000dead',
      clientId,
      clientSecret,
      credentialOptions,
    )
    await expect(credential.getToken('http://sandbox.localhost/dataverse/.default')).rejects.toThrow(
      /endpoints_resolution_error/,
    )
  })

  it('a resource nobody serves rejects with AADSTS500011', async () => {
    const { tenantId, clientId, clientSecret } = sandbox.entra
    const credential = new ClientSecretCredential(tenantId, clientId, clientSecret, credentialOptions)
    await expect(credential.getToken('https://nowhere.example/.default')).rejects.toThrow(/AADSTS500011/)
  })

  it('UsernamePasswordCredential gets a user token carrying the user', async () => {
    const { tenantId, clientId } = sandbox.entra
    const user = sandbox.entra.users[1]!
    const credential = new UsernamePasswordCredential(
      tenantId,
      clientId,
      user.userPrincipalName,
      user.password,
      credentialOptions,
    )
    const token = await credential.getToken('http://sandbox.localhost/dataverse/.default')
    const result = await sandbox.entra.verifyAccessToken(token.token, {
      audience: 'http://sandbox.localhost/dataverse',
    })
    expect(result.ok && result.claims).toMatchObject({ oid: user.oid, upn: user.userPrincipalName, idtyp: 'user' })
  })

  it('OnBehalfOfCredential exchanges a user token for a downstream token for the same user', async () => {
    const { clientId, clientSecret } = sandbox.entra
    const user = sandbox.entra.users[0]!
    const userAssertion = await sandbox.entra.requestToken({
      scope: `api://${clientId}/.default`,
      username: user.userPrincipalName,
    })
    const credential = new OnBehalfOfCredential({
      tenantId: sandbox.entra.tenantId,
      clientId,
      clientSecret,
      userAssertionToken: userAssertion,
      ...credentialOptions,
    })
    const token = await credential.getToken('http://sandbox.localhost/dataverse/.default')
    const result = await sandbox.entra.verifyAccessToken(token.token, {
      audience: 'http://sandbox.localhost/dataverse',
    })
    expect(result.ok && result.claims).toMatchObject({ oid: user.oid, upn: user.userPrincipalName, azp: clientId })
  })
})
