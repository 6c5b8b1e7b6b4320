// The OData service at /data: service document, $metadata, entity sets, records, navigation,
// $count, properties, writes and bound actions.
import type { ErpRequestContext } from '../context.js'
import type { ErpEntity, ErpRow, ErpValue } from '../model.js'
import { DATA_AREA_ID } from '../records/values.js'
import { findAction, invokeAction } from './actions.js'
import { methodNotAllowed, noContent, notFoundSegment, odataError, odataJson, odataText, readJsonBody } from './http.js'
import { metadataDocument } from './metadata.js'
import { ACTION_NAMESPACE, keyPredicate, parseKey, parseSegments } from './path.js'
import { parseQuery } from './query.js'
import {
  combine,
  contextUrl,
  countCollection,
  etagOf,
  notFoundRecord,
  readCollection,
  readEntity,
  readProperty,
  relatedRows,
} from './read.js'

let metadataCache: { catalog: unknown; xml: string } | undefined

export async function handleData(ctx: ErpRequestContext, path: string): Promise<Response> {
  const method = ctx.request.method
  const segments = parseSegments(path)
  const first = segments[0]
  if (!first) {
    if (method !== 'GET') throw methodNotAllowed(method, 'the service document')
    return odataJson({
      '@odata.context': `${ctx.baseUrl}/data/$metadata`,
      value: ctx.store.catalog.entities.map((entity) => ({
        name: entity.entitySet,
        kind: 'EntitySet',
        url: entity.entitySet,
      })),
    })
  }
  if (first.name === '$metadata' && segments.length === 1) {
    if (method !== 'GET') throw methodNotAllowed(method, '$metadata')
    if (metadataCache?.catalog !== ctx.store.catalog)
      metadataCache = { catalog: ctx.store.catalog, xml: metadataDocument(ctx.store.catalog) }
    return odataText(metadataCache.xml, 'application/xml')
  }
  const entity = ctx.store.catalog.bySet(first.name)
  if (!entity) throw notFoundSegment(first.name)
  const second = segments[1]
  if (segments.length > 3 || (segments.length === 3 && segments[2]?.name !== '$count')) {
    throw notFoundSegment(
      segments
        .slice(1)
        .map((s) => s.name)
        .join('/'),
    )
  }

  // collection-level: /Set, /Set/$count, /Set/NS.Action
  if (first.key === undefined) {
    if (!second) {
      if (method === 'GET') return readCollection(ctx, entity, parseQuery(entity, ctx.store.catalog, ctx.url.search))
      if (method === 'POST') return create(ctx, entity)
      throw methodNotAllowed(method, `the entity set '${entity.entitySet}'`)
    }
    if (second.name === '$count' && segments.length === 2) {
      if (method !== 'GET') throw methodNotAllowed(method, '$count')
      return countCollection(ctx, entity, parseQuery(entity, ctx.store.catalog, ctx.url.search))
    }
    if (second.name.startsWith(ACTION_NAMESPACE) && segments.length === 2) {
      const action = findAction(entity, second.name.slice(ACTION_NAMESPACE.length))
      if (!action) throw notFoundSegment(second.name)
      if (method !== 'POST') throw methodNotAllowed(method, `the action '${action.name}'`)
      return invokeAction(ctx, entity, action, undefined, (company, key) =>
        ctx.store.get(entity.entitySet, company, key),
      )
    }
    throw notFoundSegment(second.name)
  }

  // record-level: /Set(key), /Set(key)/Nav, /Set(key)/Property, /Set(key)/NS.Action
  const { company, key } = parseKey(entity, first.key)
  const area = company ?? ctx.user.Company
  const keyText = first.key
  const find = () => ctx.store.get(entity.entitySet, area, key)
  if (!second) {
    if (method === 'GET') {
      const row = find()
      if (!row) throw notFoundRecord(entity, keyText)
      return readEntity(ctx, entity, row, parseQuery(entity, ctx.store.catalog, ctx.url.search))
    }
    if (method === 'PATCH' || method === 'PUT') return update(ctx, entity, area, key, keyText)
    if (method === 'DELETE') {
      checkIfMatch(ctx, entity, find(), keyText)
      ctx.store.delete(entity.entitySet, area, key)
      return noContent()
    }
    throw methodNotAllowed(method, `a record of '${entity.entitySet}'`)
  }
  const row = find()
  if (!row) throw notFoundRecord(entity, keyText)
  if (second.name.startsWith(ACTION_NAMESPACE)) {
    const action = findAction(entity, second.name.slice(ACTION_NAMESPACE.length))
    if (action?.boundTo !== 'entity') throw notFoundSegment(second.name)
    if (method !== 'POST') throw methodNotAllowed(method, `the action '${action.name}'`)
    return invokeAction(ctx, entity, action, { company: area, row }, () => undefined)
  }
  if (method !== 'GET') throw methodNotAllowed(method, `'${second.name}'`)
  const navigation = entity.navigation?.find((nav) => nav.name === second.name)
  if (navigation) {
    const target = ctx.store.catalog.bySet(navigation.target)!
    const options = parseQuery(target, ctx.store.catalog, ctx.url.search)
    const equals: Record<string, ErpValue> = {}
    for (const [from, to] of Object.entries(navigation.on)) equals[to] = row[from] ?? null
    const scope = target.companySpecific
      ? { company: entity.companySpecific ? area : ctx.user.Company }
      : { crossCompany: true as const }
    if (segments[2]?.name === '$count') return countCollection(ctx, target, options, equals, scope)
    if (navigation.many) {
      return readCollection(ctx, target, options, {
        scope,
        equals,
        context: contextUrl(ctx, `${entity.entitySet}(${keyText})/${navigation.name}`),
      })
    }
    const [related] = relatedRows(
      ctx,
      entity,
      row,
      navigation.name,
      { filter: combine(options.filter), orderBy: [] },
      1,
    )
    if (!related) return noContent()
    return odataJson({ '@odata.context': contextUrl(ctx, `${target.entitySet}/$entity`), ...shapeOne(related) })
  }
  if (segments.length === 2) return readProperty(ctx, entity, row, keyText, second.name)
  throw notFoundSegment(second.name)
}

