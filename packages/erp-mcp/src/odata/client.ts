// The finance & operations OData client on core's HTTP client (token, timeouts, retries honouring
// Retry-After, cancellation). It speaks only the documented service — `/data/` with $metadata and
// entity keys, `/api/services/` for custom services — so an environment and the sandbox differ
// in nothing but the URL, the token provider and the injected fetch.
import { createHash } from 'node:crypto'
import {
  createHttpClient,
  currentCaller,
  type FetchLike,
  type HttpClientOptions,
  type RequestOptions,
  type TokenProvider,
  ToolError,
} from '@bizmcp/core'
import { closestNames } from '../names.js'
import { decodeErpError, type ErrorContext, erpToolError } from './errors.js'
import { formatKey, type KeyValues } from './keys.js'
import { parseMetadata } from './metadata.js'
import type { ActionInfo, CompanyScope, EntityInfo, ErpMetadata, QueryOptions, QueryPage, Row } from './types.js'
import { collectionPath } from './url.js'

export const ACTION_NAMESPACE = 'Microsoft.Dynamics.DataEntities'
export const SESSION_SERVICE = 'UserSessionService/AifUserSessionService/GetUserSessionInfo'

export interface ODataClientOptions {
  /** the environment's base URL, e.g. https://contoso.operations.dynamics.com (no /data) */
  url: string
  token?: TokenProvider
  fetch?: FetchLike
  /** timeouts, retries, concurrency, user agent … */
  http?: Partial<HttpClientOptions>
}

export interface UserSession {
  userId: string
  /** the user's default company (dataAreaId, lower case) */
  company: string
  isSysAdmin?: boolean
  language?: string
  raw: Record<string, unknown>
}

export interface QueryAllResult {
  rows: Row[]
  /** more rows matched than maxRows */
  truncated: boolean
  /** requests made, including nextLink pages */
  requests: number
  count?: number
}

export interface KeyOptions {
  company?: string
  signal?: AbortSignal
}

export interface ErpODataClient {
  /** the environment's base URL */
  readonly url: string
  /** $metadata, parsed once per connection */
  metadata(signal?: AbortSignal): Promise<ErpMetadata>
  /** an entity by set name (or type name, ignoring case); unknown names are refused with close matches */
  entity(name: string, signal?: AbortSignal): Promise<EntityInfo>
  /** one page as the service returns it */
  query(entity: EntityInfo, options: QueryOptions): Promise<QueryPage>
  /** a page from an @odata.nextLink, unchanged */
  nextPage(nextLink: string, signal?: AbortSignal): Promise<QueryPage>
  /** every page up to maxRows, following @odata.nextLink */
  queryAll(entity: EntityInfo, options: QueryOptions & { maxRows: number }): Promise<QueryAllResult>
  get(entity: EntityInfo, key: KeyValues, options?: KeyOptions & { select?: string[] }): Promise<Row>
  create(entity: EntityInfo, values: Row, options?: { signal?: AbortSignal }): Promise<Row>
  update(entity: EntityInfo, key: KeyValues, values: Row, options?: KeyOptions): Promise<void>
  delete(entity: EntityInfo, key: KeyValues, options?: KeyOptions): Promise<void>
  /** a bound or unbound OData action */
  invokeAction(
    action: ActionInfo,
    parameters: Record<string, unknown>,
    options?: KeyOptions & { key?: KeyValues; entity?: EntityInfo },
  ): Promise<unknown>
  /** GET /api/services/{path}: service groups, services, operations, or an operation's signature */
  describeService(path: string, signal?: AbortSignal): Promise<Record<string, unknown>>
  /** POST /api/services/{group}/{service}/{operation} */
  invokeService(path: string, parameters: Record<string, unknown>, signal?: AbortSignal): Promise<unknown>
  /** GetUserSessionInfo of the caller, cached per caller */
  session(signal?: AbortSignal): Promise<UserSession>
}

const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {})

function pageOf(body: unknown): QueryPage {
  const json = (body ?? {}) as Record<string, unknown>
  const nextLink = json['@odata.nextLink']
  const count = json['@odata.count']
  const rows = Array.isArray(json.value) ? (json.value as Row[]).map(clean) : []
  return {
    rows,
    ...(typeof nextLink === 'string' ? { nextLink } : {}),
    ...(typeof count === 'number' || typeof count === 'string' ? { count: Number(count) } : {}),
  }
}

