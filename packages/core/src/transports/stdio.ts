// stdio for local clients: one connection, both protocol eras. Nothing but protocol
// messages may reach stdout, so all logging in core goes to stderr.
import { type StdioServerHandle, serveStdio } from '@modelcontextprotocol/server/stdio'
import type { BizmcpServer } from '../server.js'

export interface StdioOptions {
  /** close when stdin ends or on SIGINT/SIGTERM; default true */
  handleSignals?: boolean
  onerror?: (error: Error) => void
}

export function startStdio(server: BizmcpServer, options: StdioOptions = {}): StdioServerHandle {
  const handle = serveStdio(server.factory, options.onerror ? { onerror: options.onerror } : {})
  if (options.handleSignals !== false) {
    const stop = () => {
      void handle.close().finally(() => process.exit(0))
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
  return handle
}
