// WHERE and ON conditions as OData $filter, for the conditions a source can apply itself: fields
// of that one source compared with constants. Anything else (other sources, functions, IS NULL,
// patterns F&O's wildcards cannot say) is left to the in-memory evaluation, which always runs
// the full condition — so a pushed filter only ever removes rows that could not match.
import { LiteralError, odataLiteral } from '../odata/keys.js'
import { findField } from '../odata/metadata.js'
import type { EntityInfo } from '../odata/types.js'
import { invalidQuery } from './errors.js'
import type { ColumnExpr, CompareOp, Expr } from './ir.js'

const ODATA_OP: Record<CompareOp, string> = { '=': 'eq', '<>': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' }
const FLIP: Record<CompareOp, CompareOp> = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=' }
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
/** IN lists longer than this stay in memory: F&O has no `in`, and long OR chains make long URLs */
const MAX_IN = 40

export interface FilterContext {
  source: number
  entity: EntityInfo
  enums: ReadonlyMap<string, readonly string[]>
}

const isColumnOf = (expr: Expr, source: number): expr is ColumnExpr =>
  expr.kind === 'column' && expr.source === source && expr.field !== undefined

const isConstant = (expr: Expr): expr is { kind: 'literal'; value: string | number } =>
  expr.kind === 'literal' && expr.value !== null

export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

/** The OData form of a condition on one source, or undefined when it cannot be said in OData. */
export function toODataFilter(expr: Expr, ctx: FilterContext): string | undefined {
  switch (expr.kind) {
    case 'and':
    case 'or': {
      const parts = expr.items.map((item) => toODataFilter(item, ctx))
      if (parts.some((p) => p === undefined)) return undefined
      return parts.length === 1 ? parts[0] : `(${parts.join(` ${expr.kind} `)})`
    }
    case 'not': {
      const inner = toODataFilter(expr.expr, ctx)
      return inner === undefined ? undefined : `not (${inner})`
    }
    case 'compare':
      if (isColumnOf(expr.left, ctx.source) && isConstant(expr.right))
        return compare(expr.left, expr.op, expr.right.value, ctx)
      if (isColumnOf(expr.right, ctx.source) && isConstant(expr.left))
        return compare(expr.right, FLIP[expr.op], expr.left.value, ctx)
      return undefined
    case 'between': {
      if (expr.negated || !isColumnOf(expr.expr, ctx.source) || !isConstant(expr.low) || !isConstant(expr.high))
        return undefined
      const low = compare(expr.expr, '>=', expr.low.value, ctx)
      const high = compare(expr.expr, '<=', expr.high.value, ctx)
      return low && high ? `(${low} and ${high})` : undefined
    }
    case 'in': {
      if (!isColumnOf(expr.expr, ctx.source) || expr.list.length > MAX_IN || !expr.list.every(isConstant))
        return undefined
      const parts = expr.list.map((item) =>
        compare(expr.expr as ColumnExpr, expr.negated ? '<>' : '=', (item as { value: string | number }).value, ctx),
      )
      if (parts.some((p) => p === undefined)) return undefined
      return parts.length === 1 ? parts[0] : `(${parts.join(expr.negated ? ' and ' : ' or ')})`
    }
    case 'like':
      if (expr.negated || !isColumnOf(expr.expr, ctx.source) || !isConstant(expr.pattern)) return undefined
      return like(expr.expr, String(expr.pattern.value), ctx)
    default:
      return undefined
  }
}

function fieldOf(column: ColumnExpr, ctx: FilterContext) {
  return findField(ctx.entity, column.field!)!
}

function compare(column: ColumnExpr, op: CompareOp, value: string | number, ctx: FilterContext): string | undefined {
  const field = fieldOf(column, ctx)
  if (field.type === 'Enum') {
    if (op !== '=' && op !== '<>') return undefined
    checkEnumMember(field.name, field.enumType!, value, ctx)
  }
  // F&O's dates are DateTimeOffsets at noon UTC: a date-only literal means the whole day
  if (field.type === 'DateTimeOffset' && typeof value === 'string' && DATE_ONLY.test(value.trim())) {
    const day = value.trim()
    const start = `${day}T00:00:00Z`
    const next = `${nextDay(day)}T00:00:00Z`
    switch (op) {
      case '=':
        return `(${field.name} ge ${start} and ${field.name} lt ${next})`
      case '<>':
        return `(${field.name} lt ${start} or ${field.name} ge ${next})`
      case '<':
        return `${field.name} lt ${start}`
      case '<=':
        return `${field.name} lt ${next}`
      case '>':
        return `${field.name} ge ${next}`
      case '>=':
        return `${field.name} ge ${start}`
    }
  }
  let literal: string
  try {
    literal = odataLiteral(value, field)
  } catch (error) {
    if (!(error instanceof LiteralError)) throw error
    throw invalidQuery(
      `In the condition on ${ctx.entity.entitySet}.${field.name}: ${error.message}`,
      'Compare the field with a value of its type.',
    )
  }
  // text fields: '*' is F&O's wildcard, so a value containing one cannot be matched exactly
  if (field.type === 'String' && String(value).includes('*')) return undefined
  return `${field.name} ${ODATA_OP[op]} ${literal}`
}

function checkEnumMember(field: string, enumType: string, value: string | number, ctx: FilterContext) {
  const members = ctx.enums.get(enumType)
  if (members?.length && !members.includes(String(value))) {
    throw invalidQuery(
      `${ctx.entity.entitySet}.${field} is an enum (${enumType}); '${value}' is not one of its values: ${members.join(', ')}.`,
      `Compare ${field} with one of those names in quotes, e.g. ${field} = '${members[0]}'.`,
    )
  }
}

/** LIKE 'abc%' → eq 'abc*' (F&O's wildcard); patterns with '_' or a literal '*' stay in memory. */
function like(column: ColumnExpr, pattern: string, ctx: FilterContext): string | undefined {
  const field = fieldOf(column, ctx)
  if (field.type !== 'String' || pattern.includes('_') || pattern.includes('*') || pattern.includes('['))
    return undefined
  const wildcard = pattern.replace(/%+/g, '*')
  if (wildcard === '*') return undefined
  return `${field.name} eq '${wildcard.replace(/'/g, "''")}'`
}
