// Builds one MCP server from a selection of products: loads the product modules, connects each
// to its tenant when credentials are configured, otherwise to the (shared) sandbox.
import {
  type BizmcpServer,
  createServer,
  type Logger,
  type ProductBinding,
  type ProductModule,
  readSecret,
  type SandboxConnection,
} from '@bizmcp/core'
import { createStandardSandbox, type Sandbox, sandboxConnection } from '@bizmcp/sandbox'
import type { ServerConfig } from './config.js'
import { knownProducts, productLoaders } from './products.js'

export type SandboxMode = 'auto' | 'always' | 'never'

export interface BuildOptions {
  server: ServerConfig
  env: Record<string, string | undefined>
  log: Logger
  sandboxMode: SandboxMode
  /** shared between the servers of one process; created on first need */
  sandbox: { instance?: Sandbox; options?: { db?: string; scale?: number; emulators?: string[]; lazy?: boolean } }
  version: string
}

export interface BuiltServer {
  server: BizmcpServer
  /** product → 'live' or 'sandbox' */
  modes: Record<string, 'live' | 'sandbox'>
}

export class BuildError extends Error {
  override name = 'BuildError'
}

/** The sandbox emulators the given products need: only those are mounted (and seeded). */
export async function emulatorsFor(products: string[]): Promise<string[]> {
  const modules = await Promise.all(
    products.filter((name) => name in productLoaders).map((name) => productLoaders[name]!()),
  )
  return [...new Set(modules.flatMap((module) => module.sandboxEmulators ?? []))]
}

export async function buildServer(options: BuildOptions): Promise<BuiltServer> {
  const { server: config, log } = options
  const known = knownProducts()
  const unknown = config.products.filter((name) => !(name in productLoaders))
  if (unknown.length) {
    throw new BuildError(
      `Unknown product${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Available: ${known.join(', ') || '(none installed)'}.`,
    )
  }
  const modules: ProductModule[] = await Promise.all(config.products.map((name) => productLoaders[name]!()))
  const bindings: ProductBinding[] = []
  const modes: BuiltServer['modes'] = {}

  for (const [index, module] of modules.entries()) {
    const name = config.products[index]!
    const env = { ...options.env, ...resolveCredentials(config.credentials?.[name], options.env) }
    const configured = module.isConfigured(env)
    const useSandbox =
      options.sandboxMode === 'always' || (!configured && options.sandboxMode === 'auto' && !config.production)
    if (!configured && !useSandbox) {
      throw new BuildError(
        `Product '${name}' has no credentials configured${config.production ? ` and server '${config.name}' is in production mode` : ''}. See its README for the environment variables it needs, or run with --sandbox.`,
      )
    }
    let sandbox: SandboxConnection | undefined
    if (useSandbox) {
      options.sandbox.instance ??= createStandardSandbox(options.sandbox.options)
      sandbox = sandboxConnection(options.sandbox.instance)
    }
    const client = await module.connect({
      env,
      ...(sandbox ? { sandbox } : {}),
      http: { timeoutMs: config.timeoutSeconds * 1000 },
      log,
    })
    bindings.push({ product: module.product, client })
    modes[name] = useSandbox ? 'sandbox' : 'live'
  }

  const server = createServer(bindings, {
    name: config.name,
    version: options.version,
    ...(config.description ? { instructions: config.description } : {}),
    readOnly: config.readOnly,
    ...(config.toolsets ? { toolsets: config.toolsets } : {}),
    ...(config.tools ? { tools: config.tools } : {}),
    ...(config.denyTools ? { denyTools: config.denyTools } : {}),
    consent: { fallback: config.consent },
    ...(config.rateLimits ? { rateLimit: config.rateLimits } : {}),
    logger: log,
    audit: config.audit,
    ...(options.env.BIZMCP_CURSOR_SECRET ? { cursorSecret: options.env.BIZMCP_CURSOR_SECRET } : {}),
  })
  return { server, modes }
}

function resolveCredentials(
  credentials: Record<string, string | { env: string } | { file: string }> | undefined,
  env: Record<string, string | undefined>,
): Record<string, string> {
  const resolved: Record<string, string> = {}
  for (const [key, value] of Object.entries(credentials ?? {})) {
    resolved[key] = typeof value === 'string' ? value : readSecret(value, env)
  }
  return resolved
}
