// Conversions between JSON values, SQLite columns and the entity's EDM types, with the
// finance & operations rules for written values: no nulls (empty string, 0, first enum member,
// 1900-01-01 instead), strings within their length, enum members by name.
import type { ErpEntity, ErpEntityCatalog, ErpField, ErpValue } from '../model.js'
import { ErpError } from '../model.js'

/** F&O's "no date": returned for empty date fields. */
export const NO_DATE = '1900-01-01T12:00:00Z'

export const DATA_AREA_ID = 'dataAreaId'

/** the pseudo field every company-specific entity carries as its first key */
export const dataAreaField: ErpField = { name: DATA_AREA_ID, type: 'String', maxLength: 4, label: 'Company' }

export const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`

export const tableOf = (entity: ErpEntity) => quote(`erp_${entity.entitySet}`)

/** All columns of an entity: dataAreaId first for company data, then the catalogue's fields. */
export function columnsOf(entity: ErpEntity): ErpField[] {
  return entity.companySpecific ? [dataAreaField, ...entity.fields] : [...entity.fields]
}

export function fieldOf(entity: ErpEntity, name: string): ErpField | undefined {
  if (name === DATA_AREA_ID && entity.companySpecific) return dataAreaField
  return entity.fields.find((field) => field.name === name)
}

export const typeName = (entity: ErpEntity) => `Microsoft.Dynamics.DataEntities.${entity.name}`

export function unknownProperty(entity: ErpEntity, name: string): ErpError {
  return new ErpError(
    400,
    `The property '${name}' does not exist on type '${typeName(entity)}'. Make sure to only use property names that are defined by the type.`,
    'Microsoft.OData.ODataException',
  )
}

export function sqlType(field: ErpField): string {
  switch (field.type) {
    case 'Int32':
    case 'Int64':
    case 'Enum':
      return 'INTEGER NOT NULL DEFAULT 0'
    case 'Decimal':
      return 'REAL NOT NULL DEFAULT 0'
    case 'DateTimeOffset':
    case 'Date':
      return `TEXT NOT NULL DEFAULT '${field.type === 'Date' ? NO_DATE.slice(0, 10) : NO_DATE}'`
    default:
      // SQL Server's default collation in F&O compares text case-insensitively; so do we
      return "TEXT NOT NULL DEFAULT '' COLLATE NOCASE"
  }
}

export function emptyValue(field: ErpField): ErpValue {
  switch (field.type) {
    case 'Int32':
    case 'Int64':
    case 'Decimal':
      return 0
    case 'Enum':
      return 0
    case 'DateTimeOffset':
      return NO_DATE
    case 'Date':
      return NO_DATE.slice(0, 10)
    case 'Guid':
      return '00000000-0000-0000-0000-000000000000'
    default:
      return ''
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/

/** `2026-03-14`, `2026-03-14T08:00:00+01:00` … → `2026-03-14T07:00:00Z`; undefined when not a date. */
export function normalizeDateTime(text: string): string | undefined {
  const m = ISO_DATE.exec(text.trim())
  if (!m) return undefined
  if (m[4] === undefined) return `${m[1]}-${m[2]}-${m[3]}T12:00:00Z`
  const parsed = new Date(m[7] ? text.trim() : `${text.trim()}Z`)
  if (Number.isNaN(parsed.getTime())) return undefined
  return `${parsed.toISOString().slice(0, 19)}Z`
}

export function normalizeDate(text: string): string | undefined {
  const m = ISO_DATE.exec(text.trim())
  if (!m) return undefined
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`)
  return Number.isNaN(d.getTime()) ? undefined : `${m[1]}-${m[2]}-${m[3]}`
}

function conversionError(field: ErpField, value: unknown, entity: ErpEntity): ErpError {
  const edm = field.type === 'Enum' ? `Microsoft.Dynamics.DataEntities.${field.enumType}` : `Edm.${field.type}`
  return new ErpError(
    400,
    `Cannot convert the literal '${typeof value === 'string' ? value : JSON.stringify(value)}' to the expected type '${edm}' for property '${field.name}' of '${typeName(entity)}'.`,
    'Microsoft.OData.ODataException',
  )
}

/**
 * A JSON value written to a field → the SQLite value. Throws ErpError 400 for a wrong type,
 * an unknown enum member or a string over its length.
 */
export function toColumn(
  entity: ErpEntity,
  field: ErpField,
  value: unknown,
  catalog: ErpEntityCatalog,
): string | number {
  if (value === null || value === undefined) return emptyValue(field) as string | number
  switch (field.type) {
    case 'String': {
      if (typeof value !== 'string') throw conversionError(field, value, entity)
      if (field.maxLength !== undefined && value.length > field.maxLength) {
        throw new ErpError(
          400,
          `Write failed for table row of type '${entity.name}'. Infolog: Error: The value in field '${field.label ?? field.name}' (${field.name}) is ${value.length} characters long; the field takes at most ${field.maxLength}.`,
        )
      }
      return value
    }
    case 'Int32':
    case 'Int64':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw conversionError(field, value, entity)
      if (field.type === 'Int32' && Math.abs(value) > 2147483647) throw conversionError(field, value, entity)
      return value
    case 'Decimal': {
      // OData JSON may carry decimals as strings (IEEE754Compatible)
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
      if (typeof n !== 'number' || !Number.isFinite(n)) throw conversionError(field, value, entity)
      return n
    }
    case 'Enum':
      return enumValue(entity, field, value, catalog)
    case 'DateTimeOffset': {
      const normalized = typeof value === 'string' ? normalizeDateTime(value) : undefined
      if (!normalized) throw conversionError(field, value, entity)
      return normalized
    }
    case 'Date': {
      const normalized = typeof value === 'string' ? normalizeDate(value) : undefined
      if (!normalized) throw conversionError(field, value, entity)
      return normalized
    }
    case 'Guid':
      if (typeof value !== 'string' || !GUID.test(value)) throw conversionError(field, value, entity)
      return value.toLowerCase()
  }
}

/** An enum member by name (case-insensitive) or by its number → its number. */
export function enumValue(entity: ErpEntity, field: ErpField, value: unknown, catalog: ErpEntityCatalog): number {
  const members = catalog.enums[field.enumType ?? ''] ?? []
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < members.length) return value
  if (typeof value === 'string') {
    const index = members.findIndex((member) => member.toLowerCase() === value.toLowerCase())
    if (index >= 0) return index
  }
  throw new ErpError(
    400,
    `The value '${String(value)}' is not a member of the enum type 'Microsoft.Dynamics.DataEntities.${field.enumType}' (members: ${members.join(', ')}) for property '${field.name}' of '${typeName(entity)}'.`,
    'Microsoft.OData.ODataException',
  )
}

/** A SQLite value → the JSON value the entity returns. */
export function fromColumn(field: ErpField, value: unknown, catalog: ErpEntityCatalog): ErpValue {
  if (value === null || value === undefined)
    return emptyValue(field) === 0 && field.type === 'Enum' ? enumName(field, 0, catalog) : emptyValue(field)
  switch (field.type) {
    case 'Enum':
      return enumName(field, Number(value), catalog)
    case 'Decimal':
      // REAL arithmetic must not leak 0.30000000000000004 into business amounts
      return Math.round(Number(value) * 1e6) / 1e6
    case 'Int32':
    case 'Int64':
      return Number(value)
    default:
      return String(value)
  }
}

function enumName(field: ErpField, value: number, catalog: ErpEntityCatalog): string {
  return catalog.enums[field.enumType ?? '']?.[value] ?? String(value)
}
