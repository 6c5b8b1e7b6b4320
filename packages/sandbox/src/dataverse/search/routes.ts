// The search endpoints: `POST {org}/api/search/v2.0/query` and the Web API action
// `POST /api/data/v9.2/searchquery`; `GET .../status` and `.../statistics` (Web API
// `searchstatus` and `searchstatistics`). All answer `{ "response": "<JSON string>" }`.

import type { RequestContext } from '../context.js'
import { DataverseError, ErrorCodes, segmentNotFound } from '../errors.js'
import { type DvRequest, type DvResponse, json } from '../http.js'
import { parseJsonBody } from '../routes/body.js'
import { quote } from '../store/columns.js'
import { parseSearchRequest, runSearch } from './query.js'
import { OBJECT_TYPE_CODES, type SearchIndex } from './search-index.js'

const disabled = () =>
  new DataverseError(400, '0x80048d0b', 'Dataverse Search feature is disabled for this organization.')

/** `operation` is the path segment after /api/search/v2.0/ (or `searchquery` on the Web API). */
export function handleSearch(ctx: RequestContext, req: DvRequest, operation: string, webApi: boolean): DvResponse {
  const info = INFO_OPERATIONS[operation]
  if (info) {
    if (req.method !== 'GET') {
      throw new DataverseError(
        405,
        ErrorCodes.methodNotAllowed,
        `The HTTP method '${req.method}' is not allowed for this resource.`,
      )
    }
    if (!ctx.search) throw disabled()
    const response = JSON.stringify({ value: info.build(ctx.search, ctx) })
    return json(
      200,
      webApi
        ? { '@odata.context': `${ctx.apiBase}$metadata#Microsoft.Dynamics.CRM.${info.webApi}Response`, response }
        : { response },
    )
  }
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

/** GET operations that describe the index: which tables and columns are searchable, and how big it is. */
const INFO_OPERATIONS: Record<string, { webApi: string; build: (index: SearchIndex, ctx: RequestContext) => unknown }> =
  {
    status: { webApi: 'searchstatus', build: searchStatus },
    searchstatus: { webApi: 'searchstatus', build: searchStatus },
    statistics: { webApi: 'searchstatistics', build: searchStatistics },
    searchstatistics: { webApi: 'searchstatistics', build: searchStatistics },
  }

function searchStatus(index: SearchIndex, ctx: RequestContext) {
  const synced = ctx.now.toISOString()
  return {
    entitystatusresults: index.tables().map((table) => ({
      entitylogicalname: table.def.logicalName,
      objecttypecode: OBJECT_TYPE_CODES[table.def.logicalName] ?? 0,
      primarynamefield: table.def.primaryNameAttribute,
      lastdatasynctimestamp: synced,
      lastprincipalobjectaccesssynctimestamp: synced,
      entitystatus: 'EntitySyncComplete',
      searchableindexedfieldinfomap: Object.fromEntries(
        index.indexedColumns(table).map((column, position) => [column, { indexfieldname: `f${position}` }]),
      ),
    })),
    manytomanyrelationshipsyncstatus: [],
    status: 'provisioned',
    lockboxstatus: 'Disabled',
    cmkstatus: 'Disabled',
  }
}

function searchStatistics(index: SearchIndex, ctx: RequestContext) {
  let documents = 0
  let bytes = 0
  for (const table of index.tables()) {
    const row = ctx.store.all(
      `SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(${
        index
          .indexedColumns(table)
          .map((c) => `COALESCE(${quote(c)}, '')`)
          .join(' || ') || "''"
      })), 0) AS b FROM ${quote(index.ftsTable(table))}`,
      [],
    )[0]
    documents += Number(row?.n ?? 0)
    bytes += Number(row?.b ?? 0)
  }
  return { storagesizeinbytes: bytes, storagesizeinmb: Math.ceil(bytes / (1024 * 1024)), documentcount: documents }
}
