// POST $batch: independent requests and atomic change sets, answered as multipart/mixed.

import { randomUUID } from 'node:crypto'
import type { RequestContext } from '../context.js'
import { badRequest, ErrorCodes } from '../errors.js'
import { type DvRequest, type DvResponse, fromError, parsePrefer } from '../http.js'
import { type BatchRequestPart, boundaryOf, formatResponsePart, parseBatch } from './multipart.js'

export type Dispatch = (ctx: RequestContext, req: DvRequest) => DvResponse

const MAX_OPERATIONS = 1000

class ChangeSetFailed extends Error {
  constructor(
    readonly response: DvResponse,
    readonly contentId?: string,
  ) {
    super('change set failed')
  }
}

function toApiRequest(ctx: RequestContext, part: BatchRequestPart, contentIds: Map<string, string>): DvRequest {
  let target = part.url
  const ref = /^\$([A-Za-z0-9_-]+)(.*)$/.exec(target)
  if (ref) {
    const resolved = contentIds.get(ref[1] as string)
    if (!resolved)
      throw badRequest(
        ErrorCodes.invalidArgument,
        `The Content-ID reference '$${ref[1]}' does not match a request earlier in the change set.`,
      )
    target = resolved + (ref[2] as string)
  }
  const url = /^https?:\/\//i.test(target)
    ? new URL(target)
    : target.startsWith('/')
      ? new URL(target, ctx.orgUrl)
      : new URL(target, ctx.apiBase)
  const m = /\/api\/data\/v9\.[0-2]/.exec(url.pathname)
  if (!m) throw badRequest(ErrorCodes.invalidArgument, `The batch request URL '${part.url}' is not a Web API URL.`)
  const apiPath = url.pathname.slice(m.index + m[0].length)
  if (apiPath.replace(/^\//, '') === '$batch')
    throw badRequest(ErrorCodes.invalidArgument, "A $batch request can't contain another $batch request.")
  return { method: part.method, url, apiPath, headers: part.headers, bodyText: part.body }
}

export function handleBatch(ctx: RequestContext, req: DvRequest, dispatch: Dispatch): DvResponse {
  if (req.method !== 'POST') throw badRequest(ErrorCodes.methodNotAllowed, '$batch requests must use POST.')
  const items = parseBatch(req.bodyText, boundaryOf(req.headers.get('Content-Type')))
  const operations = items.reduce((n, item) => n + (item.kind === 'changeset' ? item.requests.length : 1), 0)
  if (operations > MAX_OPERATIONS) {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `The number of requests in a batch can't be more than ${MAX_OPERATIONS}; this batch has ${operations}.`,
    )
  }
  const continueOnError = ctx.prefs.continueOnError
  const run = (part: BatchRequestPart, contentIds: Map<string, string>) => {
    const subCtx: RequestContext = { ...ctx, prefs: parsePrefer(part.headers), contentIds, now: new Date() }
    try {
      return dispatch(subCtx, toApiRequest(ctx, part, contentIds))
    } catch (err) {
      return fromError(err) // a malformed part URL fails that part only
    }
  }
  const batchBoundary = `batchresponse_${randomUUID()}`
  const parts: string[] = []
  for (const item of items) {
    if (item.kind === 'request') {
      const res = run(item.request, new Map())
      parts.push(formatResponsePart(res))
      if (res.status >= 400 && !continueOnError) break
      continue
    }
    const contentIds = new Map<string, string>()
    try {
      const responses = ctx.store.transaction(() =>
        item.requests.map((part) => {
          if (part.method === 'GET')
            throw new ChangeSetFailed(
              errorResponse(400, 'GET requests are not allowed inside a change set.'),
              part.contentId,
            )
          const res = run(part, contentIds)
          if (res.status >= 400) throw new ChangeSetFailed(res, part.contentId)
          const entityId = res.headers['OData-EntityId']
          if (part.contentId && entityId) contentIds.set(part.contentId, entityId)
          return formatResponsePart(res, part.contentId)
        }),
      )
      const changeBoundary = `changesetresponse_${randomUUID()}`
      const body = responses.map((p) => `--${changeBoundary}\r\n${p}`).join('\r\n')
      parts.push(`Content-Type: multipart/mixed; boundary=${changeBoundary}\r\n\r\n${body}\r\n--${changeBoundary}--`)
    } catch (err) {
      if (!(err instanceof ChangeSetFailed)) throw err
      // a failed change set is answered with the failing request's response alone
      parts.push(formatResponsePart(err.response, err.contentId))
      if (!continueOnError) break
    }
  }
  const text = `${parts.map((p) => `--${batchBoundary}\r\n${p}`).join('\r\n')}\r\n--${batchBoundary}--\r\n`
  const headers: Record<string, string> = { 'Content-Type': `multipart/mixed; boundary=${batchBoundary}` }
  if (continueOnError) headers['Preference-Applied'] = 'odata.continue-on-error'
  return { status: 200, headers, text }
}

function errorResponse(status: number, message: string): DvResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; odata.metadata=minimal' },
    body: { error: { code: ErrorCodes.invalidArgument, message } },
  }
}
