// Scenario suites: business flows that product packages define (defineScenario in
// @bizmcp/core/testing) and export from a `scenarios` subpath; the harness runs them against any
// server that lists their tools. Without --allow-writes, and against a server that lists no write
// tool, only each scenario's read-only subset runs, and the runner refuses any call of a tool not
// listed as read-only before sending it: that subset is what may run against a real tenant.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isScenario, runScenario, type Scenario, type ScenarioMode } from '@bizmcp/core/testing'
import type { RunContext } from './context.js'
import { type ConformanceOptions, fail, type ListedTool, type Outcome, pass, skip } from './types.js'

export {
  type Assert,
  AssertionFailure,
  assert,
  defineScenario,
  isScenario,
  type Scenario,
  type ScenarioMode,
  type ScenarioStep,
  type StepContext,
} from '@bizmcp/core/testing'

/**
 * Loads every scenario a module exports (named exports, arrays of them, or the default). `source`
 * is a file path, or a package specifier such as `@bizmcp/sales-mcp/scenarios`.
 */
export async function loadScenarios(source: string, cwd = process.cwd()): Promise<Scenario[]> {
  const module = existsSync(resolve(cwd, source))
    ? ((await import(pathToFileURL(resolve(cwd, source)).href)) as Record<string, unknown>)
    : await importPackage(source, cwd)
  const found: Scenario[] = []
  for (const value of Object.values(module)) {
    for (const entry of Array.isArray(value) ? value : [value])
      if (isScenario(entry) && !found.includes(entry)) found.push(entry)
  }
  if (found.length === 0) throw new Error(`${source} exports no scenarios (make them with defineScenario)`)
  return found
}

/** The scenarios a product package registers: `@bizmcp/<product>-mcp/scenarios`, when installed. */
export async function productScenarios(product: string): Promise<Scenario[]> {
  return loadScenarios(`@bizmcp/${product}-mcp/scenarios`)
}

/**
 * A package specifier, imported from beside the harness, else from the working directory's
 * node_modules (pnpm does not let the harness see packages it does not depend on).
 */
async function importPackage(specifier: string, cwd: string): Promise<Record<string, unknown>> {
  const match = /^((?:@[^/]+\/)?[^/.][^/]*)(\/.*)?$/.exec(specifier)
  if (!match) throw new Error(`${specifier} is neither a file nor a package specifier`)
  try {
    return (await import(specifier)) as Record<string, unknown>
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error
    const found = resolveFromDirectory(cwd, match[1] as string, `.${match[2] ?? ''}`)
    if (found?.file) return (await import(pathToFileURL(found.file).href)) as Record<string, unknown>
    if (found || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED')
      throw new Error(`${match[1]} is installed but exports no ${specifier}`)
    throw new Error(`cannot find ${specifier}: install it next to bizmcp-conformance or in this project`)
  }
}

/** the nearest node_modules that has the package, and the file its export resolves to (if it has that export) */
function resolveFromDirectory(from: string, name: string, subpath: string): { file?: string } | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const root = join(dir, 'node_modules', name)
    if (existsSync(join(root, 'package.json'))) {
      const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports?: unknown }
      const exports = manifest.exports as Record<string, unknown> | string | undefined
      const entry = typeof exports === 'string' ? (subpath === '.' ? exports : undefined) : exports?.[subpath]
      const target =
        typeof entry === 'string'
          ? entry
          : [(entry as Record<string, unknown>)?.import, (entry as Record<string, unknown>)?.default].find(
              (candidate) => typeof candidate === 'string',
            )
      return typeof target === 'string' ? { file: join(root, target) } : {}
    }
    if (dirname(dir) === dir) return undefined
  }
}

/**
 * How a scenario runs against this target: the whole flow only when writes are allowed and the
 * target lists a write tool; otherwise the read-only subset.
 */
export function scenarioMode(
  options: Pick<ConformanceOptions, 'allowWrites'>,
  tools: readonly ListedTool[],
): { mode: ScenarioMode; why: string } {
  if (!options.allowWrites) return { mode: 'read-only', why: 'writes not allowed; --allow-writes runs the whole flow' }
  if (tools.every((tool) => tool.annotations?.readOnlyHint === true))
    return { mode: 'read-only', why: 'the target lists no write tools' }
  return { mode: 'full', why: '--allow-writes' }
}

export async function scenarioChecks(ctx: RunContext) {
  const scenarios = ctx.options.scenarios ?? []
  if (scenarios.length === 0) {
    await ctx.check('scenario', 'scenarios', 'scenarios', async () =>
      skip('no scenarios given (--scenarios <module> or --products with registered scenarios)'),
    )
    return
  }
  for (const scenario of scenarios) {
    await ctx.check('scenario', scenario.name, scenario.description ?? scenario.name, () => runOne(ctx, scenario))
  }
}

async function runOne(ctx: RunContext, scenario: Scenario): Promise<Outcome> {
  const products = ctx.options.products
  if (products && !scenario.products.some((p) => products.includes(p)))
    return skip(`for ${scenario.products.join(', ')}; the target serves ${products.join(', ')}`)
  const listing = await ctx.listing()
  if (listing.error) return fail(`cannot list tools: ${listing.error}`)
  const { mode, why } = scenarioMode(ctx.options, listing.tools)
  if (mode === 'read-only' && !scenario.steps.some((step) => step.readOnly))
    return skip(`changes data from its first step; ${why}`)
  // Whole flows approve consent prompts (--allow-writes is that approval); read-only runs declare
  // no elicitation, so a destructive tool could not proceed even if one were called.
  const connection = mode === 'full' ? await ctx.consentingSession() : await ctx.session()
  const outcome = await runScenario(scenario, connection.client, {
    mode,
    tools: listing.tools,
    stepTimeoutMs: ctx.timeoutMs * 4,
    requestTimeoutMs: ctx.timeoutMs,
  })
  const detail = [
    mode === 'read-only' && outcome.status === 'pass' ? `${outcome.detail} (${why})` : outcome.detail,
    ...outcome.notes,
  ].join('; ')
  if (outcome.status === 'pass') return pass(detail)
  return outcome.status === 'skip' ? skip(detail) : fail(detail)
}
