// Scenario suites: short business flows a product package registers and the harness runs against
// any server that serves that product. Scenarios that change data are skipped unless writes are
// allowed, so the read-only subset can run against a real tenant.

import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import type { Client } from '@modelcontextprotocol/client'
import type { RunContext } from './context.js'
import { withTimeout } from './target.js'
import { fail, pass, skip } from './types.js'

export interface Scenario {
  name: string
  /** products this scenario exercises, e.g. ['dataverse'] */
  products: string[]
  /** true if it only reads; scenarios that write run only with --allow-writes */
  readOnly: boolean
  description?: string
  run(client: Client, assert: Assert): Promise<void>
}

const SCENARIO = Symbol.for('bizmcp.conformance.scenario')

export function defineScenario(scenario: Scenario): Scenario {
  if (!scenario.name || !Array.isArray(scenario.products) || typeof scenario.run !== 'function')
    throw new TypeError('defineScenario needs a name, a products array and a run function')
  return Object.assign(scenario, { [SCENARIO]: true })
}

export const isScenario = (value: unknown): value is Scenario =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SCENARIO] === true

export class AssertionFailure extends Error {
  override name = 'AssertionFailure'
}

export interface Assert {
  ok(condition: unknown, message: string): void
  equal(actual: unknown, expected: unknown, message: string): void
  includes<T>(list: readonly T[], item: T, message: string): void
  fail(message: string): never
  /** the structuredContent of a successful tool result; fails on isError */
  structured(result: unknown): Record<string, unknown>
}

export const assert: Assert = {
  ok(condition, message) {
    if (!condition) throw new AssertionFailure(message)
  },
  equal(actual, expected, message) {
    if (!isDeepStrictEqual(actual, expected))
      throw new AssertionFailure(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
  },
  includes(list, item, message) {
    if (!list.some((entry) => isDeepStrictEqual(entry, item)))
      throw new AssertionFailure(`${message}: ${JSON.stringify(item)} not among ${list.length} items`)
  },
  fail(message) {
    throw new AssertionFailure(message)
  },
  structured(result) {
    const r = result as { isError?: boolean; structuredContent?: unknown; content?: Array<{ text?: string }> }
    if (r?.isError) throw new AssertionFailure(`tool returned an error: ${r.content?.[0]?.text ?? ''}`)
    if (typeof r?.structuredContent !== 'object' || r.structuredContent === null)
      throw new AssertionFailure('tool result has no structuredContent')
    return r.structuredContent as Record<string, unknown>
  },
}

/** Loads every scenario a module exports (as named exports, arrays of them, or the default). */
export async function loadScenarios(path: string): Promise<Scenario[]> {
  const module = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>
  const found: Scenario[] = []
  for (const value of Object.values(module)) {
    for (const entry of Array.isArray(value) ? value : [value])
      if (isScenario(entry) && !found.includes(entry)) found.push(entry)
  }
  if (found.length === 0) throw new Error(`${path} exports no scenarios (make them with defineScenario)`)
  return found
}

export async function scenarioChecks(ctx: RunContext) {
  const scenarios = ctx.options.scenarios ?? []
  if (scenarios.length === 0) {
    await ctx.check('scenario', 'scenarios', 'scenarios', async () =>
      skip('no scenarios given (--scenarios <module> or --products with built-in scenarios)'),
    )
    return
  }
  for (const scenario of scenarios) {
    await ctx.check('scenario', scenario.name, scenario.description ?? scenario.name, async () => {
      const products = ctx.options.products
      if (products && !scenario.products.some((p) => products.includes(p)))
        return skip(`for ${scenario.products.join(', ')}; the target serves ${products.join(', ')}`)
      if (!scenario.readOnly && !ctx.options.allowWrites) return skip('changes data; run with --allow-writes')
      const connection = await ctx.session()
      try {
        await withTimeout(scenario.run(connection.client, assert), ctx.timeoutMs * 4, `scenario ${scenario.name}`)
      } catch (error) {
        const message = (error as Error).message ?? String(error)
        return fail(error instanceof AssertionFailure ? message : `${(error as Error).name}: ${message}`)
      }
      return pass()
    })
  }
}
