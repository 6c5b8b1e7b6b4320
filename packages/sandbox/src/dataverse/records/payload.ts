// Validates a JSON payload for create/update and converts it to stored column values.

import type { RequestContext } from '../context.js'
import { badRequest, ErrorCodes, payloadError } from '../errors.js'
import { isLookupType, type TableModel } from '../model.js'
import { edmType } from '../odata/properties.js'
import type { AttributeDefinition } from '../schema/types.js'
import { lookupTableColumn } from '../store/columns.js'
import { type DbValue, isGuid, parseDateTime, storeDateTime } from '../store/values.js'
import { parseEntityReference, requireRecord } from './references.js'

export interface ParsedPayload {
  values: Record<string, DbValue>
  /** collection-valued binds: records on the many side to point at the new/updated record */
  collectionBinds: Array<{ navigation: string; refs: string[] }>
  /** deep inserts of related records */
  deepSingle: Array<{ attribute: string; target: TableModel; body: Record<string, unknown> }>
  deepCollection: Array<{ target: TableModel; referencingAttribute: string; bodies: Array<Record<string, unknown>> }>
}

function convertError(table: TableModel, value: unknown, attr: AttributeDefinition) {
  return payloadError(
    table.def.entitySetName,
    `Microsoft.OData.ODataException: Cannot convert the literal '${typeof value === 'string' ? value : JSON.stringify(value)}' to the expected type '${edmType(attr)}'.`,
  )
}

function rangeError(table: TableModel, attr: AttributeDefinition, value: unknown) {
  return badRequest(
    ErrorCodes.validationFailed,
    `A validation error occurred. The value ${String(value)} of '${attr.logicalName}' on record of type '${table.def.logicalName}' is outside the valid range.`,
  )
}

/** Converts one JSON value for an attribute to its stored form, validating type, length and range. */
export function convertValue(table: TableModel, attr: AttributeDefinition, value: unknown): DbValue {
  if (value === null) return null
  switch (attr.type) {
    case 'String':
    case 'Memo':
    case 'EntityName':
      if (typeof value !== 'string') throw convertError(table, value, attr)
      if (attr.maxLength !== undefined && value.length > attr.maxLength) {
        throw badRequest(
          ErrorCodes.validationFailed,
          `A validation error occurred. The length of the '${attr.logicalName}' attribute of the '${table.def.logicalName}' entity exceeded the maximum allowed length of '${attr.maxLength}'.`,
        )
      }
      return value
    case 'Integer':
    case 'BigInt':
    case 'Picklist':
    case 'State':
    case 'Status':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw convertError(table, value, attr)
      if (attr.options && !attr.options.some((o) => o.value === value)) throw rangeError(table, attr, value)
      if (
        (attr.minValue !== undefined && value < attr.minValue) ||
        (attr.maxValue !== undefined && value > attr.maxValue)
      )
        throw rangeError(table, attr, value)
      return value
    case 'Decimal':
    case 'Double':
    case 'Money':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw convertError(table, value, attr)
      if (
        (attr.minValue !== undefined && value < attr.minValue) ||
        (attr.maxValue !== undefined && value > attr.maxValue)
      )
        throw rangeError(table, attr, value)
      return value
    case 'Boolean':
      if (typeof value !== 'boolean') throw convertError(table, value, attr)
      return value ? 1 : 0
    case 'DateTime': {
      const date = typeof value === 'string' ? parseDateTime(value) : undefined
      if (!date) throw convertError(table, value, attr)
      return storeDateTime(attr, date)
    }
    case 'Uniqueidentifier':
      if (!isGuid(value)) throw convertError(table, value, attr)
      return value.toLowerCase()
    default:
      throw convertError(table, value, attr)
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function parsePayload(
  ctx: RequestContext,
  table: TableModel,
  body: unknown,
  mode: 'create' | 'update',
): ParsedPayload {
  if (!isPlainObject(body))
    throw payloadError(table.def.entitySetName, 'Microsoft.OData.ODataException: The payload must be a JSON object.')
  const result: ParsedPayload = { values: {}, collectionBinds: [], deepSingle: [], deepCollection: [] }
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.')) continue
    if (key.endsWith('@odata.bind')) {
      bindProperty(ctx, table, key.slice(0, -'@odata.bind'.length), value, result)
      continue
    }
    if (key.includes('@')) continue // instance annotations sent back by clients are ignored
    const single = table.single.get(key)
    const collection = table.collection.get(key)
    const attr = table.attributes.get(key)
    if (single && isPlainObject(value)) {
      const target = ctx.model.table(single.target)
      if (target) result.deepSingle.push({ attribute: single.attribute, target, body: value })
      continue
    }
    if (collection && Array.isArray(value) && value.every(isPlainObject)) {
      const target = ctx.model.table(collection.target)
      if (target)
        result.deepCollection.push({ target, referencingAttribute: collection.referencingAttribute, bodies: value })
      continue
    }
    if (/^_.+_value$/.test(key)) {
      throw payloadError(
        table.def.entitySetName,
        'CRM do not support direct update of Entity Reference properties, Use Navigation properties instead.',
      )
    }
    if (!attr || isLookupType(attr.type)) {
      throw badRequest(
        ErrorCodes.queryBuilderError,
        `The property '${key}' does not exist on type 'Microsoft.Dynamics.CRM.${table.def.logicalName}'. Make sure to only use property names that are defined by the type.`,
      )
    }
    const allowed = mode === 'create' ? attr.isValidForCreate !== false : attr.isValidForUpdate !== false
    const isKey = attr.logicalName === table.def.primaryIdAttribute
    if (!allowed && !(isKey && mode === 'create')) continue // read-only columns are ignored, as the service does
    result.values[attr.logicalName] = convertValue(table, attr, value)
  }
  return result
}

function bindProperty(
  ctx: RequestContext,
  table: TableModel,
  name: string,
  value: unknown,
  result: ParsedPayload,
): void {
  const collection = table.collection.get(name)
  if (collection) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      throw payloadError(
        table.def.entitySetName,
        `Microsoft.OData.ODataException: The value of '${name}@odata.bind' must be an array of entity references.`,
      )
    }
    result.collectionBinds.push({ navigation: name, refs: value })
    return
  }
  const single = table.single.get(name)
  const attr = single ? table.attributes.get(single.attribute) : table.attributes.get(name)
  if (!attr || !isLookupType(attr.type)) {
    throw badRequest(
      ErrorCodes.queryBuilderError,
      `An undeclared property '${name}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
    )
  }
  if (value === null) {
    result.values[attr.logicalName] = null
    result.values[lookupTableColumn(attr.logicalName)] = null
    return
  }
  if (typeof value !== 'string')
    throw payloadError(
      table.def.entitySetName,
      `Microsoft.OData.ODataException: The value of '${name}@odata.bind' must be an entity reference.`,
    )
  const ref = parseEntityReference(ctx, value)
  const expected = single ? [single.target] : (attr.targets ?? [])
  if (!expected.includes(ref.table.def.logicalName)) {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `The navigation property '${name}' of '${table.def.logicalName}' can't point at a record of type '${ref.table.def.logicalName}'; expected ${expected.join(' or ')}.`,
    )
  }
  requireRecord(ctx, ref)
  result.values[attr.logicalName] = ref.id
  result.values[lookupTableColumn(attr.logicalName)] = ref.table.def.logicalName
}
