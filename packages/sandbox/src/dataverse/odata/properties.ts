// Resolves OData property names (`name`, `_parentcustomerid_value`) to attributes of a table.

import { unknownProperty } from '../errors.js'
import { isLookupType, type TableModel } from '../model.js'
import type { AttributeDefinition } from '../schema/types.js'

const LOOKUP_PROPERTY = /^_(.+)_value$/

/** The OData property name of an attribute: lookups read as `_<name>_value`. */
export const propertyName = (attr: AttributeDefinition) =>
  isLookupType(attr.type) ? `_${attr.logicalName}_value` : attr.logicalName

export function resolveProperty(table: TableModel, name: string): AttributeDefinition {
  const lookup = LOOKUP_PROPERTY.exec(name)
  if (lookup) {
    const attr = table.attributes.get(lookup[1] as string)
    if (attr && isLookupType(attr.type)) return attr
  } else {
    const attr = table.attributes.get(name)
    if (attr && !isLookupType(attr.type)) return attr
  }
  throw unknownProperty(name, table.def.logicalName)
}

const EDM: Record<string, string> = {
  Uniqueidentifier: 'Edm.Guid',
  String: 'Edm.String',
  Memo: 'Edm.String',
  EntityName: 'Edm.String',
  Integer: 'Edm.Int32',
  Picklist: 'Edm.Int32',
  State: 'Edm.Int32',
  Status: 'Edm.Int32',
  BigInt: 'Edm.Int64',
  Decimal: 'Edm.Decimal',
  Money: 'Edm.Decimal',
  Double: 'Edm.Double',
  Boolean: 'Edm.Boolean',
  DateTime: 'Edm.DateTimeOffset',
  Lookup: 'Edm.Guid',
  Customer: 'Edm.Guid',
  Owner: 'Edm.Guid',
}

export function edmType(attr: AttributeDefinition): string {
  if (attr.type === 'DateTime' && attr.dateFormat === 'DateOnly') return 'Edm.Date'
  return EDM[attr.type] ?? 'Edm.String'
}
