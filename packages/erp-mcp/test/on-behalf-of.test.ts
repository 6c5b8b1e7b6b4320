// A multi-user HTTP deployment: the server verifies each caller's Entra token and calls finance &
// operations on behalf of that caller (ERP_AUTH=on-behalf-of), so each user sees their own session.
import { createServer, type HttpServerHandle, oauthResourceServer, startHttp } from '@bizmcp/core'
import { connectHttp, connectInProcess } from '@bizmcp/core/testing'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { erpModule } from '../src/index.js'
import { errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
let http: HttpServerHandle

beforeAll(async () => {
  env = await startEnv({ env: { ERP_AUTH: 'on-behalf-of' } })
  const { sandbox } = env
  const resourceServer = oauthResourceServer({
    issuer: sandbox.entra.issuer(),
    audience: sandbox.entra.clientId,
    resourceUrl: 'http://127.0.0.1',
    fetch: (input, init) => sandbox.fetch(new Request(input, init)),
  })
  http = await startHttp({
    routes: [{ path: '/mcp', server: createServer([{ product: erpModule.product, client: env.client }]) }],
    authenticate: resourceServer.authenticate,
  })
})
afterAll(async () => {
  await http.close()
  env.close()
})

it('acts as each caller', async () => {
  const seen: string[] = []
  for (const user of env.sandbox.entra.users.slice(0, 2)) {
    const token = await env.sandbox.entra.requestToken({
      scope: `${env.sandbox.entra.clientId}/.default`,
      username: user.userPrincipalName,
      password: user.password,
    })
    const { client, close } = await connectHttp(`${http.url}/mcp`, {
      era: 'modern',
      headers: { authorization: `Bearer ${token}` },
    })
    const me = ok(await client.callTool({ name: 'get_current_user', arguments: {} }))
    seen.push(`${me.userId} ${me.userName}`)
    await close()
  }
  expect(seen).toHaveLength(2)
  expect(new Set(seen).size).toBe(2)
  // the app's own identity would be the Admin user
  expect(seen.map((s) => s.split(' ')[0])).not.toContain('Admin')
})

it('refuses a call without a caller token instead of acting as the app', async () => {
  const { client, close } = await connectInProcess(createServer([{ product: erpModule.product, client: env.client }]), {
    era: 'modern',
  })
  const body = errorBody(await client.callTool({ name: 'get_current_user', arguments: {} }))
  expect(body.code).toBe('Unauthorized')
  await close()
})
