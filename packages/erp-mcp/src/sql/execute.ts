// Runs data_find_entities_sql: parse, bind to $metadata, plan the OData reads, fetch, and evaluate
// the rest in memory.
//
// The in-memory engine is node:sqlite (a :memory: database per call): the fetched rows go into one
// temporary table per source and a SELECT generated from the validated tree runs over them. A
// hand-written evaluator would have to re-implement joins, three-valued NULL logic, GROUP BY,
// DISTINCT, correlated EXISTS and sorting; SQLite already does all of that correctly and quickly
// (with automatic indexes for the joins), ships with Node, and only ever sees SQL generated here
// from a tree whose every construct was checked — never the caller's text.
import { DatabaseSync } from 'node:sqlite'
import { ToolError } from '@bizmcp/core'
import type { ErpODataClient } from '../odata/client.js'
import { findField } from '../odata/metadata.js'
import type { CompanyScope, FieldInfo, Row } from '../odata/types.js'
import { describeScope, scopedFilter } from '../odata/url.js'
import { bindQuery, type OutputColumn, type Source } from './bind.js'
import { emitSelect, quoteIdent, tableName } from './emit.js'
import { parseSql } from './parse.js'
import { type Fetch, planQuery } from './plan.js'

export interface SqlOptions {
  odata: ErpODataClient
  company: CompanyScope
  /** result rows returned at most (TOP may ask for fewer) */
  maxRows: number
  /** rows read per source at most when the query is evaluated in memory */
  fetchCap: number
  signal?: AbortSignal
}

export interface ODataRead {
  entitySet: string
  alias: string
  filter?: string
  select: string[]
  orderby?: string
  top?: number
  rows: number
  requests: number
}

export interface SqlResult {
  columns: Array<{ name: string; type: string }>
  rows: Row[]
  truncated: boolean
  notices: string[]
  reads: ODataRead[]
}

const SQLITE_TYPE: Record<string, string> = {
  Int16: 'INTEGER',
  Int32: 'INTEGER',
  Int64: 'INTEGER',
  Byte: 'INTEGER',
  Boolean: 'INTEGER',
  Decimal: 'REAL',
  Double: 'REAL',
  Single: 'REAL',
}

/** Columns of a temporary table: text compares without case, as F&O's SQL Server collation does. */
function columnDefinition(field: FieldInfo | undefined, name: string): string {
  const type = (field && SQLITE_TYPE[field.type]) ?? 'TEXT COLLATE NOCASE'
  return `${quoteIdent(name)} ${type}`
}

function sqliteValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

/** Sums of decimals in binary floating point: 0.1 + 0.2 is shown as 0.3. */
function tidy(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(15))
  if (typeof value === 'bigint') return Number(value)
  return value
}

function tooManyRows(fetch: Fetch, cap: number, company: CompanyScope): ToolError {
  const { source } = fetch
  return new ToolError({
    code: 'QueryTooBroad',
    message: `Answering this query reads ${source.entity.entitySet} (${source.alias}) into memory, and more than ${cap.toLocaleString('en-US')} of its rows match${fetch.filters.length ? ` the conditions sent to finance & operations (${fetch.filters.join(' and ')})` : ' (no condition on it could be sent to finance & operations)'} in ${describeScope(company)}. ${cap.toLocaleString('en-US')} rows per table is this tool's cap.`,
    fix: `Narrow ${source.alias}: add WHERE conditions on ${source.alias}'s own fields compared with constants (=, <, >, BETWEEN, IN (…), LIKE 'abc%'), e.g. a date range or an account, or choose one company with companyId.`,
    details: { entitySet: source.entity.entitySet, alias: source.alias, cap },
  })
}

export async function runSql(sql: string, options: SqlOptions): Promise<SqlResult> {
  const query = parseSql(sql)
  const metadata = await options.odata.metadata(options.signal)
  const bound = bindQuery(query, metadata)
  const plan = planQuery(bound, metadata, options.company, { maxRows: options.maxRows })

  const reads = await Promise.all(
    plan.fetches.map(async (fetch) => {
      const filter = fetch.filters.length ? fetch.filters.join(' and ') : undefined
      const cap = plan.direct ? (fetch.top ?? options.maxRows + 1) : options.fetchCap
      const result = await options.odata.queryAll(fetch.source.entity, {
        ...(filter ? { filter } : {}),
        select: fetch.select,
        ...(fetch.orderby ? { orderby: fetch.orderby } : {}),
        ...(plan.direct && fetch.top !== undefined ? { top: fetch.top } : {}),
        company: options.company,
        maxRows: cap,
        ...(options.signal ? { signal: options.signal } : {}),
      })
      if (!plan.direct && result.truncated) throw tooManyRows(fetch, options.fetchCap, options.company)
      const scoped = scopedFilter(fetch.source.entity, filter, options.company)
      const read: ODataRead = {
        entitySet: fetch.source.entity.entitySet,
        alias: fetch.source.alias,
        ...(scoped.filter ? { filter: scoped.filter } : {}),
        select: fetch.select,
        ...(fetch.orderby ? { orderby: fetch.orderby } : {}),
        ...(plan.direct && fetch.top !== undefined ? { top: fetch.top } : {}),
        rows: result.rows.length,
        requests: result.requests,
      }
      return { fetch, rows: result.rows, read }
    }),
  )

  const outputs = bound.outputs
  const limit = query.top !== undefined ? Math.min(query.top, options.maxRows + 1) : options.maxRows + 1
  const rows = evaluate(
    reads.map((r) => ({ source: r.fetch.source, select: r.fetch.select, rows: r.rows })),
    (ctx) => emitSelect(query, ctx, limit),
    outputs,
  )
  const truncated = rows.length > options.maxRows
  const notices = [...plan.notices]
  if (truncated)
    notices.push(
      `Only the first ${options.maxRows} rows are returned; more match. Add TOP, narrow WHERE, or aggregate with GROUP BY.`,
    )
  return {
    columns: outputs.map(({ name, type }) => ({ name, type })),
    rows: rows.slice(0, options.maxRows),
    truncated,
    notices,
    reads: reads.map((r) => r.read),
  }
}

/** Loads each source's rows into a temporary table and runs the generated SELECT over them. */
function evaluate(
  tables: Array<{ source: Source; select: string[]; rows: Row[] }>,
  sql: (ctx: { sources: Source[]; outputs: string[] }) => string,
  outputs: OutputColumn[],
): Row[] {
  const db = new DatabaseSync(':memory:')
  try {
    db.exec('BEGIN')
    for (const { source, select, rows } of tables) {
      const columns = select.map((name) => columnDefinition(findField(source.entity, name), name))
      db.exec(`CREATE TABLE ${quoteIdent(tableName(source))} (${columns.join(', ')})`)
      const insert = db.prepare(
        `INSERT INTO ${quoteIdent(tableName(source))} (${select.map(quoteIdent).join(', ')}) VALUES (${select.map(() => '?').join(', ')})`,
      )
      for (const row of rows) insert.run(...select.map((name) => sqliteValue(row[name])))
    }
    db.exec('COMMIT')
    const text = sql({ sources: tables.map((t) => t.source), outputs: outputs.map((o) => o.name) })
    const result = db.prepare(text).all() as Row[]
    return result.map((row) => Object.fromEntries(outputs.map((o) => [o.name, tidy(row[o.name])])))
  } finally {
    db.close()
  }
}
