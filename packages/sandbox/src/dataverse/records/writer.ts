// Create, update and delete with the columns the platform sets itself: ids, createdon/modifiedon,
// createdby/modifiedby, owner and business unit, versionnumber, statecode/statuscode defaults.

import { randomUUID } from 'node:crypto'
import type { RequestContext } from '../context.js'
import { badRequest, DataverseError, ErrorCodes, recordNotFound } from '../errors.js'
import type { TableModel } from '../model.js'
import { lookupTableColumn } from '../store/columns.js'
import type { DbValue } from '../store/values.js'
import { canonicalDateTime } from '../store/values.js'
import { type ParsedPayload, parsePayload } from './payload.js'
import { parseEntityReference, requireRecord } from './references.js'

/** Default statuscode for a statecode: the first Status option that belongs to it. */
export function defaultStatus(table: TableModel, state: number): number | undefined {
  return table.attributes.get('statuscode')?.options?.find((o) => o.state === state)?.value
}

function applyStateRules(
  table: TableModel,
  values: Record<string, DbValue>,
  current: Record<string, unknown> | undefined,
): void {
  const stateAttr = table.attributes.get('statecode')
  const statusAttr = table.attributes.get('statuscode')
  const state = (values.statecode ??
    current?.statecode ??
    (stateAttr ? (stateAttr.options?.[0]?.value ?? 0) : undefined)) as number | undefined
  if (stateAttr && values.statecode === undefined && !current) values.statecode = state ?? 0
  if (!statusAttr || state === undefined) return
  const status = values.statuscode as number | undefined
  if (status === undefined) {
    if (!current || values.statecode !== undefined) {
      const def = defaultStatus(table, state)
      if (def !== undefined) values.statuscode = def
    }
    return
  }
  const option = statusAttr.options?.find((o) => o.value === status)
  if (option?.state !== undefined && option.state !== state) {
    throw badRequest(
      ErrorCodes.invalidState,
      `${status} is not a valid status code for state code ${table.def.logicalName}State.${state} on ${table.def.logicalName}.`,
    )
  }
}

function computeFullName(table: TableModel, values: Record<string, DbValue>, current?: Record<string, unknown>): void {
  if (!table.attributes.has('fullname') || !table.attributes.has('firstname') || !table.attributes.has('lastname'))
    return
  if (values.firstname === undefined && values.lastname === undefined && current) return
  const first = (values.firstname !== undefined ? values.firstname : current?.firstname) as string | null | undefined
  const last = (values.lastname !== undefined ? values.lastname : current?.lastname) as string | null | undefined
  const full = [first, last].filter((s) => s).join(' ')
  values.fullname = full || null
}

function checkRequired(table: TableModel, values: Record<string, DbValue>): void {
  for (const attr of table.def.attributes) {
    if (attr.requiredLevel !== 'SystemRequired' || attr.isValidForCreate === false) continue
    if (attr.logicalName === table.def.primaryIdAttribute || attr.logicalName === 'ownerid') continue
    if (values[attr.logicalName] === undefined || values[attr.logicalName] === null) {
      throw badRequest(
        ErrorCodes.invalidArgument,
        `Attribute '${attr.logicalName}' on entity '${table.def.logicalName}' is required and can't be null.`,
      )
    }
  }
}

export function createRecord(ctx: RequestContext, table: TableModel, body: unknown): string {
  return ctx.store.transaction(() => {
    const parsed = parsePayload(ctx, table, body, 'create')
    return insertParsed(ctx, table, parsed)
  })
}

function insertParsed(ctx: RequestContext, table: TableModel, parsed: ParsedPayload, forcedId?: string): string {
  const values = parsed.values
  const pk = table.def.primaryIdAttribute
  const id = forcedId ?? (values[pk] as string | undefined) ?? randomUUID()
  if (ctx.store.get(table, id)) {
    throw new DataverseError(412, ErrorCodes.duplicateRecord, 'A record with matching key values already exists.')
  }
  for (const deep of parsed.deepSingle) {
    const childId = createRecord(ctx, deep.target, deep.body)
    values[deep.attribute] = childId
    values[lookupTableColumn(deep.attribute)] = deep.target.def.logicalName
  }
  values[pk] = id
  const now = canonicalDateTime(ctx.now)
  const set = (name: string, value: DbValue) => {
    if (table.attributes.has(name) && values[name] === undefined) values[name] = value
  }
  set('createdon', now)
  set('modifiedon', now)
  if (ctx.model.tables.has('systemuser')) {
    for (const name of ['createdby', 'modifiedby']) {
      set(name, ctx.caller.userId)
      set(lookupTableColumn(name), 'systemuser')
    }
  }
  if (table.def.ownershipType === 'UserOwned') {
    set('ownerid', ctx.caller.userId)
    set(lookupTableColumn('ownerid'), 'systemuser')
    set('owningbusinessunit', ctx.caller.businessUnitId)
    set(lookupTableColumn('owningbusinessunit'), 'businessunit')
  }
  values.versionnumber = ctx.store.nextVersion()
  applyStateRules(table, values, undefined)
  computeFullName(table, values)
  checkRequired(table, values)
  ctx.store.insert(table, values)
  applyCollectionBinds(ctx, table, id, parsed)
  for (const deep of parsed.deepCollection) {
    for (const child of deep.bodies) {
      const childParsed = parsePayload(ctx, deep.target, child, 'create')
      childParsed.values[deep.referencingAttribute] = id
      childParsed.values[lookupTableColumn(deep.referencingAttribute)] = table.def.logicalName
      insertParsed(ctx, deep.target, childParsed)
    }
  }
  return id
}

