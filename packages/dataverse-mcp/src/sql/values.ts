// SQL literals to FetchXML condition values, checked against the column's Dataverse type, so that
// a mismatch is refused with the column's type named instead of failing inside Dataverse.
import { parseGuid } from '../client/names.js'
import type { ColumnInfo } from '../client/types.js'
import { invalidQuery, unsupported } from './errors.js'
import type { SqlNode } from './parse.js'
import { LOOKUP_TYPES } from './scope.js'

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }

const STRING_TYPES = new Set(['single_quote_string', 'var_string', 'double_quote_string', 'natural_string', 'string'])

export const TEXT_TYPES = new Set(['String', 'Memo', 'EntityName'])
export const NUMBER_TYPES = new Set(['Integer', 'BigInt', 'Decimal', 'Double', 'Money'])
const INTEGER_TYPES = new Set(['Integer', 'BigInt'])
const CHOICE_TYPES = new Set(['Picklist', 'State', 'Status'])
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** The literal in a node, or undefined when the node is something else (a column, a function …). */
export function literalOf(node: SqlNode): Literal | undefined {
  if (node.type && STRING_TYPES.has(node.type)) return { kind: 'string', value: String(node.value).replace(/''/g, "'") }
  if (node.type === 'number') return { kind: 'number', value: Number(node.value) }
  if (node.type === 'bool') return { kind: 'boolean', value: Boolean(node.value) }
  return undefined
}

export function describeLiteral(literal: Literal): string {
  return literal.kind === 'string' ? `'${literal.value}'` : String(literal.value)
}

function mismatch(column: ColumnInfo, literal: Literal, expected: string) {
  return invalidQuery(
    `${describeLiteral(literal)} is not a valid value for '${column.logicalName}', a ${column.type} column.`,
    `Compare '${column.logicalName}' with ${expected}.`,
    { column: column.logicalName, type: column.type },
  )
}

/** The FetchXML value for comparing `column` with `literal`. */
export function conditionValue(column: ColumnInfo, literal: Literal): string {
  const { type } = column
  if (TEXT_TYPES.has(type)) {
    if (literal.kind !== 'string') throw mismatch(column, literal, `a quoted string, e.g. '${literal.value}'`)
    return literal.value
  }
  if (NUMBER_TYPES.has(type)) {
    const integer = INTEGER_TYPES.has(type)
    if (literal.kind !== 'number' || !Number.isFinite(literal.value) || (integer && !Number.isInteger(literal.value)))
      throw mismatch(
        column,
        literal,
        integer ? 'a whole number without quotes, e.g. 10' : 'a number without quotes, e.g. 1000.50',
      )
    return String(literal.value)
  }
  if (CHOICE_TYPES.has(type)) return choiceValue(column, literal)
  if (type === 'Boolean') {
    const text = String(literal.value).toLowerCase()
    if (text === 'true' || text === '1') return '1'
    if (text === 'false' || text === '0') return '0'
    throw mismatch(column, literal, '1 or 0 (true or false)')
  }
  if (type === 'DateTime') {
    if (
      literal.kind !== 'string' ||
      !DATE.test(literal.value) ||
      Number.isNaN(Date.parse(literal.value.replace(' ', 'T')))
    )
      throw mismatch(column, literal, "a quoted ISO date or date-time, e.g. '2024-05-01' or '2024-05-01T13:00:00Z'")
    return literal.value
  }
  if (LOOKUP_TYPES.has(type) || type === 'Uniqueidentifier') {
    const guid = literal.kind === 'string' ? parseGuid(literal.value) : undefined
    if (!guid) throw mismatch(column, literal, "a quoted record id (GUID), e.g. '00000000-0000-0000-0000-000000000000'")
    return guid
  }
  throw unsupported(
    `${type} column`,
    `Filtering on '${column.logicalName}' (${type}) is not supported.`,
    'Filter on another column, or select it and filter the rows yourself.',
  )
}

/** A choice column takes its numeric value or, as a convenience, one of its labels. */
function choiceValue(column: ColumnInfo, literal: Literal): string {
  const options = column.options ?? []
  if (literal.kind === 'number' && Number.isInteger(literal.value)) {
    if (options.length && !options.some((o) => o.value === literal.value))
      throw invalidQuery(
        `${literal.value} is not a value of the choice column '${column.logicalName}'.`,
        `Use one of ${options.map((o) => `${o.value} (${o.label})`).join(', ')}.`,
      )
    return String(literal.value)
  }
  if (literal.kind === 'string') {
    const hit = options.find((o) => o.label.toLowerCase() === literal.value.toLowerCase())
    if (hit) return String(hit.value)
  }
  const shown = options.slice(0, 12).map((o) => `${o.value} (${o.label})`)
  throw invalidQuery(
    `${describeLiteral(literal)} is not a value of the choice column '${column.logicalName}'.`,
    shown.length
      ? `Use the number of one of its options: ${shown.join(', ')}${options.length > shown.length ? ', …' : ''}.`
      : `Use the option's number; describe_table lists the options of '${column.logicalName}'.`,
  )
}
