// The Dataverse Web API v9.2 emulator: a fetch-style handler over SQLite-backed tables.

import { createHash } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import type { CallerIdentity, RequestContext } from './context.js'
import { DataverseError, ErrorCodes, segmentNotFound } from './errors.js'
import { type DvRequest, type DvResponse, fromError, json, parsePrefer, toFetchResponse } from './http.js'
import { SchemaModel } from './model.js'
import { routeApiRequest } from './router.js'
import type { SchemaDefinition, SeedData } from './schema/types.js'
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
  seed?: SeedData
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
const ZERO_GUID = '00000000-0000-0000-0000-000000000000'

function stableGuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export function createDataverseEmulator(options: DataverseEmulatorOptions): DataverseEmulator {
  const currentOrgUrl = () =>
    (typeof options.orgUrl === 'function' ? options.orgUrl() : options.orgUrl).replace(/\/$/, '')
  const model = new SchemaModel(options.schema)
  const store = new Store(options.db, model)
  for (const def of store.customTables()) {
    if (!model.tables.has(def.logicalName)) {
      model.addTable(def)
      model.addPlatformRelationships(def.logicalName)
    }
  }
  for (const table of model.tables.values()) store.ensureTable(table)
  if (options.seed && store.getMeta('seeded') !== '1') {
    loadSeed(store, model, options.seed, new Date())
    store.setMeta('seeded', '1')
  }
  const organizationId = options.seed?.organizationId ?? stableGuid(currentOrgUrl())
  const limiter = options.serviceProtection ? new RequestLimiter(options.serviceProtection) : undefined
  const authorizationUri = options.authorizationUri ?? 'https://login.microsoftonline.com/common/oauth2/authorize'

  function resolveCaller(oid: string): CallerIdentity {
    const users = model.table('systemuser')
    let userId = options.seed?.currentUserId ?? ZERO_GUID
    let businessUnitId = options.seed?.businessUnitId ?? ZERO_GUID
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
      currentUserId: options.seed?.currentUserId ?? ZERO_GUID,
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
      const match = API_PREFIX.exec(url.pathname.slice(new URL(orgUrl).pathname.replace(/\/$/, '').length))
      if (!match) return toFetchResponse(fromError(segmentNotFound(url.pathname)))
      const basePath = new URL(orgUrl).pathname.replace(/\/$/, '') + match[0]
      const apiPath = url.pathname.slice(basePath.length)
      const bodyText = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
      const ctx: RequestContext = {
        model,
        store,
        caller: resolveCaller(oid),
        organizationId,
        orgUrl,
        apiBase,
        now: new Date(),
        prefs: parsePrefer(request.headers),
      }
      return toFetchResponse(
        dispatch(ctx, { method: request.method, url, apiPath, headers: request.headers, bodyText }),
      )
    },
  }
}
