// The shapes shared by every suite: what is tested (a target), how (options) and what came out
// (one result per check, gathered into a report).
import type { Scenario } from '@bizmcp/core/testing'

export type Target =
  | { kind: 'stdio'; command: string; args: string[]; env?: Record<string, string>; cwd?: string }
  | { kind: 'http'; url: string; headers?: Record<string, string> }

export type SuiteName = 'protocol' | 'contract' | 'scenario'
export const SUITES: readonly SuiteName[] = ['protocol', 'contract', 'scenario']

export interface ConformanceOptions {
  /** suites to run (default: all three) */
  suites?: SuiteName[]
  /** fail if any listed tool lacks readOnlyHint: true */
  readOnlyProfile?: boolean
  /** also run the official @modelcontextprotocol/conformance server scenarios (HTTP targets only) */
  official?: boolean
  /** bound on every single request, in milliseconds (default 15000) */
  timeoutMs?: number
  /** bound on opening a connection, server start-up included (default 30000) */
  startTimeoutMs?: number
  /** o200k token budget of the tool listing */
  tokenBudget?: { average?: number; perTool?: number }
  /** a read-only tool call that takes long enough to cancel; otherwise one is derived */
  cancelCall?: { name: string; arguments?: Record<string, unknown> }
  /** scenarios to run in the scenario suite */
  scenarios?: Scenario[]
  /** run scenarios' whole flows, writes included, approving consent prompts; otherwise their read-only subsets */
  allowWrites?: boolean
  /** the products the target serves; scenarios for other products are skipped */
  products?: string[]
  /** stop following tools/list cursors after this many pages (default 100) */
  maxPages?: number
}

export type Status = 'pass' | 'fail' | 'skip'

export interface CheckResult {
  suite: SuiteName | 'official'
  id: string
  title: string
  status: Status
  /** why it failed or was skipped, or what a pass covered */
  detail?: string
  warnings?: string[]
  durationMs: number
}

export interface TokenRow {
  name: string
  tokens: number
}

export interface TokenTable {
  rows: TokenRow[]
  total: number
  average: number
  max: number
  budget: { average: number; perTool: number }
}

export interface Report {
  target: string
  startedAt: string
  durationMs: number
  results: CheckResult[]
  tokens?: TokenTable
  summary: { passed: number; failed: number; skipped: number; warnings: number }
  ok: boolean
}

/** What a check function returns; a thrown error counts as a failure. */
export interface Outcome {
  status: Status
  detail?: string
  warnings?: string[]
}

export const pass = (detail?: string, warnings?: string[]): Outcome => ({
  status: 'pass',
  ...(detail ? { detail } : {}),
  ...(warnings?.length ? { warnings } : {}),
})
export const fail = (detail: string, warnings?: string[]): Outcome => ({
  status: 'fail',
  detail,
  ...(warnings?.length ? { warnings } : {}),
})
export const skip = (reason: string): Outcome => ({ status: 'skip', detail: reason })

/** A tool as listed by tools/list, kept raw: the harness judges what the server sent. */
export interface ListedTool {
  name: string
  title?: string
  description?: string
  inputSchema?: Record<string, unknown>
  outputSchema?: Record<string, unknown>
  annotations?: Record<string, unknown>
  [key: string]: unknown
}
