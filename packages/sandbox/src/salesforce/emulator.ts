// The Salesforce Sales Cloud emulator: OAuth 2.0 at /services/oauth2, the identity URL, and the
// REST API at /services/data over SQLite, mounted at /salesforce so that instance_url is
// `{baseUrl}/salesforce` and jsforce works against it unchanged.
import type { DatabaseSync } from 'node:sqlite'
import { type Clock, systemClock } from '../shared/clock.js'
import type { Emulator } from '../shared/emulator.js'
import { jsonResponse } from '../shared/http.js'
import { ReportInstances } from './analytics/reports.js'
import type { AuthContext } from './auth/context.js'
import { loadOrCreateJwtKeys } from './auth/keys.js'
import { handleAuthRoute, sessionOf } from './auth/routes.js'
import { SessionStore } from './auth/sessions.js'
import { resolveSalesforceConfig, type SalesforceConfig, type SalesforceConfigOptions } from './config.js'
import { SalesforceError, sfErrors } from './errors.js'
import { ensureForecastingSetup, seedDemoQuotas } from './forecasting/index.js'
import { toId18 } from './ids.js'
import { ApiUsage } from './rest/limits.js'
import { type RestContext, routeVersioned, versionOf } from './rest/router.js'
import { LATEST_VERSION, parseVersion, versionList } from './rest/versions.js'
import { SchemaModel } from './schema/model.js'
import { salesCloudSchema } from './schema/objects.js'
import type { SchemaDef } from './schema/types.js'
import { type DemoSeedOptions, loadDemoData } from './seed/index.js'
import { ensureOrgSetup } from './setup.js'
import { handlePartnerSoap, type SoapDeps, soapFault } from './soap/partner.js'
import { QueryCursors } from './soql/cursors.js'
import { loadSoqlParser } from './soql/parse.js'
import { Store } from './store.js'

export const SALESFORCE_PREFIX = '/salesforce'

export interface SalesforceEmulatorOptions {
  db: DatabaseSync
  /** the sandbox's current base URL; read on every request because serving over HTTP changes it */
  baseUrl: () => string
  /** demo data, generated once into a database that has none; none when left out */
  seed?: DemoSeedOptions
  clock?: Clock
  /** the objects served; the standard Sales Cloud objects by default */
  schema?: SchemaDef
  config?: SalesforceConfigOptions
}

export interface SalesforceEmulator extends Emulator {
  readonly config: SalesforceConfig
  readonly store: Store
  /** `{baseUrl}/salesforce`: instance URL and login URL */
  instanceUrl(): string
  describe(): Record<string, unknown>
}

/** What a client needs to sign in to the emulated org: known from the configuration alone. */
export function salesforceLoginDescription(instanceUrl: string, config = resolveSalesforceConfig()) {
  const app = config.apps[0]!
  return {
    instanceUrl,
    loginUrl: instanceUrl,
    tokenEndpoint: `${instanceUrl}/services/oauth2/token`,
    authorizeEndpoint: `${instanceUrl}/services/oauth2/authorize`,
    apiVersion: `${LATEST_VERSION}.0`,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
  }
}

