// The search endpoints: `POST {org}/api/search/v2.0/query` and the Web API action
// `POST /api/data/v9.2/searchquery`. Both answer `{ "response": "<JSON string>" }`.

import type { RequestContext } from '../context.js'
import { DataverseError, ErrorCodes, segmentNotFound } from '../errors.js'
import { type DvRequest, type DvResponse, json } from '../http.js'
import { parseJsonBody } from '../routes/body.js'
import { parseSearchRequest, runSearch } from './query.js'

const disabled = () =>
  new DataverseError(400, '0x80048d0b', 'Dataverse Search feature is disabled for this organization.')

/** `operation` is the path segment after /api/search/v2.0/ (or `searchquery` on the Web API). */
export function handleSearch(ctx: RequestContext, req: DvRequest, operation: string, webApi: boolean): DvResponse {
  if (operation !== 'query' && operation !== 'searchquery') throw segmentNotFound(operation)
  if (req.method !== 'POST')
    throw new DataverseError(
      405,
      ErrorCodes.methodNotAllowed,
      `The HTTP method '${req.method}' is not allowed for this resource.`,
    )
  if (!ctx.search) throw disabled()
  const request = parseSearchRequest(ctx, ctx.search, parseJsonBody(req.bodyText, operation))
  const response = JSON.stringify(runSearch(ctx, ctx.search, request))
  return json(
    200,
    webApi
      ? { '@odata.context': `${ctx.apiBase}$metadata#Microsoft.Dynamics.CRM.searchqueryResponse`, response }
      : { response },
  )
}
