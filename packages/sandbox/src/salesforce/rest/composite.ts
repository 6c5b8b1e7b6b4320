// Composite (`/composite`): up to 25 subrequests run in order, later ones naming earlier results
// as `@{referenceId.path}`, optionally all-or-none. Composite Batch (`/composite/batch`): up to 25
// independent subrequests, no rollback, optionally halting at the first failure.
import { SalesforceError, sfErrors } from '../errors.js'
import type { Reply } from './sobjects.js'

export const MAX_SUBREQUESTS = 25
/** Of a composite request's subrequests, at most this many may be queries or sObject Collections. */
export const MAX_QUERY_OR_COLLECTION = 5

export interface SubRequest {
  method: string
  /** the path after `/services/data/`, starting with the version (`v62.0/sobjects/Account`) */
  path: string
  query: URLSearchParams
  headers: Headers
  body: unknown
  /** inside an all-or-none composite: collections subrequests are all-or-none too */
  allOrNone: boolean
}

/** Runs one subrequest through the REST router; Salesforce errors become error replies. */
export type SubRouter = (request: SubRequest) => Reply

interface SubReply {
  status: number
  body: unknown
  headers: Record<string, string>
}

const limitExceeded = () =>
  new SalesforceError(400, 'LIMIT_EXCEEDED', `The request can’t contain more than ${MAX_SUBREQUESTS} operations.`)

const halted = (message: string) => [{ errorCode: 'PROCESSING_HALTED', message }]

const ROLLED_BACK_MESSAGE = 'The transaction was rolled back since another operation in the same transaction failed.'

function asObject(input: unknown, what: string): Record<string, unknown> {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw sfErrors.badJson(`Cannot deserialize the request body: expected a JSON object with ${what}`)
  return input as Record<string, unknown>
}

/** `/services/data/v62.0/sobjects/Account?x=1` or `v62.0/sobjects/Account` → path and query. */
function splitUrl(url: unknown): { path: string; query: URLSearchParams } {
  if (typeof url !== 'string' || !url.trim()) throw sfErrors.badJson('A subrequest must have a url')
  const trimmed = url.trim().replace(/^\/services\/data\//, '')
  if (!/^v\d+\.\d+(\/|$)/.test(trimmed))
    throw new SalesforceError(400, 'INVALID_INPUT', `The subrequest url must start with /services/data/: ${url}`)
  const q = trimmed.indexOf('?')
  const path = q < 0 ? trimmed : trimmed.slice(0, q)
  return { path: path.replace(/\/+$/, ''), query: new URLSearchParams(q < 0 ? '' : trimmed.slice(q + 1)) }
}

function methodOf(value: unknown): string {
  const method = typeof value === 'string' ? value.toUpperCase() : ''
  if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD'].includes(method))
    throw sfErrors.badJson(`A subrequest has an invalid method: ${String(value)}`)
  return method
}

function headersOf(value: unknown): Headers {
  const headers = new Headers()
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') headers.set(k, v)
  }
  return headers
}

function run(route: SubRouter, request: SubRequest): SubReply {
  try {
    const reply = route(request)
    const headers: Record<string, string> = {}
    const created = reply.body as { id?: unknown } | undefined
    const sobject = request.path.match(/^v[\d.]+\/sobjects\/([A-Za-z0-9_]+)$/)
    if (reply.status === 201 && sobject && typeof created?.id === 'string')
      headers.Location = `/services/data/${request.path}/${created.id}`
    return { status: reply.status, body: reply.status === 204 ? null : (reply.body ?? null), headers }
  } catch (error) {
    if (error instanceof SalesforceError) return { status: error.status, body: error.toBody(), headers: {} }
    throw error
  }
}

// ---------------------------------------------------------------------------------------------
// References

const REFERENCE = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g

class MissingReference extends Error {
  constructor(
    readonly expression: string,
    readonly referenceId: string,
  ) {
    super(expression)
  }
}

function lookup(results: Map<string, SubReply>, referenceId: string, path: string, expression: string): unknown {
  const found = results.get(referenceId)
  if (!found || found.status >= 400) throw new MissingReference(expression, referenceId)
  let value: unknown = found.body
  for (const step of path.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
    if (value === null || typeof value !== 'object') throw new MissingReference(expression, referenceId)
    value = step.startsWith('[')
      ? (value as unknown[])[Number(step.slice(1, -1))]
      : (value as Record<string, unknown>)[step.slice(1)]
  }
  if (value === undefined || value === null || typeof value === 'object')
    throw new MissingReference(expression, referenceId)
  return value
}

function substituteText(text: string, results: Map<string, SubReply>): string {
  return text.replace(REFERENCE, (expression, id: string, path: string) =>
    String(lookup(results, id, path, expression)),
  )
}

/** A body with references resolved; a string that is one reference takes the referenced value as is. */
function substituteValue(value: unknown, results: Map<string, SubReply>, depth = 0): unknown {
  if (depth > 20) return value
  if (typeof value === 'string') {
    const whole = value.match(/^@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}$/)
    if (whole) return lookup(results, whole[1]!, whole[2]!, value)
    return substituteText(value, results)
  }
  if (Array.isArray(value)) return value.map((v) => substituteValue(v, results, depth + 1))
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteValue(v, results, depth + 1)]))
  return value
}

// ---------------------------------------------------------------------------------------------
// Composite

interface CompositeItem {
  method: string
  url: string
  referenceId: string
  body: unknown
  headers: Headers
}

