// Field values between JSON (what the REST API speaks) and SQLite (how the store keeps them).
// Dates are kept as YYYY-MM-DD and datetimes as UTC ISO strings, so text order is time order.
import { SalesforceError, sfErrors } from './errors.js'
import type { FieldDef } from './schema/types.js'
import type { DbValue } from './store.js'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** `2024-05-01T09:30:00.000Z` → `2024-05-01T09:30:00.000+0000`, Salesforce's datetime format. */
export function formatDateTime(stored: string): string {
  return stored.replace(/Z$/, '+0000')
}

/** A datetime from the API (`Z`, `+hh:mm` or `+hhmm` offsets) in the stored form, or undefined. */
export function parseDateTime(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) return undefined
  const normalized = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
  const ms = Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(normalized) ? normalized : `${normalized}Z`)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

export function isValidDate(text: string): boolean {
  if (!DATE.test(text)) return false
  const d = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text)
}

/** A stored value as the REST API returns it. */
export function toApiValue(field: FieldDef, value: DbValue | undefined): unknown {
  if (value === null || value === undefined) return null
  switch (field.type) {
    case 'boolean':
      return value === 1 || value === '1' || value === 'true'
    case 'int':
      return Number(value)
    case 'currency':
    case 'percent':
    case 'double':
      return Number(value)
    case 'datetime':
      return formatDateTime(String(value))
    default:
      return String(value)
  }
}

function deserializeError(field: FieldDef, type: string, value: unknown): SalesforceError {
  return sfErrors.badValue(
    field.name,
    `Cannot deserialize instance of ${type} from VALUE_STRING value ${String(value)} or request may be missing a required field`,
  )
}

/**
 * A JSON value for a field, checked and converted to the stored form. References are returned as
 * given (15 or 18 characters); the writer resolves them.
 */
export function fromApiValue(field: FieldDef, value: unknown): DbValue {
  if (value === null || value === undefined || value === '') return null
  switch (field.type) {
    case 'boolean':
      if (value === true || value === 'true') return 1
      if (value === false || value === 'false') return 0
      throw deserializeError(field, 'boolean', value)
    case 'int': {
      const n = typeof value === 'number' ? value : Number(value)
      if (!Number.isInteger(n)) throw deserializeError(field, 'int', value)
      return n
    }
    case 'currency':
    case 'percent':
    case 'double': {
      const n = typeof value === 'number' ? value : Number(value)
      if (!Number.isFinite(n)) throw deserializeError(field, 'double', value)
      return n
    }
    case 'date':
      if (typeof value !== 'string' || !isValidDate(value.slice(0, 10)) || (value.length > 10 && !parseDateTime(value)))
        throw deserializeError(field, 'date', value)
      return value.slice(0, 10)
    case 'datetime': {
      const parsed = typeof value === 'string' ? parseDateTime(value) : undefined
      if (!parsed) throw deserializeError(field, 'datetime', value)
      return parsed
    }
    default: {
      if (typeof value === 'object') throw deserializeError(field, 'string', JSON.stringify(value))
      const text = String(value)
      if (field.length && field.type !== 'reference' && text.length > field.length)
        throw sfErrors.tooLong(field.name, field.length, text)
      if (field.type === 'email' && !EMAIL.test(text))
        throw new SalesforceError(400, 'INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${text}`, [
          field.name,
        ])
      if (field.type === 'picklist' && field.restrictedPicklist && !field.picklistValues?.some((p) => p.value === text))
        throw sfErrors.restrictedPicklist(field.label, text)
      return text
    }
  }
}
