// Builds parameterized SQL for one condition on one column. Shared by $filter and FetchXML so that
// both query languages agree on value coercion, case-insensitive text and date ranges.

import type { SQLInputValue } from 'node:sqlite'
import { badRequest, ErrorCodes } from '../errors.js'
import { isLookupType, type TableModel } from '../model.js'
import type { AttributeDefinition } from '../schema/types.js'
import { isGuid, parseDateTime, storeDateTime } from '../store/values.js'
import { dayRange, relativeDateRange } from './date-ranges.js'

export interface ColumnRef {
  sql: string
  attr: AttributeDefinition
  table: TableModel
}

export interface ConditionEnv {
  params: SQLInputValue[]
  userId: string
  businessUnitId: string
  now: Date
}

const TEXT_TYPES = new Set(['String', 'Memo', 'EntityName'])
export const isTextAttribute = (attr: AttributeDefinition) => TEXT_TYPES.has(attr.type)

function conversionError(col: ColumnRef, raw: unknown, expected: string) {
  return badRequest(
    ErrorCodes.invalidArgument,
    `An exception System.FormatException was thrown while trying to convert input value '${String(raw)}' to attribute '${col.table.def.logicalName}.${col.attr.logicalName}'. Expected type of attribute value: ${expected}.`,
  )
}

/** Converts a raw query value to the stored representation of the column. */
export function coerceValue(col: ColumnRef, raw: unknown): SQLInputValue {
  const { attr } = col
  switch (attr.type) {
    case 'Integer':
    case 'BigInt':
    case 'Picklist':
    case 'State':
    case 'Status': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim())
      if (!Number.isInteger(n) || String(raw).trim() === '') throw conversionError(col, raw, 'System.Int32')
      return n
    }
    case 'Decimal':
    case 'Double':
    case 'Money': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim())
      if (!Number.isFinite(n) || String(raw).trim() === '') throw conversionError(col, raw, 'System.Decimal')
      return n
    }
    case 'Boolean': {
      const text = String(raw).toLowerCase()
      if (raw === true || text === 'true' || text === '1') return 1
      if (raw === false || text === 'false' || text === '0') return 0
      throw conversionError(col, raw, 'System.Boolean')
    }
    case 'DateTime': {
      const date = raw instanceof Date ? raw : parseDateTime(String(raw))
      if (!date) throw conversionError(col, raw, 'System.DateTime')
      return storeDateTime(attr, date)
    }
    case 'Uniqueidentifier':
    case 'Lookup':
    case 'Customer':
    case 'Owner': {
      const text = String(raw).replace(/^\{|\}$/g, '')
      if (!isGuid(text)) throw conversionError(col, raw, 'System.Guid')
      return text.toLowerCase()
    }
    default:
      return String(raw)
  }
}

const SQL_OPS: Record<string, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' }

function collate(col: ColumnRef): string {
  return isTextAttribute(col.attr) ? ' COLLATE NOCASE' : ''
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

function rangeSql(col: ColumnRef, env: ConditionEnv, from?: Date, to?: Date): string {
  const parts: string[] = []
  if (from) {
    env.params.push(storeDateTime(col.attr, from))
    parts.push(`${col.sql} >= ?`)
  }
  if (to) {
    env.params.push(storeDateTime(col.attr, to))
    parts.push(`${col.sql} < ?`)
  }
  return parts.length ? `(${parts.join(' AND ')})` : '1=1'
}

function requireDate(col: ColumnRef, operator: string): void {
  if (col.attr.type !== 'DateTime') {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `The operator '${operator}' can only be used with date and time columns; '${col.attr.logicalName}' is ${col.attr.type}.`,
    )
  }
}

function valueCount(operator: string, values: unknown[], n: number): void {
  if (values.length !== n) {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `Condition operator '${operator}' expects ${n} value(s), got ${values.length}.`,
    )
  }
}

/**
 * SQL for `column <operator> values`, with FetchXML operator names. LIKE patterns use `%` as given
 * (FetchXML like) — `begins-with`/`ends-with`/`contains`-style helpers escape their input.
 */
