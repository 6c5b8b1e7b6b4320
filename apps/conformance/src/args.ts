// Command-line flags of bizmcp-conformance. Usage errors are their own class: exit code 2.
import { parseArgs } from 'node:util'
import { splitCommand } from './target.js'
import { type ConformanceOptions, SUITES, type SuiteName, type Target } from './types.js'

export const HELP = `bizmcp-conformance — protocol, contract and scenario suites for any MCP server

Usage:
  bizmcp-conformance --stdio "<command with args>" [options]
  bizmcp-conformance --url <http url> [--header "Name: value"]... [options]

Options:
  --suite <a,b>           suites to run: protocol,contract,scenario (default: all)
  --read-only-profile     fail if any listed tool lacks readOnlyHint: true
  --official              also run the official @modelcontextprotocol/conformance server scenarios (--url only)
  --scenarios <module>    load scenarios (defineScenario) from a file or a package, e.g.
                          @bizmcp/sales-mcp/scenarios; repeatable
  --products <a,b>        products the target serves: runs the scenarios they register
                          (@bizmcp/<product>-mcp/scenarios), skips others'
  --allow-writes          run scenarios' whole flows, writes included, approving consent prompts
                          (sandbox only); without it only their read-only steps run
  --timeout <ms>          bound on each request (default 15000)
  --token-average <n>     o200k token budget per tool, on average (default 200)
  --token-max <n>         o200k token cap for any one tool (default 1000)
  --cancel-call '<tool> <json args>'  a read-only call slow enough to cancel
  --junit <file>          write JUnit XML for CI
  --no-color              plain output
  -h, --help              this help

Exit codes: 0 all checks passed (skips allowed), 1 a check failed, 2 usage error.

Examples:
  bizmcp-conformance --stdio "npx bizmcp --sandbox --products dataverse" --products dataverse
  bizmcp-conformance --url http://127.0.0.1:8787/mcp --header "Authorization: Bearer $TOKEN" --official --junit conformance.xml
  bizmcp-conformance --stdio "npx bizmcp --read-only" --read-only-profile --suite protocol,contract
  bizmcp-conformance --stdio "npx bizmcp --sandbox" --suite scenario --products dataverse,sales,service,salesforce --allow-writes
`

export class UsageError extends Error {
  override name = 'UsageError'
}

export type CliArgs =
  | { kind: 'help' }
  | {
      kind: 'run'
      target: Target
      options: ConformanceOptions
      scenarioModules: string[]
      junit?: string
      color: boolean
    }

export function parseCliArgs(argv: string[]): CliArgs {
  let values: Record<string, string | string[] | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        stdio: { type: 'string' },
        url: { type: 'string' },
        header: { type: 'string', multiple: true },
        suite: { type: 'string' },
        'read-only-profile': { type: 'boolean' },
        official: { type: 'boolean' },
        scenarios: { type: 'string', multiple: true },
        products: { type: 'string' },
        'allow-writes': { type: 'boolean' },
        timeout: { type: 'string' },
        'token-average': { type: 'string' },
        'token-max': { type: 'string' },
        'cancel-call': { type: 'string' },
        junit: { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.help) return { kind: 'help' }

  const stdio = values.stdio as string | undefined
  const url = values.url as string | undefined
  if (!stdio === !url) throw new UsageError('Give exactly one target: --stdio "<command>" or --url <url>.')
  let target: Target
  if (stdio) {
    if (values.header) throw new UsageError('--header applies to --url targets only.')
    let words: string[]
    try {
      words = splitCommand(stdio)
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    const [command, ...args] = words
    if (!command) throw new UsageError('--stdio needs a command.')
    target = { kind: 'stdio', command, args }
  } else {
    if (!/^https?:\/\//.test(url as string)) throw new UsageError(`--url must be an http(s) URL, got '${url}'.`)
    const headers: Record<string, string> = {}
    for (const header of (values.header as string[] | undefined) ?? []) {
      const match = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\s*(.*)$/.exec(header)
      if (!match) throw new UsageError(`--header takes "Name: value", got '${header}'.`)
      headers[match[1] as string] = match[2] as string
    }
    target = { kind: 'http', url: url as string, ...(Object.keys(headers).length ? { headers } : {}) }
  }

  const suites = list(values.suite as string | undefined)
  for (const suite of suites ?? [])
    if (!SUITES.includes(suite as SuiteName))
      throw new UsageError(`Unknown suite '${suite}'. Suites: ${SUITES.join(', ')}.`)

  const options: ConformanceOptions = {
    ...(suites ? { suites: suites as SuiteName[] } : {}),
    readOnlyProfile: Boolean(values['read-only-profile']),
    official: Boolean(values.official),
    allowWrites: Boolean(values['allow-writes']),
  }
  const products = list(values.products as string | undefined)
  if (products) options.products = products
  if (values.timeout !== undefined) options.timeoutMs = positive('--timeout', values.timeout as string)
  const average = values['token-average'] as string | undefined
  const max = values['token-max'] as string | undefined
  if (average !== undefined || max !== undefined)
    options.tokenBudget = {
      ...(average !== undefined ? { average: positive('--token-average', average) } : {}),
      ...(max !== undefined ? { perTool: positive('--token-max', max) } : {}),
    }
  const cancel = values['cancel-call'] as string | undefined
  if (cancel !== undefined) {
    const [, name, json] = /^\s*(\S+)\s*(.*)$/s.exec(cancel) ?? []
    if (!name) throw new UsageError(`--cancel-call takes '<tool> <json args>', got '${cancel}'.`)
    let parsed: unknown = {}
    try {
      parsed = json?.trim() ? JSON.parse(json) : {}
    } catch {
      throw new UsageError(`--cancel-call arguments are not JSON: ${json}`)
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new UsageError('--cancel-call arguments must be a JSON object.')
    options.cancelCall = { name, arguments: parsed as Record<string, unknown> }
  }
  const junit = values.junit as string | undefined
  return {
    kind: 'run',
    target,
    options,
    scenarioModules: (values.scenarios as string[] | undefined) ?? [],
    ...(junit ? { junit } : {}),
    color: !values['no-color'],
  }
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)

function positive(flag: string, value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a positive whole number, got '${value}'.`)
  return n
}
