// Routes a Web API path (after /api/data/v9.2) to its handler.

import { handleBoundOperation, handleUnboundOperation, isUnboundOperation } from './actions/actions.js'
import { handleBatch } from './batch/batch.js'
import type { RequestContext } from './context.js'
import { segmentNotFound } from './errors.js'
import { type DvRequest, type DvResponse, json } from './http.js'
import { handleEntityDefinitions, handleRelationshipDefinitions } from './metadata/routes.js'
import { handleEntitySet } from './routes/entity-routes.js'
import { guidKey, parseSegments } from './routes/path.js'
import { handleSearch } from './search/routes.js'

export type Dispatch = (ctx: RequestContext, req: DvRequest) => DvResponse

export function routeApiRequest(ctx: RequestContext, req: DvRequest, dispatch: Dispatch): DvResponse {
  const segments = parseSegments(req.apiPath)
  const first = segments[0]
  if (!first) return serviceDocument(ctx)
  const table = ctx.model.bySet.get(first.name)
  if (table) {
    const second = segments[1]
    const id = guidKey(first.key)
    if (id && second?.name.startsWith('Microsoft.Dynamics.CRM.') && segments.length === 2) {
      return handleBoundOperation(ctx, req, table, id, second.name)
    }
    return handleEntitySet(ctx, req, table, segments)
  }
  if (segments.length === 1 && ['searchquery', 'searchstatus', 'searchstatistics'].includes(first.name)) {
    return handleSearch(ctx, req, first.name, true)
  }
  if (segments.length === 1 && isUnboundOperation(first.name) && (first.key === undefined || first.key === '')) {
    return handleUnboundOperation(ctx, req, first.name)
  }
  if (first.name === 'EntityDefinitions') return handleEntityDefinitions(ctx, req, segments)
  if (first.name === 'RelationshipDefinitions') return handleRelationshipDefinitions(ctx, req, segments)
  if (first.name === '$batch' && segments.length === 1) return handleBatch(ctx, req, dispatch)
  throw segmentNotFound(first.name)
}

function serviceDocument(ctx: RequestContext): DvResponse {
  const value = [...ctx.model.tables.values()]
    .map((t) => t.def.entitySetName)
    .sort()
    .map((name) => ({ name, kind: 'EntitySet', url: name }))
  return json(200, { '@odata.context': `${ctx.apiBase}$metadata`, value })
}