export function conditionSql(col: ColumnRef, operator: string, values: unknown[], env: ConditionEnv): string {
  const c = col.sql
  const push = (raw: unknown) => {
    env.params.push(coerceValue(col, raw))
    return '?'
  }
  const text = (pattern: string) => {
    env.params.push(pattern)
    return `${c} LIKE ? ESCAPE '\\'`
  }
  switch (operator) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le':
      valueCount(operator, values, 1)
      return `${c} ${SQL_OPS[operator]} ${push(values[0])}${collate(col)}`
    case 'null':
      return `${c} IS NULL`
    case 'not-null':
      return `${c} IS NOT NULL`
    case 'like':
      valueCount(operator, values, 1)
      env.params.push(String(values[0]))
      return `${c} LIKE ?`
    case 'not-like':
      valueCount(operator, values, 1)
      env.params.push(String(values[0]))
      return `(${c} NOT LIKE ? OR ${c} IS NULL)`
    case 'begins-with':
      return text(`${escapeLike(String(values[0]))}%`)
    case 'not-begin-with':
      return `NOT (${text(`${escapeLike(String(values[0]))}%`)})`
    case 'ends-with':
      return text(`%${escapeLike(String(values[0]))}`)
    case 'not-end-with':
      return `NOT (${text(`%${escapeLike(String(values[0]))}`)})`
    case 'contains':
      return text(`%${escapeLike(String(values[0]))}%`)
    case 'in':
    case 'not-in': {
      if (values.length === 0)
        throw badRequest(ErrorCodes.invalidArgument, `Condition operator '${operator}' expects at least one value.`)
      const list = values.map(push).join(', ')
      return `${c}${collate(col)} ${operator === 'in' ? 'IN' : 'NOT IN'} (${list})`
    }
    case 'between':
    case 'not-between': {
      valueCount(operator, values, 2)
      const sql = `${c} BETWEEN ${push(values[0])} AND ${push(values[1])}`
      return operator === 'between' ? sql : `NOT (${sql})`
    }
    case 'on':
    case 'not-on':
    case 'on-or-after':
    case 'on-or-before': {
      requireDate(col, operator)
      valueCount(operator, values, 1)
      const date = parseDateTime(String(values[0]))
      if (!date) throw conversionError(col, values[0], 'System.DateTime')
      const day = dayRange(date)
      if (operator === 'on') return rangeSql(col, env, day.from, day.to)
      if (operator === 'not-on') return `NOT ${rangeSql(col, env, day.from, day.to)}`
      return operator === 'on-or-after' ? rangeSql(col, env, day.from) : rangeSql(col, env, undefined, day.to)
    }
    case 'eq-userid':
    case 'ne-userid':
      if (!isLookupType(col.attr.type) && col.attr.type !== 'Uniqueidentifier') {
        throw badRequest(
          ErrorCodes.invalidArgument,
          `The operator '${operator}' needs a lookup to systemuser; '${col.attr.logicalName}' is ${col.attr.type}.`,
        )
      }
      env.params.push(env.userId)
      return operator === 'eq-userid' ? `${c} = ?` : `(${c} <> ? OR ${c} IS NULL)`
    case 'eq-businessid':
    case 'ne-businessid':
      env.params.push(env.businessUnitId)
      return operator === 'eq-businessid' ? `${c} = ?` : `(${c} <> ? OR ${c} IS NULL)`
    default: {
      const needsX = operator.includes('-x-')
      let x: number | undefined
      if (needsX) {
        valueCount(operator, values, 1)
        x = Number(values[0])
        if (!Number.isInteger(x) || x < 0) throw conversionError(col, values[0], 'System.Int32')
      }
      const range = relativeDateRange(operator, env.now, x)
      if (!range) throw badRequest(ErrorCodes.invalidArgument, `The condition operator '${operator}' is not valid.`)
      requireDate(col, operator)
      return rangeSql(col, env, range.from, range.to)
    }
  }
}
