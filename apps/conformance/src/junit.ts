// JUnit XML for CI: one <testsuite> per suite, one <testcase> per check; failures carry the
// detail, skips their reason, warnings go to <system-out>.
import type { CheckResult, Report } from './types.js'

export function toJUnit(report: Report): string {
  const suites = new Map<string, CheckResult[]>()
  for (const result of report.results) suites.set(result.suite, [...(suites.get(result.suite) ?? []), result])
  const seconds = (ms: number) => (ms / 1000).toFixed(3)
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="bizmcp-conformance" tests="${report.results.length}" failures="${report.summary.failed}" skipped="${report.summary.skipped}" time="${seconds(report.durationMs)}">`,
  ]
  for (const [name, results] of suites) {
    const failures = results.filter((r) => r.status === 'fail').length
    const skipped = results.filter((r) => r.status === 'skip').length
    const time = results.reduce((sum, r) => sum + r.durationMs, 0)
    out.push(
      `  <testsuite name="${attr(name)}" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(time)}" timestamp="${attr(report.startedAt)}">`,
      `    <properties><property name="target" value="${attr(report.target)}"/></properties>`,
    )
    for (const r of results) {
      const open = `    <testcase classname="${attr(`bizmcp-conformance.${r.suite}`)}" name="${attr(`${r.id}: ${r.title}`)}" time="${seconds(r.durationMs)}"`
      const body: string[] = []
      if (r.status === 'fail')
        body.push(`      <failure message="${attr(firstLine(r.detail ?? 'failed'))}">${text(r.detail ?? '')}</failure>`)
      if (r.status === 'skip') body.push(`      <skipped message="${attr(r.detail ?? 'skipped')}"/>`)
      if (r.warnings?.length) body.push(`      <system-out>${text(r.warnings.join('\n'))}</system-out>`)
      out.push(body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`)
    }
    out.push('  </testsuite>')
  }
  out.push('</testsuites>')
  return `${out.join('\n')}\n`
}

// XML 1.0 forbids most control characters even when escaped; server output may contain them.
const clean = (value: string) => value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
const text = (value: string) => clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const attr = (value: string) =>
  text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')
const firstLine = (value: string) => value.split('\n')[0]?.slice(0, 300) ?? ''
