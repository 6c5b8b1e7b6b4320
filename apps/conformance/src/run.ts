// runConformance: the whole harness as one call, used by the CLI, by our tests and by product
// packages' own tests. Suites run in a fixed order; each check is independent and bounded.

import { RunContext } from './context.js'
import { readOnlyCallChecks } from './contract/calls.js'
import { consentChecks } from './contract/consent.js'
import { metadataChecks } from './contract/metadata.js'
import { tokenChecks } from './contract/tokens.js'
import { officialChecks } from './official.js'
import { errorChecks } from './protocol/errors.js'
import { httpChecks } from './protocol/http.js'
import { lifecycleChecks } from './protocol/lifecycle.js'
import { toolsListChecks } from './protocol/tools-list.js'
import { scenarioChecks } from './scenario.js'
import { describeTarget } from './target.js'
import type { ConformanceOptions, Report, Target } from './types.js'

export async function runConformance(target: Target, options: ConformanceOptions = {}): Promise<Report> {
  const started = performance.now()
  const startedAt = new Date().toISOString()
  const ctx = new RunContext(target, {
    ...options,
    timeoutMs: options.timeoutMs ?? 15_000,
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
    maxPages: options.maxPages ?? 100,
  })
  try {
    if (ctx.wants('protocol')) {
      await lifecycleChecks(ctx)
      await toolsListChecks(ctx)
      await errorChecks(ctx)
      await httpChecks(ctx)
    }
    if (options.official) await officialChecks(ctx)
    if (ctx.wants('contract')) {
      await metadataChecks(ctx)
      await readOnlyCallChecks(ctx)
      await consentChecks(ctx)
      await tokenChecks(ctx)
    }
    if (ctx.wants('scenario')) await scenarioChecks(ctx)
  } finally {
    await ctx.close()
  }
  const count = (status: string) => ctx.results.filter((r) => r.status === status).length
  const summary = {
    passed: count('pass'),
    failed: count('fail'),
    skipped: count('skip'),
    warnings: ctx.results.reduce((sum, r) => sum + (r.warnings?.length ?? 0), 0),
  }
  return {
    target: describeTarget(target),
    startedAt,
    durationMs: Math.round(performance.now() - started),
    results: ctx.results,
    ...(ctx.tokens ? { tokens: ctx.tokens } : {}),
    summary,
    ok: summary.failed === 0,
  }
}
