// sObject Collections (`/composite/sobjects`): create, update, upsert, retrieve and delete up to
// 200 records in one call, with per-record results and an optional all-or-none transaction.
import { SalesforceError, sfErrors } from '../errors.js'
import { toId18 } from '../ids.js'
import { createRecord, deleteRecord, liveRecord, updateRecord, type WriteContext } from '../records/writer.js'
import type { ObjectModel, SchemaModel } from '../schema/model.js'
import type { Row } from '../store.js'
import { externalIdReply, type Reply, recordToApi } from './sobjects.js'

export const MAX_COLLECTION_RECORDS = 200

/** An error in a per-record result: Collections call the code `statusCode`. */
export interface RecordError {
  statusCode: string
  message: string
  fields: string[]
}

export interface SaveResult {
  id?: string
  success: boolean
  errors: RecordError[]
  created?: boolean
}

const ROLLED_BACK: RecordError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
}

export function recordError(error: SalesforceError): RecordError {
  return { statusCode: error.errorCode, message: error.message, fields: error.fields }
}

class RollBack extends Error {}

interface Outcome {
  id?: string
  created?: boolean
  error?: SalesforceError
}

/**
 * Runs one operation per item, each in its own savepoint. With allOrNone, any failure undoes
 * every item and the ones that had worked report ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
function runEach<T>(
  ctx: WriteContext,
  items: T[],
  allOrNone: boolean,
  op: (item: T) => { id: string; created?: boolean },
  idOf: (item: T) => string | undefined,
): SaveResult[] {
  const outcomes: Outcome[] = []
  const attempt = () => {
    for (const item of items) {
      try {
        outcomes.push(ctx.store.transaction(() => op(item)))
      } catch (error) {
        if (!(error instanceof SalesforceError)) throw error
        outcomes.push({ id: idOf(item), error })
      }
    }
    if (allOrNone && outcomes.some((o) => o.error)) throw new RollBack()
  }
  let rolledBack = false
  try {
    ctx.store.transaction(attempt)
  } catch (error) {
    if (!(error instanceof RollBack)) throw error
    rolledBack = true
  }
  return outcomes.map((o, i) => {
    if (o.error) return { ...(o.id ? { id: o.id } : {}), success: false, errors: [recordError(o.error)] }
    if (rolledBack) {
      const given = idOf(items[i]!)
      return { ...(given ? { id: given } : {}), success: false, errors: [ROLLED_BACK] }
    }
    return { id: o.id, success: true, errors: [], ...(o.created === undefined ? {} : { created: o.created }) }
  })
}

type Body = Record<string, unknown>

function collectionBody(input: unknown): { allOrNone: boolean; records: Body[] } {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw sfErrors.badJson('Cannot deserialize the request body: expected a JSON object with a records array')
  const { allOrNone, records } = input as { allOrNone?: unknown; records?: unknown }
  if (!Array.isArray(records)) throw sfErrors.badJson('The request body must have a records array')
  if (records.length > MAX_COLLECTION_RECORDS) throw exceededIdLimit()
  for (const record of records) {
    if (record === null || typeof record !== 'object' || Array.isArray(record))
      throw sfErrors.badJson('Each element of records must be a JSON object')
  }
  return { allOrNone: allOrNone === true || allOrNone === 'true', records: records as Body[] }
}

const exceededIdLimit = () =>
  new SalesforceError(
    400,
    'EXCEEDED_ID_LIMIT',
    `record limit reached. cannot submit more than ${MAX_COLLECTION_RECORDS} records into this call`,
  )

function typeOf(model: SchemaModel, record: Body): ObjectModel {
  const attributes = record.attributes as { type?: unknown } | undefined
  const name = typeof attributes?.type === 'string' ? attributes.type : undefined
  if (!name) throw new SalesforceError(400, 'INVALID_TYPE', 'Must send a concrete entity type.')
  const object = model.object(name)
  if (!object) throw new SalesforceError(400, 'INVALID_TYPE', `sObject type '${name}' is not supported.`)
  return object
}

function givenId(record: Body): string | undefined {
  const value = record.id ?? record.Id
  return typeof value === 'string' && value ? value : undefined
}

function withoutId(record: Body): Body {
  const { id: _lower, Id: _upper, ...rest } = record
  return rest
}

/** POST /composite/sobjects */
export function createMany(ctx: WriteContext, input: unknown, forceAllOrNone = false): SaveResult[] {
  const { allOrNone, records } = collectionBody(input)
  return runEach(
    ctx,
    records,
    allOrNone || forceAllOrNone,
    (record) => {
      const object = typeOf(ctx.store.model, record)
      if (givenId(record))
        throw new SalesforceError(400, 'INVALID_FIELD', 'cannot specify Id in an insert call', ['Id'])
      return { id: createRecord(ctx, object, record) }
    },
    () => undefined,
  )
}

