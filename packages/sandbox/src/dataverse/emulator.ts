// The Dataverse Web API v9.2 emulator: a fetch-style handler over SQLite-backed tables.

import { createHash } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import type { CallerIdentity, RequestContext } from './context.js'
import { DataverseError, ErrorCodes, segmentNotFound } from './errors.js'
import { type DvRequest, type DvResponse, fromError, json, parsePrefer, toFetchResponse } from './http.js'
import { restoreCustomizations } from './metadata/customize.js'
import { SchemaModel } from './model.js'
import { routeApiRequest } from './router.js'
import type { SchemaDefinition, SeedData } from './schema/types.js'
import { handleSearch } from './search/routes.js'
import { SearchIndex } from './search/search-index.js'
import { quote } from './store/columns.js'
import { loadSeed } from './store/seed-loader.js'
import { Store } from './store/store.js'
import { RequestLimiter, type ServiceProtection } from './throttle.js'

export type TokenVerification =
  | { ok: true; claims: { oid: string; [k: string]: unknown } }
  | { ok: false; description: string }

export interface DataverseEmulatorOptions {
  db: DatabaseSync
  schema: SchemaDefinition
  /**
   * Demo data, loaded once into a database that has none. A function is called only then, so a
   * file database that is already seeded doesn't pay for generating the data again.
   */
  seed?: SeedData | (() => SeedData)
  /**
   * e.g. http://sandbox.localhost/dataverse; a function when the public URL can change after
   * creation (the sandbox learns its port when it is served) — read on every request.
   */
  orgUrl: string | (() => string)
  verifyToken: (token: string | undefined) => Promise<TokenVerification>
  serviceProtection?: ServiceProtection
  /** the authority named in 401 `WWW-Authenticate` headers */
  authorizationUri?: string
}

export interface DataverseEmulator {
  name: 'dataverse'
  prefix: '/dataverse'
  handle(request: Request, path: string): Promise<Response>
  describe(): {
    name: 'dataverse'
    orgUrl: string
    webApiUrl: string
    tables: string[]
    currentUserId: string
    organizationId: string
  }
}

const API_PREFIX = /^\/api\/data\/v9\.[0-2](?=\/|$|\?)/
/** the native Dataverse search endpoint, e.g. /api/search/v2.0/query */
const SEARCH_PREFIX = /^\/api\/search\/v2\.0\/([A-Za-z]+)\/?$/
const ZERO_GUID = '00000000-0000-0000-0000-000000000000'

function stableGuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

type SeedIdentity = Pick<SeedData, 'currentUserId' | 'businessUnitId' | 'organizationId'>

/**
 * Loads the seed into an unseeded database and remembers who the signed-in user, business unit and
 * organization are, so that later starts read them back instead of generating the seed.
 */
function seedIdentity(store: Store, seed: DataverseEmulatorOptions['seed']): SeedIdentity | undefined {
  if (!seed) return undefined
  const saved = store.getMeta('seed_identity')
  if (store.getMeta('seeded') === '1' && saved) return JSON.parse(saved) as SeedIdentity
  const data = typeof seed === 'function' ? seed() : seed
  const identity: SeedIdentity = {
    currentUserId: data.currentUserId,
    businessUnitId: data.businessUnitId,
    organizationId: data.organizationId,
  }
  if (store.getMeta('seeded') !== '1') {
    loadSeed(store, store.model, data, new Date())
    store.setMeta('seeded', '1')
  }
  store.setMeta('seed_identity', JSON.stringify(identity))
  return identity
}

