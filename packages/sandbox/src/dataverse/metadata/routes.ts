// Read access to EntityDefinitions, their Attributes (with typed casts and OptionSet) and
// RelationshipDefinitions. Metadata collections are not paged.

import type { RequestContext } from '../context.js'
import { DataverseError, ErrorCodes, querySyntaxError, segmentNotFound } from '../errors.js'
import { type DvRequest, type DvResponse, json } from '../http.js'
import type { TableModel } from '../model.js'
import type { FilterNode } from '../odata/filter-parser.js'
import { parseFilter } from '../odata/filter-parser.js'
import { type ExpandItem, parseExpand, parseSelect } from '../odata/query-options.js'
import type { Segment } from '../routes/path.js'
import { guidKey } from '../routes/path.js'
import { matchesFilter } from './evaluate.js'
import { findAttribute, findTable } from './lookup.js'
import { attributeShape, entityShape, metadataType, optionSetShape, relationshipShape } from './shapes.js'
import { writeEntityDefinitions, writeRelationshipDefinitions } from './write-routes.js'

type Shape = Record<string, unknown>

const CAST = /^Microsoft\.Dynamics\.CRM\.(\w+AttributeMetadata)$/

interface MetadataOptions {
  select?: string[]
  filter?: FilterNode
  expand?: ExpandItem[]
}

function readOptions(params: URLSearchParams): MetadataOptions {
  const options: MetadataOptions = {}
  for (const [key, value] of params) {
    if (key === '$select') options.select = parseSelect(value)
    else if (key === '$filter') options.filter = parseFilter(value)
    else if (key === '$expand') options.expand = parseExpand(value)
    else if (key.startsWith('$')) throw querySyntaxError(`The query parameter '${key}' is not supported on metadata.`)
  }
  return options
}

function project(shape: Shape, select: string[] | undefined, typeName: string): Shape {
  if (!select) return shape
  const out: Shape = {}
  if (shape['@odata.type']) out['@odata.type'] = shape['@odata.type']
  for (const name of select) {
    if (!(name in shape))
      throw querySyntaxError(`Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${typeName}'.`)
    out[name] = shape[name]
  }
  out.MetadataId = shape.MetadataId
  return out
}

function attributesOf(table: TableModel, cast: string | undefined, item: ExpandItem | MetadataOptions): Shape[] {
  return table.def.attributes
    .filter((attr) => !cast || metadataType(attr) === cast)
    .map((attr) => ({ attr, shape: attributeShape(table, attr) }))
    .filter(({ shape }) => !item.filter || matchesFilter(item.filter, shape, cast ?? 'AttributeMetadata'))
    .map(({ attr, shape }) => {
      const out = project(shape, item.select, cast ?? 'AttributeMetadata')
      for (const e of item.expand ?? []) {
        if (
          (e.navigation === 'OptionSet' || e.navigation === 'GlobalOptionSet') &&
          (attr.options || attr.type === 'Boolean')
        )
          out[e.navigation] = optionSetShape(table, attr)
        else if (e.navigation !== 'OptionSet' && e.navigation !== 'GlobalOptionSet')
          throw querySyntaxError(
            `Could not find a property named '${e.navigation}' on type 'Microsoft.Dynamics.CRM.${cast ?? 'AttributeMetadata'}'.`,
          )
      }
      return out
    })
}

function relationshipsOf(ctx: RequestContext, table: TableModel, side: 'OneToMany' | 'ManyToOne'): Shape[] {
  return ctx.model.relationships
    .filter((r) => (side === 'OneToMany' ? r.referencedEntity : r.referencingEntity) === table.def.logicalName)
    .map((r) => relationshipShape(r, table.def.isCustomEntity ?? false))
}

function entityWithExpands(ctx: RequestContext, table: TableModel, options: MetadataOptions): Shape {
  const out = project(entityShape(table), options.select, 'EntityMetadata')
  for (const e of options.expand ?? []) {
    if (e.navigation === 'Attributes') out.Attributes = attributesOf(table, undefined, e)
    else if (e.navigation === 'OneToManyRelationships' || e.navigation === 'ManyToOneRelationships') {
      let rels = relationshipsOf(ctx, table, e.navigation === 'OneToManyRelationships' ? 'OneToMany' : 'ManyToOne')
      if (e.filter) rels = rels.filter((r) => matchesFilter(e.filter as FilterNode, r, 'OneToManyRelationshipMetadata'))
      out[e.navigation] = rels.map((r) => project(r, e.select, 'OneToManyRelationshipMetadata'))
    } else
      throw querySyntaxError(
        `Could not find a property named '${e.navigation}' on type 'Microsoft.Dynamics.CRM.EntityMetadata'.`,
      )
  }
  return out
}