/** PATCH /composite/sobjects */
export function updateMany(ctx: WriteContext, input: unknown, forceAllOrNone = false): SaveResult[] {
  const { allOrNone, records } = collectionBody(input)
  return runEach(
    ctx,
    records,
    allOrNone || forceAllOrNone,
    (record) => {
      const id = givenId(record)
      if (!id) throw new SalesforceError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', ['Id'])
      const object = typeOf(ctx.store.model, record)
      const row = existing(ctx, object, id)
      updateRecord(ctx, object, String(row.Id), withoutId(record))
      return { id: String(row.Id) }
    },
    givenId,
  )
}

/** PATCH /composite/sobjects/{Object}/{ExternalIdField} */
export function upsertMany(
  ctx: WriteContext,
  object: ObjectModel,
  fieldName: string,
  input: unknown,
  version: string,
  forceAllOrNone = false,
): SaveResult[] {
  const field = object.field(fieldName)
  if (!field || !(field.externalId || field.name === 'Id'))
    throw sfErrors.notFound(`Provided external ID field does not exist or is not accessible: ${fieldName}`)
  const { allOrNone, records } = collectionBody(input)
  return runEach(
    ctx,
    records,
    allOrNone || forceAllOrNone,
    (record) => {
      const type = typeOf(ctx.store.model, record)
      if (type.name !== object.name)
        throw new SalesforceError(400, 'INVALID_TYPE', `Records must be of type ${object.name} in this call`)
      const entry = Object.entries(record).find(([k]) => k.toLowerCase() === field.name.toLowerCase())
      if (!entry || entry[1] === null || entry[1] === undefined || entry[1] === '')
        throw new SalesforceError(400, 'MISSING_ARGUMENT', `${field.name} not specified`, [field.name])
      const reply = externalIdReply(
        ctx,
        object,
        'PATCH',
        field.name,
        String(entry[1]),
        new URLSearchParams(),
        () => (field.name === 'Id' ? withoutId(record) : record),
        version,
      )
      if (reply.status === 300)
        throw new SalesforceError(400, 'DUPLICATE_EXTERNAL_ID', `${field.name}: more than one record found`, [
          field.name,
        ])
      const body = reply.body as { id: string; created: boolean }
      return { id: body.id, created: body.created }
    },
    (record) => (field.name === 'Id' ? givenId(record) : undefined),
  )
}

/** DELETE /composite/sobjects?ids=…&allOrNone=… */
export function deleteMany(ctx: WriteContext, query: URLSearchParams, forceAllOrNone = false): SaveResult[] {
  const ids = idsParam(query)
  const allOrNone = forceAllOrNone || query.get('allOrNone') === 'true'
  return runEach(
    ctx,
    ids,
    allOrNone,
    (raw) => {
      const id = toId18(raw)
      const object = id ? ctx.store.model.objectForId(id) : undefined
      if (!id || !object) throw new SalesforceError(400, 'MALFORMED_ID', `malformed id ${raw}`)
      existing(ctx, object, id)
      deleteRecord(ctx, object, id)
      return { id }
    },
    (raw) => toId18(raw) ?? raw,
  )
}