function compositeItems(input: unknown): { allOrNone: boolean; items: CompositeItem[] } {
  const body = asObject(input, 'a compositeRequest array')
  const list = body.compositeRequest
  if (!Array.isArray(list) || list.length === 0)
    throw sfErrors.badJson('The request body must have a non-empty compositeRequest array')
  if (list.length > MAX_SUBREQUESTS) throw limitExceeded()
  const seen = new Set<string>()
  let heavy = 0
  const items = list.map((raw) => {
    const sub = asObject(raw, 'method, url and referenceId')
    const referenceId = sub.referenceId
    if (typeof referenceId !== 'string' || !referenceId)
      throw new SalesforceError(400, 'INVALID_INPUT', 'Each subrequest must have a referenceId')
    if (!/^[A-Za-z0-9_]+$/.test(referenceId))
      throw new SalesforceError(
        400,
        'INVALID_INPUT',
        `Invalid referenceId: ${referenceId}. A referenceId may only contain letters, numbers and underscores.`,
      )
    if (seen.has(referenceId.toLowerCase()))
      throw new SalesforceError(400, 'INVALID_INPUT', `Duplicate ReferenceId provided in the request: ${referenceId}`)
    seen.add(referenceId.toLowerCase())
    const url = String(sub.url ?? '')
    const { path } = splitUrl(url)
    if (/^v[\d.]+\/(query|queryAll|composite\/sobjects)(\/|$)/.test(path)) heavy++
    if (/^v[\d.]+\/composite(\/batch|\/tree|\/graph)?$/.test(path))
      throw new SalesforceError(400, 'INVALID_INPUT', `A composite subrequest can't call ${url}`)
    return { method: methodOf(sub.method), url, referenceId, body: sub.body, headers: headersOf(sub.httpHeaders) }
  })
  if (heavy > MAX_QUERY_OR_COLLECTION)
    throw new SalesforceError(
      400,
      'LIMIT_EXCEEDED',
      `The request can’t contain more than ${MAX_QUERY_OR_COLLECTION} query or sObject Collections operations.`,
    )
  return { allOrNone: body.allOrNone === true, items }
}

/** A subrequest failed: an error status, or (all-or-none) a collection result with a failed record. */
function failed(reply: SubReply, allOrNone: boolean): boolean {
  if (reply.status >= 400) return true
  return (
    allOrNone &&
    Array.isArray(reply.body) &&
    reply.body.some((r) => r && typeof r === 'object' && (r as { success?: unknown }).success === false)
  )
}

class RollBack extends Error {}

/** POST /composite */
export function runComposite(
  input: unknown,
  route: SubRouter,
  transaction: <T>(fn: () => T) => T,
): { compositeResponse: unknown[] } {
  const { allOrNone, items } = compositeItems(input)
  const results = new Map<string, SubReply>()
  const replies: SubReply[] = []
  let failedAt = -1
  const runAll = () => {
    for (const [i, item] of items.entries()) {
      let reply: SubReply
      try {
        const { path, query } = splitUrl(substituteText(item.url, results))
        const body = item.body === undefined ? undefined : substituteValue(item.body, results)
        reply = run(route, { method: item.method, path, query, headers: item.headers, body, allOrNone })
      } catch (error) {
        if (!(error instanceof MissingReference)) throw error
        reply = {
          status: 400,
          body: halted(
            `Invalid reference specified. No value for ${error.expression.slice(2, -1)} found in ${error.referenceId}. Provided referenceId ('${error.referenceId}') must refer to a successful earlier subrequest.`,
          ),
          headers: {},
        }
      }
      replies.push(reply)
      results.set(item.referenceId, reply)
      if (allOrNone && failed(reply, true)) {
        failedAt = i
        throw new RollBack()
      }
    }
  }
  try {
    transaction(runAll)
  } catch (error) {
    if (!(error instanceof RollBack)) throw error
  }
  return {
    compositeResponse: items.map((item, i) => {
      const reply =
        failedAt >= 0 && i !== failedAt ? { status: 400, body: halted(ROLLED_BACK_MESSAGE), headers: {} } : replies[i]!
      return {
        body: reply.body,
        httpHeaders: reply.headers,
        httpStatusCode: reply.status,
        referenceId: item.referenceId,
      }
    }),
  }
}

// ---------------------------------------------------------------------------------------------
// Batch

/** POST /composite/batch */
export function runBatch(input: unknown, route: SubRouter): { hasErrors: boolean; results: unknown[] } {
  const body = asObject(input, 'a batchRequests array')
  const list = body.batchRequests
  if (!Array.isArray(list) || list.length === 0)
    throw sfErrors.badJson('The request body must have a non-empty batchRequests array')
  if (list.length > MAX_SUBREQUESTS) throw limitExceeded()
  // Every subrequest is checked before any runs: a malformed one fails the whole batch.
  const requests = list.map((raw) => {
    const sub = asObject(raw, 'method and url')
    const { path, query } = splitUrl(sub.url)
    if (/^v[\d.]+\/composite(\/|$)/.test(path))
      throw new SalesforceError(400, 'INVALID_INPUT', `A batch subrequest can't call ${String(sub.url)}`)
    return {
      method: methodOf(sub.method),
      path,
      query,
      headers: headersOf(sub.httpHeaders),
      body: sub.richInput ?? sub.body,
      allOrNone: false,
    }
  })
  const haltOnError = body.haltOnError === true
  let halt = false
  let hasErrors = false
  const results = requests.map((request) => {
    if (halt)
      return {
        statusCode: 412,
        result: [
          {
            errorCode: 'BATCH_PROCESSING_HALTED',
            message: 'Batch processing halted because an earlier subrequest in the batch failed.',
          },
        ],
      }
    const reply = run(route, request)
    if (reply.status >= 400) {
      hasErrors = true
      if (haltOnError) halt = true
    }
    return { statusCode: reply.status, result: reply.body }
  })
  return { hasErrors, results }
}
