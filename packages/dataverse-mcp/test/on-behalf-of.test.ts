// A multi-user HTTP deployment: the server verifies each caller's Entra token (OAuth resource
// server), and Dataverse calls are made on behalf of that caller, so the records they create are
// theirs. The sandbox's Entra ID is the issuer, and answers the on-behalf-of exchange.
import { createServer, type HttpServerHandle, oauthResourceServer, silentLogger, startHttp } from '@bizmcp/core'
import { connectHttp, errorBody, structured } from '@bizmcp/core/testing'
import { createStandardSandbox, sandboxConnection } from '@bizmcp/sandbox'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { dataverseModule } from '../src/index.js'

const sandbox = createStandardSandbox({ emulators: ['dataverse'] })
let http: HttpServerHandle
let stdioLike: Awaited<ReturnType<typeof dataverseModule.connect>>

beforeAll(async () => {
  const connection = sandboxConnection(sandbox)
  const client = await dataverseModule.connect({
    env: { DATAVERSE_AUTH: 'on-behalf-of' },
    sandbox: connection,
    log: silentLogger,
  })
  stdioLike = client
  const resourceServer = oauthResourceServer({
    issuer: sandbox.entra.issuer(),
    audience: sandbox.entra.clientId,
    resourceUrl: 'http://127.0.0.1',
    fetch: (input, init) => sandbox.fetch(new Request(input, init)),
  })
  http = await startHttp({
    routes: [{ path: '/mcp', server: createServer([{ product: dataverseModule.product, client }]) }],
    authenticate: resourceServer.authenticate,
  })
})
afterAll(async () => {
  await http.close()
  sandbox.close()
})

async function userToken(index: number) {
  const user = sandbox.entra.users[index]!
  const token = await sandbox.entra.requestToken({
    scope: `${sandbox.entra.clientId}/.default`,
    username: user.userPrincipalName,
    password: user.password,
  })
  return { token, name: user.displayName }
}

it('acts as each caller: records they create are theirs', async () => {
  for (const index of [0, 1]) {
    const { token, name } = await userToken(index)
    const { client, close } = await connectHttp(`${http.url}/mcp`, {
      era: 'modern',
      headers: { authorization: `Bearer ${token}` },
    })
    const created = structured<{ id: string }>(
      await client.callTool({
        name: 'create_record',
        arguments: { table: 'account', values: { name: `Created by ${name}` } },
      }),
    )
    const record = structured<{ values: Record<string, unknown>; formatted: Record<string, string> }>(
      await client.callTool({ name: 'fetch', arguments: { table: 'account', id: created.id } }),
    )
    expect(JSON.stringify({ ...record.values, ...record.formatted })).toContain(name)
    await close()
  }
})

it('refuses a call with no caller token instead of falling back to the app identity', async () => {
  const server = createServer([{ product: dataverseModule.product, client: stdioLike }])
  const { connectInProcess } = await import('@bizmcp/core/testing')
  const { client, close } = await connectInProcess(server, { era: 'modern' })
  // a data call: metadata may already be cached (it is the same for every user), data never is
  const result = await client.callTool({ name: 'read_query', arguments: { query: 'SELECT TOP 1 name FROM account' } })
  expect(errorBody(result)).toMatchObject({ code: 'Unauthorized' })
  expect(errorBody(result).fix).toContain('bearer token')
  await close()
})
