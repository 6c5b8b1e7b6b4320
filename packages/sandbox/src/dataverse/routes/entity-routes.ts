// Entity set and record routes: query, create, retrieve, update/upsert, delete, navigation,
// single properties and $ref associations.

import type { RequestContext } from '../context.js'
import {
  badRequest,
  DataverseError,
  ErrorCodes,
  querySyntaxError,
  recordNotFound,
  segmentNotFound,
  unknownProperty,
} from '../errors.js'
import { executeFetch } from '../fetchxml/execute.js'
import { parseFetchXml } from '../fetchxml/parse.js'
import { type DvRequest, type DvResponse, json, noContent } from '../http.js'
import { isLookupType, type TableModel } from '../model.js'
import { runApply } from '../odata/apply-sql.js'
import { contextUrl, expandRecords, queryCollection } from '../odata/collection-query.js'
import { propertyName, resolveProperty } from '../odata/properties.js'
import { parseQueryOptions, type QueryOptions } from '../odata/query-options.js'
import { convertValue } from '../records/payload.js'
import { parseEntityReference, requireRecord } from '../records/references.js'
import { etagOf, RecordSerializer } from '../records/serialize.js'
import { createRecord, deleteRecord, setLookup, updateParsed, updateRecord, upsertCreate } from '../records/writer.js'
import { quote } from '../store/columns.js'
import type { Row } from '../store/store.js'
import { fromDb } from '../store/values.js'
import { parseJsonBody } from './body.js'
import { guidKey, type Segment } from './path.js'

const entityIdHeader = (ctx: RequestContext, table: TableModel, id: string) =>
  `${ctx.apiBase}${table.def.entitySetName}(${id})`

function requireId(table: TableModel, segment: Segment): string {
  const id = guidKey(segment.key)
  if (!id) {
    throw badRequest(
      ErrorCodes.queryBuilderError,
      `Bad Request - Error in query syntax: '${segment.key}' is not a valid key for ${table.def.entitySetName}.`,
    )
  }
  return id
}

function loadRecord(ctx: RequestContext, table: TableModel, id: string): Row {
  const row = ctx.store.get(table, id)
  if (!row) throw recordNotFound(table.def.logicalName, id)
  return row
}

function returnedRecord(
  ctx: RequestContext,
  table: TableModel,
  row: Row,
  options: QueryOptions,
): Record<string, unknown> {
  const serializer = new RecordSerializer(ctx)
  const record = serializer.record(table, row, serializer.attributesFor(table, options.select))
  if (options.expand) expandRecords(ctx, serializer, table, [row], [record], options.expand)
  return { '@odata.context': `${contextUrl(ctx, table.def.entitySetName, options.select)}/$entity`, ...record }
}

function preferenceHeaders(ctx: RequestContext, representation: boolean): Record<string, string> {
  const applied: string[] = []
  if (representation) applied.push('return=representation')
  if (ctx.prefs.includeAnnotations) applied.push(`odata.include-annotations="${ctx.prefs.includeAnnotations}"`)
  return applied.length ? { 'Preference-Applied': applied.join(',') } : {}
}

function checkIfMatch(req: DvRequest, row: Row): void {
  const ifMatch = req.headers.get('If-Match')
  if (ifMatch && ifMatch.trim() !== '*' && ifMatch.trim() !== etagOf(row)) {
    throw new DataverseError(
      412,
      ErrorCodes.concurrencyVersionMismatch,
      "The version of the existing record doesn't match the RowVersion property provided.",
    )
  }
}

export function handleEntitySet(
  ctx: RequestContext,
  req: DvRequest,
  table: TableModel,
  segments: Segment[],
): DvResponse {
  const [first, second, third, fourth] = segments as [
    Segment,
    Segment | undefined,
    Segment | undefined,
    Segment | undefined,
  ]
  const options = () => parseQueryOptions(req.url.searchParams)
  const collectionOptions = (): QueryOptions => (req.url.searchParams.has('fetchXml') ? { count: false } : options())

  if (first.key === undefined) {
    if (second?.name === '$count' && !third) {
      if (req.method !== 'GET') throw methodNotAllowed(req)
      const n = ctx.store.all(`SELECT COUNT(*) AS n FROM ${quote(table.def.logicalName)}`, [])[0]?.n
      return { status: 200, headers: { 'Content-Type': 'text/plain' }, text: String(Math.min(Number(n), 5000)) }
    }
    if (second) throw segmentNotFound(second.name)
    if (req.method === 'GET') return collectionGet(ctx, req, table, collectionOptions())
    if (req.method === 'POST') return create(ctx, req, table, options())
    throw methodNotAllowed(req)
  }

  const id = requireId(table, first)
  if (!second) return recordRoute(ctx, req, table, id, options)

  if (second.name.startsWith('Microsoft.Dynamics.CRM.')) {
    throw segmentNotFound(second.name) // bound operations are routed before this point
  }
  const single = table.single.get(second.name)
  const collection = table.collection.get(second.name)
  if (third?.name === '$ref' || fourth?.name === '$ref')
    return refRoute(ctx, req, table, id, second, third?.name === '$ref' ? undefined : third)
  if (third) {
    if (third.name === '$value' && !fourth) return propertyRoute(ctx, req, table, id, second.name, true)
    throw segmentNotFound(third.name)
  }
  if (single || collection) {
    if (req.method !== 'GET') throw methodNotAllowed(req)
    return navigationGet(ctx, req, table, id, second.name, options())
  }
  return propertyRoute(ctx, req, table, id, second.name, false)
}

