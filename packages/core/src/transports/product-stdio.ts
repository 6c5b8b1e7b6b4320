// What a product package's bin does: serve that one product over stdio, against the tenant its
// environment configures, or against the local sandbox when nothing is configured (or when asked).
// Core cannot import the sandbox (it depends on nothing of ours), so the bin passes a loader.
import { createLogger } from '../audit.js'
import type { ProductModule, SandboxConnection } from '../product.js'
import { createServer } from '../server.js'
import { startStdio } from './stdio.js'

export interface ProductStdioOptions {
  /** the server name clients see, e.g. 'dataverse-mcp' */
  name: string
  /** loads the sandbox with these emulators; called only when the sandbox is used */
  sandbox: (emulators: string[]) => Promise<SandboxConnection>
  /** use the sandbox even when credentials are configured */
  forceSandbox?: boolean
  env?: Record<string, string | undefined>
}

export async function serveProductOverStdio(module: ProductModule, options: ProductStdioOptions) {
  const env = options.env ?? process.env
  const log = createLogger()
  let sandbox: SandboxConnection | undefined
  if (options.forceSandbox || !module.isConfigured(env)) {
    sandbox = await options.sandbox(module.sandboxEmulators ?? [])
    log.info(`${module.product.title}: no credentials configured, using the local sandbox`)
  }
  const client = await module.connect({ env, log, ...(sandbox ? { sandbox } : {}) })
  return startStdio(
    createServer([{ product: module.product, client }], {
      name: options.name,
      logger: log,
      ...(env.BIZMCP_READ_ONLY === 'true' ? { readOnly: true } : {}),
    }),
  )
}