export function createDataverseEmulator(options: DataverseEmulatorOptions): DataverseEmulator {
  const currentOrgUrl = () =>
    (typeof options.orgUrl === 'function' ? options.orgUrl() : options.orgUrl).replace(/\/$/, '')
  const model = new SchemaModel(options.schema)
  const store = new Store(options.db, model)
  restoreCustomizations(model, store)
  for (const table of model.tables.values()) store.ensureTable(table)
  const identity = seedIdentity(store, options.seed)
  const search = new SearchIndex(options.db, model, store)
  store.transaction(() =>
    search.build(
      (key) => store.getMeta(key),
      (key, value) => store.setMeta(key, value),
    ),
  )
  const organizationId = identity?.organizationId ?? stableGuid(currentOrgUrl())
  const limiter = options.serviceProtection ? new RequestLimiter(options.serviceProtection) : undefined
  const authorizationUri = options.authorizationUri ?? 'https://login.microsoftonline.com/common/oauth2/authorize'

  function resolveCaller(oid: string): CallerIdentity {
    const users = model.table('systemuser')
    let userId = identity?.currentUserId ?? ZERO_GUID
    let businessUnitId = identity?.businessUnitId ?? ZERO_GUID
    if (users) {
      const conditions = [`${quote('systemuserid')} = ?`]
      const params = [oid.toLowerCase()]
      if (users.attributes.has('azureactivedirectoryobjectid')) {
        conditions.unshift(`lower(${quote('azureactivedirectoryobjectid')}) = ?`)
        params.unshift(oid.toLowerCase())
      }
      const row = store.all(`SELECT * FROM ${quote('systemuser')} WHERE ${conditions.join(' OR ')} LIMIT 1`, params)[0]
      if (row) {
        userId = row.systemuserid as string
        if (typeof row.businessunitid === 'string') businessUnitId = row.businessunitid
      }
    }
    return { userId, businessUnitId }
  }

  function unauthorized(description: string): Response {
    const res = json(
      401,
      { error: { code: ErrorCodes.unauthorized, message: description } },
      {
        'WWW-Authenticate': `Bearer authorization_uri=${authorizationUri}, resource_id=${currentOrgUrl()}/`,
      },
    )
    return toFetchResponse(res)
  }

  function searchDispatch(ctx: RequestContext, req: DvRequest, operation: string): DvResponse {
    try {
      return handleSearch(ctx, req, operation, false)
    } catch (err) {
      return fromError(err)
    }
  }

  /** Synchronous dispatch, also used for each part of a $batch. */
  function dispatch(ctx: RequestContext, req: DvRequest): DvResponse {
    try {
      return routeApiRequest(ctx, req, dispatch)
    } catch (err) {
      return fromError(err)
    }
  }

  return {
    name: 'dataverse',
    prefix: '/dataverse',
    describe: () => ({
      name: 'dataverse',
      orgUrl: currentOrgUrl(),
      webApiUrl: `${currentOrgUrl()}/api/data/v9.2/`,
      tables: [...model.tables.keys()],
      currentUserId: identity?.currentUserId ?? ZERO_GUID,
      organizationId,
    }),
    async handle(request: Request, path: string): Promise<Response> {
      const auth = request.headers.get('Authorization')
      const token = auth && /^Bearer\s+/i.test(auth) ? auth.replace(/^Bearer\s+/i, '').trim() : undefined
      const verified = await options.verifyToken(token)
      if (!verified.ok) return unauthorized(verified.description)
      const oid = String(verified.claims.oid)
      if (limiter) {
        const wait = limiter.check(oid, Date.now())
        if (wait !== undefined) {
          const err = new DataverseError(
            429,
            ErrorCodes.throttledRequests,
            `Number of requests exceeded the limit of ${options.serviceProtection?.maxRequests} over time window of ${Math.round((options.serviceProtection?.windowMs ?? 0) / 1000)} seconds.`,
            {
              'Retry-After': String(wait),
            },
          )
          return toFetchResponse(fromError(err))
        }
      }
      const orgUrl = currentOrgUrl()
      const apiBase = `${orgUrl}/api/data/v9.2/`
      const url = new URL(orgUrl + path)
      const orgPath = new URL(orgUrl).pathname.replace(/\/$/, '')
      const relative = url.pathname.slice(orgPath.length)
      const searchOperation = SEARCH_PREFIX.exec(relative)?.[1]
      const match = API_PREFIX.exec(relative)
      if (!match && !searchOperation) return toFetchResponse(fromError(segmentNotFound(url.pathname)))
      const apiPath = match ? relative.slice(match[0].length) : relative
      const bodyText = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
      const ctx: RequestContext = {
        search,
        model,
        store,
        caller: resolveCaller(oid),
        organizationId,
        orgUrl,
        apiBase,
        now: new Date(),
        prefs: parsePrefer(request.headers),
      }
      const req: DvRequest = { method: request.method, url, apiPath, headers: request.headers, bodyText }
      if (searchOperation) return toFetchResponse(searchDispatch(ctx, req, searchOperation))
      return toFetchResponse(dispatch(ctx, req))
    },
  }
}
