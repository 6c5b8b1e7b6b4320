// Command-line flags of `bizmcp`. Every flag has an example in --help.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { SandboxMode } from './build.js'

export const HELP = `bizmcp — MCP servers for Dataverse, Dynamics 365 and Salesforce

Usage:
  bizmcp [options]                       start the combined server (stdio unless --http)
  bizmcp sandbox serve [options]         run the vendor API emulators over HTTP
  bizmcp config check <file>             validate a config file and show what each server exposes
  bizmcp config schema                   print the config file's JSON Schema (for editors)
  bizmcp config hash-key [key]           make an API key (or hash yours) for the config file
  bizmcp config client <client> [--url U | --config F --server S]
                                         the snippet that registers a server in claude-code,
                                         claude-desktop, vscode or cursor
  bizmcp tools [--json]                  list the tools of the selected products

Server options:
  --products <a,b>     products to serve (default: all installed)      --products dataverse,sales
  --read-only          expose only read-only tools                      --read-only
  --toolsets <a,b>     expose only these toolsets                       --toolsets schema,data
  --tools <a,b>        expose only these tools                          --tools list_tables,read_query
  --deny-tools <a,b>   never expose these tools                         --deny-tools delete_table
  --sandbox            use the local sandbox even if credentials exist  --sandbox
  --no-sandbox         fail instead of falling back to the sandbox      --no-sandbox
  --consent <mode>     when a client cannot ask the user: refuse (default) or confirm-argument
                                                                        --consent confirm-argument
  --timeout <seconds>  per vendor request (default 30)                  --timeout 60
  --http               serve Streamable HTTP instead of stdio           --http
  --port <n>           HTTP port (default 8787)                         --http --port 9000
  --host <h>           HTTP bind address (default 127.0.0.1)            --http --host 0.0.0.0 --allowed-hosts mcp.example.com
  --allowed-hosts <a,b>  Host header allow-list when binding beyond loopback
  --config <file>      named servers from a config file                 --config bizmcp.json
  --server <name>      with --config over stdio: which server           --config bizmcp.json --server reporting
  --no-audit           no audit lines on stderr                         --no-audit
  -v, --version        print the version
  -h, --help           this help

Sandbox options (bizmcp sandbox serve):
  --port <n>           port (default 7070; 0 picks a free one)          sandbox serve --port 0
  --host <h>           bind address (default 127.0.0.1)
  --db <file>          keep data in this SQLite file across restarts    sandbox serve --db demo.db
  --scale <n>          multiply the demo data (benchmarks)              sandbox serve --scale 10
  --json               print URLs and credentials as one JSON object    sandbox serve --json

Without credentials in the environment, each product runs against the built-in sandbox:
no tenant needed. See each product's README for its environment variables.
`

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)

export interface ServeArgs {
  kind: 'serve'
  products?: string[]
  readOnly: boolean
  toolsets?: string[]
  tools?: string[]
  denyTools?: string[]
  sandboxMode: SandboxMode
  consent: 'refuse' | 'confirm-argument'
  timeoutSeconds: number
  http: boolean
  port: number
  host: string
  allowedHosts?: string[]
  config?: string
  serverName?: string
  audit: boolean
}

export type ParsedArgs =
  | ServeArgs
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'sandbox-serve'; port: number; host: string; db?: string; scale: number; json: boolean }
  | { kind: 'config-check'; file: string }
  | { kind: 'config-schema' }
  | { kind: 'config-hash-key'; key?: string }
  | ClientSnippetArgs
  | { kind: 'tools'; json: boolean; serve: ServeArgs }

export const CLIENTS = ['claude-code', 'claude-desktop', 'vscode', 'cursor'] as const
export type ClientName = (typeof CLIENTS)[number]

export interface ClientSnippetArgs {
  kind: 'config-client'
  client: ClientName
  /** an HTTP deployment's URL; a local stdio command otherwise */
  url?: string
  config?: string
  server?: string
  name: string
}

export class UsageError extends Error {
  override name = 'UsageError'
}

const positiveInt = (flag: string, value: string | undefined, fallback: number, min = 1) => {
  if (value === undefined) return fallback
  const parsed = z.coerce.number().int().min(min).safeParse(value)
  if (!parsed.success)
    throw new UsageError(`${flag} takes a whole number${min > 0 ? ` of at least ${min}` : ''}, got '${value}'.`)
  return parsed.data
}