export function createSalesforceEmulator(options: SalesforceEmulatorOptions): SalesforceEmulator {
  const clock = options.clock ?? systemClock
  const config = resolveSalesforceConfig(options.config)
  const model = new SchemaModel(options.schema ?? salesCloudSchema)
  const store = new Store(options.db, model)
  const orgId = toId18(config.orgId)!
  const latestVersion = `${LATEST_VERSION}.0`
  const identity = ensureOrgSetup(store, config, clock())
  const referenceDate = options.seed?.referenceDate ?? clock()
  ensureForecastingSetup(store, identity.adminId, referenceDate)
  if (options.seed) {
    loadDemoData(store, identity, { ...options.seed, referenceDate })
    seedDemoQuotas(store, identity.adminId, referenceDate, options.seed.seed ?? 42)
  }
  const instanceUrl = () => `${options.baseUrl().replace(/\/+$/, '')}${SALESFORCE_PREFIX}`
  const keys = loadOrCreateJwtKeys(store)
  const auth: AuthContext = {
    store,
    sessions: new SessionStore(options.db, config.orgId),
    config,
    clock,
    keys,
    instanceUrl,
    orgId,
    latestVersion,
  }
  const cursors = new QueryCursors()
  const reportInstances = new ReportInstances()
  const usage = new ApiUsage(store)

  const soap: SoapDeps = {
    sessionUser: (token) => auth.sessions.valid(token, 'access', clock().getTime())?.userId,
    countCall: () => usage.count(clock()),
    usage: () => ({ current: usage.used(clock()), limit: usage.max }),
    writeContext: (userId) => ({ store, now: clock(), userId }),
  }

  function errorResponse(error: SalesforceError, headers: HeadersInit = {}): Response {
    return jsonResponse(error.toBody(), error.status, headers)
  }

  async function rest(request: Request, segments: string[], query: URLSearchParams): Promise<Response> {
    const now = clock()
    const session = sessionOf(auth, request)
    if (!session) return errorResponse(sfErrors.invalidSession())
    const version = versionOf(segments[0]!)
    if (!usage.count(now))
      return errorResponse(new SalesforceError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'), {
        'sforce-limit-info': usage.header(now),
      })
    const headers = { 'sforce-limit-info': usage.header(now) }
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
    const ctx: RestContext = {
      model,
      write: { store, now, userId: session.userId },
      cursors,
      usage,
      reportInstances,
    }
    try {
      const reply = routeVersioned(ctx, version, {
        method: request.method,
        segments: segments.slice(1).map(decodeURIComponent),
        query,
        headers: request.headers,
        rawBody: text,
        body: () => {
          try {
            return JSON.parse(text)
          } catch {
            throw sfErrors.badJson(`Unexpected character in the request body: not valid JSON`)
          }
        },
      })
      if (reply.status === 204) return new Response(null, { status: 204, headers })
      return jsonResponse(reply.body, reply.status, headers)
    } catch (error) {
      if (error instanceof SalesforceError) return errorResponse(error, headers)
      throw error
    }
  }

  async function handle(request: Request, path: string): Promise<Response> {
    const url = new URL(path, 'http://salesforce.invalid')
    const pathname = url.pathname.replace(/\/+$/, '') || '/'
    const auth$ = await handleAuthRoute(auth, request, pathname, url.searchParams)
    if (auth$) return auth$
    if (pathname === '/services/data') return jsonResponse(versionList())
    const soapVersion = pathname.match(/^\/services\/Soap\/u\/([^/]+)$/)?.[1]
    if (soapVersion) {
      if (!parseVersion(`v${soapVersion}`))
        return soapFault('UNSUPPORTED_API_VERSION', `Invalid Api version specified on URL: ${soapVersion}`)
      return handlePartnerSoap(soap, request)
    }
    if (pathname.startsWith('/services/data/')) {
      const segments = pathname.slice('/services/data/'.length).split('/')
      await loadSoqlParser()
      try {
        return await rest(request, segments, url.searchParams)
      } catch (error) {
        if (error instanceof SalesforceError) return errorResponse(error)
        throw error
      }
    }
    return errorResponse(sfErrors.notFound())
  }

  const firstApp = config.apps[0]!
  return {
    name: 'salesforce',
    prefix: SALESFORCE_PREFIX,
    config,
    store,
    instanceUrl,
    handle,
    describe: () => {
      const users = store.all('SELECT "Id", "Username" FROM "sf_User" WHERE "IsDeleted" = 0')
      return {
        ...salesforceLoginDescription(instanceUrl(), config),
        orgId,
        users: config.logins.map((login) => ({
          username: login.username,
          password: login.password,
          securityToken: login.securityToken,
          userId: users.find((u) => String(u.Username).toLowerCase() === login.username.toLowerCase())?.Id,
        })),
        jwtBearer: {
          clientId: firstApp.clientId,
          audience: instanceUrl(),
          privateKeyPem: keys.privateKeyPem,
          publicKeyPem: keys.publicKeyPem,
        },
      }
    },
  }
}
