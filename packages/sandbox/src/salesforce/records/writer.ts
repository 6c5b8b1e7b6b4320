// Creating, updating and deleting records as the REST API does: field checks, defaults, lookups
// that must point at live records of the right type, derived values, soft deletes with cascades.
import { SalesforceError, sfErrors } from '../errors.js'
import { toId18 } from '../ids.js'
import type { ObjectModel, SchemaModel } from '../schema/model.js'
import type { FieldDef } from '../schema/types.js'
import { quote, type Row, type Store, tableOf } from '../store.js'
import { fromApiValue } from '../values.js'
import { derive, rollUpLineItems } from './derive.js'

export interface WriteContext {
  store: Store
  now: Date
  /** the user the session belongs to: the owner and creator of new records */
  userId: string
  /** the platform itself (org setup, demo data): read-only fields and setup objects are writable */
  system?: boolean
}

type Body = Record<string, unknown>

function asBody(body: unknown): Body {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw sfErrors.badJson('Cannot deserialize instance of the sObject from a value that is not a JSON object')
  return body as Body
}

/** Looks up the body's fields, rejecting unknown and read-only ones. */
function readFields(object: ObjectModel, body: Body, op: 'create' | 'update', system = false): Map<FieldDef, unknown> {
  const out = new Map<FieldDef, unknown>()
  const readOnly: string[] = []
  for (const [key, value] of Object.entries(body)) {
    if (key === 'attributes') continue
    const field = object.field(key)
    if (!field) throw sfErrors.noSuchColumn(key, object.name)
    if (op === 'update' && field.name === 'Id') continue
    const writable = op === 'create' ? field.createable !== false : field.updateable !== false
    if (!writable && !system) readOnly.push(field.name)
    else out.set(field, value)
  }
  if (readOnly.length) throw sfErrors.notWritable(readOnly, op)
  return out
}

/** A lookup value: a well-formed id of a live record whose object the field may point at. */
function resolveReference(model: SchemaModel, store: Store, field: FieldDef, value: unknown): string {
  const id = typeof value === 'string' ? toId18(value) : undefined
  const label = field.label.replace(/ ID$/, '')
  if (!id) throw sfErrors.malformedId(label, field.name, String(value))
  const target = model.objectForId(id)
  if (!target || !field.referenceTo?.includes(target.name))
    throw new SalesforceError(400, 'FIELD_INTEGRITY_EXCEPTION', `${label} ID: id value of incorrect type: ${id}`, [
      field.name,
    ])
  const row = store.byId(target, id)
  if (!row) throw sfErrors.crossReference(field.name)
  if (row.IsDeleted === 1) throw new SalesforceError(400, 'ENTITY_IS_DELETED', 'entity is deleted', [field.name])
  return id
}

function convert(ctx: WriteContext, fields: Map<FieldDef, unknown>): Row {
  const row: Row = {}
  for (const [field, value] of fields) {
    if (field.type === 'reference' && value !== null && value !== undefined && value !== '')
      row[field.name] = resolveReference(ctx.store.model, ctx.store, field, value)
    else row[field.name] = fromApiValue(field, value)
  }
  return row
}

function requireFields(object: ObjectModel, row: Row): void {
  const missing = object.def.fields
    .filter((f) => f.nillable === false && (row[f.name] === null || row[f.name] === undefined || row[f.name] === ''))
    .map((f) => f.name)
  if (missing.length) throw sfErrors.requiredMissing(missing)
}

function checkUnique(ctx: WriteContext, object: ObjectModel, row: Row, id: string): void {
  for (const f of object.def.fields) {
    if (!f.unique || row[f.name] === null || row[f.name] === undefined) continue
    const clash = ctx.store.get(
      `SELECT "Id" FROM ${tableOf(object)} WHERE ${quote(f.name)} = ? AND "Id" <> ? AND "IsDeleted" = 0 LIMIT 1`,
      [row[f.name]!, id],
    )
    if (clash) throw sfErrors.duplicateValue(f.name, String(clash.Id))
  }
}

function defaults(object: ObjectModel, row: Row): void {
  for (const f of object.def.fields) {
    if (row[f.name] !== undefined) continue
    if (f.defaultValue !== undefined) row[f.name] = fromApiValue(f, f.defaultValue)
    else if (f.type === 'picklist') {
      const preset = f.picklistValues?.find((p) => p.default)
      if (preset) row[f.name] = preset.value
    }
  }
}