function methodNotAllowed(req: DvRequest) {
  return new DataverseError(
    405,
    ErrorCodes.methodNotAllowed,
    `The HTTP method '${req.method}' is not allowed for this resource.`,
  )
}

function collectionGet(ctx: RequestContext, req: DvRequest, table: TableModel, options: QueryOptions): DvResponse {
  const fetchXml = req.url.searchParams.get('fetchXml')
  if (fetchXml !== null)
    return json(200, executeFetch(ctx, table, parseFetchXml(fetchXml)), preferenceHeaders(ctx, false))
  if (options.apply) {
    const grouping = options.apply.some((s) => s.kind !== 'filter')
    if (grouping) return json(200, runApply(ctx, table, options.apply, options.filter), preferenceHeaders(ctx, false))
    // filter-only $apply behaves like $filter
    const filters = options.apply.flatMap((s) => (s.kind === 'filter' ? [s.filter] : []))
    const combined = filters.reduce((acc, f) => ({ kind: 'and' as const, left: acc, right: f }))
    options.filter = options.filter ? { kind: 'and', left: options.filter, right: combined } : combined
  }
  const result = queryCollection(ctx, table, options, req.url)
  return json(200, result.body, result.headers)
}

function create(ctx: RequestContext, req: DvRequest, table: TableModel, options: QueryOptions): DvResponse {
  const id = createRecord(ctx, table, parseJsonBody(req.bodyText, table.def.entitySetName))
  const headers = { 'OData-EntityId': entityIdHeader(ctx, table, id), Location: entityIdHeader(ctx, table, id) }
  if (!ctx.prefs.returnRepresentation) return noContent(headers)
  const row = loadRecord(ctx, table, id)
  return json(201, returnedRecord(ctx, table, row, options), {
    ...headers,
    ...preferenceHeaders(ctx, true),
    ETag: etagOf(row),
  })
}

function recordRoute(
  ctx: RequestContext,
  req: DvRequest,
  table: TableModel,
  id: string,
  options: () => QueryOptions,
): DvResponse {
  switch (req.method) {
    case 'GET': {
      const opts = options()
      const row = loadRecord(ctx, table, id)
      const ifNoneMatch = req.headers.get('If-None-Match')
      if (ifNoneMatch && ifNoneMatch.trim() === etagOf(row)) return { status: 304, headers: {} }
      return json(200, returnedRecord(ctx, table, row, opts), { ...preferenceHeaders(ctx, false), ETag: etagOf(row) })
    }
    case 'PATCH': {
      const opts = options()
      const body = parseJsonBody(req.bodyText, table.def.entitySetName)
      const existing = ctx.store.get(table, id)
      const ifMatch = req.headers.get('If-Match')
      const ifNoneMatch = req.headers.get('If-None-Match')
      if (existing) {
        if (ifNoneMatch?.trim() === '*') {
          throw new DataverseError(412, ErrorCodes.duplicateRecord, 'A record with matching key values already exists.')
        }
        checkIfMatch(req, existing)
        updateRecord(ctx, table, id, body)
      } else {
        if (ifMatch) throw recordNotFound(table.def.logicalName, id)
        upsertCreate(ctx, table, id, body)
      }
      const headers = { 'OData-EntityId': entityIdHeader(ctx, table, id) }
      if (!ctx.prefs.returnRepresentation) return noContent(headers)
      const row = loadRecord(ctx, table, id)
      return json(existing ? 200 : 201, returnedRecord(ctx, table, row, opts), {
        ...headers,
        ...preferenceHeaders(ctx, true),
        ETag: etagOf(row),
      })
    }
    case 'DELETE': {
      const row = loadRecord(ctx, table, id)
      checkIfMatch(req, row)
      deleteRecord(ctx, table, id)
      return noContent()
    }
    default:
      throw methodNotAllowed(req)
  }
}

function navigationGet(
  ctx: RequestContext,
  req: DvRequest,
  table: TableModel,
  id: string,
  name: string,
  options: QueryOptions,
): DvResponse {
  const row = loadRecord(ctx, table, id)
  const single = table.single.get(name)
  if (single) {
    const target = ctx.model.table(single.target)
    const relatedId = row[single.attribute] as string | null
    const related = target && relatedId ? ctx.store.get(target, relatedId) : undefined
    if (!target || !related) return noContent()
    return json(200, returnedRecord(ctx, target, related, options), preferenceHeaders(ctx, false))
  }
  const nav = table.collection.get(name)
  const target = nav ? ctx.model.table(nav.target) : undefined
  if (!nav || !target) throw unknownProperty(name, table.def.logicalName)
  const extra = { sql: `t0.${quote(nav.referencingAttribute)} = ?`, params: [id] }
  const result = queryCollection(ctx, target, options, req.url, extra)
  return json(200, result.body, result.headers)
}

