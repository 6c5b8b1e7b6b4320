// Scenarios: business flows written once, as steps, and run through any MCP client — by a
// product's own tests on the sandbox and by bizmcp-conformance against any server. A step marked
// readOnly only reads and stands on its own (it finds its data when no earlier write made it), so
// the read-only steps form a subset that is safe against a real tenant. The runner enforces that:
// a read-only step, or any step of a read-only run, that calls a tool not listed with
// readOnlyHint: true fails before the call is sent.
import { isDeepStrictEqual } from 'node:util'
import type { Client } from '@modelcontextprotocol/client'

/** 'full': every step, writes included (the sandbox); 'read-only': the read-only steps only */
export type ScenarioMode = 'full' | 'read-only'

export interface StepContext<S> {
  /** the MCP client; its callTool goes through the same checks as `call` */
  client: Client
  /** calls a tool and returns its structuredContent; an isError result fails the step */
  call<T = Record<string, any>>(tool: string, args?: Record<string, unknown>): Promise<T>
  assert: Assert
  /** shared by the steps of one run; filled by earlier steps */
  state: S
  mode: ScenarioMode
  /** a line for the report, e.g. which record a read-only run picked */
  note(text: string): void
  /** ends the run as skipped, e.g. when a tenant has no data to read */
  skip(reason: string): never
}

export interface ScenarioStep<S = any> {
  name: string
  /** only reads, and runs without the steps before it: part of the read-only subset */
  readOnly?: boolean
  /** the tools it calls: a scenario needing a tool the target does not list is skipped */
  tools?: readonly string[]
  run(ctx: StepContext<S>): Promise<void>
}

export interface Scenario<S = any> {
  name: string
  description?: string
  /** products the flow exercises, e.g. ['sales', 'dataverse'] */
  products: string[]
  /** fresh state for each run */
  state?: () => S
  steps: ScenarioStep<S>[]
  /** true when every step is read-only */
  readonly readOnly: boolean
}

/** A one-step scenario, the original form: `run(client, assert)`. */
export interface SingleStepScenario {
  name: string
  description?: string
  products: string[]
  readOnly: boolean
  tools?: readonly string[]
  run(client: Client, assert: Assert): Promise<void>
}

export type ScenarioDefinition<S> = Omit<Scenario<S>, 'readOnly'> | SingleStepScenario

const SCENARIO = Symbol.for('bizmcp.conformance.scenario')

export function defineScenario<S = Record<string, any>>(definition: ScenarioDefinition<S>): Scenario<S> {
  if (!definition?.name || !Array.isArray(definition.products))
    throw new TypeError('defineScenario needs a name and a products array')
  let steps: ScenarioStep<S>[]
  if ('steps' in definition && Array.isArray(definition.steps)) steps = definition.steps
  else if ('run' in definition && typeof definition.run === 'function') {
    const single = definition
    steps = [
      {
        name: single.name,
        readOnly: single.readOnly,
        ...(single.tools ? { tools: single.tools } : {}),
        run: (ctx) => single.run(ctx.client, ctx.assert),
      },
    ]
  } else throw new TypeError('defineScenario needs steps, or a run function')
  if (steps.length === 0 || steps.some((step) => !step.name || typeof step.run !== 'function'))
    throw new TypeError(`scenario ${definition.name}: every step needs a name and a run function`)
  const { run: _run, ...rest } = definition as Partial<SingleStepScenario>
  return Object.assign({}, rest, {
    steps,
    readOnly: steps.every((step) => step.readOnly === true),
    [SCENARIO]: true,
  }) as unknown as Scenario<S>
}

export const isScenario = (value: unknown): value is Scenario =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SCENARIO] === true

/** The steps a run in this mode performs. */
export const stepsFor = <S>(scenario: Scenario<S>, mode: ScenarioMode) =>
  mode === 'full' ? scenario.steps : scenario.steps.filter((step) => step.readOnly === true)

export class AssertionFailure extends Error {
  override name = 'AssertionFailure'
}

class ScenarioSkipped extends Error {
  override name = 'ScenarioSkipped'
}

export interface Assert {
  ok(condition: unknown, message: string): void
  equal(actual: unknown, expected: unknown, message: string): void
  includes<T>(list: readonly T[], item: T, message: string): void
  match(text: unknown, pattern: RegExp, message: string): void
  fail(message: string): never
  /** the structuredContent of a successful tool result; fails on isError */
  structured(result: unknown): Record<string, any>
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
  match(text, pattern, message) {
    if (typeof text !== 'string' || !pattern.test(text))
      throw new AssertionFailure(`${message}: ${JSON.stringify(text)?.slice(0, 200)} does not match ${pattern}`)
  },
  fail(message) {
    throw new AssertionFailure(message)
  },
  structured(result) {
    const r = result as { isError?: boolean; structuredContent?: unknown; content?: Array<{ text?: string }> }
    if (r?.isError) throw new AssertionFailure(`tool returned an error: ${r.content?.[0]?.text ?? ''}`)
    if (typeof r?.structuredContent !== 'object' || r.structuredContent === null)
      throw new AssertionFailure('tool result has no structuredContent')
    return r.structuredContent as Record<string, any>
  },
}

export interface ListedToolInfo {
  name: string
  annotations?: Record<string, unknown>
}

export interface RunScenarioOptions {
  mode: ScenarioMode
  /** the target's tools; listed through the client when left out */
  tools?: readonly ListedToolInfo[]
  /** bound on each step (default 120 s) */
  stepTimeoutMs?: number
  /** bound on each tool call (the SDK's default when left out) */
  requestTimeoutMs?: number
}

