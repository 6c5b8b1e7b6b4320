// For tests: the standard sandbox with the Salesforce emulator served on loopback HTTP, a client
// configured from the environment as for a real org (client credentials against the emulator's
// login URL), and MCP clients on the real path — MCP client → server → jsforce → HTTP → emulator → SQLite.
import { type CreateServerOptions, createServer, silentLogger } from '@bizmcp/core'
import { type ClientOptions, connectInProcess } from '@bizmcp/core/testing'
import { createStandardSandbox, type SalesforceEmulator, type Sandbox, serveSandbox } from '@bizmcp/sandbox'
import type { SalesforceClient } from './client.js'
import { salesforceModule } from './product.js'

export interface SalesforceTestEnv {
  sandbox: Sandbox
  /** the emulator itself, to set up conditions such as a used-up API allowance */
  salesforce: SalesforceEmulator
  client: SalesforceClient
  /** what the emulator says about itself: loginUrl, clientId, clientSecret, users, jwtBearer */
  emulator: Record<string, any>
  /** environment variables that point a client at the served emulator */
  env: Record<string, string>
  setApiUsage(count: number): void
  connect(options?: ClientOptions, server?: CreateServerOptions): ReturnType<typeof connectInProcess>
  close(): Promise<void>
}

export async function startSalesforceEnv(options: { clock?: () => Date } = {}): Promise<SalesforceTestEnv> {
  const sandbox = createStandardSandbox({
    emulators: ['salesforce'],
    ...(options.clock ? { clock: options.clock } : {}),
  })
  const served = await serveSandbox(sandbox)
  const salesforce = sandbox.emulators().find((e) => e.name === 'salesforce') as SalesforceEmulator
  const emulator = salesforce.describe()
  const env = {
    SALESFORCE_LOGIN_URL: String(emulator.loginUrl),
    SALESFORCE_CLIENT_ID: String(emulator.clientId),
    SALESFORCE_CLIENT_SECRET: String(emulator.clientSecret),
  }
  const client = await salesforceModule.connect({ env, log: silentLogger })
  return {
    sandbox,
    salesforce,
    client,
    emulator,
    env,
    connect: (clientOptions = {}, server = {}) =>
      connectInProcess(createServer([{ product: salesforceModule.product, client }], server), clientOptions),
    /** sets today's API usage count, as the org's 24-hour counter */
    setApiUsage(count: number) {
      const day = sandbox.clock().toISOString().slice(0, 10)
      salesforce.store.setMeta('api_usage', JSON.stringify({ day, count }))
    },
    async close() {
      await served.close()
      sandbox.close()
    },
  }
}
