// Dataverse search `query`: relevance search over the search-enabled tables with FTS5 (bm25 scores,
// `{crmhit}` highlights), per-table columns and filters, paging with skip/top and a total count.

import type { SQLInputValue } from 'node:sqlite'
import { FORMATTED, formatValue } from '../annotations.js'
import type { RequestContext } from '../context.js'
import { badRequest, ErrorCodes, querySyntaxError } from '../errors.js'
import { isLookupType, type TableModel } from '../model.js'
import { filterScope } from '../odata/collection-query.js'
import { parseFilter } from '../odata/filter-parser.js'
import { compileFilter } from '../odata/filter-sql.js'
import { quote } from '../store/columns.js'
import type { Row } from '../store/store.js'
import { fromDb } from '../store/values.js'
import { SearchSyntaxError, toFtsQuery } from './query-syntax.js'
import { OBJECT_TYPE_CODES, type SearchIndex } from './search-index.js'

type Json = Record<string, unknown>

export interface SearchEntity {
  table: TableModel
  selectColumns: string[]
  searchColumns: string[]
  filter?: string
}

export interface SearchRequest {
  search: string
  entities: SearchEntity[]
  filter?: string
  top: number
  skip: number
  count: boolean
  mode: 'any' | 'all'
  orderby: Array<{ column: string; descending: boolean }>
}

interface Hit {
  table: TableModel
  entity: SearchEntity
  row: Row
  score: number
  highlights: Record<string, string[]>
}

const DEFAULT_TOP = 50
const MAX_TOP = 100
const MAX_SEARCH_LENGTH = 100

const invalid = (message: string) => badRequest(ErrorCodes.invalidArgument, message)

/** A parameter that may come as a JSON-encoded string (as the docs send it) or as the value itself. */
function decoded(value: unknown, name: string): unknown {
  if (typeof value !== 'string') return value
  const text = value.trim()
  if (text === '' || text === 'null') return undefined
  try {
    return JSON.parse(text)
  } catch {
    try {
      return JSON.parse(text.replace(/'/g, '"')) // options are documented with single quotes
    } catch {
      throw invalid(`The '${name}' parameter is not valid JSON.`)
    }
  }
}

/** Reads a property regardless of case (`selectColumns`, `SelectColumns`, `selectcolumns`). */
function field(obj: Json, name: string): unknown {
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : obj[key]
}

function stringList(value: unknown, what: string): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
    throw invalid(`${what} must be a list of column names.`)
  return value.length ? (value as string[]) : undefined
}

function searchTable(ctx: RequestContext, index: SearchIndex, name: unknown): TableModel {
  const table = typeof name === 'string' ? ctx.model.table(name.toLowerCase()) : undefined
  if (!table?.def.searchEnabled) throw invalid(`The entity '${String(name)}' is not enabled for Dataverse search.`)
  if (index.indexedColumns(table).length === 0) throw invalid(`The entity '${String(name)}' has no searchable columns.`)
  return table
}

export function parseSearchRequest(ctx: RequestContext, index: SearchIndex, input: unknown): SearchRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw invalid('The request body must be a JSON object.')
  const body = input as Json
  const search = field(body, 'search')
  if (typeof search !== 'string' || search.trim() === '' || search.length > MAX_SEARCH_LENGTH)
    throw invalid(`The 'search' parameter is required: a search term of 1 to ${MAX_SEARCH_LENGTH} characters.`)
  const options = (decoded(field(body, 'options'), 'options') ?? {}) as Json
  const mode = field(options, 'searchmode') ?? field(body, 'searchmode') ?? 'any'
  if (mode !== 'any' && mode !== 'all') throw invalid("searchmode must be 'any' or 'all'.")
  const top = field(body, 'top') ?? DEFAULT_TOP
  const skip = field(body, 'skip') ?? 0
  if (typeof top !== 'number' || !Number.isInteger(top) || top < 0 || top > MAX_TOP)
    throw invalid(`'top' must be an integer from 0 to ${MAX_TOP}.`)
  if (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0)
    throw invalid("'skip' must be a non-negative integer.")

  const rawEntities = decoded(field(body, 'entities'), 'entities')
  let entities: SearchEntity[]
  if (rawEntities === undefined) {
    entities = index.tables().map((table) => ({
      table,
      selectColumns: [table.def.primaryNameAttribute],
      searchColumns: index.defaultSearchColumns(table),
    }))
  } else {
    if (!Array.isArray(rawEntities) || rawEntities.length === 0) throw invalid("'entities' must be a non-empty list.")
    entities = rawEntities.map((raw) => {
      if (typeof raw !== 'object' || raw === null)
        throw invalid("Each item of 'entities' must be an object with a name.")
      const table = searchTable(ctx, index, field(raw as Json, 'name'))
      const indexed = new Set(index.indexedColumns(table))
      const select = stringList(field(raw as Json, 'selectColumns'), 'selectColumns') ?? [
        table.def.primaryNameAttribute,
      ]
      const searchColumns = stringList(field(raw as Json, 'searchColumns'), 'searchColumns') ?? [
        table.def.primaryNameAttribute,
      ]
      for (const c of select)
        if (!table.attributes.has(c))
          throw querySyntaxError(
            `Could not find a property named '${c}' on type 'Microsoft.Dynamics.CRM.${table.def.logicalName}'.`,
          )
      for (const c of searchColumns)
        if (!indexed.has(c)) throw invalid(`The column '${c}' of '${table.def.logicalName}' is not searchable.`)
      const filter = field(raw as Json, 'filter')
      return {
        table,
        selectColumns: select,
        searchColumns,
        filter: typeof filter === 'string' && filter ? filter : undefined,
      }
    })
  }
  const orderby = ((decoded(field(body, 'orderby'), 'orderby') as unknown[] | undefined) ?? []).map((clause) => {
    const match = /^\s*(\S+)(?:\s+(asc|desc))?\s*$/i.exec(String(clause))
    if (!match) throw invalid(`The orderby clause '${String(clause)}' is not valid.`)
    return { column: match[1] as string, descending: match[2]?.toLowerCase() === 'desc' }
  })
  const filter = field(body, 'filter')
  return {
    search,
    entities,
    filter: typeof filter === 'string' && filter ? filter : undefined,
    top,
    skip,
    count: field(body, 'count') === true,
    mode,
    orderby,
  }
}