export type StepStatus = 'pass' | 'fail' | 'skip' | 'not-run'

export interface StepOutcome {
  name: string
  status: StepStatus
  detail?: string
  /** tools called, in order */
  calls: string[]
  durationMs: number
}

export interface ScenarioOutcome {
  status: 'pass' | 'fail' | 'skip'
  mode: ScenarioMode
  /** one line: what ran, or why it failed or was skipped */
  detail: string
  steps: StepOutcome[]
  notes: string[]
}

/** Runs a scenario's steps in order through `client`; never throws. */
export async function runScenario<S>(
  scenario: Scenario<S>,
  client: Client,
  options: RunScenarioOptions,
): Promise<ScenarioOutcome> {
  const { mode } = options
  const steps = stepsFor(scenario, mode)
  const notes: string[] = []
  const outcome = (status: ScenarioOutcome['status'], detail: string, done: StepOutcome[] = []): ScenarioOutcome => ({
    status,
    mode,
    detail,
    steps: done,
    notes,
  })
  if (steps.length === 0) return outcome('skip', 'no read-only steps: it changes data from the start')

  let listed: readonly ListedToolInfo[]
  try {
    listed = options.tools ?? (await client.listTools(undefined, timeoutOption(options))).tools
  } catch (error) {
    return outcome('fail', `cannot list tools: ${(error as Error).message}`)
  }
  const names = new Set(listed.map((tool) => tool.name))
  const readOnlyTools = new Set(listed.filter((tool) => tool.annotations?.readOnlyHint === true).map((t) => t.name))
  const missing = [...new Set(steps.flatMap((step) => step.tools ?? []))].filter((name) => !names.has(name))
  if (missing.length) return outcome('skip', `the target does not list ${missing.join(', ')}`)

  const state = (scenario.state?.() ?? {}) as S
  const results: StepOutcome[] = steps.map((step) => ({ name: step.name, status: 'not-run', calls: [], durationMs: 0 }))
  for (const [index, step] of steps.entries()) {
    const result = results[index]!
    const guardedCall = (
      params: Parameters<Client['callTool']>[0],
      callOptions?: Parameters<Client['callTool']>[1],
    ) => {
      const tool = params.name
      if (step.tools && !step.tools.includes(tool))
        throw new AssertionFailure(`calls ${tool}, which the step does not declare in its tools`)
      if ((mode === 'read-only' || step.readOnly) && !readOnlyTools.has(tool))
        throw new AssertionFailure(
          `calls ${tool}, which is not listed as read-only (readOnlyHint), from a read-only ${mode === 'read-only' ? 'run' : 'step'}; the call was not sent`,
        )
      result.calls.push(tool)
      return client.callTool(params, { ...timeoutOption(options), ...callOptions })
    }
    const ctx: StepContext<S> = {
      client: guardClient(client, guardedCall),
      async call<T>(tool: string, args: Record<string, unknown> = {}) {
        const answer = await guardedCall({ name: tool, arguments: args })
        if (answer.isError) throw new AssertionFailure(`${tool} returned an error: ${errorText(answer)}`)
        if (typeof answer.structuredContent !== 'object' || answer.structuredContent === null)
          throw new AssertionFailure(`${tool} returned no structuredContent`)
        return answer.structuredContent as T
      },
      assert,
      state,
      mode,
      note: (text) => notes.push(text),
      skip(reason) {
        throw new ScenarioSkipped(reason)
      },
    }
    const started = performance.now()
    try {
      await withDeadline(step.run(ctx), options.stepTimeoutMs ?? 120_000, `step '${step.name}'`)
      result.status = 'pass'
    } catch (error) {
      const skipped = error instanceof ScenarioSkipped
      const message = (error as Error)?.message ?? String(error)
      result.status = skipped ? 'skip' : 'fail'
      result.detail =
        skipped || error instanceof AssertionFailure ? message : `${(error as Error)?.name ?? 'Error'}: ${message}`
    } finally {
      result.durationMs = Math.round(performance.now() - started)
    }
    if (result.status !== 'pass') {
      const where = `step ${index + 1}/${steps.length} '${step.name}'`
      return outcome(result.status as 'fail' | 'skip', `${where}: ${result.detail}`, results)
    }
  }
  const calls = results.reduce((sum, r) => sum + r.calls.length, 0)
  const what =
    mode === 'full'
      ? `whole flow: ${count(steps.length, 'step')}`
      : `read-only subset: ${steps.length} of ${count(scenario.steps.length, 'step')}`
  return outcome('pass', `${what}, ${count(calls, 'tool call')}`, results)
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

function timeoutOption(options: RunScenarioOptions) {
  return options.requestTimeoutMs ? { timeout: options.requestTimeoutMs } : {}
}

function errorText(result: { content?: unknown }): string {
  const text = (result.content as Array<{ text?: string }> | undefined)?.[0]?.text ?? ''
  try {
    const body = JSON.parse(text) as { code?: string; message?: string }
    if (body.code) return `${body.code}: ${body.message ?? ''}`
  } catch {}
  return text.slice(0, 500)
}

/** The client with callTool replaced, so steps that use the client directly are checked too. */
function guardClient(client: Client, callTool: Client['callTool']): Client {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'callTool') return callTool
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AssertionFailure(`${what} did not finish within ${ms} ms`)), ms)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}
