// Routes `/services/data/...`: versions, resources, describe, sObject CRUD, SOQL and limits.
import { type ReportInstances, routeAnalytics } from '../analytics/reports.js'
import { sfErrors } from '../errors.js'
import { mentionsForecastingItem, refreshForecastItems } from '../forecasting/index.js'
import type { WriteContext } from '../records/writer.js'
import type { SchemaModel } from '../schema/model.js'
import { batchSizeOf, type QueryCursors } from '../soql/cursors.js'
import { runSoql } from '../soql/execute.js'
import { routeCollections } from './collections.js'
import { runBatch, runComposite, type SubRequest } from './composite.js'
import { describeGlobal, describeObject, describeObjectBasic } from './describe.js'
import type { ApiUsage } from './limits.js'
import { createReply, externalIdReply, type Reply, recordReply } from './sobjects.js'
import { parseVersion, resources } from './versions.js'

export interface RestContext {
  model: SchemaModel
  write: WriteContext
  cursors: QueryCursors
  usage: ApiUsage
  /** report runs queued through the Analytics API */
  reportInstances: ReportInstances
  /** inside an all-or-none composite request: sObject Collections subrequests are all-or-none too */
  allOrNone?: boolean
  /** set while a composite request runs: composites don't nest */
  inComposite?: boolean
}

export interface RestRequest {
  method: string
  /** path segments after /services/data/vXX.X */
  segments: string[]
  query: URLSearchParams
  headers: Headers
  body: () => unknown
  /** the body as sent ('' when there is none) */
  rawBody?: string
}

function allow(method: string, ...allowed: string[]): void {
  if (!allowed.includes(method)) throw sfErrors.methodNotAllowed(method, allowed)
}

function object(ctx: RestContext, name: string) {
  const found = ctx.model.object(name)
  if (!found) throw sfErrors.notFound()
  return found
}

export function versionOf(segment: string): string {
  const version = parseVersion(segment)
  if (!version) throw sfErrors.notFound()
  return version
}

export function routeVersioned(ctx: RestContext, version: string, req: RestRequest): Reply {
  const [resource, ...rest] = req.segments
  const { method } = req
  // ForecastingItem amounts are computed from opportunities whenever they are read.
  if (mentionsForecastingItem(`${req.segments.join('/')} ${req.query.get('q') ?? ''}`))
    refreshForecastItems(ctx.write.store, ctx.write.now)
  switch (resource) {
    case undefined:
      allow(method, 'GET', 'HEAD')
      return { status: 200, body: resources(version) }
    case 'limits':
      allow(method, 'GET', 'HEAD')
      return { status: 200, body: ctx.usage.limits(ctx.write.now) }
    case 'query':
    case 'queryAll': {
      allow(method, 'GET', 'HEAD')
      if (rest.length === 1) return { status: 200, body: ctx.cursors.next(rest[0]!, version) }
      if (rest.length > 1) throw sfErrors.notFound()
      const soql = req.query.get('q')
      if (soql === null) throw sfErrors.malformedQuery('A query string must be given in the q parameter.')
      const result = runSoql(
        ctx.write.store,
        { soql, now: ctx.write.now, includeDeleted: resource === 'queryAll' },
        version,
      )
      const batch = batchSizeOf(req.headers.get('sforce-query-options'))
      return { status: 200, body: ctx.cursors.firstPage(result, batch, version) }
    }
    case 'sobjects':
      return routeSobjects(ctx, version, req, rest)
    case 'composite':
      return routeComposite(ctx, version, req, rest)
    case 'analytics':
      return routeAnalytics(
        { store: ctx.write.store, now: ctx.write.now, userId: ctx.write.userId, version },
        ctx.reportInstances,
        method,
        rest,
        req.query,
        req.body,
        req.rawBody ?? '',
      )
    default:
      throw sfErrors.notFound()
  }
}

function routeSobjects(ctx: RestContext, version: string, req: RestRequest, rest: string[]): Reply {
  const { method } = req
  if (rest.length === 0) {
    allow(method, 'GET', 'HEAD')
    return { status: 200, body: describeGlobal(ctx.model, version) }
  }
  const target = object(ctx, rest[0]!)
  if (rest.length === 1) {
    allow(method, 'GET', 'HEAD', 'POST')
    if (method === 'POST') return createReply(ctx.write, target, req.body())
    return { status: 200, body: describeObjectBasic(target, version) }
  }
  if (rest.length === 2 && rest[1] === 'describe') {
    allow(method, 'GET', 'HEAD')
    return { status: 200, body: describeObject(target, version) }
  }
  if (rest.length === 2) return recordReply(ctx.write, target, method, rest[1]!, req.query, req.body, version)
  if (rest.length === 3)
    return externalIdReply(ctx.write, target, method, rest[1]!, rest[2]!, req.query, req.body, version)
  throw sfErrors.notFound()
}

function routeComposite(ctx: RestContext, version: string, req: RestRequest, rest: string[]): Reply {
  const { method } = req
  if (Number(version) < 34) throw sfErrors.notFound()
  if (rest[0] === 'sobjects')
    return routeCollections(ctx.write, ctx.model, version, method, rest.slice(1), req.query, req.body, ctx.allOrNone)
  if (ctx.inComposite) throw sfErrors.notFound()
  const sub = (request: SubRequest): Reply => {
    const segments = request.path.split('/').map(decodeURIComponent)
    const subVersion = versionOf(segments[0]!)
    const subCtx: RestContext = { ...ctx, allOrNone: request.allOrNone, inComposite: true }
    return routeVersioned(subCtx, subVersion, {
      method: request.method,
      segments: segments.slice(1),
      query: request.query,
      headers: request.headers,
      rawBody: request.body === undefined ? '' : JSON.stringify(request.body),
      body: () => {
        if (request.body === undefined) throw sfErrors.badJson('The subrequest has no body')
        return request.body
      },
    })
  }
  if (rest.length === 0) {
    if (method === 'POST') {
      if (Number(version) < 42) throw sfErrors.notFound()
      return { status: 200, body: runComposite(req.body(), sub, (fn) => ctx.write.store.transaction(fn)) }
    }
    allow(method, 'GET', 'HEAD', 'POST')
    const base = `/services/data/v${version}/composite`
    return { status: 200, body: { batch: `${base}/batch`, sobjects: `${base}/sobjects` } }
  }
  if (rest.length === 1 && rest[0] === 'batch') {
    allow(method, 'POST')
    return { status: 200, body: runBatch(req.body(), sub) }
  }
  throw sfErrors.notFound()
}
