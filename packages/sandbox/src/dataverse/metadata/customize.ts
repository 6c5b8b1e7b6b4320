// Creates and deletes tables, columns and lookup relationships at run time. The model, the SQLite
// storage and the saved definitions change together, so a file database keeps them across restarts.
// Everything is validated before anything changes.

import type { RequestContext } from '../context.js'
import { badRequest, DataverseError, ErrorCodes, payloadError } from '../errors.js'
import type { SchemaModel, TableModel } from '../model.js'
import { ACTIVE_INACTIVE, defineTable } from '../schema/builders.js'
import { buildRelationships } from '../schema/relationships.js'
import type { AttributeDefinition, RelationshipDefinition, TableDefinition } from '../schema/types.js'
import type { Store } from '../store/store.js'
import { attributeFromMetadata } from './attribute-input.js'
import { checkSchemaName, labelText, notSupported, pluralize, requireLabel } from './names.js'
import { metadataId } from './shapes.js'

type Json = Record<string, unknown>

/** Re-applies saved custom tables, custom columns of system tables and custom relationships. */
export function restoreCustomizations(model: SchemaModel, store: Store): void {
  for (const def of store.customTables()) {
    const existing = model.table(def.logicalName)
    if (!existing) {
      addTableWithRelationships(model, def)
      continue
    }
    for (const attr of def.attributes) {
      if (attr.isCustomAttribute && !existing.attributes.has(attr.logicalName)) model.addAttribute(existing, attr)
    }
  }
  for (const rel of store.customRelationships()) model.addRelationship(rel)
}

function addTableWithRelationships(model: SchemaModel, def: TableDefinition): TableModel {
  const table = model.addTable(def)
  const peers = [...model.tables.values()].map((t) => t.def)
  for (const rel of buildRelationships(peers)) if (rel.referencingEntity === def.logicalName) model.addRelationship(rel)
  model.addPlatformRelationships(def.logicalName)
  return table
}

function asObject(body: unknown, what: string): Json {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw payloadError(what, `Microsoft.OData.ODataException: The ${what} payload must be a JSON object.`)
  return body as Json
}