function writableCheck(object: ObjectModel, op: 'create' | 'update' | 'delete'): void {
  const allowed =
    op === 'create' ? object.def.createable : op === 'update' ? object.def.updateable : object.def.deletable
  if (allowed === false)
    throw new SalesforceError(
      400,
      'INVALID_TYPE_FOR_OPERATION',
      `entity type ${object.name} does not support ${op === 'update' ? 'update' : op}`,
    )
}

export function createRecord(ctx: WriteContext, object: ObjectModel, input: unknown, presetId?: string): string {
  if (!ctx.system) writableCheck(object, 'create')
  const fields = readFields(object, asBody(input), 'create', ctx.system)
  const row = convert(ctx, fields)
  const changed = new Set(Object.keys(row))
  defaults(object, row)
  const id = presetId ?? ctx.store.nextId(object.def.keyPrefix)
  const now = ctx.now.toISOString()
  row.Id = id
  row.IsDeleted = 0
  // Only system writes get here with audit fields set (demo data back-dates its records).
  row.CreatedDate ??= now
  row.CreatedById ??= ctx.userId
  row.LastModifiedDate ??= row.CreatedDate
  row.LastModifiedById ??= row.CreatedById
  row.SystemModstamp ??= row.LastModifiedDate
  if (object.owned) row.OwnerId ??= ctx.userId
  return ctx.store.transaction(() => {
    derive(object, row, changed, ctx.store, ctx.now, true)
    requireFields(object, row)
    checkUnique(ctx, object, row, id)
    ctx.store.insert(object, row)
    if (object.name === 'OpportunityLineItem') rollUpLineItems(ctx.store, String(row.OpportunityId), ctx.now)
    return id
  })
}

/** The live record, or NOT_FOUND / ENTITY_IS_DELETED as the REST API answers. */
export function liveRecord(store: Store, object: ObjectModel, rawId: string): Row {
  const id = toId18(rawId)
  const row = id && object.name === store.model.objectForId(id)?.name ? store.byId(object, id) : undefined
  if (!row) throw sfErrors.notFound()
  if (row.IsDeleted === 1) throw sfErrors.entityDeleted()
  return row
}

export function updateRecord(ctx: WriteContext, object: ObjectModel, rawId: string, input: unknown): void {
  writableCheck(object, 'update')
  const existing = liveRecord(ctx.store, object, rawId)
  if (object.name === 'Lead' && existing.IsConverted === 1)
    throw new SalesforceError(400, 'CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead')
  const fields = readFields(object, asBody(input), 'update')
  const changes = convert(ctx, fields)
  const changed = new Set(Object.keys(changes))
  const row: Row = { ...existing, ...changes }
  const now = ctx.now.toISOString()
  Object.assign(row, { LastModifiedDate: now, LastModifiedById: ctx.userId, SystemModstamp: now })
  ctx.store.transaction(() => {
    derive(object, row, changed, ctx.store, ctx.now, false)
    requireFields(object, row)
    checkUnique(ctx, object, row, String(existing.Id))
    ctx.store.update(object, String(existing.Id), row)
    if (object.name === 'OpportunityLineItem') rollUpLineItems(ctx.store, String(row.OpportunityId), ctx.now)
  })
}

/** Soft delete (the record goes to the recycle bin, where queryAll still sees it), with cascades. */
export function deleteRecord(ctx: WriteContext, object: ObjectModel, rawId: string): void {
  writableCheck(object, 'delete')
  const existing = liveRecord(ctx.store, object, rawId)
  ctx.store.transaction(() => {
    softDelete(ctx, object, String(existing.Id), 0)
    if (object.name === 'OpportunityLineItem') rollUpLineItems(ctx.store, String(existing.OpportunityId), ctx.now)
  })
}

function softDelete(ctx: WriteContext, object: ObjectModel, id: string, depth: number): void {
  const now = ctx.now.toISOString()
  ctx.store.update(object, id, {
    IsDeleted: 1,
    LastModifiedDate: now,
    LastModifiedById: ctx.userId,
    SystemModstamp: now,
  })
  if (depth > 5) return
  for (const { object: child, field } of ctx.store.model.referencesTo(object.name)) {
    if (!field.cascadeDelete) continue
    const rows = ctx.store.all(
      `SELECT "Id" FROM ${tableOf(child)} WHERE ${quote(field.name)} = ? AND "IsDeleted" = 0`,
      [id],
    )
    for (const row of rows) softDelete(ctx, child, String(row.Id), depth + 1)
  }
}
