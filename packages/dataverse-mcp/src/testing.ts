// For tests of products built on the Dataverse client (this package, Sales, Customer Service):
// one standard sandbox, one Dataverse client on it, and MCP clients on the real path —
// MCP client → server → Dataverse client → the sandbox's in-process fetch → emulator → SQLite.
import { type CreateServerOptions, createServer, type ProductDefinition, silentLogger } from '@bizmcp/core'
import { type ClientOptions, connectInProcess } from '@bizmcp/core/testing'
import { createStandardSandbox, type Sandbox, sandboxConnection } from '@bizmcp/sandbox'
import type { DataverseClient } from './client/types.js'
import { dataverseModule } from './product.js'

export interface DataverseTestEnv {
  sandbox: Sandbox
  client: DataverseClient
  /** the signed-in sandbox user (WhoAmI) */
  userId: string
  /** a connected MCP client on a server with the given products */
  connect(options?: ClientOptions, server?: CreateServerOptions): ReturnType<typeof connectInProcess>
  close(): void
}

/** `products` are served together on one Dataverse client; the Dataverse product itself unless told otherwise. */
export async function startDataverseEnv(
  products: ProductDefinition<DataverseClient>[] = [dataverseModule.product],
): Promise<DataverseTestEnv> {
  const sandbox = createStandardSandbox({ emulators: ['dataverse'] })
  const client = await dataverseModule.connect({ env: {}, sandbox: sandboxConnection(sandbox), log: silentLogger })
  const { userId } = await client.whoAmI()
  return {
    sandbox,
    client,
    userId,
    connect: (options = {}, server = {}) =>
      connectInProcess(
        createServer(
          products.map((product) => ({ product, client })),
          server,
        ),
        options,
      ),
    close: () => sandbox.close(),
  }
}