export function parseCliArgs(argv: string[]): ParsedArgs {
  const [first, second] = argv
  if (first === 'sandbox') {
    if (second !== 'serve')
      throw new UsageError(`Unknown sandbox command '${second ?? ''}'. Did you mean: bizmcp sandbox serve?`)
    const { values } = parse(argv.slice(2), {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      scale: { type: 'string' },
      json: { type: 'boolean' },
    })
    return {
      kind: 'sandbox-serve',
      port: positiveInt('--port', values.port as string | undefined, 7070, 0),
      host: (values.host as string | undefined) ?? '127.0.0.1',
      ...(values.db ? { db: values.db as string } : {}),
      scale: positiveInt('--scale', values.scale as string | undefined, 1),
      json: Boolean(values.json),
    }
  }
  if (first === 'config') {
    if (second === 'schema') return { kind: 'config-schema' }
    if (second === 'hash-key') return { kind: 'config-hash-key', ...(argv[2] ? { key: argv[2] } : {}) }
    if (second === 'client') {
      const client = argv[2] as ClientName | undefined
      if (!client || !CLIENTS.includes(client))
        throw new UsageError(`bizmcp config client takes one of ${CLIENTS.join(', ')}: bizmcp config client vscode`)
      const { values } = parse(argv.slice(3), {
        url: { type: 'string' },
        config: { type: 'string' },
        server: { type: 'string' },
        name: { type: 'string' },
      })
      if (values.url && (values.config || values.server))
        throw new UsageError('--url describes a deployed server; --config/--server describe a local one. Pick one.')
      if (values.url && !/^https?:\/\//.test(values.url as string))
        throw new UsageError(`--url must be an http(s) URL, got '${values.url}'.`)
      return {
        kind: 'config-client',
        client,
        name: (values.name as string | undefined) ?? (values.server as string | undefined) ?? 'bizmcp',
        ...(values.url ? { url: values.url as string } : {}),
        ...(values.config ? { config: values.config as string } : {}),
        ...(values.server ? { server: values.server as string } : {}),
      }
    }
    if (second === 'check') {
      const file = argv[2]
      if (!file) throw new UsageError('bizmcp config check needs a file: bizmcp config check bizmcp.json')
      return { kind: 'config-check', file }
    }
    throw new UsageError(
      `Unknown config command '${second ?? ''}'. Use: bizmcp config check <file> | bizmcp config schema`,
    )
  }
  if (first === 'tools') {
    const rest = argv.slice(1)
    const json = rest.includes('--json')
    const serve = parseServe(rest.filter((a) => a !== '--json'))
    if (serve.kind !== 'serve') return serve
    return { kind: 'tools', json, serve }
  }
  if (first && !first.startsWith('-')) throw new UsageError(`Unknown command '${first}'. Run bizmcp --help.`)
  return parseServe(argv)
}

function parseServe(argv: string[]): ParsedArgs & { kind: 'serve' | 'help' | 'version' } {
  const { values } = parse(argv, {
    products: { type: 'string' },
    'read-only': { type: 'boolean' },
    toolsets: { type: 'string' },
    tools: { type: 'string' },
    'deny-tools': { type: 'string' },
    sandbox: { type: 'boolean' },
    'no-sandbox': { type: 'boolean' },
    consent: { type: 'string' },
    timeout: { type: 'string' },
    http: { type: 'boolean' },
    port: { type: 'string' },
    host: { type: 'string' },
    'allowed-hosts': { type: 'string' },
    config: { type: 'string' },
    server: { type: 'string' },
    'no-audit': { type: 'boolean' },
    version: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
  })
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  if (values.sandbox && values['no-sandbox'])
    throw new UsageError('--sandbox and --no-sandbox contradict each other; pick one.')
  const consent = (values.consent as string | undefined) ?? 'refuse'
  if (consent !== 'refuse' && consent !== 'confirm-argument') {
    throw new UsageError(`--consent takes 'refuse' or 'confirm-argument', got '${consent}'.`)
  }
  if (values.server && !values.config)
    throw new UsageError('--server picks a server from a config file: add --config <file>.')
  const args: ServeArgs = {
    kind: 'serve',
    readOnly: Boolean(values['read-only']),
    sandboxMode: values.sandbox ? 'always' : values['no-sandbox'] ? 'never' : 'auto',
    consent,
    timeoutSeconds: positiveInt('--timeout', values.timeout as string | undefined, 30),
    http: Boolean(values.http),
    port: positiveInt('--port', values.port as string | undefined, 8787, 0),
    host: (values.host as string | undefined) ?? '127.0.0.1',
    audit: !values['no-audit'],
  }
  const optional = {
    products: list(values.products as string | undefined),
    toolsets: list(values.toolsets as string | undefined),
    tools: list(values.tools as string | undefined),
    denyTools: list(values['deny-tools'] as string | undefined),
    allowedHosts: list(values['allowed-hosts'] as string | undefined),
    config: values.config as string | undefined,
    serverName: values.server as string | undefined,
  }
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) (args as unknown as Record<string, unknown>)[key] = value
  return args
}

function parse(argv: string[], options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false })
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.replace(/\. To specify.*$/s, '')}. Run bizmcp --help for the options.`,
    )
  }
}