function checkODataType(body: Json, expected: string, what: string): void {
  const raw = body['@odata.type']
  if (raw === undefined) return
  const name = String(raw)
    .replace(/^#/, '')
    .replace(/^Microsoft\.Dynamics\.CRM\./, '')
  if (name !== expected)
    throw notSupported(`${what} expects '@odata.type' Microsoft.Dynamics.CRM.${expected}, not '${raw}'.`)
}

const duplicateColumn = (table: string, name: string) =>
  badRequest(
    ErrorCodes.duplicateAttributeSchemaName,
    `An attribute with the name ${name} already exists on entity ${table}.`,
  )

const lookupNotHere = () =>
  badRequest(
    ErrorCodes.invalidArgument,
    'Lookup columns are created with their relationship: POST RelationshipDefinitions with a OneToManyRelationshipMetadata that holds the Lookup.',
  )

function persist(ctx: RequestContext, table: TableModel): void {
  if (table.def.isCustomEntity || table.def.attributes.some((a) => a.isCustomAttribute))
    ctx.store.saveCustomTable(table.def)
  else ctx.store.deleteCustomTable(table.def.logicalName)
}

function ownership(value: unknown): TableDefinition['ownershipType'] {
  if (value === undefined || value === 'UserOwned') return 'UserOwned'
  if (value === 'OrganizationOwned') return 'OrganizationOwned'
  throw badRequest(
    ErrorCodes.invalidArgument,
    `OwnershipType '${String(value)}' is not valid; use UserOwned or OrganizationOwned.`,
  )
}

/** POST EntityDefinitions: a custom table with its primary name column and any other columns. */
export function createTable(ctx: RequestContext, input: unknown): TableModel {
  const body = asObject(input, 'EntityDefinitions')
  checkODataType(body, 'EntityMetadata', 'EntityDefinitions')
  const schemaName = checkSchemaName(body.SchemaName, 'Entity')
  const logicalName = schemaName.toLowerCase()
  const entitySetName = typeof body.EntitySetName === 'string' ? body.EntitySetName : pluralize(logicalName)
  if (ctx.model.table(logicalName) || ctx.model.bySet.has(entitySetName)) {
    throw badRequest(
      ErrorCodes.duplicateName,
      `The schema name ${schemaName} for type Entity is not unique. An Entity with the same name already exists.`,
    )
  }
  if (body.IsActivity === true) throw notSupported('Custom activity tables are not supported by this emulator.')
  const displayName = requireLabel(body.DisplayName, 'DisplayName', `table ${schemaName}`)
  const displayCollectionName = requireLabel(body.DisplayCollectionName, 'DisplayCollectionName', `table ${schemaName}`)
  const inputs = Array.isArray(body.Attributes) ? body.Attributes : []
  const attributes = inputs.map((a) => attributeFromMetadata(a, schemaName))
  if (attributes.some((a) => a.type === 'Lookup')) throw lookupNotHere()
  const primaries = attributes.filter((_a, i) => (inputs[i] as Json).IsPrimaryName === true)
  const primary = primaries[0]
  if (primary?.type !== 'String') {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `The table ${schemaName} has no primary name column: include one StringAttributeMetadata with IsPrimaryName true in Attributes.`,
    )
  }
  if (primaries.length > 1) {
    throw badRequest(
      '0x8004701E',
      `The new ${primaries[1]?.logicalName} attribute is set as the primary name attribute for the ${logicalName} entity. The ${logicalName} entity already has the ${primary.logicalName} attribute set as the primary name attribute. An entity can only have one primary name attribute.`,
    )
  }
  if (typeof body.PrimaryNameAttribute === 'string' && body.PrimaryNameAttribute !== primary.logicalName) {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `PrimaryNameAttribute '${body.PrimaryNameAttribute}' is not the column marked IsPrimaryName (${primary.logicalName}).`,
    )
  }
  const ownershipType = ownership(body.OwnershipType)
  const reserved = new Set([`${logicalName}id`, 'statecode', 'statuscode', 'createdon', 'modifiedon', 'createdby'])
  for (const name of ['modifiedby', 'versionnumber', 'ownerid', 'owninguser', 'owningteam', 'owningbusinessunit'])
    reserved.add(name)
  const seen = new Set<string>()
  for (const attr of attributes) {
    if (seen.has(attr.logicalName) || reserved.has(attr.logicalName))
      throw duplicateColumn(logicalName, attr.logicalName)
    seen.add(attr.logicalName)
  }
  const def = defineTable({
    logicalName,
    entitySetName,
    schemaName,
    displayName,
    displayCollectionName,
    description: labelText(body.Description),
    primaryIdAttribute: `${logicalName}id`,
    primaryNameAttribute: primary.logicalName,
    ownershipType,
    isCustomEntity: true,
    state: ACTIVE_INACTIVE,
    attributes,
  })
  return ctx.store.transaction(() => {
    const table = addTableWithRelationships(ctx.model, def)
    ctx.store.ensureTable(table)
    ctx.store.saveCustomTable(table.def)
    return table
  })
}

/** POST EntityDefinitions(…)/Attributes: a custom column on any table. */
export function createColumn(ctx: RequestContext, table: TableModel, input: unknown): AttributeDefinition {
  const attr = attributeFromMetadata(asObject(input, 'Attributes'), table.def.schemaName)
  if (attr.type === 'Lookup') throw lookupNotHere()
  if (table.attributes.has(attr.logicalName)) throw duplicateColumn(table.def.logicalName, attr.logicalName)
  ctx.store.transaction(() => {
    ctx.model.addAttribute(table, attr)
    ctx.store.ensureTable(table)
    persist(ctx, table)
  })
  return attr
}

function tableNamed(ctx: RequestContext, value: unknown, property: string): TableModel {
  const table = typeof value === 'string' ? ctx.model.table(value) : undefined
  if (!table)
    throw new DataverseError(
      404,
      ErrorCodes.objectDoesNotExist,
      `Could not find entity with LogicalName = '${String(value)}' (${property}).`,
    )
  return table
}

