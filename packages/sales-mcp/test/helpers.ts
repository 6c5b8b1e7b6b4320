// One standard sandbox per test file, and MCP clients on the real path: MCP client → server →
// Dataverse client → the sandbox's in-process fetch → emulator → SQLite. The server carries the
// Dataverse tools too, as a deployment that registers both products would.
import { type CreateServerOptions, createServer, silentLogger } from '@bizmcp/core'
import { type ClientOptions, connectInProcess, errorBody } from '@bizmcp/core/testing'
import { type DataverseClient, dataverseModule } from '@bizmcp/dataverse-mcp'
import { createStandardSandbox, type Sandbox, sandboxConnection } from '@bizmcp/sandbox'
import { salesModule } from '../src/index.js'

export interface TestEnv {
  sandbox: Sandbox
  client: DataverseClient
  connect(options?: ClientOptions, server?: CreateServerOptions): ReturnType<typeof connectInProcess>
  close(): void
}

export async function startEnv(): Promise<TestEnv> {
  const sandbox = createStandardSandbox({ emulators: ['dataverse'] })
  const client = await salesModule.connect({ env: {}, sandbox: sandboxConnection(sandbox), log: silentLogger })
  return {
    sandbox,
    client,
    connect: (options = {}, server = {}) =>
      connectInProcess(
        createServer(
          [
            { product: dataverseModule.product, client },
            { product: salesModule.product, client },
          ],
          server,
        ),
        options,
      ),
    close: () => sandbox.close(),
  }
}

export type CallResult = { structuredContent?: unknown; content?: unknown; isError?: boolean }

export function ok<T = Record<string, any>>(result: CallResult): T {
  if (result.isError) throw new Error(`Tool failed: ${JSON.stringify(result.content)}`)
  return result.structuredContent as T
}

export const approve = async () => ({ action: 'accept' as const, content: { approve: true } })
export const decline = async () => ({ action: 'decline' as const })

export const OLIVE_EMAIL = 'sofia.marin@verdelia-oliveoil.com'

/** the scenario-2 lead the seed adds */
export async function oliveLeadId(client: DataverseClient): Promise<string> {
  const page = await client.query('leads', { select: ['leadid'], filter: `emailaddress1 eq '${OLIVE_EMAIL}'`, top: 1 })
  return String(page.rows[0]?.leadid)
}

/** a fresh open lead, created straight through the Dataverse client */
export async function newLead(client: DataverseClient, values: Record<string, unknown>): Promise<string> {
  return client.create('leads', { subject: 'Test lead', lastname: 'Tester', statecode: 0, statuscode: 1, ...values })
}

export { errorBody }

export const ERAS = ['legacy', 'modern'] as const