const shapeOne = (row: ErpRow) => ({ '@odata.etag': etagOf(row), ...row })

function checkIfMatch(ctx: ErpRequestContext, entity: ErpEntity, row: ErpRow | undefined, keyText: string): void {
  const ifMatch = ctx.request.headers.get('if-match')
  if (!row) throw notFoundRecord(entity, keyText)
  if (ifMatch && ifMatch.trim() !== '*' && ifMatch.trim() !== etagOf(row)) {
    throw odataError(
      412,
      `The record ${entity.entitySet}(${keyText}) was changed since it was read (the ETag in If-Match doesn't match); read it again and retry.`,
    )
  }
}

async function create(ctx: ErpRequestContext, entity: ErpEntity): Promise<Response> {
  const body = await readJsonBody(ctx.request)
  const company = entity.companySpecific
    ? typeof body[DATA_AREA_ID] === 'string'
      ? body[DATA_AREA_ID].toLowerCase()
      : ctx.user.Company
    : ctx.user.Company
  if (entity.companySpecific && DATA_AREA_ID in body && typeof body[DATA_AREA_ID] !== 'string') {
    throw odataError(400, `The value of '${DATA_AREA_ID}' must be a string, e.g. 'usmf'.`)
  }
  const row = ctx.store.create(entity.entitySet, company, body as ErpRow)
  const location = `${ctx.baseUrl}/data/${entity.entitySet}${keyPredicate(entity, row)}`
  const prefer = ctx.request.headers.get('prefer') ?? ''
  if (/return=minimal/i.test(prefer)) {
    return noContent({ Location: location, 'OData-EntityId': location, 'Preference-Applied': 'return=minimal' })
  }
  return odataJson({ '@odata.context': contextUrl(ctx, `${entity.entitySet}/$entity`), ...shapeOne(row) }, 201, {
    Location: location,
    ETag: etagOf(row),
  })
}

async function update(
  ctx: ErpRequestContext,
  entity: ErpEntity,
  company: string,
  key: Record<string, ErpValue>,
  keyText: string,
): Promise<Response> {
  const body = await readJsonBody(ctx.request)
  checkIfMatch(ctx, entity, ctx.store.get(entity.entitySet, company, key), keyText)
  const row = ctx.store.update(entity.entitySet, company, key, body as ErpRow)
  const prefer = ctx.request.headers.get('prefer') ?? ''
  if (/return=representation/i.test(prefer)) {
    return odataJson({ '@odata.context': contextUrl(ctx, `${entity.entitySet}/$entity`), ...shapeOne(row) }, 200, {
      ETag: etagOf(row),
      'Preference-Applied': 'return=representation',
    })
  }
  return noContent({ ETag: etagOf(row) })
}
