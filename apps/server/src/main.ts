// The bizmcp command. Returns an exit code instead of exiting, so tests can drive it in process.
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import {
  type Authenticator,
  apiKeyAuthenticator,
  type BizmcpServer,
  closeOnSignals,
  createLogger,
  type HttpRoute,
  hashApiKey,
  oauthResourceServer,
  selectTools,
  startHttp,
  startStdio,
} from '@bizmcp/core'
import type { Sandbox } from '@bizmcp/sandbox'
import { HELP, type ParsedArgs, parseCliArgs, type ServeArgs, UsageError } from './args.js'
import { BuildError, buildServer, emulatorsFor } from './build.js'
import { clientSnippet } from './client-snippets.js'
import {
  type AuthConfig,
  type Config,
  ConfigError,
  configJsonSchema,
  loadConfig,
  type ServerConfig,
  ServerConfigSchema,
} from './config.js'
import type { Io } from './io.js'
import { knownProducts, productLoaders } from './products.js'
import { serveSandboxCommand } from './sandbox-command.js'

export type { Io }

const version = (createRequire(import.meta.url)('../package.json') as { version: string }).version

export async function run(argv: string[], io: Io): Promise<number> {
  let args: ParsedArgs
  try {
    args = parseCliArgs(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`bizmcp: ${error.message}\n`)
      return 2
    }
    throw error
  }
  try {
    switch (args.kind) {
      case 'help':
        io.stdout(HELP)
        return 0
      case 'version':
        io.stdout(`${version}\n`)
        return 0
      case 'config-schema':
        io.stdout(`${JSON.stringify(configJsonSchema(), null, 2)}\n`)
        return 0
      case 'config-hash-key': {
        const key = args.key ?? randomBytes(32).toString('base64url')
        io.stdout(`${JSON.stringify({ ...(args.key ? {} : { key }), sha256: hashApiKey(key) }, null, 2)}\n`)
        if (!args.key) io.stderr('Give the key to the caller; put only the sha256 in the config file.\n')
        return 0
      }
      case 'config-client':
        io.stdout(clientSnippet(args))
        return 0
      case 'config-check':
        return await configCheck(args.file, io)
      case 'tools':
        return await listTools(args.serve, args.json, io)
      case 'sandbox-serve':
        return await serveSandboxCommand(args, io)
      case 'serve':
        return await serve(args, io)
    }
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof BuildError ||
      error instanceof UsageError ||
      (error as Error).name === 'SelectionError'
    ) {
      io.stderr(`bizmcp: ${(error as Error).message}\n`)
      return 1
    }
    throw error
  }
}

/** The servers to run: from the config file, or one server from the flags. */
function serversFromArgs(args: ServeArgs): Config {
  if (args.config) {
    const selectionFlags = [
      args.products && '--products',
      args.readOnly && '--read-only',
      args.toolsets && '--toolsets',
      args.tools && '--tools',
      args.denyTools && '--deny-tools',
    ].filter(Boolean)
    if (selectionFlags.length) {
      throw new UsageError(
        `${selectionFlags.join(', ')} cannot be combined with --config: put the selection in the config file's servers.`,
      )
    }
    const config = loadConfig(args.config)
    if (args.serverName) {
      const chosen = config.servers.find((s) => s.name === args.serverName)
      if (!chosen)
        throw new UsageError(
          `No server named '${args.serverName}' in ${args.config}. Servers: ${config.servers.map((s) => s.name).join(', ')}.`,
        )
      return { ...config, servers: [chosen] }
    }
    return config
  }
  const server: ServerConfig = ServerConfigSchema.parse({
    name: 'bizmcp',
    products: args.products ?? knownProducts(),
    readOnly: args.readOnly,
    ...(args.toolsets ? { toolsets: args.toolsets } : {}),
    ...(args.tools ? { tools: args.tools } : {}),
    ...(args.denyTools ? { denyTools: args.denyTools } : {}),
    timeoutSeconds: args.timeoutSeconds,
    consent: args.consent,
    audit: args.audit,
  })
  return { servers: [server] }
}

