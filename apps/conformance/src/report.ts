// The human-readable report: one line per check, grouped by suite, the token table, a summary.
import type { CheckResult, Report, TokenTable } from './types.js'

const MARK = { pass: '✓', fail: '✗', skip: '–' } as const

export function formatReport(report: Report, options: { color?: boolean } = {}): string {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text)
  const lines: string[] = [`bizmcp-conformance — ${report.target}`]
  let suite: string | undefined
  for (const result of report.results) {
    if (result.suite !== suite) {
      suite = result.suite
      lines.push('', paint(1, suite))
    }
    lines.push(formatLine(result, paint))
  }
  if (report.tokens) lines.push('', ...formatTokens(report.tokens))
  const { passed, failed, skipped, warnings } = report.summary
  lines.push(
    '',
    `${paint(failed ? 31 : 32, `${passed} passed, ${failed} failed, ${skipped} skipped`)}${warnings ? `, ${warnings} warnings` : ''} (${(report.durationMs / 1000).toFixed(1)} s)`,
  )
  return `${lines.join('\n')}\n`
}

function formatLine(result: CheckResult, paint: (code: number, text: string) => string): string {
  const color = result.status === 'pass' ? 32 : result.status === 'fail' ? 31 : 90
  const label = result.status === 'skip' ? 'skipped: ' : ''
  const detail = result.detail ? ` — ${label}${result.detail}` : ''
  const line = `  ${paint(color, MARK[result.status])} ${result.id}: ${result.title}${detail}`
  const warnings = (result.warnings ?? []).map((w) => `      ${paint(33, '!')} ${w}`)
  return [line, ...warnings].join('\n')
}

export function formatTokens(table: TokenTable): string[] {
  const width = Math.max(4, ...table.rows.map((row) => row.name.length))
  const line = (name: string, value: string) => `  ${name.padEnd(width)}  ${value.padStart(7)}`
  return [
    `tokens (o200k; budget: average ${table.budget.average}, per tool ${table.budget.perTool})`,
    line('tool', 'tokens'),
    ...table.rows.map((row) => line(row.name, String(row.tokens))),
    line('total', String(table.total)),
    line('average', String(table.average)),
  ]
}