export function handleEntityDefinitions(ctx: RequestContext, req: DvRequest, segments: Segment[]): DvResponse {
  if (req.method === 'POST' || req.method === 'DELETE') return writeEntityDefinitions(ctx, req, segments)
  if (req.method !== 'GET')
    throw new DataverseError(
      405,
      ErrorCodes.methodNotAllowed,
      `The HTTP method '${req.method}' is not supported on ${segments.map((s) => s.name).join('/')} by this emulator.`,
    )
  const options = readOptions(req.url.searchParams)
  const base = `${ctx.apiBase}$metadata#EntityDefinitions`
  const [first, second, third, fourth] = segments as [Segment, Segment?, Segment?, Segment?]
  if (first.key === undefined) {
    if (second) throw segmentNotFound(second.name)
    const value = [...ctx.model.tables.values()]
      .filter((t) => !options.filter || matchesFilter(options.filter, entityShape(t), 'EntityMetadata'))
      .map((t) => entityWithExpands(ctx, t, options))
    return json(200, { '@odata.context': base, value })
  }
  const table = findTable(ctx, first.key)
  if (!second) return json(200, { '@odata.context': `${base}/$entity`, ...entityWithExpands(ctx, table, options) })
  if (second.name === 'Attributes') {
    if (second.key === undefined) {
      const cast = third ? CAST.exec(third.name)?.[1] : undefined
      if (third && !cast) throw segmentNotFound(third.name)
      if (fourth) throw segmentNotFound(fourth.name)
      return json(200, {
        '@odata.context': `${base}(${first.key})/Attributes${cast ? `/Microsoft.Dynamics.CRM.${cast}` : ''}`,
        value: attributesOf(table, cast, options),
      })
    }
    const attr = findAttribute(table, second.key)
    const cast = third ? CAST.exec(third.name)?.[1] : undefined
    if (third && (!cast || metadataType(attr) !== cast)) throw segmentNotFound(third.name)
    const [shape] = attributesOf(table, undefined, { ...options, filter: undefined }).filter(
      (s) => s.LogicalName === attr.logicalName || s.MetadataId === attributeShape(table, attr).MetadataId,
    )
    return json(200, { '@odata.context': `${base}(${first.key})/Attributes/$entity`, ...shape })
  }
  if ((second.name === 'OneToManyRelationships' || second.name === 'ManyToOneRelationships') && !third) {
    const value = relationshipsOf(ctx, table, second.name === 'OneToManyRelationships' ? 'OneToMany' : 'ManyToOne').map(
      (r) => project(r, options.select, 'OneToManyRelationshipMetadata'),
    )
    return json(200, { '@odata.context': `${base}(${first.key})/${second.name}`, value })
  }
  throw segmentNotFound(second.name)
}

export function handleRelationshipDefinitions(ctx: RequestContext, req: DvRequest, segments: Segment[]): DvResponse {
  if (req.method === 'POST') return writeRelationshipDefinitions(ctx, req, segments)
  if (req.method !== 'GET')
    throw new DataverseError(
      405,
      ErrorCodes.methodNotAllowed,
      `The HTTP method '${req.method}' is not supported on RelationshipDefinitions by this emulator.`,
    )
  const options = readOptions(req.url.searchParams)
  const [first, second] = segments as [Segment, Segment?]
  const all = ctx.model.relationships.map((r) =>
    relationshipShape(r, ctx.model.table(r.referencingEntity)?.def.isCustomEntity ?? false),
  )
  const base = `${ctx.apiBase}$metadata#RelationshipDefinitions`
  if (first.key === undefined) {
    if (second && second.name !== 'Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata')
      throw segmentNotFound(second.name)
    const value = all
      .filter((r) => !options.filter || matchesFilter(options.filter, r, 'RelationshipMetadataBase'))
      .map((r) => project(r, options.select, 'OneToManyRelationshipMetadata'))
    return json(200, { '@odata.context': base, value })
  }
  const byName = /^SchemaName='([^']*)'$/.exec(first.key)?.[1]
  const byId = guidKey(first.key)
  const found = all.find((r) => r.SchemaName === byName || r.MetadataId === byId)
  if (!found) throw new DataverseError(404, ErrorCodes.objectDoesNotExist, `Could not find relationship ${first.key}.`)
  return json(200, {
    '@odata.context': `${base}/$entity`,
    ...project(found, options.select, 'OneToManyRelationshipMetadata'),
  })
}
