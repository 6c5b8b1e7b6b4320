// Finding a table or attribute from an EntityDefinitions/Attributes key. Shared by the read
// routes and the write routes, which is why it lives apart from both.

import type { RequestContext } from '../context.js'
import { DataverseError, ErrorCodes } from '../errors.js'
import type { TableModel } from '../model.js'
import { guidKey } from '../routes/path.js'
import type { AttributeDefinition } from '../schema/types.js'
import { metadataId } from './shapes.js'

/** A table by `LogicalName='x'` or MetadataId key; 404 when the model has none. */
export function findTable(ctx: RequestContext, key: string | undefined): TableModel {
  const byName = /^LogicalName='([^']*)'$/.exec(key ?? '')
  if (byName) {
    const table = ctx.model.table(byName[1] as string)
    if (table) return table
    throw new DataverseError(
      404,
      ErrorCodes.objectDoesNotExist,
      `Could not find entity with LogicalName = '${byName[1]}'.`,
    )
  }
  const id = guidKey(key)
  const table = id
    ? [...ctx.model.tables.values()].find((t) => metadataId(`entity:${t.def.logicalName}`) === id)
    : undefined
  if (!table)
    throw new DataverseError(404, ErrorCodes.objectDoesNotExist, `Could not find entity with MetadataId = '${key}'.`)
  return table
}

/** An attribute by `LogicalName='x'` or MetadataId key; 404 when the table has none. */
export function findAttribute(table: TableModel, key: string): AttributeDefinition {
  const byName = /^LogicalName='([^']*)'$/.exec(key)?.[1]
  const byId = guidKey(key)
  const attr = table.def.attributes.find(
    (a) => a.logicalName === byName || metadataId(`attribute:${table.def.logicalName}.${a.logicalName}`) === byId,
  )
  if (!attr)
    throw new DataverseError(
      404,
      ErrorCodes.objectDoesNotExist,
      `Could not find attribute ${key} on entity ${table.def.logicalName}.`,
    )
  return attr
}