/** Rows without the etag annotation: noise for a model, and no tool sends it back. */
function clean(row: Row): Row {
  if (!('@odata.etag' in row)) return row
  const { '@odata.etag': _etag, ...rest } = row
  return rest
}

export function createODataClient(options: ODataClientOptions): ErpODataClient {
  const url = options.url.replace(/\/+$/, '')
  const http = createHttpClient({
    userAgent: 'bizmcp-erp-mcp',
    ...options.http,
    baseUrl: `${url}/`,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.token ? { token: options.token } : {}),
    headers: { 'OData-MaxVersion': '4.0', 'OData-Version': '4.0', ...options.http?.headers },
    decodeError: decodeErpError,
  })

  const call = async <T>(request: RequestOptions, context: ErrorContext = {}) => {
    try {
      return await http.request<T>(request)
    } catch (error) {
      throw erpToolError(error, context)
    }
  }

  let metadataCache: Promise<ErpMetadata> | undefined
  function metadata(signal?: AbortSignal): Promise<ErpMetadata> {
    if (metadataCache) return metadataCache
    const loading = (async () => {
      // a real environment's $metadata runs to tens of megabytes
      const response = await call<string>({
        path: 'data/$metadata',
        headers: { Accept: 'application/xml' },
        timeoutMs: Math.max(options.http?.timeoutMs ?? 0, 180_000),
        ...withSignal(signal),
      })
      if (typeof response.body !== 'string' || !response.body.includes('EntityType')) {
        throw new ToolError({
          code: 'VendorError',
          message: `${url}/data/$metadata did not return a CSDL document.`,
          fix: 'The server operator must check ERP_URL: it is the environment URL, e.g. https://contoso.operations.dynamics.com.',
        })
      }
      return parseMetadata(response.body)
    })()
    metadataCache = loading
    loading.catch(() => {
      if (metadataCache === loading) metadataCache = undefined
    })
    return loading
  }

  async function entity(name: string, signal?: AbortSignal): Promise<EntityInfo> {
    const meta = await metadata(signal)
    const found = meta.find(name)
    if (found) return found
    const suggestions = closestNames(
      name,
      meta.entities.map((e) => e.entitySet),
    )
    throw new ToolError({
      code: 'NotFound',
      message: `There is no entity set '${name}'.${suggestions.length ? ` Close names: ${suggestions.join(', ')}.` : ''}`,
      fix: 'Call data_find_entity_type with keywords to find the entity set name (plural, e.g. CustomersV3).',
      details: { entitySet: name, suggestions },
    })
  }

  const keyPath = (info: EntityInfo, key: KeyValues, company?: string) => {
    const segment = formatKey(info, key, company)
    return {
      path: `data/${info.entitySet}${segment}${info.companySpecific ? '?cross-company=true' : ''}`,
      context: { entitySet: info.entitySet, key: decodeURIComponent(segment) },
    }
  }

  async function query(info: EntityInfo, opts: QueryOptions): Promise<QueryPage> {
    const response = await call<unknown>(
      { path: collectionPath(info, opts), ...withSignal(opts.signal) },
      {
        entitySet: info.entitySet,
      },
    )
    return pageOf(response.body)
  }

  async function nextPage(nextLink: string, signal?: AbortSignal): Promise<QueryPage> {
    return pageOf((await call<unknown>({ path: nextLink, ...withSignal(signal) })).body)
  }

  const sessions = new Map<string, Promise<UserSession>>()
  function session(signal?: AbortSignal): Promise<UserSession> {
    const token = currentCaller()?.token
    const who = token ? createHash('sha256').update(token).digest('hex') : ''
    const existing = sessions.get(who)
    if (existing) return existing
    const loading = (async () => {
      const body =
        (
          await call<Record<string, unknown>>({
            method: 'POST',
            path: `api/services/${SESSION_SERVICE}`,
            body: {},
            idempotent: true,
            ...withSignal(signal),
          })
        ).body ?? {}
      const company = String(body.Company ?? '').toLowerCase()
      return {
        userId: String(body.UserId ?? ''),
        company,
        ...(typeof body.IsSysAdmin === 'boolean' ? { isSysAdmin: body.IsSysAdmin } : {}),
        ...(typeof body.AXLanguage === 'string' ? { language: body.AXLanguage } : {}),
        raw: body,
      }
    })()
    if (sessions.size >= 200) sessions.delete(sessions.keys().next().value as string)
    sessions.set(who, loading)
    loading.catch(() => {
      if (sessions.get(who) === loading) sessions.delete(who)
    })
    return loading
  }

  return {
    url,
    metadata,
    entity,
    query,
    nextPage,
    async queryAll(info, opts) {
      const { maxRows, ...rest } = opts
      // one row more than the cap tells whether the cap cut the result
      const top = rest.top !== undefined ? Math.min(rest.top, maxRows + 1) : maxRows + 1
      let page = await query(info, { ...rest, top })
      const rows = [...page.rows]
      let requests = 1
      while (page.nextLink && rows.length <= maxRows && rows.length < top) {
        rest.signal?.throwIfAborted()
        page = await nextPage(page.nextLink, rest.signal)
        rows.push(...page.rows)
        requests++
      }
      const count = requests === 1 ? page.count : undefined
      return {
        rows: rows.slice(0, maxRows),
        truncated: rows.length > maxRows,
        requests,
        ...(count !== undefined ? { count } : {}),
      }
    },
    async get(info, key, opts = {}) {
      const { path, context } = keyPath(info, key, opts.company)
      const select = opts.select?.length ? `${path.includes('?') ? '&' : '?'}$select=${opts.select.join(',')}` : ''
      return clean((await call<Row>({ path: `${path}${select}`, ...withSignal(opts.signal) }, context)).body ?? {})
    },
    async create(info, values, opts = {}) {
      const crossCompany = info.companySpecific && typeof values.dataAreaId === 'string'
      const response = await call<Row>(
        {
          method: 'POST',
          path: `data/${info.entitySet}${crossCompany ? '?cross-company=true' : ''}`,
          body: values,
          headers: { Prefer: 'return=representation' },
          ...withSignal(opts.signal),
        },
        { entitySet: info.entitySet },
      )
      return clean(response.body && typeof response.body === 'object' ? response.body : {})
    },
    async update(info, key, values, opts = {}) {
      const { path, context } = keyPath(info, key, opts.company)
      // If-Match: * makes the PATCH an update only, never an insert of a missing record
      await call(
        {
          method: 'PATCH',
          path,
          body: values,
          headers: { 'If-Match': '*' },
          idempotent: true,
          ...withSignal(opts.signal),
        },
        context,
      )
    },
    async delete(info, key, opts = {}) {
      const { path, context } = keyPath(info, key, opts.company)
      await call({ method: 'DELETE', path, ...withSignal(opts.signal) }, context)
    },
    async invokeAction(action, parameters, opts = {}) {
      let path: string
      let context: ErrorContext = {}
      if (action.boundTo === 'entity') {
        if (!opts.entity || !opts.key) {
          throw new ToolError({
            code: 'InvalidInput',
            message: `${action.entitySet}.${action.name} acts on one record and needs its key.`,
            fix: `Pass key with the record's key fields (data_get_entity_metadata lists them for ${action.entitySet}).`,
          })
        }
        const segment = formatKey(opts.entity, opts.key, opts.company)
        path = `data/${action.entitySet}${segment}/${ACTION_NAMESPACE}.${action.name}${opts.entity.companySpecific ? '?cross-company=true' : ''}`
        context = { entitySet: opts.entity.entitySet, key: decodeURIComponent(segment) }
      } else if (action.boundTo === 'collection') {
        path = `data/${action.entitySet}/${ACTION_NAMESPACE}.${action.name}`
        context = { entitySet: action.entitySet ?? '' }
      } else {
        path = `data/${action.name}`
      }
      const response = await call<unknown>(
        { method: 'POST', path, body: parameters, ...withSignal(opts.signal) },
        context,
      )
      return response.body ?? null
    },
    async describeService(path, signal) {
      const clean = path.replace(/^\/+|\/+$/g, '')
      const response = await call<Record<string, unknown>>({
        path: `api/services${clean ? `/${clean}` : ''}`,
        ...withSignal(signal),
      })
      return response.body && typeof response.body === 'object' ? response.body : {}
    },
    async invokeService(path, parameters, signal) {
      const response = await call<unknown>({
        method: 'POST',
        path: `api/services/${path.replace(/^\/+|\/+$/g, '')}`,
        body: parameters,
        ...withSignal(signal),
      })
      return response.body ?? null
    },
    session,
  }
}

export type { CompanyScope }
