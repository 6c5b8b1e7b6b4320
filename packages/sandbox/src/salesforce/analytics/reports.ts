// The Analytics REST API over the demo reports: list, describe, synchronous runs (factMap keyed
// `0!T` … `T!T` with aggregates and, on request, detail rows) and asynchronous instances.
import { randomBytes } from 'node:crypto'
import { SalesforceError, sfErrors } from '../errors.js'
import { caseSafeSuffix, toId18 } from '../ids.js'
import type { Reply } from '../rest/sobjects.js'
import { dateLiteralRange, dateNLiteralRange } from '../soql/dates.js'
import { runSoql } from '../soql/execute.js'
import type { Store } from '../store.js'
import { type ColumnDef, DEMO_FOLDER_ID, DEMO_REPORTS, type ReportDef, type ReportFilter } from './definitions.js'

/** Detail rows a synchronous run returns at most, as Salesforce does. */
export const MAX_DETAIL_ROWS = 2000
const MAX_INSTANCES = 200

export interface AnalyticsContext {
  store: Store
  now: Date
  userId: string
  version: string
}

interface Cell {
  value: unknown
  label: string
}

interface StandardDateFilter {
  column: string
  durationValue: string
  startDate: string | null
  endDate: string | null
}

interface RunMetadata {
  detailColumns: string[]
  reportFilters: ReportFilter[]
  standardDateFilter: StandardDateFilter
}

// ---------------------------------------------------------------------------------------------
// Formatting

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

function formatDate(text: string): string {
  const [y, m, d] = text.slice(0, 10).split('-')
  return `${Number(m)}/${Number(d)}/${y}`
}

function cellOf(column: ColumnDef, label: unknown, value: unknown): Cell {
  if (label === null || label === undefined) return { value: null, label: '-' }
  switch (column.dataType) {
    case 'currency':
      return { value: { amount: Number(label), currency: null }, label: money.format(Number(label)) }
    case 'percent':
      return { value: Number(label), label: `${number.format(Number(label))}%` }
    case 'double':
    case 'int':
      return { value: Number(label), label: number.format(Number(label)) }
    case 'date':
    case 'datetime': {
      const date = String(label).slice(0, 10)
      return { value: date, label: formatDate(date) }
    }
    case 'boolean': {
      const truth = label === true || label === 'true'
      return { value: truth, label: truth ? 'True' : 'False' }
    }
    default:
      return { value: value ?? label, label: String(label) }
  }
}

function aggregateLabel(dataType: string, value: number): string {
  return dataType === 'currency' ? money.format(value) : number.format(value)
}

// ---------------------------------------------------------------------------------------------
// Metadata

function reportById(rawId: string): ReportDef {
  const id = toId18(rawId)
  const report = id ? DEMO_REPORTS.find((r) => r.id === id) : undefined
  if (!report) throw sfErrors.notFound('The requested resource does not exist')
  return report
}

function column(report: ReportDef, name: string): ColumnDef {
  const found = report.columns.find((c) => c.name === name)
  if (!found) throw new SalesforceError(400, 'BAD_REQUEST', `The column ${name} doesn't exist in the report type.`)
  return found
}

const AGGREGATES: Record<string, { label: string; fn: 'sum' | 'avg' | 'min' | 'max' }> = {
  s: { label: 'Sum of', fn: 'sum' },
  a: { label: 'Average', fn: 'avg' },
  m: { label: 'Smallest', fn: 'min' },
  mx: { label: 'Largest', fn: 'max' },
}

function aggregateInfo(report: ReportDef, name: string): { label: string; dataType: string } {
  if (name === 'RowCount') return { label: 'Record Count', dataType: 'int' }
  const [kind, columnName] = name.split('!')
  const agg = AGGREGATES[kind ?? '']
  if (!agg || !columnName)
    throw new SalesforceError(400, 'BAD_REQUEST', `The aggregate ${name} isn't valid for this report.`)
  const col = column(report, columnName)
  return { label: `${agg.label} ${col.label}`, dataType: col.dataType === 'currency' ? 'currency' : 'double' }
}

