// The bound query as SQLite SQL over the temporary tables the fetched rows are loaded into: one
// table per source, named t{index}, under the query's own aliases. Values are literals in the SQL
// (the tree came from a parser, and every string is quoted here), identifiers are double-quoted.
import type { Source } from './bind.js'
import { nextDay } from './filter.js'
import type { ColumnExpr, Expr, SelectQuery, SubQuery } from './ir.js'

export const tableName = (source: Source) => `t${source.index}`
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`
const quoteText = (text: string) => `'${text.replace(/'/g, "''")}'`
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

export interface EmitContext {
  sources: Source[]
  /** output column names, for ORDER BY references to them */
  outputs: string[]
}

function column(expr: ColumnExpr, ctx: EmitContext): string {
  if (expr.output !== undefined) return quoteIdent(ctx.outputs[expr.output]!)
  const source = ctx.sources[expr.source!]!
  return `${quoteIdent(source.alias)}.${quoteIdent(expr.field!)}`
}

function literal(value: string | number | null): string {
  if (value === null) return 'NULL'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL'
  return quoteText(value)
}

const isText = (expr: Expr) =>
  (expr.kind === 'literal' && typeof expr.value === 'string') ||
  (expr.kind === 'column' && ['String', 'Enum', 'Guid', 'Date', 'DateTimeOffset'].includes(expr.type ?? ''))

/** A DateTimeOffset column compared with a date-only literal compares the day, as the pushed filter does. */
function dayOf(expr: Expr): boolean {
  return expr.kind === 'column' && expr.type === 'DateTimeOffset'
}

export function emit(expr: Expr, ctx: EmitContext): string {
  switch (expr.kind) {
    case 'column':
      return column(expr, ctx)
    case 'literal':
      return literal(expr.value)
    case 'compare': {
      const op = expr.op
      if (
        dayOf(expr.left) &&
        expr.right.kind === 'literal' &&
        typeof expr.right.value === 'string' &&
        DATE_ONLY.test(expr.right.value.trim())
      )
        return `(substr(${emit(expr.left, ctx)}, 1, 10) ${op} ${quoteText(expr.right.value.trim())})`
      if (
        dayOf(expr.right) &&
        expr.left.kind === 'literal' &&
        typeof expr.left.value === 'string' &&
        DATE_ONLY.test(expr.left.value.trim())
      )
        return `(${quoteText(expr.left.value.trim())} ${op} substr(${emit(expr.right, ctx)}, 1, 10))`
      return `(${emit(expr.left, ctx)} ${op} ${emit(expr.right, ctx)})`
    }
    case 'arithmetic': {
      // T-SQL's + joins text; SQLite's || does
      const op = expr.op === '+' && (isText(expr.left) || isText(expr.right)) ? '||' : expr.op
      return `(${emit(expr.left, ctx)} ${op} ${emit(expr.right, ctx)})`
    }
    case 'negate':
      return `(-${emit(expr.expr, ctx)})`
    case 'and':
    case 'or':
      return `(${expr.items.map((item) => emit(item, ctx)).join(expr.kind === 'and' ? ' AND ' : ' OR ')})`
    case 'not':
      return `(NOT ${emit(expr.expr, ctx)})`
    case 'like':
      return `(${emit(expr.expr, ctx)} ${expr.negated ? 'NOT LIKE' : 'LIKE'} ${emit(expr.pattern, ctx)})`
    case 'in':
      return `(${emit(expr.expr, ctx)} ${expr.negated ? 'NOT IN' : 'IN'} (${expr.list.map((item) => emit(item, ctx)).join(', ')}))`
    case 'between': {
      if (
        dayOf(expr.expr) &&
        [expr.low, expr.high].every(
          (b) => b.kind === 'literal' && typeof b.value === 'string' && DATE_ONLY.test(b.value.trim()),
        )
      ) {
        const low = (expr.low as { value: string }).value.trim()
        const high = (expr.high as { value: string }).value.trim()
        return `(substr(${emit(expr.expr, ctx)}, 1, 10) ${expr.negated ? 'NOT BETWEEN' : 'BETWEEN'} ${quoteText(low)} AND ${quoteText(high)})`
      }
      return `(${emit(expr.expr, ctx)} ${expr.negated ? 'NOT BETWEEN' : 'BETWEEN'} ${emit(expr.low, ctx)} AND ${emit(expr.high, ctx)})`
    }
    case 'isNull':
      return `(${emit(expr.expr, ctx)} IS ${expr.negated ? 'NOT ' : ''}NULL)`
    case 'exists':
      return `(${expr.negated ? 'NOT ' : ''}EXISTS (${subquery(expr.query, ctx)}))`
    case 'aggregate': {
      const arg = expr.arg === '*' ? '*' : emit(expr.arg, ctx)
      return `${expr.name}(${expr.distinct ? 'DISTINCT ' : ''}${arg})`
    }
  }
}

function fromClause(from: Array<{ join: string; on?: Expr }>, sources: Source[], ctx: EmitContext): string {
  return from
    .map((item, i) => {
      const source = sources[i]!
      const table = `${quoteIdent(tableName(source))} AS ${quoteIdent(source.alias)}`
      if (item.join === 'root') return table
      return `${item.join === 'left' ? 'LEFT JOIN' : 'JOIN'} ${table} ON ${emit(item.on!, ctx)}`
    })
    .join(' ')
}

function subquery(query: SubQuery, ctx: EmitContext): string {
  const sources = query.from.map((item) => sourceOf(item, ctx))
  return `SELECT 1 FROM ${fromClause(query.from, sources, ctx)}${query.where ? ` WHERE ${emit(query.where, ctx)}` : ''}`
}

/** The source a FROM item was bound to (by its alias, unique in the query). */
function sourceOf(item: { table: string; alias?: string }, ctx: EmitContext): Source {
  const alias = (item.alias ?? item.table).toLowerCase()
  return ctx.sources.find((s) => s.alias.toLowerCase() === alias)!
}

export function emitSelect(query: SelectQuery, ctx: EmitContext, limit: number | undefined): string {
  const columns = query.columns.map((c, i) => `${emit(c.expr, ctx)} AS ${quoteIdent(ctx.outputs[i]!)}`).join(', ')
  const sources = query.from.map((item) => sourceOf(item, ctx))
  let sql = `SELECT ${query.distinct ? 'DISTINCT ' : ''}${columns} FROM ${fromClause(query.from, sources, ctx)}`
  if (query.where) sql += ` WHERE ${emit(query.where, ctx)}`
  if (query.groupBy.length) sql += ` GROUP BY ${query.groupBy.map((g) => emit(g, ctx)).join(', ')}`
  if (query.orderBy.length) {
    sql += ` ORDER BY ${query.orderBy.map((o) => `${emit(o.expr, ctx)} ${o.desc ? 'DESC' : 'ASC'}`).join(', ')}`
  }
  if (limit !== undefined) sql += ` LIMIT ${limit}`
  return sql
}

export { nextDay }