function applyCollectionBinds(ctx: RequestContext, table: TableModel, id: string, parsed: ParsedPayload): void {
  for (const bind of parsed.collectionBinds) {
    const nav = table.collection.get(bind.navigation)
    if (!nav) continue
    for (const raw of bind.refs) {
      const ref = parseEntityReference(ctx, raw)
      if (ref.table.def.logicalName !== nav.target) {
        throw badRequest(
          ErrorCodes.invalidArgument,
          `'${bind.navigation}' holds ${nav.target} records, not ${ref.table.def.logicalName}.`,
        )
      }
      requireRecord(ctx, ref)
      setLookup(ctx, ref.table, ref.id, nav.referencingAttribute, table.def.logicalName, id)
    }
  }
}

/** Points (or clears) one lookup of an existing record, as associate/disassociate do. */
export function setLookup(
  ctx: RequestContext,
  table: TableModel,
  id: string,
  attribute: string,
  targetTable: string | null,
  targetId: string | null,
): void {
  ctx.store.update(table, id, {
    [attribute]: targetId,
    [lookupTableColumn(attribute)]: targetTable,
    ...touch(ctx, table),
  })
}

function touch(ctx: RequestContext, table: TableModel): Record<string, DbValue> {
  const values: Record<string, DbValue> = { versionnumber: ctx.store.nextVersion() }
  if (table.attributes.has('modifiedon')) values.modifiedon = canonicalDateTime(ctx.now)
  if (table.attributes.has('modifiedby') && ctx.model.tables.has('systemuser')) {
    values.modifiedby = ctx.caller.userId
    values[lookupTableColumn('modifiedby')] = 'systemuser'
  }
  return values
}

export function updateRecord(ctx: RequestContext, table: TableModel, id: string, body: unknown): void {
  ctx.store.transaction(() => {
    const current = ctx.store.get(table, id)
    if (!current) throw recordNotFound(table.def.logicalName, id)
    const parsed = parsePayload(ctx, table, body, 'update')
    updateParsed(ctx, table, id, parsed, current)
  })
}

/** Applies validated values to an existing record (also used by actions). */
export function updateParsed(
  ctx: RequestContext,
  table: TableModel,
  id: string,
  parsed: ParsedPayload,
  current: Record<string, unknown>,
): void {
  const values = parsed.values
  delete values[table.def.primaryIdAttribute]
  for (const deep of parsed.deepSingle) {
    const childId = createRecord(ctx, deep.target, deep.body)
    values[deep.attribute] = childId
    values[lookupTableColumn(deep.attribute)] = deep.target.def.logicalName
  }
  applyStateRules(table, values, current)
  computeFullName(table, values, current)
  Object.assign(values, touch(ctx, table))
  ctx.store.update(table, id, values)
  applyCollectionBinds(ctx, table, id, parsed)
}

/** Sets statecode/statuscode directly (actions), validating the pair. */
export function setState(ctx: RequestContext, table: TableModel, id: string, state: number, status?: number): void {
  const current = ctx.store.get(table, id)
  if (!current) throw recordNotFound(table.def.logicalName, id)
  const values: Record<string, DbValue> = { statecode: state }
  if (status !== undefined && status !== -1) values.statuscode = status
  updateParsed(ctx, table, id, { values, collectionBinds: [], deepSingle: [], deepCollection: [] }, current)
}

export function upsertCreate(ctx: RequestContext, table: TableModel, id: string, body: unknown): void {
  ctx.store.transaction(() => {
    const parsed = parsePayload(ctx, table, body, 'create')
    insertParsed(ctx, table, parsed, id)
  })
}

export function deleteRecord(ctx: RequestContext, table: TableModel, id: string): void {
  ctx.store.transaction(() => {
    if (!ctx.store.get(table, id)) throw recordNotFound(table.def.logicalName, id)
    ctx.store.delete(table, id)
    ctx.store.removeLinksTo(table.def.logicalName, id)
  })
}
