// How attributes map to SQLite columns. Lookups store the target id in the attribute's column and
// the target table in `<attribute>__table` (needed for Customer/Owner/polymorphic lookups).

import { isLookupType } from '../model.js'
import type { AttributeDefinition, AttributeType } from '../schema/types.js'

export const quote = (identifier: string) => `"${identifier}"`

export const lookupTableColumn = (attribute: string) => `${attribute}__table`

export function sqlType(type: AttributeType): string {
  switch (type) {
    case 'Integer':
    case 'BigInt':
    case 'Picklist':
    case 'State':
    case 'Status':
    case 'Boolean':
      return 'INTEGER'
    case 'Decimal':
    case 'Double':
    case 'Money':
      return 'REAL'
    default:
      return 'TEXT'
  }
}

export function columnsOf(attr: AttributeDefinition): Array<{ name: string; type: string }> {
  const cols = [{ name: attr.logicalName, type: sqlType(attr.type) }]
  if (isLookupType(attr.type)) cols.push({ name: lookupTableColumn(attr.logicalName), type: 'TEXT' })
  return cols
}