function idsParam(query: URLSearchParams): string[] {
  const ids = (query.get('ids') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (ids.length === 0) throw new SalesforceError(400, 'MISSING_ARGUMENT', 'ids parameter not specified')
  if (ids.length > MAX_COLLECTION_RECORDS) throw exceededIdLimit()
  return ids
}

/** A live record for a collection item; a missing one is an invalid cross reference, as Salesforce says. */
function existing(ctx: WriteContext, object: ObjectModel, id: string): Row {
  try {
    return liveRecord(ctx.store, object, id)
  } catch (error) {
    if (error instanceof SalesforceError && error.errorCode === 'NOT_FOUND')
      throw new SalesforceError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id')
    if (error instanceof SalesforceError && error.errorCode === 'ENTITY_IS_DELETED')
      throw new SalesforceError(400, 'ENTITY_IS_DELETED', 'entity is deleted')
    throw error
  }
}

/**
 * GET /composite/sobjects/{Object}?ids=…&fields=… and POST with `{ ids, fields }`: the records in
 * the order asked, null where an id finds no live record of the object.
 */
export function retrieveMany(
  ctx: WriteContext,
  object: ObjectModel,
  ids: unknown,
  fields: unknown,
  version: string,
): unknown[] {
  const idList = Array.isArray(ids) ? ids.map(String) : []
  const fieldList = Array.isArray(fields) ? fields.map(String) : []
  if (idList.length === 0) throw new SalesforceError(400, 'MISSING_ARGUMENT', 'ids parameter not specified')
  if (fieldList.length === 0) throw new SalesforceError(400, 'MISSING_ARGUMENT', 'fields parameter not specified')
  if (idList.length > 2000)
    throw new SalesforceError(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 2000 records')
  for (const name of fieldList) if (!object.field(name)) throw sfErrors.noSuchColumn(name, object.name)
  return idList.map((raw) => {
    const id = toId18(raw)
    if (!id) throw sfErrors.malformedId(object.name, 'Id', raw)
    const row = ctx.store.model.objectForId(id)?.name === object.name ? ctx.store.byId(object, id) : undefined
    return row && row.IsDeleted !== 1 ? recordToApi(object, row, version, fieldList) : null
  })
}

/** Routes `/composite/sobjects[/{Object}[/{ExternalIdField}]]`. */
export function routeCollections(
  ctx: WriteContext,
  model: SchemaModel,
  version: string,
  method: string,
  rest: string[],
  query: URLSearchParams,
  body: () => unknown,
  forceAllOrNone = false,
): Reply {
  if (Number(version) < 42) throw sfErrors.notFound()
  if (rest.length === 0) {
    switch (method) {
      case 'POST':
        return { status: 200, body: createMany(ctx, body(), forceAllOrNone) }
      case 'PATCH':
        return { status: 200, body: updateMany(ctx, body(), forceAllOrNone) }
      case 'DELETE':
        return { status: 200, body: deleteMany(ctx, query, forceAllOrNone) }
      default:
        throw sfErrors.methodNotAllowed(method, ['POST', 'PATCH', 'DELETE'])
    }
  }
  const object = model.object(rest[0]!)
  if (!object) throw sfErrors.notFound()
  if (rest.length === 1) {
    if (method === 'GET' || method === 'HEAD') {
      const split = (name: string) =>
        (query.get(name) ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      return { status: 200, body: retrieveMany(ctx, object, split('ids'), split('fields'), version) }
    }
    if (method === 'POST') {
      const input = body() as { ids?: unknown; fields?: unknown } | null
      return { status: 200, body: retrieveMany(ctx, object, input?.ids, input?.fields, version) }
    }
    throw sfErrors.methodNotAllowed(method, ['GET', 'HEAD', 'POST'])
  }
  if (rest.length === 2) {
    if (Number(version) < 46) throw sfErrors.notFound()
    if (method !== 'PATCH') throw sfErrors.methodNotAllowed(method, ['PATCH'])
    return { status: 200, body: upsertMany(ctx, object, rest[1]!, body(), version, forceAllOrNone) }
  }
  throw sfErrors.notFound()
}
