// Runs a compiled query and shapes rows the way the REST API returns them: records with
// `attributes`, parents as nested records (or null), child subqueries as nested query results.
import type { SQLInputValue } from 'node:sqlite'
import type { Query } from '@jetstreamapp/soql-parser-js'
import { quote, type Row, type Store } from '../store.js'
import { toApiValue } from '../values.js'
import { type CompiledQuery, compileQuery, type QueryEnv } from './compile.js'
import { parseSoql } from './parse.js'

export type ApiRecord = Record<string, unknown> & { attributes: { type: string; url?: string } }

export interface QueryResult {
  totalSize: number
  records: ApiRecord[]
}

/** Parents per batch of a child subquery: keeps the IN list well under SQLite's variable limit. */
const CHILD_BATCH = 500

export function runSoql(store: Store, env: Omit<QueryEnv, 'model'>, version: string): QueryResult {
  const query: Query = parseSoql(env.soql)
  const compiled = compileQuery({ ...env, model: store.model }, query)
  return execute(store, compiled, version)
}

function limitSql(compiled: CompiledQuery): Fragment {
  if (compiled.limit === undefined && compiled.offset === undefined) return { sql: '', params: [] }
  return { sql: ' LIMIT ? OFFSET ?', params: [compiled.limit ?? -1, compiled.offset ?? 0] }
}

type Fragment = { sql: string; params: SQLInputValue[] }

export function execute(store: Store, compiled: CompiledQuery, version: string): QueryResult {
  const base = compiled.sql()
  const limit = limitSql(compiled)
  if (compiled.countOnly) {
    const row = store.get(`SELECT COUNT(*) AS n FROM (${base.sql}${limit.sql})`, [...base.params, ...limit.params])
    return { totalSize: Number(row?.n ?? 0), records: [] }
  }
  const rows = store.all(base.sql + limit.sql, [...base.params, ...limit.params])
  const records = rows.map((row) => shape(compiled, row, version))
  for (const column of compiled.columns) {
    if (column.kind !== 'child') continue
    const ids = rows.map((row) => String(row.__id))
    const children = runChildren(store, column.plan.query, column.plan.fkField, ids, version)
    records.forEach((record, i) => {
      const list = children.get(ids[i]!)
      record[column.key] = list?.length ? { totalSize: list.length, done: true, records: list } : null
    })
  }
  return { totalSize: records.length, records }
}

function runChildren(
  store: Store,
  compiled: CompiledQuery,
  fkField: string,
  parentIds: string[],
  version: string,
): Map<string, ApiRecord[]> {
  const byParent = new Map<string, ApiRecord[]>()
  const fk = compiled.object.field(fkField)!
  for (let start = 0; start < parentIds.length; start += CHILD_BATCH) {
    const batch = parentIds.slice(start, start + CHILD_BATCH)
    const lookup = `${compiled.rootAlias}.${quote(fk.name)}`
    const extra = { sql: `${lookup} IN (${batch.map(() => '?').join(', ')})`, params: batch }
    const sql = compiled.sql(extra, [`${lookup} AS "__parent"`])
    const rows = store.all(sql.sql, sql.params)
    for (const row of rows) {
      const parent = String(row.__parent)
      const list = byParent.get(parent) ?? []
      list.push(shape(compiled, row, version))
      byParent.set(parent, list)
    }
  }
  // LIMIT and OFFSET of a child subquery apply to each parent's children.
  if (compiled.limit !== undefined || compiled.offset !== undefined) {
    for (const [parent, list] of byParent) {
      const from = compiled.offset ?? 0
      byParent.set(parent, list.slice(from, compiled.limit === undefined ? undefined : from + compiled.limit))
    }
  }
  return byParent
}

function recordUrl(version: string, type: string, id: unknown): string {
  return `/services/data/v${version}/sobjects/${type}/${String(id)}`
}

function shape(compiled: CompiledQuery, row: Row, version: string): ApiRecord {
  if (compiled.aggregate) {
    const record: ApiRecord = { attributes: { type: 'AggregateResult' } }
    for (const column of compiled.columns) {
      if (column.kind === 'value') record[column.key] = toApiValue(column.field, row[column.alias])
    }
    return record
  }
  const type = compiled.object.name
  const record: ApiRecord = { attributes: { type, url: recordUrl(version, type, row.__id) } }
  for (const column of compiled.columns) {
    if (column.kind !== 'field') continue
    let container: Record<string, unknown> = record
    let empty = false
    for (let depth = 1; depth <= column.names.length; depth++) {
      const name = column.names[depth - 1]!
      const key = column.names.slice(0, depth).join('.').toLowerCase()
      const tracked = compiled.nodes.find((n) => n.node.key === key)!
      if (container[name] === undefined) {
        const id = row[tracked.idAlias]
        const parentType = tracked.typeAlias ? String(row[tracked.typeAlias]) : tracked.node.targets[0]!.object.name
        container[name] =
          id === null || id === undefined
            ? null
            : { attributes: { type: parentType, url: recordUrl(version, parentType, id) } }
      }
      if (container[name] === null) {
        empty = true
        break
      }
      container = container[name] as Record<string, unknown>
    }
    if (!empty) container[column.field.name] = toApiValue(column.field, row[column.alias])
  }
  return record
}
