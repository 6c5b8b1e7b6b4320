// Turns column values given by logical name into a Web API body, checked against the table's
// metadata first: unknown columns (with the closest names), read-only columns, wrong types,
// unknown choice labels, bad GUIDs. Lookups become `<navigation>@odata.bind: /<set>(<id>)`.
import { ToolError } from '@bizmcp/core'
import { invalidGuid, unknownColumn } from '../../client/errors.js'
import { parseGuid, quoteList } from '../../client/names.js'
import type { ColumnInfo, DataverseClient, TableMetadata } from '../../client/types.js'

const LOOKUP_TYPES = new Set(['Lookup', 'Customer', 'Owner'])
const CHOICE_TYPES = new Set(['Picklist', 'State', 'Status'])

export const isLookup = (column: ColumnInfo) => LOOKUP_TYPES.has(column.type)

function invalid(table: string, column: ColumnInfo, message: string, fix: string): ToolError {
  return new ToolError({
    code: 'InvalidInput',
    message: `${table}.${column.logicalName} (${column.type}): ${message}`,
    fix,
    details: { table, column: column.logicalName },
  })
}

export async function buildRecordBody(
  client: DataverseClient,
  table: TableMetadata,
  values: Record<string, unknown>,
  mode: 'create' | 'update',
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const byName = new Map(table.columns.map((c) => [c.logicalName, c]))
  const body: Record<string, unknown> = {}
  if (!Object.keys(values).length) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `No column values were given for ${table.logicalName}.`,
      fix: `Pass values as { "<column logical name>": value }; describe_table lists the columns of ${table.logicalName}.`,
    })
  }
  for (const [rawName, value] of Object.entries(values)) {
    const name = rawName.toLowerCase()
    const column = byName.get(name) ?? byName.get(name.replace(/^_(.*)_value$/, '$1'))
    if (!column) throw unknownColumn(table.logicalName, rawName, [...byName.keys()])
    const writable = mode === 'create' ? column.isValidForCreate : column.isValidForUpdate
    if (!writable || column.isPrimaryId) {
      throw invalid(
        table.logicalName,
        column,
        `this column cannot be set on ${mode}.`,
        'Leave it out; Dataverse sets it itself.',
      )
    }
    if (isLookup(column)) {
      Object.assign(body, await lookupBind(client, table, column, value, signal))
      continue
    }
    body[column.logicalName] = convertValue(table.logicalName, column, value)
  }
  return body
}

async function lookupBind(
  client: DataverseClient,
  table: TableMetadata,
  column: ColumnInfo,
  value: unknown,
  signal?: AbortSignal,
): Promise<Record<string, unknown>> {
  const targets =
    column.targets ??
    table.manyToOne.filter((r) => r.referencingAttribute === column.logicalName).map((r) => r.referencedEntity)
  const shape = `{ "table": "${targets[0] ?? 'account'}", "id": "<guid>" }`
  let targetName: string | undefined
  let id: string | undefined
  if (value === null) {
    throw invalid(
      table.logicalName,
      column,
      'lookups cannot be cleared with null here.',
      'Leave the lookup out, or point it at another record.',
    )
  }
  if (typeof value === 'string') {
    if (targets.length !== 1) {
      throw invalid(
        table.logicalName,
        column,
        `this lookup can point at ${quoteList(targets)}; say which.`,
        `Pass ${shape}.`,
      )
    }
    targetName = targets[0]
    id = value
  } else if (value && typeof value === 'object' && 'id' in value) {
    const v = value as { table?: unknown; id?: unknown }
    targetName = typeof v.table === 'string' ? v.table.toLowerCase() : targets.length === 1 ? targets[0] : undefined
    id = typeof v.id === 'string' ? v.id : undefined
  }
  if (!targetName || id === undefined) {
    throw invalid(table.logicalName, column, 'expected a lookup.', `Pass ${shape}.`)
  }
  const target = await client.table(targetName, signal)
  if (targets.length && !targets.includes(target.logicalName)) {
    throw invalid(
      table.logicalName,
      column,
      `this lookup cannot point at ${target.logicalName}.`,
      `Use one of ${quoteList(targets)} as the table.`,
    )
  }
  const guid = parseGuid(id)
  if (!guid) throw invalidGuid(`${column.logicalName} id`, id)
  const relationship =
    table.manyToOne.find(
      (r) => r.referencingAttribute === column.logicalName && r.referencedEntity === target.logicalName,
    ) ?? (targets.length === 1 ? table.manyToOne.find((r) => r.referencingAttribute === column.logicalName) : undefined)
  const navigation = relationship?.navigationProperty ?? column.logicalName
  return { [`${navigation}@odata.bind`]: `/${target.entitySetName}(${guid})` }
}

