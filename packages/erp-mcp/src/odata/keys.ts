// OData literals and entity keys as finance & operations reads them:
// `CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')`, quotes doubled, enums as
// `Microsoft.Dynamics.DataEntities.NoYes'Yes'`, dates and numbers unquoted.
import { ToolError } from '@bizmcp/core'
import { DATA_AREA_ID, findField } from './metadata.js'
import type { EntityInfo, FieldInfo } from './types.js'

export const ENUM_NAMESPACE = 'Microsoft.Dynamics.DataEntities'

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export class LiteralError extends Error {}

/**
 * A value as an OData literal for a field of this type. Throws LiteralError when the value
 * cannot be one (a word for a number, a member the enum does not have).
 */
export function odataLiteral(value: unknown, field: Pick<FieldInfo, 'name' | 'type' | 'enumType'>): string {
  if (value === null) return 'null'
  switch (field.type) {
    case 'Enum': {
      const member = String(value)
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(member))
        throw new LiteralError(`'${member}' is not a member name of enum ${field.enumType} (field ${field.name}).`)
      return `${ENUM_NAMESPACE}.${field.enumType}${quote(member)}`
    }
    case 'Int32':
    case 'Int64':
    case 'Int16':
    case 'Byte':
    case 'Decimal':
    case 'Double':
    case 'Single': {
      const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN
      if (typeof value === 'boolean' || !Number.isFinite(number) || (typeof value === 'string' && !value.trim()))
        throw new LiteralError(`Field ${field.name} is a number (${field.type}); got ${JSON.stringify(value)}.`)
      if (field.type.startsWith('Int') && !Number.isInteger(number))
        throw new LiteralError(`Field ${field.name} is a whole number (${field.type}); got ${JSON.stringify(value)}.`)
      return String(number)
    }
    case 'Boolean':
      if (typeof value === 'boolean') return String(value)
      if (value === 'true' || value === 'false') return value
      throw new LiteralError(`Field ${field.name} is true or false; got ${JSON.stringify(value)}.`)
    case 'Date': {
      const text = String(value).trim()
      const day = text.slice(0, 10)
      if (!DATE.test(day))
        throw new LiteralError(`Field ${field.name} is a date (YYYY-MM-DD); got ${JSON.stringify(value)}.`)
      return day
    }
    case 'DateTimeOffset': {
      const text = String(value).trim()
      if (DATE.test(text)) return `${text}T00:00:00Z`
      if (DATE_TIME.test(text)) return text
      throw new LiteralError(
        `Field ${field.name} is a date and time (YYYY-MM-DDThh:mm:ssZ or YYYY-MM-DD); got ${JSON.stringify(value)}.`,
      )
    }
    case 'Guid': {
      const text = String(value)
        .trim()
        .replace(/^\{|\}$/g, '')
      if (!GUID.test(text)) throw new LiteralError(`Field ${field.name} is a GUID; got ${JSON.stringify(value)}.`)
      return text
    }
    default:
      if (typeof value === 'object') throw new LiteralError(`Field ${field.name} takes text; got an object or list.`)
      return quote(String(value))
  }
}

/** A key value percent-encoded for a URL path segment; quotes, commas and '=' stay readable. */
const encodeLiteral = (literal: string) => encodeURIComponent(literal).replace(/%2C/gi, ',').replace(/%3D/gi, '=')

export type KeyValues = Record<string, unknown>

/**
 * The key segment of one record, e.g. `(dataAreaId='usmf',CustomerAccount='US-001')`: dataAreaId
 * first for company-specific entities, then the key fields in $metadata order. Key field names
 * are matched ignoring case; a missing one is refused naming every key field.
 */
export function formatKey(entity: EntityInfo, key: KeyValues, company?: string): string {
  const lookup = new Map(Object.entries(key).map(([k, v]) => [k.toLowerCase(), v]))
  const parts: string[] = []
  if (entity.companySpecific) {
    const dataAreaId = lookup.get(DATA_AREA_ID.toLowerCase()) ?? company
    if (dataAreaId === undefined || dataAreaId === null || dataAreaId === '')
      throw missingKey(entity, [DATA_AREA_ID], 'or pass companyId')
    parts.push(`${DATA_AREA_ID}=${encodeLiteral(quote(String(dataAreaId).toLowerCase()))}`)
  }
  const missing = entity.keys.filter((k) => !lookup.has(k.toLowerCase()))
  if (missing.length) throw missingKey(entity, missing)
  for (const name of entity.keys) {
    const field = findField(entity, name) ?? { name, type: 'String' }
    let literal: string
    try {
      literal = odataLiteral(lookup.get(name.toLowerCase()), field)
    } catch (error) {
      throw new ToolError({
        code: 'InvalidInput',
        message: `Key of ${entity.entitySet}: ${(error as Error).message}`,
        fix: `Give ${name} as ${field.type === 'String' ? 'text' : field.type}.`,
      })
    }
    parts.push(`${name}=${encodeLiteral(literal)}`)
  }
  return `(${parts.join(',')})`
}

/** Key fields of the entity as the tools show them: dataAreaId first when company-specific. */
export function keyFieldsOf(entity: EntityInfo): string[] {
  return entity.companySpecific ? [DATA_AREA_ID, ...entity.keys] : [...entity.keys]
}

/** The key values of a row, e.g. from a created record. */
export function keyOf(entity: EntityInfo, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(keyFieldsOf(entity).flatMap((k) => (row[k] === undefined ? [] : [[k, row[k]]])))
}

/** The key as given (field names in any case), spelt as $metadata spells it, with the company added. */
export function canonicalKey(
  entity: EntityInfo,
  given: KeyValues,
  company: string | undefined,
): Record<string, unknown> {
  const fields = keyFieldsOf(entity)
  const spelt = Object.fromEntries(
    Object.entries(given).map(([k, v]) => [fields.find((n) => n.toLowerCase() === k.toLowerCase()) ?? k, v]),
  )
  const key = keyOf(entity, { ...spelt, ...(company ? { [DATA_AREA_ID]: company } : {}) })
  const missing = entity.keys.filter((k) => key[k] === undefined)
  if (missing.length) throw missingKey(entity, missing)
  return key
}

/** `CustomerAccount='US-001', dataAreaId='usmf'` for messages and consent questions. */
export function describeKey(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? `'${v}'` : String(v)}`)
    .join(', ')
}

function missingKey(entity: EntityInfo, missing: string[], extra = ''): ToolError {
  return new ToolError({
    code: 'InvalidInput',
    message: `The key of ${entity.entitySet} needs ${missing.join(', ')}; its key fields are ${keyFieldsOf(entity).join(', ')}.`,
    fix: `Give every key field${extra ? ` (${DATA_AREA_ID}: in the key ${extra})` : ''}; data_get_entity_metadata lists them.`,
    details: { entitySet: entity.entitySet, missing },
  })
}