function propertyRoute(
  ctx: RequestContext,
  req: DvRequest,
  table: TableModel,
  id: string,
  name: string,
  raw: boolean,
): DvResponse {
  const attr = resolveProperty(table, name)
  const row = loadRecord(ctx, table, id)
  if (req.method === 'GET') {
    const value = fromDb(attr, row[attr.logicalName])
    if (value === null) return noContent()
    if (raw) return { status: 200, headers: { 'Content-Type': 'text/plain' }, text: String(value) }
    return json(200, {
      '@odata.context': `${ctx.apiBase}$metadata#${table.def.entitySetName}(${id})/${propertyName(attr)}`,
      value,
    })
  }
  if (isLookupType(attr.type))
    throw badRequest(
      ErrorCodes.queryBuilderError,
      `Use the navigation property to change the lookup '${attr.logicalName}'.`,
    )
  if (req.method === 'PUT' || req.method === 'DELETE') {
    let value: unknown = null
    if (req.method === 'PUT') {
      const body = parseJsonBody(req.bodyText, table.def.entitySetName) as { value?: unknown }
      if (typeof body !== 'object' || body === null || !('value' in body))
        throw querySyntaxError("The request body must be an object with a 'value' property.")
      value = body.value
    }
    if (attr.isValidForUpdate === false)
      throw badRequest(ErrorCodes.invalidArgument, `The attribute '${attr.logicalName}' can't be updated.`)
    ctx.store.transaction(() => {
      updateParsed(
        ctx,
        table,
        id,
        {
          values: { [attr.logicalName]: convertValue(table, attr, value) },
          collectionBinds: [],
          deepSingle: [],
          deepCollection: [],
        },
        row,
      )
    })
    return noContent()
  }
  throw methodNotAllowed(req)
}

function refRoute(
  ctx: RequestContext,
  req: DvRequest,
  table: TableModel,
  id: string,
  nav: Segment,
  child: Segment | undefined,
): DvResponse {
  loadRecord(ctx, table, id)
  const single = table.single.get(nav.name)
  const collection = table.collection.get(nav.name)
  if (!single && !collection) throw unknownProperty(nav.name, table.def.logicalName)
  const refBody = () => {
    const body = parseJsonBody(req.bodyText, table.def.entitySetName) as Record<string, unknown>
    const target = body?.['@odata.id']
    if (typeof target !== 'string')
      throw querySyntaxError("The request body must contain '@odata.id' with the related record's URL.")
    const ref = parseEntityReference(ctx, target)
    requireRecord(ctx, ref)
    return ref
  }
  ctx.store.transaction(() => {
    if (single) {
      if (req.method === 'PUT') {
        const ref = refBody()
        if (ref.table.def.logicalName !== single.target)
          throw badRequest(
            ErrorCodes.invalidArgument,
            `'${nav.name}' points at ${single.target}, not ${ref.table.def.logicalName}.`,
          )
        setLookup(ctx, table, id, single.attribute, single.target, ref.id)
      } else if (req.method === 'DELETE') setLookup(ctx, table, id, single.attribute, null, null)
      else throw methodNotAllowed(req)
      return
    }
    if (!collection) return
    const many = ctx.model.table(collection.target)
    if (!many) throw unknownProperty(nav.name, table.def.logicalName)
    if (req.method === 'POST') {
      const ref = refBody()
      if (ref.table !== many)
        throw badRequest(
          ErrorCodes.invalidArgument,
          `'${nav.name}' holds ${collection.target} records, not ${ref.table.def.logicalName}.`,
        )
      setLookup(ctx, many, ref.id, collection.referencingAttribute, table.def.logicalName, id)
    } else if (req.method === 'DELETE') {
      const keyed = child ?? (nav.key ? nav : undefined)
      const childId = keyed
        ? guidKey(keyed.key)
        : guidKey(/\(([^)]+)\)\s*$/.exec(req.url.searchParams.get('$id') ?? '')?.[1])
      if (!childId) throw querySyntaxError(`Give the record to disassociate as ${nav.name}(<id>)/$ref or with $id.`)
      const childRow = loadRecord(ctx, many, childId)
      if (childRow[collection.referencingAttribute] !== id)
        throw badRequest(
          ErrorCodes.invalidArgument,
          `The ${collection.target} record ${childId} isn't associated through '${nav.name}'.`,
        )
      setLookup(ctx, many, childId, collection.referencingAttribute, null, null)
    } else throw methodNotAllowed(req)
  })
  return noContent()
}