function urls(report: ReportDef, version: string) {
  const base = `/services/data/v${version}/analytics/reports/${report.id}`
  return { url: base, describeUrl: `${base}/describe`, instancesUrl: `${base}/instances` }
}

function reportMetadata(report: ReportDef, run: RunMetadata) {
  return {
    aggregates: report.aggregates,
    buckets: [],
    chart: null,
    crossFilters: [],
    currency: null,
    customDetailFormula: {},
    customSummaryFormula: {},
    dashboardSetting: null,
    description: report.description,
    detailColumns: run.detailColumns,
    developerName: report.developerName,
    division: null,
    folderId: DEMO_FOLDER_ID,
    groupingsAcross: [],
    groupingsDown: report.groupingsDown.map((name) => ({
      dateGranularity: 'None',
      name,
      sortAggregate: null,
      sortOrder: 'Asc',
    })),
    hasDetailRows: true,
    hasRecordCount: true,
    historicalSnapshotDates: [],
    id: report.id,
    name: report.name,
    presentationOptions: { hasStackedSummaries: true },
    reportBooleanFilter: null,
    reportFilters: run.reportFilters.map((f) => ({ ...f, filterType: 'fieldValue', isRunPageEditable: true })),
    reportFormat: 'SUMMARY',
    reportType: report.reportType,
    scope: 'organization',
    showGrandTotal: true,
    showSubtotals: true,
    sortBy: [],
    standardDateFilter: run.standardDateFilter,
    standardFilters: null,
    supportsRoleHierarchy: false,
    userOrHierarchyFilterId: null,
  }
}

function extendedMetadata(report: ReportDef, run: RunMetadata) {
  return {
    aggregateColumnInfo: Object.fromEntries(
      report.aggregates.map((name) => [
        name,
        { ...aggregateInfo(report, name), acrossGroupingContext: null, downGroupingContext: null },
      ]),
    ),
    detailColumnInfo: Object.fromEntries(
      run.detailColumns.map((name) => {
        const c = column(report, name)
        return [name, { dataType: c.dataType, entityColumnName: name, label: c.label }]
      }),
    ),
    groupingColumnInfo: Object.fromEntries(
      report.groupingsDown.map((name, groupingLevel) => {
        const c = column(report, name)
        return [name, { dataType: c.dataType, groupingLevel, label: c.label }]
      }),
    ),
  }
}

const FILTER_OPERATORS = [
  'equals',
  'notEqual',
  'lessThan',
  'greaterThan',
  'lessOrEqual',
  'greaterOrEqual',
  'contains',
  'notContain',
  'startsWith',
]

function reportTypeMetadata(report: ReportDef) {
  return {
    categories: [
      {
        label: report.reportType.label,
        columns: Object.fromEntries(
          report.columns.map((c) => [
            c.name,
            {
              dataType: c.dataType,
              filterable: true,
              filterValues: (c.order ?? []).map((v) => ({ label: v, name: v })),
              isLookup: false,
              label: c.label,
            },
          ]),
        ),
      },
    ],
    dataTypeFilterOperatorMap: Object.fromEntries(
      [...new Set(report.columns.map((c) => c.dataType))].map((t) => [
        t,
        FILTER_OPERATORS.map((name) => ({ label: name, name })),
      ]),
    ),
    dateGranularityInfos: [],
    divisionInfo: null,
    scopeInfo: {
      defaultValue: 'organization',
      values: [{ allowsDivision: false, label: 'All records', value: 'organization' }],
    },
    standardDateFilterDurationGroups: [],
    standardFilterInfos: null,
    supportsJoinedFormat: false,
  }
}

function defaultRun(report: ReportDef): RunMetadata {
  return {
    detailColumns: report.detailColumns,
    reportFilters: report.reportFilters,
    standardDateFilter: { column: report.dateColumn, durationValue: 'CUSTOM', startDate: null, endDate: null },
  }
}

