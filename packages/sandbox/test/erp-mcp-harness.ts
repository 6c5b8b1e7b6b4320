// A sandbox with the finance & operations emulator on a fixed day, its record store, and tokens
// for the environment's MCP endpoint.

import { erpMcpEndpointFor } from '../src/erp/mcp/endpoint.js'
import type { ErpStore } from '../src/erp/model.js'
import { createErpRecords } from '../src/erp/records.js'
import { createSandbox, type Sandbox } from '../src/sandbox.js'

export interface ErpMcpSandbox {
  sandbox: Sandbox
  store: ErpStore
  /** `{erp emulator URL}/mcp` */
  mcpUrl: string
  appToken(): Promise<string>
  userToken(): Promise<string>
  close(): void
}

export function erpMcpSandbox(options: { now: string }): ErpMcpSandbox {
  const clock = () => new Date(options.now)
  const sandbox = createSandbox({ clock })
  const store = createErpRecords({ db: sandbox.db, clock })
  sandbox.mount({
    name: 'erp',
    prefix: '/erp',
    handle: async (request, path) =>
      path === '/mcp' || path.startsWith('/mcp?')
        ? erpMcpEndpointFor(sandbox, store).handle(request)
        : new Response('not found', { status: 404 }),
  })
  const scope = `${sandbox.urlOf('erp')}/.default`
  return {
    sandbox,
    store,
    mcpUrl: `${sandbox.urlOf('erp')}/mcp`,
    appToken: () => sandbox.entra.requestToken({ scope }),
    userToken: () => sandbox.entra.requestToken({ scope, username: sandbox.entra.users[0]!.userPrincipalName }),
    close: () => sandbox.close(),
  }
}
