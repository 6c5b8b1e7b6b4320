// The sObject resources: create, retrieve, update, delete, and upsert by external id.
import { SalesforceError, sfErrors } from '../errors.js'
import { toId18 } from '../ids.js'
import { createRecord, deleteRecord, liveRecord, updateRecord, type WriteContext } from '../records/writer.js'
import type { ObjectModel } from '../schema/model.js'
import { quote, type Row, type Store, tableOf } from '../store.js'
import { fromApiValue, toApiValue } from '../values.js'

export interface Reply {
  status: number
  body?: unknown
}

export function recordToApi(object: ObjectModel, row: Row, version: string, fieldNames?: string[]) {
  const fields = fieldNames
    ? fieldNames.map((name) => {
        const f = object.field(name)
        if (!f) throw sfErrors.noSuchColumn(name, object.name)
        return f
      })
    : object.def.fields
  const record: Record<string, unknown> = {
    attributes: { type: object.name, url: `/services/data/v${version}/sobjects/${object.name}/${String(row.Id)}` },
  }
  for (const f of fields) record[f.name] = toApiValue(f, row[f.name])
  return record
}

function fieldsParam(query: URLSearchParams): string[] | undefined {
  const raw = query.get('fields')
  return raw
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined
}

export function createReply(ctx: WriteContext, object: ObjectModel, body: unknown): Reply {
  const id = createRecord(ctx, object, body)
  return { status: 201, body: { id, success: true, errors: [] } }
}

export function recordReply(
  ctx: WriteContext,
  object: ObjectModel,
  method: string,
  id: string,
  query: URLSearchParams,
  body: () => unknown,
  version: string,
): Reply {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return { status: 200, body: recordToApi(object, liveRecord(ctx.store, object, id), version, fieldsParam(query)) }
    case 'PATCH':
      updateRecord(ctx, object, id, body())
      return { status: 204 }
    case 'DELETE':
      deleteRecord(ctx, object, id)
      return { status: 204 }
    default:
      throw sfErrors.methodNotAllowed(method, ['GET', 'HEAD', 'PATCH', 'DELETE'])
  }
}

function findByExternalId(store: Store, object: ObjectModel, fieldName: string, value: string): Row[] {
  const field = object.field(fieldName)
  if (!field || !(field.externalId || field.name === 'Id'))
    throw sfErrors.notFound(`Provided external ID field does not exist or is not accessible: ${fieldName}`)
  const key = field.name === 'Id' ? (toId18(value) ?? value) : fromApiValue(field, value)
  return store.all(`SELECT * FROM ${tableOf(object)} WHERE ${quote(field.name)} = ? AND "IsDeleted" = 0 LIMIT 2`, [key])
}

/** `/sobjects/{Object}/{ExternalIdField}/{value}`: read, upsert (PATCH) or delete by an external id. */
export function externalIdReply(
  ctx: WriteContext,
  object: ObjectModel,
  method: string,
  fieldName: string,
  value: string,
  query: URLSearchParams,
  body: () => unknown,
  version: string,
): Reply {
  const rows = findByExternalId(ctx.store, object, fieldName, value)
  if (rows.length > 1)
    return {
      status: 300,
      body: rows.map((r) => `/services/data/v${version}/sobjects/${object.name}/${String(r.Id)}`),
    }
  const existing = rows[0]
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (!existing) throw sfErrors.notFound()
      return { status: 200, body: recordToApi(object, existing, version, fieldsParam(query)) }
    case 'DELETE':
      if (!existing) throw sfErrors.notFound()
      deleteRecord(ctx, object, String(existing.Id))
      return { status: 204 }
    case 'PATCH': {
      const input = body()
      if (input === null || typeof input !== 'object' || Array.isArray(input))
        throw sfErrors.badJson('Expected a JSON object')
      const field = object.field(fieldName)!
      const given = Object.entries(input).find(([k]) => k.toLowerCase() === field.name.toLowerCase())
      if (given && String(given[1]) !== value)
        throw new SalesforceError(
          400,
          'INVALID_FIELD',
          `The external ID field ${field.name} in the body does not match the value in the URL`,
          [field.name],
        )
      if (existing) {
        updateRecord(ctx, object, String(existing.Id), input)
        return { status: 200, body: { id: existing.Id, success: true, errors: [], created: false } }
      }
      if (field.name === 'Id') throw sfErrors.notFound()
      const id = createRecord(ctx, object, { ...input, [field.name]: value })
      return { status: 201, body: { id, success: true, errors: [], created: true } }
    }
    default:
      throw sfErrors.methodNotAllowed(method, ['GET', 'HEAD', 'PATCH', 'DELETE'])
  }
}