function ftsExpression(request: SearchRequest): string | undefined {
  try {
    return toFtsQuery(request.search, request.mode)
  } catch (err) {
    if (err instanceof SearchSyntaxError) throw invalid(err.message)
    throw err
  }
}

/** FROM/WHERE for one entity; parameters in the order they appear. */
function entitySql(
  ctx: RequestContext,
  index: SearchIndex,
  entity: SearchEntity,
  match: string | undefined,
  topFilter?: string,
) {
  const params: SQLInputValue[] = []
  const table = entity.table
  const name = quote(table.def.logicalName)
  const conditions: string[] = []
  let from = `${name} t0`
  if (match !== undefined) {
    // FTS5 functions and MATCH need the FTS table's own name, not an alias
    const fts = quote(index.ftsTable(table))
    from = `${fts} JOIN ${name} t0 ON t0.rowid = ${fts}.rowid`
    conditions.push(`${fts} MATCH ?`)
    params.push(`{${entity.searchColumns.join(' ')}} : (${match})`)
  }
  const scope = filterScope(ctx, table, 't0', params)
  for (const filter of [topFilter, entity.filter])
    if (filter) conditions.push(compileFilter(parseFilter(filter), scope))
  return { from, where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params }
}

function runEntity(
  ctx: RequestContext,
  index: SearchIndex,
  request: SearchRequest,
  entity: SearchEntity,
  match: string | undefined,
  limit: number,
) {
  const { from, where, params } = entitySql(ctx, index, entity, match, request.filter)
  const indexed = index.indexedColumns(entity.table)
  const fts = quote(index.ftsTable(entity.table))
  const highlightSql =
    match === undefined
      ? []
      : entity.searchColumns.map((c, i) => {
          const col = indexed.indexOf(c)
          const memo = entity.table.attributes.get(c)?.type === 'Memo'
          const fn = memo
            ? `snippet(${fts}, ${col}, '{crmhit}', '{/crmhit}', '...', 24)`
            : `highlight(${fts}, ${col}, '{crmhit}', '{/crmhit}')`
          return `${fn} AS "__hl${i}"`
        })
  const score = match === undefined ? '1.0' : `-bm25(${fts})`
  // the same order as the merge, so that each table's first rows are the ones the page needs
  const order = request.orderby.flatMap(({ column, descending }) => {
    const dir = descending ? 'DESC' : 'ASC'
    if (column === '@search.score') return [`"__score" ${dir}`]
    return entity.table.attributes.has(column) ? [`t0.${quote(column)} IS NULL, t0.${quote(column)} ${dir}`] : []
  })
  order.push('"__score" DESC', `t0.${quote(entity.table.def.primaryIdAttribute)}`)
  const sql = `SELECT t0.*, ${[`${score} AS "__score"`, ...highlightSql].join(', ')} FROM ${from} ${where} ORDER BY ${order.join(', ')} LIMIT ?`
  const rows = ctx.store.all(sql, [...params, limit])
  const hits: Hit[] = rows.map((row) => {
    const highlights: Record<string, string[]> = {}
    entity.searchColumns.forEach((c, i) => {
      const text = row[`__hl${i}`]
      if (typeof text === 'string' && text.includes('{crmhit}')) highlights[c] = [text]
    })
    return { table: entity.table, entity, row, score: Number(row.__score), highlights }
  })
  let total = 0
  if (request.count) total = Number(ctx.store.all(`SELECT COUNT(*) AS n FROM ${from} ${where}`, params)[0]?.n ?? 0)
  return { hits, total }
}