/** The report's metadata with what a POST body may change: detail columns and filters. */
function runMetadataOf(report: ReportDef, body: unknown): RunMetadata {
  const run = defaultRun(report)
  if (body === undefined || body === null || body === '') return run
  const given = (body as { reportMetadata?: Record<string, unknown> }).reportMetadata
  if (!given || typeof given !== 'object')
    throw new SalesforceError(400, 'BAD_REQUEST', 'The request body must have a reportMetadata object')
  if (Array.isArray(given.detailColumns)) {
    run.detailColumns = given.detailColumns.map(String)
    for (const name of run.detailColumns) column(report, name)
  }
  if (Array.isArray(given.reportFilters)) {
    run.reportFilters = given.reportFilters.map((f: Record<string, unknown>) => {
      const filter = { column: String(f.column), operator: String(f.operator), value: String(f.value ?? '') }
      column(report, filter.column)
      if (!FILTER_OPERATORS.includes(filter.operator))
        throw new SalesforceError(400, 'BAD_REQUEST', `The filter operator ${filter.operator} isn't valid.`)
      return filter
    })
  }
  const date = given.standardDateFilter as Partial<StandardDateFilter> | undefined
  if (date && typeof date === 'object') {
    run.standardDateFilter = {
      column: date.column ?? report.dateColumn,
      durationValue: date.durationValue ?? 'CUSTOM',
      startDate: date.startDate ?? null,
      endDate: date.endDate ?? null,
    }
    column(report, run.standardDateFilter.column)
  }
  return run
}

// ---------------------------------------------------------------------------------------------
// Running

type Row = Map<string, Cell>

function read(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return null
    value = (value as Record<string, unknown>)[part]
  }
  return value ?? null
}

function loadRows(ctx: AnalyticsContext, report: ReportDef): Row[] {
  const rows: Row[] = []
  for (const source of report.sources) {
    const paths = new Set<string>(['Id'])
    for (const cell of Object.values(source.columns)) {
      if (cell.path) paths.add(cell.path)
      if (cell.idPath) paths.add(cell.idPath)
    }
    const soql = `SELECT ${[...paths].join(', ')} FROM ${source.object}`
    const result = runSoql(ctx.store, { soql, now: ctx.now, includeDeleted: false }, ctx.version)
    for (const record of result.records) {
      const row: Row = new Map()
      for (const col of report.columns) {
        const cell = source.columns[col.name]
        if (!cell) continue
        const label = cell.constant ?? (cell.path ? read(record, cell.path) : null)
        row.set(col.name, cellOf(col, label, cell.idPath ? read(record, cell.idPath) : undefined))
      }
      rows.push(row)
    }
  }
  return rows
}

function comparable(cell: Cell | undefined): string | number | boolean | null {
  if (!cell || cell.value === null) return null
  const v = cell.value
  if (typeof v === 'object' && v && 'amount' in v) return Number((v as { amount: number }).amount)
  return typeof v === 'number' || typeof v === 'boolean' ? v : cell.label
}

function matches(report: ReportDef, row: Row, filter: ReportFilter): boolean {
  const col = column(report, filter.column)
  const actual = comparable(row.get(filter.column))
  const raw = filter.value
  let expected: string | number | boolean | null
  if (col.dataType === 'boolean') expected = raw.toLowerCase() === 'true'
  else if (['currency', 'percent', 'double', 'int'].includes(col.dataType)) expected = raw === '' ? null : Number(raw)
  else if (col.dataType === 'date' || col.dataType === 'datetime') expected = raw === '' ? null : formatDate(raw)
  else expected = raw
  const a = col.dataType === 'date' || col.dataType === 'datetime' ? (row.get(filter.column)?.value ?? null) : actual
  const e = col.dataType === 'date' || col.dataType === 'datetime' ? (raw === '' ? null : raw.slice(0, 10)) : expected
  const text = (x: unknown) => String(x ?? '').toLowerCase()
  switch (filter.operator) {
    case 'equals':
      return typeof e === 'string' && typeof a === 'string' ? text(a) === text(e) : a === e
    case 'notEqual':
      return typeof e === 'string' && typeof a === 'string' ? text(a) !== text(e) : a !== e
    case 'lessThan':
      return a !== null && e !== null && a < e
    case 'greaterThan':
      return a !== null && e !== null && a > e
    case 'lessOrEqual':
      return a !== null && e !== null && a <= e
    case 'greaterOrEqual':
      return a !== null && e !== null && a >= e
    case 'contains':
      return text(a).includes(text(raw))
    case 'notContain':
      return !text(a).includes(text(raw))
    case 'startsWith':
      return text(a).startsWith(text(raw))
    default:
      return true
  }
}

