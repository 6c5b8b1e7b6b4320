// What every suite shares during one run: the target, one live 2025-era connection (reopened
// when a crash closes it, so one broken tool does not hide every later check), the tool listing
// gathered once, and the recorder that turns each check function into a timed result.
import { type Connection, type ConnectOptions, connect } from './target.js'
import type { CheckResult, ConformanceOptions, ListedTool, Outcome, SuiteName, Target, TokenTable } from './types.js'

export interface ToolListing {
  tools: ListedTool[]
  pages: number
  /** protocol violations met while paging (never-ending cursors, malformed pages) */
  problems: string[]
  duplicates: string[]
  /** set when listing failed outright */
  error?: string
}

export class RunContext {
  readonly results: CheckResult[] = []
  tokens: TokenTable | undefined
  private current: Connection | undefined
  private consenting: Connection | undefined
  private listingPromise: Promise<ToolListing> | undefined
  private readonly opened: Connection[] = []

  constructor(
    readonly target: Target,
    readonly options: ConformanceOptions & { timeoutMs: number; startTimeoutMs: number; maxPages: number },
  ) {}

  get timeoutMs() {
    return this.options.timeoutMs
  }

  /** The shared 2025-era connection, reopened if the server went away. */
  async session(): Promise<Connection> {
    if (!this.current || this.current.closed) {
      if (this.current) await this.current.close()
      this.current = await this.open('legacy')
    }
    return this.current
  }

  /**
   * A connection that approves consent prompts, for scenarios that run their whole flow: 2025 era
   * over stdio (elicitation on the session), 2026 era over HTTP (input_required works without a
   * session), falling back to 2025 for HTTP servers that only speak it.
   */
  async consentingSession(): Promise<Connection> {
    if (!this.consenting || this.consenting.closed) {
      if (this.consenting) await this.consenting.close()
      const approve = { approveElicitation: true }
      this.consenting =
        this.target.kind === 'stdio'
          ? await this.open('legacy', approve)
          : await this.open('modern', approve).catch(() => this.open('legacy', approve))
    }
    return this.consenting
  }

  /** A connection of its own, closed at the end of the run at the latest. */
  async open(era: 'legacy' | 'modern', options: ConnectOptions = {}): Promise<Connection> {
    const connection = await connect(this.target, era, this.options.startTimeoutMs, options)
    this.opened.push(connection)
    return connection
  }

  listing(): Promise<ToolListing> {
    this.listingPromise ??= this.session().then(
      (connection) => walkToolPages(connection, this.timeoutMs, this.options.maxPages),
      (error) => ({
        tools: [],
        pages: 0,
        problems: [],
        duplicates: [],
        error: `cannot connect: ${(error as Error).message}`,
      }),
    )
    return this.listingPromise
  }

  async check(suite: CheckResult['suite'], id: string, title: string, run: () => Promise<Outcome>) {
    const started = performance.now()
    let outcome: Outcome
    try {
      outcome = await run()
    } catch (error) {
      outcome = { status: 'fail', detail: `check threw: ${(error as Error).message ?? String(error)}` }
    }
    const result: CheckResult = {
      suite,
      id,
      title,
      status: outcome.status,
      ...(outcome.detail ? { detail: outcome.detail } : {}),
      ...(outcome.warnings?.length ? { warnings: outcome.warnings } : {}),
      durationMs: Math.round(performance.now() - started),
    }
    this.results.push(result)
    return result
  }

  wants(suite: SuiteName): boolean {
    return (this.options.suites ?? ['protocol', 'contract', 'scenario']).includes(suite)
  }

  async close() {
    await Promise.all(this.opened.map((c) => c.close()))
  }
}

/** Follows nextCursor to the end, noticing cursors that repeat or never stop. */
export async function walkToolPages(connection: Connection, timeoutMs: number, maxPages: number): Promise<ToolListing> {
  const tools: ListedTool[] = []
  const problems: string[] = []
  const seenCursors = new Set<string>()
  const names = new Map<string, number>()
  let cursor: string | undefined
  let pages = 0
  try {
    for (;;) {
      const page = await connection.raw('tools/list', cursor === undefined ? {} : { cursor }, { timeoutMs })
      pages++
      if (!Array.isArray(page.tools)) {
        problems.push(`page ${pages} has no tools array`)
        break
      }
      for (const tool of page.tools as ListedTool[]) {
        tools.push(tool)
        names.set(tool?.name, (names.get(tool?.name) ?? 0) + 1)
      }
      const next = page.nextCursor
      if (next === undefined || next === null) break
      if (typeof next !== 'string') {
        problems.push(`page ${pages} has a nextCursor that is not a string: ${JSON.stringify(next)}`)
        break
      }
      if (seenCursors.has(next)) {
        problems.push(`cursor ${JSON.stringify(next)} came back on page ${pages}: paging never ends`)
        break
      }
      if (pages >= maxPages) {
        problems.push(`still returning nextCursor after ${pages} pages: paging does not converge`)
        break
      }
      seenCursors.add(next)
      cursor = next
    }
  } catch (error) {
    return {
      tools,
      pages,
      problems,
      duplicates: [],
      error: `tools/list failed on page ${pages + 1}: ${(error as Error).message}`,
    }
  }
  const duplicates = [...names].filter(([, count]) => count > 1).map(([name]) => name)
  return { tools: dedupe(tools), pages, problems, duplicates }
}

function dedupe(tools: ListedTool[]): ListedTool[] {
  const byName = new Map<string, ListedTool>()
  for (const tool of tools) if (!byName.has(tool?.name)) byName.set(tool?.name, tool)
  return [...byName.values()]
}