/** POST RelationshipDefinitions: a one-to-many relationship with its lookup column on the many side. */
export function createLookupRelationship(ctx: RequestContext, input: unknown): RelationshipDefinition {
  const body = asObject(input, 'RelationshipDefinitions')
  checkODataType(body, 'OneToManyRelationshipMetadata', 'RelationshipDefinitions')
  const schemaName = checkSchemaName(body.SchemaName, 'Relationship')
  if (ctx.model.relationships.some((r) => r.schemaName.toLowerCase() === schemaName.toLowerCase())) {
    throw badRequest(ErrorCodes.duplicateName, `The relationship schema name ${schemaName} is not unique.`)
  }
  const one = tableNamed(ctx, body.ReferencedEntity, 'ReferencedEntity')
  const many = tableNamed(ctx, body.ReferencingEntity, 'ReferencingEntity')
  if (body.ReferencedAttribute !== undefined && body.ReferencedAttribute !== one.def.primaryIdAttribute) {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `ReferencedAttribute must be the primary key of ${one.def.logicalName} (${one.def.primaryIdAttribute}).`,
    )
  }
  const lookup = attributeFromMetadata(asObject(body.Lookup, 'Lookup'), many.def.schemaName)
  if (lookup.type !== 'Lookup')
    throw badRequest(ErrorCodes.invalidArgument, 'Lookup must be a Microsoft.Dynamics.CRM.LookupAttributeMetadata.')
  if (many.attributes.has(lookup.logicalName)) throw duplicateColumn(many.def.logicalName, lookup.logicalName)
  lookup.targets = [one.def.logicalName]
  const navigation = (value: unknown, fallback: string) => (typeof value === 'string' && value ? value : fallback)
  const rel: RelationshipDefinition = {
    schemaName,
    referencedEntity: one.def.logicalName,
    referencedAttribute: one.def.primaryIdAttribute,
    referencingEntity: many.def.logicalName,
    referencingAttribute: lookup.logicalName,
    referencedEntityNavigationPropertyName: navigation(body.ReferencedEntityNavigationPropertyName, schemaName),
    referencingEntityNavigationPropertyName: navigation(
      body.ReferencingEntityNavigationPropertyName,
      lookup.schemaName ?? lookup.logicalName,
    ),
  }
  if (
    many.single.has(rel.referencingEntityNavigationPropertyName) ||
    one.collection.has(rel.referencedEntityNavigationPropertyName)
  ) {
    throw badRequest(ErrorCodes.duplicateName, `A navigation property of relationship ${schemaName} is already in use.`)
  }
  ctx.store.transaction(() => {
    ctx.model.addAttribute(many, lookup)
    ctx.store.ensureTable(many)
    ctx.model.addRelationship(rel)
    ctx.store.saveCustomRelationships([...ctx.store.customRelationships(), rel])
    persist(ctx, many)
  })
  return rel
}

const cannotDelete = (component: string, id: string, why: string) =>
  badRequest(
    ErrorCodes.cannotDeleteMetadata,
    `The 'Delete' operation on the current component(name='${component}', id='${id}') failed during managed property evaluation of condition: '${why}'`,
  )

/** DELETE EntityDefinitions(…): custom tables only, and not while other tables' lookups point at them. */
export function deleteTable(ctx: RequestContext, table: TableModel): void {
  const name = table.def.logicalName
  if (!table.def.isCustomEntity)
    throw cannotDelete('Entity', metadataId(`entity:${name}`), `${name} is a system table and can't be deleted.`)
  const users = ctx.model.relationships.filter((r) => r.referencedEntity === name && r.referencingEntity !== name)
  if (users.length) {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `The Entity(${name}) component cannot be deleted because it is referenced by ${users.length} other component(s): ${users.map((r) => r.schemaName).join(', ')}. Delete those lookup columns first.`,
    )
  }
  ctx.store.transaction(() => {
    ctx.store.saveCustomRelationships(
      ctx.store.customRelationships().filter((r) => r.referencedEntity !== name && r.referencingEntity !== name),
    )
    ctx.store.dropTable(name)
    ctx.store.deleteCustomTable(name)
    ctx.model.removeTable(name)
  })
}

/** DELETE EntityDefinitions(…)/Attributes(…): custom columns only, never a primary name column. */
export function deleteColumn(ctx: RequestContext, table: TableModel, attr: AttributeDefinition): void {
  const id = metadataId(`attribute:${table.def.logicalName}.${attr.logicalName}`)
  if (!attr.isCustomAttribute)
    throw cannotDelete(
      'Attribute',
      id,
      `${attr.logicalName} is a system column of ${table.def.logicalName} and can't be deleted.`,
    )
  if (attr.logicalName === table.def.primaryNameAttribute)
    throw cannotDelete('Attribute', id, `${attr.logicalName} is the primary name column of ${table.def.logicalName}.`)
  ctx.store.transaction(() => {
    ctx.store.dropColumn(table, attr.logicalName)
    ctx.store.saveCustomRelationships(
      ctx.store
        .customRelationships()
        .filter((r) => !(r.referencingEntity === table.def.logicalName && r.referencingAttribute === attr.logicalName)),
    )
    ctx.model.removeAttribute(table, attr.logicalName)
    persist(ctx, table)
  })
}