/** The standard date filter as [from, to) dates; an unbounded side is undefined. */
function dateRange(filter: StandardDateFilter, now: Date): { from?: string; to?: string } {
  if (filter.durationValue === 'CUSTOM') {
    const next = (d: string) => new Date(Date.parse(`${d.slice(0, 10)}T00:00:00Z`) + 86_400_000).toISOString()
    return {
      ...(filter.startDate ? { from: filter.startDate.slice(0, 10) } : {}),
      ...(filter.endDate ? { to: next(filter.endDate).slice(0, 10) } : {}),
    }
  }
  const [name, n] = filter.durationValue.split(':')
  const range = n === undefined ? dateLiteralRange(name!, now) : dateNLiteralRange(name!, Number(n), now)
  if (!range)
    throw new SalesforceError(400, 'BAD_REQUEST', `The date filter duration ${filter.durationValue} isn't valid.`)
  return { from: range.from.toISOString().slice(0, 10), to: range.to.toISOString().slice(0, 10) }
}

interface Group {
  key: string
  cell: Cell
  rows: Row[]
  children: Group[]
}

function groupKey(cell: Cell): string {
  return cell.value === null ? '\u0000' : typeof cell.value === 'object' ? cell.label : String(cell.value)
}

function sortGroups(col: ColumnDef, groups: Group[]): Group[] {
  const rank = (g: Group) => {
    const i = col.order?.indexOf(g.cell.label) ?? -1
    return i < 0 ? Number.MAX_SAFE_INTEGER : i
  }
  return groups.sort((a, b) => {
    if (a.cell.value === null) return 1
    if (b.cell.value === null) return -1
    const byRank = rank(a) - rank(b)
    if (byRank !== 0) return byRank
    const x = comparable(a.cell)
    const y = comparable(b.cell)
    if (typeof x === 'number' && typeof y === 'number') return x - y
    return a.cell.label.localeCompare(b.cell.label)
  })
}

function group(report: ReportDef, rows: Row[], level: number, prefix: string): Group[] {
  const name = report.groupingsDown[level]
  if (!name) return []
  const byKey = new Map<string, { cell: Cell; rows: Row[] }>()
  for (const row of rows) {
    const cell = row.get(name) ?? { value: null, label: '-' }
    const key = groupKey(cell)
    const entry = byKey.get(key) ?? { cell, rows: [] }
    entry.rows.push(row)
    byKey.set(key, entry)
  }
  const sorted = sortGroups(
    column(report, name),
    [...byKey.values()].map((e) => ({ key: '', cell: e.cell, rows: e.rows, children: [] })),
  )
  sorted.forEach((g, i) => {
    g.key = prefix ? `${prefix}_${i}` : String(i)
    g.children = group(report, g.rows, level + 1, g.key)
  })
  return sorted
}

