import { z } from 'zod'
import { defineSalesforceTool } from '../define-tool.js'
import { soqlId, withUsage } from './support/records.js'
import { apiUsage, idArg } from './support/schemas.js'

interface Cell {
  label?: string
  value?: unknown
}
interface FactEntry {
  aggregates?: Cell[]
  rows?: Array<{ dataCells: Cell[] }>
}
interface Grouping {
  key: string
  label: string
  groupings?: Grouping[]
}
interface ReportResult {
  allData?: boolean
  factMap: Record<string, FactEntry>
  groupingsDown?: { groupings?: Grouping[] }
  reportMetadata: { id?: string; name: string; reportFormat: string; detailColumns?: string[]; aggregates?: string[] }
  reportExtendedMetadata?: {
    detailColumnInfo?: Record<string, { label: string }>
    aggregateColumnInfo?: Record<string, { label: string }>
  }
}

const aggregate = z.record(z.string(), z.unknown())

function flatten(groupings: Grouping[] | undefined, path: string[] = []): Array<{ key: string; label: string }> {
  const out: Array<{ key: string; label: string }> = []
  for (const g of groupings ?? []) {
    const label = [...path, g.label].join(' / ')
    out.push({ key: g.key, label })
    out.push(...flatten(g.groupings, [...path, g.label]))
  }
  return out
}

export const getReport = defineSalesforceTool({
  name: 'getReport',
  title: 'Run report',
  description:
    'Runs a report (pipeline, activity, performance): totals, groups with aggregates, detail rows up to maxRows. Filter operators: equals, greaterThan...',
  input: z.object({
    reportId: idArg,
    maxRows: z.number().int().min(0).max(2000).default(100),
    filters: z.array(z.object({ column: z.string(), operator: z.string(), value: z.string() })).optional(),
  }),
  output: z.object({
    name: z.string(),
    format: z.string(),
    totals: z.array(aggregate),
    groups: z.array(z.record(z.string(), z.unknown())).describe('label, aggregates, rowCount'),
    rows: z.array(z.record(z.string(), z.unknown())),
    rowsTruncated: z.boolean(),
    apiUsage,
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forecasting',
  resourceCapable: true,
  render: (out) =>
    `${out.name} (${out.format}): totals ${out.totals.map((t) => `${t.label} ${String(t.value)}`).join(', ')}; ${out.groups.length} groups, ${out.rows.length} rows${out.rowsTruncated ? ' (truncated)' : ''}\n${JSON.stringify({ groups: out.groups, rows: out.rows })}`,
  async run({ reportId, maxRows, filters }, ctx) {
    const path = `analytics/reports/${soqlId(reportId).slice(1, -1)}?includeDetails=${maxRows > 0}`
    const result = filters?.length
      ? await ctx.client.rest<ReportResult>('POST', path, { reportMetadata: { reportFilters: filters } })
      : await ctx.client.rest<ReportResult>('GET', path)
    const meta = result.reportMetadata
    const ext = result.reportExtendedMetadata ?? {}
    const columnKeys = meta.detailColumns ?? []
    const columns = columnKeys.map((key) => ext.detailColumnInfo?.[key]?.label ?? key)
    const aggregateLabels = (meta.aggregates ?? []).map((key) => ext.aggregateColumnInfo?.[key]?.label ?? key)
    const aggregates = (entry: FactEntry | undefined) =>
      (entry?.aggregates ?? []).map((cell, i) => ({
        label: aggregateLabels[i] ?? `aggregate${i}`,
        value: cell.value ?? cell.label,
      }))
    const toRow = (cells: Cell[], group?: string) => {
      const row: Record<string, unknown> = group ? { group } : {}
      cells.forEach((cell, i) => {
        row[columns[i] ?? `column${i}`] = cell.label ?? cell.value
      })
      return row
    }
    const groups = flatten(result.groupingsDown?.groupings).map((g) => {
      const entry = result.factMap[`${g.key}!T`]
      return { key: g.key, label: g.label, aggregates: aggregates(entry), rowCount: entry?.rows?.length ?? 0 }
    })
    const rows: Record<string, unknown>[] = []
    let total = 0
    // detail rows live in the innermost group's fact entries (or T!T for tabular reports)
    const leaves = groups.length
      ? groups.filter((g) => !groups.some((o) => o.key.startsWith(`${g.key}_`)))
      : [{ key: 'T', label: '' }]
    for (const leaf of leaves) {
      const entry = result.factMap[leaf.key === 'T' ? 'T!T' : `${leaf.key}!T`]
      for (const r of entry?.rows ?? []) {
        total++
        if (rows.length < maxRows) rows.push(toRow(r.dataCells, leaf.label || undefined))
      }
    }
    return withUsage(ctx.client, {
      name: meta.name,
      format: meta.reportFormat,
      totals: aggregates(result.factMap['T!T']),
      groups: groups.map(({ label, aggregates: a, rowCount }) => ({ label, aggregates: a, rowCount })),
      rows,
      rowsTruncated: total > rows.length,
    })
  },
})
