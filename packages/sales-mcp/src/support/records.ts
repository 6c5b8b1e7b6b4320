// Reading Web API rows as the Sales tools need them: labels, lookups, GUID checks, OData literals.
import { ToolError } from '@bizmcp/core'
import { parseGuid } from '@bizmcp/dataverse-mcp'
import type { Ref } from './schemas.js'

export type Row = Record<string, unknown>

const FORMATTED = '@OData.Community.Display.V1.FormattedValue'
const LOOKUP_TABLE = '@Microsoft.Dynamics.CRM.lookuplogicalname'

export const text = (row: Row | undefined, column: string): string | undefined => {
  const v = row?.[column]
  return typeof v === 'string' && v.trim() ? v : undefined
}

export const num = (row: Row | undefined, column: string): number | undefined => {
  const v = row?.[column]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** the label of a choice, money or date column, or its raw value as text */
export const label = (row: Row | undefined, column: string): string | undefined => {
  const f = row?.[`${column}${FORMATTED}`]
  if (typeof f === 'string' && f) return f
  const v = row?.[column]
  return v === null || v === undefined || v === '' ? undefined : String(v)
}

export interface LookupValue {
  id: string
  table?: string
  name?: string
}

export function lookup(row: Row | undefined, column: string): LookupValue | undefined {
  const key = `_${column}_value`
  const id = row?.[key]
  if (typeof id !== 'string' || !id) return undefined
  const table = row?.[`${key}${LOOKUP_TABLE}`]
  const name = row?.[`${key}${FORMATTED}`]
  return {
    id,
    ...(typeof table === 'string' ? { table } : {}),
    ...(typeof name === 'string' ? { name } : {}),
  }
}

export const ref = (table: string, id: string, _name?: string): Ref => `${table}:${id}`

/** the table and id of a `table:id` reference */
export const parseRef = (r: Ref) => ({ table: r.slice(0, r.indexOf(':')), id: r.slice(r.indexOf(':') + 1) })

export function requireGuid(value: string, what: string, findWith: string): string {
  const guid = parseGuid(value)
  if (!guid) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `${what} '${value}' is not a GUID.`,
      fix: `Pass the ${what.toLowerCase()} as a GUID; ${findWith} returns it.`,
    })
  }
  return guid
}

/** an OData string literal */
export const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`

/** `col eq id or col eq id2 …` over lookup columns */
export const anyOf = (column: string, ids: string[]) => ids.map((id) => `${column} eq ${id}`).join(' or ')

export const dateOf = (iso: string | undefined) => (iso ? iso.slice(0, 10) : undefined)

export function uniqueRefs(refs: Ref[]): Ref[] {
  return [...new Set(refs)]
}