function aggregates(report: ReportDef, rows: Row[]) {
  return report.aggregates.map((name) => {
    if (name === 'RowCount') return { label: number.format(rows.length), value: rows.length }
    const [kind, columnName] = name.split('!') as [string, string]
    const values = rows.map((r) => comparable(r.get(columnName))).filter((v): v is number => typeof v === 'number')
    const fn = AGGREGATES[kind]!.fn
    let value: number | null
    if (values.length === 0) value = fn === 'sum' ? 0 : null
    else if (fn === 'sum') value = values.reduce((s, v) => s + v, 0)
    else if (fn === 'avg') value = values.reduce((s, v) => s + v, 0) / values.length
    else if (fn === 'min') value = Math.min(...values)
    else value = Math.max(...values)
    if (value !== null) value = Math.round(value * 100) / 100
    const { dataType } = aggregateInfo(report, name)
    return { label: value === null ? '-' : aggregateLabel(dataType, value), value }
  })
}

/** Runs a report: the result body of a synchronous run (or of a finished instance). */
function execute(ctx: AnalyticsContext, report: ReportDef, run: RunMetadata, includeDetails: boolean) {
  const range = dateRange(run.standardDateFilter, ctx.now)
  const dateColumn = run.standardDateFilter.column
  const rows = loadRows(ctx, report).filter((row) => {
    for (const f of run.reportFilters) if (!matches(report, row, f)) return false
    if (range.from || range.to) {
      const date = row.get(dateColumn)?.value
      if (typeof date !== 'string') return false
      if (range.from && date < range.from) return false
      if (range.to && date >= range.to) return false
    }
    return true
  })
  const groups = group(report, rows, 0, '')
  let budget = MAX_DETAIL_ROWS
  const factMap: Record<string, { aggregates: unknown[]; rows: unknown[] }> = {}
  const detail = (list: Row[]) => {
    if (!includeDetails) return []
    const taken = list.slice(0, Math.max(0, budget))
    budget -= taken.length
    return taken.map((row) => ({
      dataCells: run.detailColumns.map((name) => row.get(name) ?? { value: null, label: '-' }),
    }))
  }
  const visit = (list: Group[]) => {
    for (const g of list) {
      if (g.children.length) visit(g.children)
      factMap[`${g.key}!T`] = {
        aggregates: aggregates(report, g.rows),
        rows: g.children.length ? [] : detail(g.rows),
      }
    }
  }
  visit(groups)
  factMap['T!T'] = { aggregates: aggregates(report, rows), rows: [] }
  const groupings = (list: Group[]): unknown[] =>
    list.map((g) => ({
      dategroupings: [],
      groupings: groupings(g.children),
      key: g.key,
      label: g.cell.label,
      value: g.cell.value,
    }))
  return {
    allData: !includeDetails || rows.length <= MAX_DETAIL_ROWS,
    factMap,
    groupingsAcross: { groupings: [] },
    groupingsDown: { groupings: groupings(groups) },
    hasDetailRows: includeDetails,
    reportExtendedMetadata: extendedMetadata(report, run),
    reportMetadata: reportMetadata(report, run),
  }
}

// ---------------------------------------------------------------------------------------------
// Instances

interface Instance {
  id: string
  reportId: string
  ownerId: string
  requestDate: string
  completionDate: string
  hasDetailRows: boolean
  /** listed as New until first retrieved, then as Success */
  retrieved: boolean
  result: ReturnType<typeof execute>
}

export class ReportInstances {
  private readonly instances = new Map<string, Instance>()

  add(instance: Instance): void {
    this.instances.set(instance.id, instance)
    while (this.instances.size > MAX_INSTANCES) this.instances.delete(this.instances.keys().next().value!)
  }

  get(id: string): Instance | undefined {
    return this.instances.get(id)
  }

  of(reportId: string): Instance[] {
    return [...this.instances.values()].filter((i) => i.reportId === reportId)
  }
}

function instanceId(): string {
  const head = `0LG8d${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 10)}`
  return head + caseSafeSuffix(head)
}

function instanceInfo(instance: Instance, version: string, status: string) {
  return {
    completionDate: status === 'Success' ? instance.completionDate : null,
    hasDetailRows: instance.hasDetailRows,
    id: instance.id,
    ownerId: instance.ownerId,
    requestDate: instance.requestDate,
    status,
    url: `/services/data/v${version}/analytics/reports/${instance.reportId}/instances/${instance.id}`,
  }
}

