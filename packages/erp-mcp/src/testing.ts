// For tests of the erp product (and of products or hosts built on it): a standard sandbox with the
// finance & operations emulator, an erp client on it, and MCP clients on the real path —
// MCP client → server → erp client → the sandbox's in-process fetch → emulator → SQLite.
import { type CreateServerOptions, createServer, type ProductDefinition, silentLogger } from '@bizmcp/core'
import { type ClientOptions, connectInProcess } from '@bizmcp/core/testing'
import { createStandardSandbox, type Sandbox, sandboxConnection } from '@bizmcp/sandbox'
import type { ErpClient } from './client.js'
import { erpModule } from './product.js'

export interface ErpTestEnv {
  sandbox: Sandbox
  client: ErpClient
  /** a connected MCP client on a server with the given products */
  connect(options?: ClientOptions, server?: CreateServerOptions): ReturnType<typeof connectInProcess>
  close(): void
}

export interface ErpTestEnvOptions {
  /** products served together on one erp client; the erp product itself by default */
  products?: ProductDefinition<ErpClient>[]
  /** multiplies the emulator's transactional demo data */
  scale?: number
  /** environment variables for connect, e.g. ERP_AUTH=on-behalf-of */
  env?: Record<string, string>
}

export async function startErpEnv(options: ErpTestEnvOptions = {}): Promise<ErpTestEnv> {
  const sandbox = createStandardSandbox({ emulators: ['erp'], ...(options.scale ? { scale: options.scale } : {}) })
  const client = await erpModule.connect({
    env: options.env ?? {},
    sandbox: sandboxConnection(sandbox),
    log: silentLogger,
  })
  const products = options.products ?? [erpModule.product]
  return {
    sandbox,
    client,
    connect: (clientOptions = {}, server = {}) =>
      connectInProcess(
        createServer(
          products.map((product) => ({ product, client })),
          server,
        ),
        clientOptions,
      ),
    close: () => sandbox.close(),
  }
}
