// The finance & operations emulator: Entra-protected OData at /data (entities, $metadata, query
// options, paging, cross-company, CRUD, bound actions), custom services at /api/services, and the
// file-attachment custom APIs at /api/data/v9.2, the form engine's MCP endpoint at /mcp, over one SQLite record store (records.ts) that is
// created and seeded on the first request, so that the sandbox starts fast.
import type { Sandbox } from '../sandbox.js'
import type { Clock } from '../shared/clock.js'
import type { Emulator } from '../shared/emulator.js'
import { CUSTOM_API_PATH, customApiError, handleCustomApi } from './attachments/custom-apis.js'
import { authenticate } from './auth.js'
import type { ErpRequestContext } from './context.js'
import { ErpError, type ErpStore } from './model.js'
import { handleData } from './odata/data.js'
import { errorResponse, notFoundSegment } from './odata/http.js'
import { createErpRecords } from './records.js'
import { matchRoute, type Route } from './router.js'
import { handleServices } from './services/routes.js'

export const ERP_PREFIX = '/erp'

export interface ErpEmulatorOptions {
  /** seed of the demo-data generator (default 42) */
  seed?: number
  /** multiplies the transactional demo data (default 1) */
  scale?: number
  clock?: Clock
}

export interface ErpEmulator extends Emulator {
  /** the record store, created (and seeded when the database has no finance & operations data) on first use */
  records(): ErpStore
}

export function createErpEmulator(sandbox: Sandbox, options: ErpEmulatorOptions = {}): ErpEmulator {
  const clock = options.clock ?? sandbox.clock
  let store: ErpStore | undefined
  const records = () => {
    store ??= createErpRecords({
      db: sandbox.db,
      clock,
      seed: options.seed ?? 42,
      scale: options.scale ?? 1,
      users: sandbox.entra.users.map(({ oid, userPrincipalName, displayName }) => ({
        oid,
        userPrincipalName,
        displayName,
      })),
    })
    return store
  }
  const baseUrl = () => sandbox.urlOf('erp')
  const verify = (authorization: string | null) =>
    sandbox.entra.verifyAccessToken(authorization ?? undefined, { audience: baseUrl() })

  const routes: Route[] = [
    { pattern: /^\/data(?=\/|$)/, handle: ({ rest }, ctx) => handleData(ctx!, rest) },
    { pattern: /^\/api\/services(?=\/|$)/, handle: ({ rest }, ctx) => handleServices(ctx!, rest) },
    {
      pattern: new RegExp(`^${CUSTOM_API_PATH.replace(/\./g, '\\.')}(?=/|$)`),
      handle: ({ rest }, ctx) => handleCustomApi(ctx!, rest),
    },
    {
      pattern: /^\/mcp$/,
      authenticated: false,
      handle: async ({ request }) =>
        (await import('./mcp/endpoint.js')).erpMcpEndpointFor(sandbox, records()).handle(request),
    },
  ]

  return {
    name: 'erp',
    prefix: ERP_PREFIX,
    records,
    describe: () => ({
      environmentUrl: baseUrl(),
      odataUrl: `${baseUrl()}/data/`,
      servicesUrl: `${baseUrl()}/api/services`,
      attachmentApiUrl: `${baseUrl()}${CUSTOM_API_PATH}/`,
      // the environment's MCP endpoint, which serves the form tools
      mcpUrl: `${baseUrl()}/mcp`,
      scope: `${baseUrl()}/.default`,
      companies: ['usmf', 'demf', 'gbsi'],
    }),
    async handle(request, pathWithQuery) {
      const url = new URL(request.url)
      const path = pathWithQuery.replace(/\?.*$/, '')
      const matched = matchRoute(routes, path)
      const isCustomApi = path.startsWith(CUSTOM_API_PATH)
      try {
        if (!matched) throw notFoundSegment(path)
        if (matched.route.authenticated === false)
          return await matched.route.handle({ request, path, rest: matched.rest }, undefined)
        const user = await authenticate(verify, request, records)
        const ctx: ErpRequestContext = { request, url, store: records(), user, baseUrl: baseUrl() }
        return await matched.route.handle({ request, path, rest: matched.rest }, ctx)
      } catch (error) {
        const challenge: Record<string, string> =
          error instanceof ErpError && error.status === 401
            ? {
                'WWW-Authenticate': `Bearer authorization_uri="${sandbox.entra.authority}", resource_id="${baseUrl()}"`,
              }
            : {}
        if (isCustomApi && error instanceof ErpError) {
          const response = customApiError(
            error.status,
            error.status === 401 ? '0x80072560' : '0x80040216',
            error.message,
          )
          for (const [name, value] of Object.entries(challenge)) response.headers.set(name, value)
          return response
        }
        return errorResponse(error, challenge)
      }
    },
  }
}
