// One sandbox per test file: the real path MCP client → server → Dataverse client → HTTP
// (the sandbox's in-process fetch) → emulator → SQLite.
import { type CreateServerOptions, createServer, silentLogger } from '@bizmcp/core'
import { type ClientOptions, connectInProcess, errorBody } from '@bizmcp/core/testing'
import { createStandardSandbox, type Sandbox, sandboxConnection } from '@bizmcp/sandbox'
import type { DataverseClient } from '../src/client/types.js'
import { dataverseModule } from '../src/index.js'

export interface TestEnv {
  sandbox: Sandbox
  client: DataverseClient
  connect(options?: ClientOptions, server?: CreateServerOptions): ReturnType<typeof connectInProcess>
  close(): void
}

export async function startEnv(): Promise<TestEnv> {
  const sandbox = createStandardSandbox({ emulators: ['dataverse'] })
  const client = await dataverseModule.connect({ env: {}, sandbox: sandboxConnection(sandbox), log: silentLogger })
  return {
    sandbox,
    client,
    connect: (options = {}, server = {}) =>
      connectInProcess(createServer([{ product: dataverseModule.product, client }], server), options),
    close: () => sandbox.close(),
  }
}

export type CallResult = { structuredContent?: unknown; content?: unknown; isError?: boolean }

export function ok<T = Record<string, any>>(result: CallResult): T {
  if (result.isError) throw new Error(`Tool failed: ${JSON.stringify(result.content)}`)
  return result.structuredContent as T
}

export { errorBody }

export const ERAS = ['legacy', 'modern'] as const