async function serve(args: ServeArgs, io: Io): Promise<number> {
  if (knownProducts().length === 0) throw new UsageError('No product packages are installed.')
  const config = serversFromArgs(args)
  if (!args.http && config.servers.length > 1) {
    throw new UsageError(
      `stdio serves one server; pick one with --server (${config.servers.map((s) => s.name).join(', ')}), or use --http to serve all.`,
    )
  }
  const log = createLogger()
  const emulators = await emulatorsFor(config.servers.flatMap((server) => server.products))
  // a server answers its client at once; demo data is built on the first vendor call
  const shared: { instance?: Sandbox; options: { emulators: string[]; lazy: boolean } } = {
    options: { emulators, lazy: true },
  }
  const built: Array<{ config: ServerConfig; server: BizmcpServer }> = []
  for (const server of config.servers) {
    const result = await buildServer({
      server,
      env: io.env,
      log,
      sandboxMode: args.sandboxMode,
      sandbox: shared,
      version,
    })
    built.push({ config: server, server: result.server })
    log.info(
      { server: server.name, products: result.modes, tools: result.server.tools.length },
      `server ${server.name} ready`,
    )
  }

  if (!args.http) {
    startStdio(built[0]!.server)
    return 0
  }
  const http = config.http
  const routes: HttpRoute[] =
    built.length === 1 && !args.config
      ? [{ path: '/mcp', server: built[0]!.server }]
      : built.map(({ config: c, server }) => ({ path: `/mcp/${c.name}`, server }))
  const auth = authFrom(http?.auth)
  const handle = await startHttp({
    routes,
    ...(auth ? { authenticate: auth.authenticate } : {}),
    ...(auth?.metadataRoute ? { extraRoutes: auth.metadataRoute } : {}),
    port: argsOr(args.port, 8787, http?.port),
    host: args.host !== '127.0.0.1' ? args.host : (http?.host ?? args.host),
    ...((args.allowedHosts ?? http?.allowedHosts) ? { allowedHosts: args.allowedHosts ?? http?.allowedHosts } : {}),
    ...(http?.allowedOrigins ? { allowedOrigins: http.allowedOrigins } : {}),
    ...(http?.maxBodyBytes ? { maxBodyBytes: http.maxBodyBytes } : {}),
    log,
  })
  closeOnSignals(handle, log)
  io.stderr(`bizmcp listening on ${routes.map((r) => handle.url + r.path).join(', ')}\n`)
  return 0
}

function authFrom(
  config: AuthConfig | undefined,
):
  | { authenticate: Authenticator; metadataRoute?: ReturnType<typeof oauthResourceServer>['metadataRoute'] }
  | undefined {
  if (!config || config.kind === 'none') return undefined
  if (config.kind === 'api-keys') return { authenticate: apiKeyAuthenticator(config.keys) }
  const server = oauthResourceServer({
    issuer: config.issuer,
    audience: config.audience,
    resourceUrl: config.resourceUrl,
    ...(config.jwksUri ? { jwksUri: config.jwksUri } : {}),
    ...(config.requiredScopes ? { requiredScopes: config.requiredScopes } : {}),
  })
  return { authenticate: server.authenticate, metadataRoute: server.metadataRoute }
}

function argsOr(flag: number, flagDefault: number, fromConfig: number | undefined): number {
  return flag !== flagDefault ? flag : (fromConfig ?? flag)
}

async function selectionOf(server: ServerConfig) {
  const unknown = server.products.filter((name) => !(name in productLoaders))
  if (unknown.length)
    throw new BuildError(
      `Unknown product: ${unknown.join(', ')}. Available: ${knownProducts().join(', ') || '(none installed)'}.`,
    )
  const modules = await Promise.all(server.products.map((name) => productLoaders[name]!()))
  // Tools are data: the selection needs no client and no connection.
  return selectTools(
    modules.map((m) => ({ product: m.product, client: undefined })),
    {
      readOnly: server.readOnly,
      ...(server.toolsets ? { toolsets: server.toolsets } : {}),
      ...(server.tools ? { tools: server.tools } : {}),
      ...(server.denyTools ? { denyTools: server.denyTools } : {}),
    },
  )
}

function kindOf(annotations: { readOnlyHint?: boolean; destructiveHint?: boolean }) {
  return annotations.readOnlyHint ? 'read' : annotations.destructiveHint ? 'destructive' : 'write'
}

async function configCheck(file: string, io: Io): Promise<number> {
  const config = loadConfig(file)
  const lines = [`${file} is valid: ${config.servers.length} server${config.servers.length > 1 ? 's' : ''}.`]
  for (const server of config.servers) {
    const selected = await selectionOf(server)
    lines.push(
      '',
      `${server.name}${server.readOnly ? ' (read-only)' : ''}: ${server.products.join(', ')} — ${selected.length} tools`,
    )
    for (const { tool } of selected) lines.push(`  ${tool.name.padEnd(40)} ${kindOf(tool.annotations)}`)
  }
  io.stdout(`${lines.join('\n')}\n`)
  return 0
}

async function listTools(args: ServeArgs, json: boolean, io: Io): Promise<number> {
  const [server] = serversFromArgs(args).servers
  const selected = await selectionOf(server!)
  const rows = selected.map(({ tool, binding }) => ({
    name: tool.name,
    product: binding.product.name,
    toolset: tool.toolset,
    kind: kindOf(tool.annotations),
    title: tool.title,
  }))
  if (json) io.stdout(`${JSON.stringify(rows, null, 2)}\n`)
  else
    for (const row of rows)
      io.stdout(`${row.name.padEnd(40)} ${row.product.padEnd(12)} ${row.toolset.padEnd(12)} ${row.kind}\n`)
  return 0
}