function compareHits(orderby: SearchRequest['orderby']) {
  const keys = orderby.length ? orderby : [{ column: '@search.score', descending: true }]
  return (a: Hit, b: Hit): number => {
    for (const { column, descending } of keys) {
      const x = column === '@search.score' ? a.score : (a.row[column] as number | string | null | undefined)
      const y = column === '@search.score' ? b.score : (b.row[column] as number | string | null | undefined)
      if (x === y) continue
      if (x === null || x === undefined) return 1
      if (y === null || y === undefined) return -1
      return (x < y ? -1 : 1) * (descending ? -1 : 1)
    }
    return b.score - a.score || a.table.def.logicalName.localeCompare(b.table.def.logicalName)
  }
}

function attributesOf(hit: Hit): Json {
  const out: Json = { '@search.objecttypecode': OBJECT_TYPE_CODES[hit.table.def.logicalName] ?? 0 }
  for (const column of hit.entity.selectColumns) {
    const attr = hit.table.attributes.get(column)
    if (!attr) continue
    const value = fromDb(attr, hit.row[column])
    out[column] = value
    const formatted = isLookupType(attr.type) ? undefined : formatValue(attr, value)
    if (formatted !== undefined && formatted !== value) out[`${column}@${FORMATTED}`] = formatted
  }
  return out
}

/** Runs a parsed search; the result is the inner object the API returns as a JSON string. */
export function runSearch(ctx: RequestContext, index: SearchIndex, request: SearchRequest): Json {
  const match = ftsExpression(request)
  const limit = request.skip + request.top
  let all: Hit[] = []
  let count = 0
  for (const entity of request.entities) {
    const { hits, total } = runEntity(ctx, index, request, entity, match, limit)
    all = all.concat(hits)
    count += total
  }
  all.sort(compareHits(request.orderby))
  const page = all.slice(request.skip, limit)
  return {
    Error: null,
    Value: page.map((hit) => ({
      Id: String(hit.row[hit.table.def.primaryIdAttribute]),
      EntityName: hit.table.def.logicalName,
      ObjectTypeCode: 0,
      Attributes: attributesOf(hit),
      Highlights: hit.highlights,
      Score: Math.round(hit.score * 100000) / 100000,
    })),
    Facets: {},
    QueryContext: null,
    Count: request.count ? count : -1,
  }
}
