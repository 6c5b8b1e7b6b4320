// Conversions between JSON values, stored SQLite values and their canonical forms.

import type { AttributeDefinition } from '../schema/types.js'

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type DbValue = string | number | null

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID.test(value)
}

/** `2024-05-01T10:00:00Z`: stored without milliseconds so that text comparison orders correctly. */
export function canonicalDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** Parses an ISO date or date-time; date-times without an offset are taken as UTC. */
export function parseDateTime(text: string): Date | undefined {
  if (!DATE_LIKE.test(text)) return undefined
  let iso = text.replace(' ', 'T')
  if (iso.length === 10) iso += 'T00:00:00Z'
  else if (!/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) iso += 'Z'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? undefined : date
}

export function storeDateTime(attr: AttributeDefinition, date: Date): string {
  return attr.dateFormat === 'DateOnly' ? canonicalDateTime(date).slice(0, 10) : canonicalDateTime(date)
}

/** A stored value as the Web API returns it. */
export function fromDb(attr: AttributeDefinition, value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (attr.type === 'Boolean') return value === 1 || value === 1n || value === true
  if (typeof value === 'bigint') return Number(value)
  return value
}
