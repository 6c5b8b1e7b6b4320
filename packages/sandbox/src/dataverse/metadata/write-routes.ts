// Metadata writes: POST/DELETE on EntityDefinitions and their Attributes, POST RelationshipDefinitions.
// Each answers 204 with the new definition's URL in OData-EntityId, as Dataverse does.

import type { RequestContext } from '../context.js'
import { DataverseError, ErrorCodes, segmentNotFound } from '../errors.js'
import { type DvRequest, type DvResponse, noContent } from '../http.js'
import { parseJsonBody } from '../routes/body.js'
import type { Segment } from '../routes/path.js'
import { createColumn, createLookupRelationship, createTable, deleteColumn, deleteTable } from './customize.js'
import { findAttribute, findTable } from './lookup.js'
import { metadataId } from './shapes.js'

const methodNotAllowed = (req: DvRequest, path: string) =>
  new DataverseError(405, ErrorCodes.methodNotAllowed, `The HTTP method '${req.method}' is not supported on ${path}.`)

export function writeEntityDefinitions(ctx: RequestContext, req: DvRequest, segments: Segment[]): DvResponse {
  const [first, second, third] = segments as [Segment, Segment?, Segment?]
  if (third) throw segmentNotFound(third.name)
  if (first.key === undefined) {
    if (second) throw segmentNotFound(second.name)
    if (req.method !== 'POST') throw methodNotAllowed(req, 'EntityDefinitions')
    const table = createTable(ctx, parseJsonBody(req.bodyText, 'EntityDefinitions'))
    const id = metadataId(`entity:${table.def.logicalName}`)
    return noContent({ 'OData-EntityId': `${ctx.apiBase}EntityDefinitions(${id})` })
  }
  const table = findTable(ctx, first.key)
  if (!second) {
    if (req.method !== 'DELETE') throw methodNotAllowed(req, `EntityDefinitions(${first.key})`)
    deleteTable(ctx, table)
    return noContent()
  }
  if (second.name !== 'Attributes') throw segmentNotFound(second.name)
  if (second.key === undefined) {
    if (req.method !== 'POST') throw methodNotAllowed(req, `EntityDefinitions(${first.key})/Attributes`)
    const attr = createColumn(ctx, table, parseJsonBody(req.bodyText, 'Attributes'))
    const id = metadataId(`attribute:${table.def.logicalName}.${attr.logicalName}`)
    return noContent({ 'OData-EntityId': `${ctx.apiBase}EntityDefinitions(${first.key})/Attributes(${id})` })
  }
  if (req.method !== 'DELETE') throw methodNotAllowed(req, `EntityDefinitions(${first.key})/Attributes(${second.key})`)
  deleteColumn(ctx, table, findAttribute(table, second.key))
  return noContent()
}

export function writeRelationshipDefinitions(ctx: RequestContext, req: DvRequest, segments: Segment[]): DvResponse {
  const [first, second] = segments as [Segment, Segment?]
  if (second) throw segmentNotFound(second.name)
  if (first.key !== undefined) throw methodNotAllowed(req, `RelationshipDefinitions(${first.key})`)
  const rel = createLookupRelationship(ctx, parseJsonBody(req.bodyText, 'RelationshipDefinitions'))
  const id = metadataId(`relationship:${rel.schemaName}`)
  return noContent({ 'OData-EntityId': `${ctx.apiBase}RelationshipDefinitions(${id})` })
}
