// The sandbox as msw handlers: clients that know nothing of the sandbox — global fetch, and
// @azure/identity with its own HTTP stack — reach the emulators through msw's interception of the
// network, the way a test suite routes a product's traffic to the sandbox. (dynamics-web-api opens
// its own Node sockets, which msw does not intercept; it runs over real loopback HTTP in
// standard-sandbox.test.ts.)
import { ClientSecretCredential } from '@azure/identity'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createStandardSandbox } from '../src/index.js'

const sandbox = createStandardSandbox({ emulators: ['dataverse'] })
const toSandbox = ({ request }: { request: Request }) => sandbox.fetch(request)
const network = setupServer(
  http.all(`${sandbox.baseUrl}/*`, toSandbox),
  // the https authority host @azure/identity insists on is answered by the same emulator
  http.all(`${sandbox.entra.authorityHost}/*`, toSandbox),
)
beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
afterAll(() => {
  network.close()
  sandbox.close()
})

const dataverseUrl = sandbox.urlOf('dataverse')

it('answers global fetch', async () => {
  const token = await sandbox.entra.requestToken({ scope: `${dataverseUrl}/.default` })
  const response = await fetch(`${dataverseUrl}/api/data/v9.2/accounts?$select=name&$top=2`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(response.status).toBe(200)
  expect((await response.json()).value).toHaveLength(2)
})

it('gives @azure/identity a token over its own HTTP stack, which Dataverse accepts', async () => {
  const credential = new ClientSecretCredential(
    sandbox.entra.tenantId,
    sandbox.entra.clientId,
    sandbox.entra.clientSecret,
    {
      authorityHost: sandbox.entra.authorityHost,
      disableInstanceDiscovery: true,
    },
  )
  const token = await credential.getToken(`${dataverseUrl}/.default`)
  expect((await sandbox.entra.verifyAccessToken(token.token, { audience: dataverseUrl })).ok).toBe(true)
  const whoAmI = await fetch(`${dataverseUrl}/api/data/v9.2/WhoAmI`, {
    headers: { Authorization: `Bearer ${token.token}` },
  })
  expect((await whoAmI.json()).UserId).toMatch(/^[0-9a-f-]{36}$/)
})
