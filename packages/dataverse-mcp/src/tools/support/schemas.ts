// Input pieces shared by several tools, and the checks of new schema names.
import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import type { NewColumn, NewColumnType } from '../../client/types.js'

export const tableArg = z.string().describe('Table logical name')
/** a cheap shape check in the schema; parseGuid checks the real format before any call */
export const GUID_PATTERN = /^[{(]?[0-9A-Fa-f-]{36}[)}]?$/
export const idArg = z.string().regex(GUID_PATTERN, 'must be a GUID').describe('Record GUID')
export const valuesArg = z.record(z.string(), z.unknown()).describe('By column logical name; lookups as {"table","id"}')

const COLUMN_TYPES: Record<string, NewColumnType> = {
  text: 'String',
  nvarchar: 'String',
  memo: 'Memo',
  integer: 'Integer',
  int: 'Integer',
  bigint: 'BigInt',
  decimal: 'Decimal',
  float: 'Double',
  money: 'Money',
  boolean: 'Boolean',
  bit: 'Boolean',
  datetime: 'DateTime',
  date: 'DateTime',
  choice: 'Picklist',
  lookup: 'Lookup',
}

/** A new column in a T-SQL-like line: `new_Stage choice(Open|Won) NOT NULL`. */
export const ColumnSpec = z.string()
export const columnsArg = z
  .array(ColumnSpec)
  .describe(
    'Each "<schemaName> <type> [NOT NULL]"; type: text(len) memo(len) integer decimal money boolean datetime date choice(A|B) lookup(table)',
  )

const COLUMN_LINE = /^\s*(\S+)\s+([A-Za-z]+)\s*(?:\(([^)]*)\))?\s*(not\s+null|required)?\s*$/i
const FORMAT_FIX =
  'Write each column as "<schemaName> <type> [NOT NULL]", e.g. "new_DueDate date", "new_Notes memo(4000)", "new_Stage choice(Open|Won|Lost)", "new_Account lookup(account)".'

const SCHEMA_NAME = /^([A-Za-z][A-Za-z0-9]{1,7})_([A-Za-z][A-Za-z0-9_]*)$/

/** Checks a schema name (letters, digits, underscores, a publisher prefix) and returns its prefix. */
export function checkSchemaName(name: string, what: string, prefix?: string): string {
  const m = SCHEMA_NAME.exec(name)
  if (!m || name.length > 50) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `${what} '${name}' is not a valid schema name.`,
      fix: 'Use the publisher prefix, an underscore, then letters, digits or underscores (at most 50 characters), e.g. new_ProjectTask.',
      details: { name },
    })
  }
  const own = (m[1] ?? '').toLowerCase()
  if (prefix && own !== prefix.toLowerCase()) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `${what} '${name}' has the prefix '${own}_', but the table uses '${prefix}_'.`,
      fix: `Start the name with '${prefix}_'.`,
      details: { name },
    })
  }
  return own
}

const words = (schemaName: string) =>
  (schemaName.split('_').slice(1).join(' ') || schemaName).replace(/([a-z])([A-Z])/g, '$1 $2')

/** Parses and validates column lines (names, prefix, duplicates, type arguments) into NewColumns. */
export function toNewColumns(lines: string[], prefix: string, existing: Set<string>): NewColumn[] {
  const seen = new Set<string>()
  return lines.map((line) => {
    const bad = (message: string, fix = FORMAT_FIX) =>
      new ToolError({ code: 'InvalidInput', message: `Column "${line}": ${message}`, fix, details: { column: line } })
    const m = COLUMN_LINE.exec(line)
    if (!m) throw bad('not a column definition.')
    const [, schemaName = '', rawType = '', rawArg, notNull] = m
    const typeName = rawType.toLowerCase()
    const type = COLUMN_TYPES[typeName]
    if (!type) throw bad(`unknown type '${rawType}'.`)
    checkSchemaName(schemaName, 'Column', prefix)
    const logical = schemaName.toLowerCase()
    if (existing.has(logical) || seen.has(logical)) {
      throw new ToolError({
        code: 'Conflict',
        message: `The column '${logical}' already exists or is given twice.`,
        fix: 'Give each new column a name the table does not have yet.',
        details: { column: logical },
      })
    }
    seen.add(logical)
    const arg = rawArg?.trim()
    const column: NewColumn = { schemaName, displayName: words(schemaName), type }
    if (notNull) column.required = true
    if (typeName === 'date') column.dateOnly = true
    if (type === 'String' || type === 'Memo') {
      if (arg) {
        const length = Number(arg.replace(/^max$/i, type === 'Memo' ? '1048576' : '4000'))
        const most = type === 'String' ? 4000 : 1048576
        if (!Number.isInteger(length) || length < 1 || length > most)
          throw bad(
            `the length must be a whole number from 1 to ${most}.`,
            type === 'String' ? 'Use memo for longer text.' : FORMAT_FIX,
          )
        column.maxLength = length
      }
    } else if (type === 'Picklist') {
      const options = (arg ?? '')
        .split(/[|,]/)
        .map((o) => o.trim().replace(/^'(.*)'$/, '$1'))
        .filter(Boolean)
      if (!options.length) throw bad('a choice needs its labels.', 'Write it as choice(Label 1|Label 2).')
      column.options = options
    } else if (type === 'Lookup') {
      if (!arg) throw bad('a lookup needs its table.', 'Write it as lookup(account).')
      column.target = arg.toLowerCase()
    } else if (arg) throw bad(`the type '${rawType}' takes no arguments.`)
    return column
  })
}

export { words as displayNameFromSchemaName }
