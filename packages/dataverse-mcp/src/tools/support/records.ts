// A Web API record (with annotations) as tools return it: plain values by logical name, lookups
// as { id, table, name }, labels of choices, money and dates in `formatted`, and long free text
// (memo columns) apart in `untrustedContent`, since it is data written by people, not instructions.
import type { TableMetadata } from '../../client/types.js'

const FORMATTED = '@OData.Community.Display.V1.FormattedValue'
const LOOKUP_TABLE = '@Microsoft.Dynamics.CRM.lookuplogicalname'

export interface FormattedRecord {
  table: string
  id: string
  name?: string
  values: Record<string, unknown>
  formatted: Record<string, string>
  untrustedContent?: Record<string, string>
}

export function formatRecord(table: TableMetadata, row: Record<string, unknown>): FormattedRecord {
  const types = new Map(table.columns.map((c) => [c.logicalName, c.type]))
  const values: Record<string, unknown> = {}
  const formatted: Record<string, string> = {}
  const untrusted: Record<string, string> = {}
  for (const [key, value] of Object.entries(row)) {
    if (key.includes('@') || value === null || value === undefined) continue
    const lookup = /^_(.+)_value$/.exec(key)?.[1]
    if (lookup) {
      const name = row[`${key}${FORMATTED}`]
      const target = row[`${key}${LOOKUP_TABLE}`]
      values[lookup] = {
        id: value,
        ...(typeof target === 'string' ? { table: target } : {}),
        ...(typeof name === 'string' ? { name } : {}),
      }
      continue
    }
    if (types.get(key) === 'Memo' && typeof value === 'string') {
      untrusted[key] = value
      continue
    }
    values[key] = value
    const label = row[`${key}${FORMATTED}`]
    if (typeof label === 'string' && label !== String(value)) formatted[key] = label
  }
  const id = String(row[table.primaryIdAttribute] ?? '')
  const name = row[table.primaryNameAttribute]
  return {
    table: table.logicalName,
    id,
    ...(typeof name === 'string' ? { name } : {}),
    values,
    formatted,
    ...(Object.keys(untrusted).length ? { untrustedContent: untrusted } : {}),
  }
}
