// A standard sandbox with the finance & operations emulator on a fixed day, its record store, and
// tokens for the environment's MCP endpoint (`/erp/mcp`).
import type { ErpEmulator } from '../src/erp/emulator.js'
import type { ErpStore } from '../src/erp/model.js'
import type { Sandbox } from '../src/sandbox.js'
import { createStandardSandbox } from '../src/standard.js'

export interface ErpMcpSandbox {
  sandbox: Sandbox
  store: ErpStore
  /** `{erp emulator URL}/mcp`, from the emulator's description */
  mcpUrl: string
  appToken(): Promise<string>
  userToken(): Promise<string>
  close(): void
}

export function erpMcpSandbox(options: { now: string }): ErpMcpSandbox {
  const sandbox = createStandardSandbox({ emulators: ['erp'], clock: () => new Date(options.now) })
  const erp = sandbox.emulators().find((emulator) => emulator.name === 'erp') as ErpEmulator
  const scope = `${sandbox.urlOf('erp')}/.default`
  return {
    sandbox,
    store: erp.records(),
    // as the emulator describes it, so that clients following the description find the endpoint
    mcpUrl: String(erp.describe?.().mcpUrl),
    appToken: () => sandbox.entra.requestToken({ scope }),
    userToken: () => sandbox.entra.requestToken({ scope, username: sandbox.entra.users[0]!.userPrincipalName }),
    close: () => sandbox.close(),
  }
}
