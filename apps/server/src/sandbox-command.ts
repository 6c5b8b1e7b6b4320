// `bizmcp sandbox serve`: the emulators over loopback HTTP for any client (jsforce, Postman,
// dynamics-web-api, a browser). Prints every base URL and working credentials.
import { createStandardSandbox, describeSandbox, formatSandboxDescription, serveSandbox } from '@bizmcp/sandbox'
import type { Io } from './io.js'

export interface SandboxServeArgs {
  port: number
  host: string
  db?: string
  scale: number
  json: boolean
}

export async function serveSandboxCommand(args: SandboxServeArgs, io: Io): Promise<number> {
  const sandbox = createStandardSandbox({ ...(args.db ? { db: args.db } : {}), scale: args.scale })
  const served = await serveSandbox(sandbox, { port: args.port, host: args.host })
  const description = describeSandbox(sandbox)
  io.stdout(args.json ? `${JSON.stringify(description)}\n` : `${formatSandboxDescription(description)}\n`)
  const stop = () => {
    void served.close().finally(() => {
      sandbox.close()
      process.exit(0)
    })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return 0
}