export function convertValue(table: string, column: ColumnInfo, value: unknown): unknown {
  if (value === null) {
    if (column.requiredLevel === 'SystemRequired' || column.isPrimaryName) {
      throw invalid(table, column, 'this column is required and cannot be cleared.', 'Give it a value.')
    }
    return null
  }
  const type = column.type
  if (CHOICE_TYPES.has(type)) return choiceValue(table, column, value)
  switch (type) {
    case 'String':
    case 'Memo':
    case 'EntityName': {
      if (typeof value !== 'string')
        throw invalid(table, column, `expected text, got ${JSON.stringify(value)}.`, 'Pass a string.')
      if (column.maxLength && value.length > column.maxLength) {
        throw invalid(
          table,
          column,
          `the text is ${value.length} characters; the column holds ${column.maxLength}.`,
          `Shorten it to at most ${column.maxLength} characters.`,
        )
      }
      return value
    }
    case 'Integer':
    case 'BigInt': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
      if (typeof n !== 'number' || !Number.isInteger(n)) {
        throw invalid(table, column, `expected a whole number, got ${JSON.stringify(value)}.`, 'Pass an integer.')
      }
      return n
    }
    case 'Decimal':
    case 'Double':
    case 'Money': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
      if (typeof n !== 'number' || !Number.isFinite(n)) {
        throw invalid(
          table,
          column,
          `expected a number, got ${JSON.stringify(value)}.`,
          'Pass a number such as 1250.5.',
        )
      }
      return n
    }
    case 'Boolean': {
      if (typeof value === 'boolean') return value
      if (value === 1 || value === 0) return value === 1
      if (typeof value === 'string') {
        const lower = value.trim().toLowerCase()
        if (lower === 'true') return true
        if (lower === 'false') return false
        const option = column.options?.find((o) => o.label.toLowerCase() === lower)
        if (option) return option.value === 1
      }
      throw invalid(table, column, `expected true or false, got ${JSON.stringify(value)}.`, 'Pass true or false.')
    }
    case 'DateTime': {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        throw invalid(
          table,
          column,
          `expected a date, got ${JSON.stringify(value)}.`,
          'Pass an ISO 8601 date such as 2025-06-30 or 2025-06-30T14:00:00Z.',
        )
      }
      return value
    }
    case 'Uniqueidentifier': {
      const guid = typeof value === 'string' ? parseGuid(value) : undefined
      if (!guid) throw invalidGuid(column.logicalName, String(value))
      return guid
    }
    default:
      return value
  }
}

function choiceValue(table: string, column: ColumnInfo, value: unknown): number {
  const options = column.options ?? []
  const list = options.map((o) => `${o.value}=${o.label}`).join(', ')
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (!options.length || options.some((o) => o.value === value)) return value
  } else if (typeof value === 'string') {
    const lower = value.trim().toLowerCase()
    const option =
      options.find((o) => o.label.toLowerCase() === lower) ?? options.find((o) => String(o.value) === lower)
    if (option) return option.value
  }
  throw invalid(
    table,
    column,
    `${JSON.stringify(value)} is not one of its choices (${list || 'none'}).`,
    `Pass one of the values or labels: ${list}.`,
  )
}
