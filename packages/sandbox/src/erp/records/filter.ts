// ErpFilter → a parameterized SQLite condition over one entity's table.
import type { ErpEntity, ErpEntityCatalog, ErpField, ErpFilter, ErpValue } from '../model.js'
import { ErpError } from '../model.js'
import { emptyValue, fieldOf, quote, toColumn, typeName, unknownProperty } from './values.js'

export type SqlParam = string | number

const SQL_OPS = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' } as const

const NUMERIC = new Set(['Int32', 'Int64', 'Decimal'])

export function compileFilter(
  entity: ErpEntity,
  filter: ErpFilter,
  catalog: ErpEntityCatalog,
  params: SqlParam[],
  alias = 't',
): string {
  if ('and' in filter) {
    if (filter.and.length === 0) return '1'
    return `(${filter.and.map((f) => compileFilter(entity, f, catalog, params, alias)).join(' AND ')})`
  }
  if ('or' in filter) {
    if (filter.or.length === 0) return '0'
    return `(${filter.or.map((f) => compileFilter(entity, f, catalog, params, alias)).join(' OR ')})`
  }
  if ('not' in filter) return `NOT (${compileFilter(entity, filter.not, catalog, params, alias)})`
  const field = resolve(entity, filter.field)
  const column = `${alias}.${quote(field.name)}`
  if ('otherField' in filter) {
    const other = resolve(entity, filter.otherField)
    if (!comparable(field, other)) {
      throw new ErpError(
        400,
        `A binary operator with incompatible types was detected. Found operand types '${edm(field)}' and '${edm(other)}' for operator kind '${filter.op}'.`,
        'Microsoft.OData.ODataException',
      )
    }
    return `${column} ${SQL_OPS[filter.op]} ${alias}.${quote(other.name)}`
  }
  if (
    filter.op === 'contains' ||
    filter.op === 'startswith' ||
    filter.op === 'endswith' ||
    filter.op === 'like' ||
    filter.op === 'notlike'
  ) {
    if (field.type !== 'String' && field.type !== 'Guid') {
      throw new ErpError(
        400,
        `The function '${filter.op}' needs a string property; '${field.name}' of '${typeName(entity)}' is '${edm(field)}'.`,
        'Microsoft.OData.ODataException',
      )
    }
    if (filter.op === 'like' || filter.op === 'notlike') {
      params.push(filter.value.replace(/[\\%_]/g, (ch) => `\\${ch}`).replace(/\*/g, '%'))
      return `${column} ${filter.op === 'like' ? 'LIKE' : 'NOT LIKE'} ? ESCAPE '\\'`
    }
    const escaped = filter.value.replace(/[\\%_]/g, (ch) => `\\${ch}`)
    params.push(filter.op === 'contains' ? `%${escaped}%` : filter.op === 'startswith' ? `${escaped}%` : `%${escaped}`)
    return `${column} LIKE ? ESCAPE '\\'`
  }
  const op = SQL_OPS[filter.op]
  if (filter.value === null) {
    // F&O has no nulls: null stands for the empty value of the type
    if (filter.op !== 'eq' && filter.op !== 'ne') {
      throw new ErpError(400, `The operator '${filter.op}' can't compare with null.`, 'Microsoft.OData.ODataException')
    }
    params.push(emptyValue(field) as SqlParam)
    return `${column} ${op} ?`
  }
  params.push(literal(entity, field, filter.value, catalog))
  return `${column} ${op} ?`
}

function resolve(entity: ErpEntity, name: string): ErpField {
  const field = fieldOf(entity, name)
  if (!field) throw unknownProperty(entity, name)
  return field
}

const edm = (field: ErpField) =>
  field.type === 'Enum' ? `Microsoft.Dynamics.DataEntities.${field.enumType}` : `Edm.${field.type}`

function comparable(a: ErpField, b: ErpField): boolean {
  if (NUMERIC.has(a.type) && NUMERIC.has(b.type)) return true
  if (a.type === 'Enum' || b.type === 'Enum') return a.type === b.type && a.enumType === b.enumType
  return a.type === b.type
}

function literal(entity: ErpEntity, field: ErpField, value: ErpValue, catalog: ErpEntityCatalog): SqlParam {
  if (field.type === 'String' && typeof value === 'string') return value // no length check when comparing
  if (typeof value === 'boolean') {
    if (field.type === 'Enum' && field.enumType === 'NoYes') return value ? 1 : 0
    throw mismatch(entity, field, value)
  }
  if (NUMERIC.has(field.type) && typeof value === 'number') return value
  try {
    return toColumn(entity, field, value, catalog)
  } catch {
    throw mismatch(entity, field, value)
  }
}

function mismatch(entity: ErpEntity, field: ErpField, value: ErpValue): ErpError {
  const found = typeof value === 'number' ? 'Edm.Decimal' : typeof value === 'boolean' ? 'Edm.Boolean' : 'Edm.String'
  return new ErpError(
    400,
    `A binary operator with incompatible types was detected. Found operand types '${edm(field)}' and '${found}' for property '${field.name}' of '${typeName(entity)}'.`,
    'Microsoft.OData.ODataException',
  )
}