// ---------------------------------------------------------------------------------------------
// Routes

/** Routes `/analytics/reports[/{id}[/describe|/instances[/{instanceId}]]]`. */
export function routeAnalytics(
  ctx: AnalyticsContext,
  instances: ReportInstances,
  method: string,
  rest: string[],
  query: URLSearchParams,
  body: () => unknown,
  rawBody: string,
): Reply {
  if (rest[0] !== 'reports') throw sfErrors.notFound()
  const { version } = ctx
  if (rest.length === 1) {
    if (method !== 'GET' && method !== 'HEAD') throw sfErrors.methodNotAllowed(method, ['GET', 'HEAD'])
    return {
      status: 200,
      body: DEMO_REPORTS.map((r) => ({ id: r.id, name: r.name, ...urls(r, version) })),
    }
  }
  const report = reportById(rest[1]!)
  const includeDetails = query.get('includeDetails') === 'true'
  const attributes = () => ({
    type: 'Report',
    reportId: report.id,
    reportName: report.name,
    describeUrl: urls(report, version).describeUrl,
    instancesUrl: urls(report, version).instancesUrl,
  })
  if (rest.length === 2) {
    if (method === 'GET' || method === 'HEAD')
      return {
        status: 200,
        body: { attributes: attributes(), ...execute(ctx, report, defaultRun(report), includeDetails) },
      }
    if (method === 'POST') {
      const run = runMetadataOf(report, rawBody.trim() ? body() : undefined)
      return { status: 200, body: { attributes: attributes(), ...execute(ctx, report, run, includeDetails) } }
    }
    throw sfErrors.methodNotAllowed(method, ['GET', 'HEAD', 'POST'])
  }
  if (rest.length === 3 && rest[2] === 'describe') {
    if (method !== 'GET' && method !== 'HEAD') throw sfErrors.methodNotAllowed(method, ['GET', 'HEAD'])
    const run = defaultRun(report)
    return {
      status: 200,
      body: {
        attributes: attributes(),
        reportExtendedMetadata: extendedMetadata(report, run),
        reportMetadata: reportMetadata(report, run),
        reportTypeMetadata: reportTypeMetadata(report),
      },
    }
  }
  if (rest[2] === 'instances' && rest.length === 3) {
    if (method === 'GET' || method === 'HEAD')
      return {
        status: 200,
        body: instances.of(report.id).map((i) => instanceInfo(i, version, i.retrieved ? 'Success' : 'New')),
      }
    if (method !== 'POST') throw sfErrors.methodNotAllowed(method, ['GET', 'HEAD', 'POST'])
    const run = runMetadataOf(report, rawBody.trim() ? body() : undefined)
    const stamp = ctx.now.toISOString().replace(/Z$/, '+0000')
    const instance: Instance = {
      id: instanceId(),
      reportId: report.id,
      ownerId: ctx.userId,
      requestDate: stamp,
      completionDate: stamp,
      hasDetailRows: includeDetails,
      retrieved: false,
      result: execute(ctx, report, run, includeDetails),
    }
    instances.add(instance)
    return { status: 202, body: instanceInfo(instance, version, 'New') }
  }
  if (rest[2] === 'instances' && rest.length === 4) {
    if (method !== 'GET' && method !== 'HEAD') throw sfErrors.methodNotAllowed(method, ['GET', 'HEAD'])
    const instance = instances.get(rest[3]!)
    if (!instance || instance.reportId !== report.id) throw sfErrors.notFound('The requested resource does not exist')
    // Runs finish when they are queued, so an instance is done by the time anyone asks for it.
    instance.retrieved = true
    return {
      status: 200,
      body: {
        attributes: {
          type: 'ReportInstance',
          completionDate: instance.completionDate,
          id: instance.id,
          ownerId: instance.ownerId,
          reportId: report.id,
          reportName: report.name,
          requestDate: instance.requestDate,
          status: 'Success',
        },
        ...instance.result,
      },
    }
  }
  throw sfErrors.notFound()
}
