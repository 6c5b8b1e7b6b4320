import type { DatabaseSync } from 'node:sqlite'
import type { Clock } from '../shared/clock.js'
import type { Emulator } from '../shared/emulator.js'
import { jsonResponse } from '../shared/http.js'
import { type EntraConfig, findTenant, MULTI_TENANT_SEGMENTS } from './config.js'
import { jsonWebKeySet, openIdConfiguration } from './discovery.js'
import { EntraError, entraErrorResponse, entraErrors } from './errors.js'
import { type GrantContext, runGrant, type TokenRequest } from './grants.js'
import { loadOrCreateSigningKey, type SigningKey } from './keys.js'
import { type AccessTokenVerifier, type VerifyResult, verifyAccessToken } from './verify.js'

/** The https host @azure/identity is pointed at (it refuses http authorities); the sandbox maps it to /entra. */
export const SANDBOX_AUTHORITY_HOST = 'https://login.sandbox.localhost'
export const ENTRA_PREFIX = '/entra'

export interface EntraEmulatorOptions {
  db: DatabaseSync
  config: EntraConfig
  clock: Clock
  tokenLifetimeSeconds: number
  /** The sandbox's current base URL; read on every request because serving over HTTP changes it. */
  baseUrl: () => string
  /** Resource URLs of the other mounted emulators, valid token audiences. */
  knownResources: () => string[]
}

export interface EntraEmulator extends Emulator {
  readonly config: EntraConfig
  readonly signingKey: SigningKey
  /** Issuer of this tenant's tokens: `{baseUrl}/entra/{tenantId}/v2.0`. */
  issuer(tenantId?: string): string
  /** Verifies a token from this sandbox for the given audience. */
  verifyAccessToken: AccessTokenVerifier
}

export function createEntraEmulator(options: EntraEmulatorOptions): EntraEmulator {
  const { config, clock } = options
  const signingKey = loadOrCreateSigningKey(options.db)
  const primaryTenantId = config.tenants[0]!.tenantId
  const issuer = (tenantId: string = primaryTenantId) => `${options.baseUrl()}${ENTRA_PREFIX}/${tenantId}/v2.0`
  const issuers = () => config.tenants.map((tenant) => issuer(tenant.tenantId))

  const verify = (token: string | undefined, audience: string | string[]): Promise<VerifyResult> =>
    verifyAccessToken(token, { audience, issuer: issuers(), keys: jsonWebKeySet(signingKey), now: clock() })

  const grants: GrantContext = {
    key: signingKey,
    clock,
    lifetimeSeconds: options.tokenLifetimeSeconds,
    issuer,
    config,
    knownResources: options.knownResources,
    verify,
  }

  /** Where the client reached us: the https authority host, or `{baseUrl}/entra`. */
  const authorityFor = (request: Request): string => {
    const url = new URL(request.url)
    return url.origin === SANDBOX_AUTHORITY_HOST ? SANDBOX_AUTHORITY_HOST : `${options.baseUrl()}${ENTRA_PREFIX}`
  }

  async function handle(request: Request, path: string): Promise<Response> {
    const pathname = path.split('?')[0] ?? ''
    const segments = pathname.split('/').filter(Boolean)
    const [tenantSegment, ...rest] = segments
    const route = rest.join('/')
    try {
      if (!tenantSegment) return notFound(pathname)
      if (route === 'v2.0/.well-known/openid-configuration') {
        requireMethod(request, 'GET')
        const tenantId = resolveTenantForDiscovery(tenantSegment)
        const segment = tenantId ?? tenantSegment.toLowerCase()
        return jsonResponse(openIdConfiguration(authorityFor(request), segment, tenantId))
      }
      if (route === 'discovery/v2.0/keys') {
        requireMethod(request, 'GET')
        resolveTenantForDiscovery(tenantSegment)
        return jsonResponse(jsonWebKeySet(signingKey))
      }
      if (route === 'oauth2/v2.0/token') {
        requireMethod(request, 'POST')
        const body = await runGrant(grants, await readTokenRequest(request, tenantSegment))
        return jsonResponse(body, 200, { 'cache-control': 'no-store', pragma: 'no-cache' })
      }
      if (route === 'oauth2/v2.0/authorize') {
        throw entraErrors.badRequest(
          'The sandbox has no interactive sign-in. Use client credentials, the password grant with a sandbox user, or on-behalf-of.',
        )
      }
      return notFound(pathname)
    } catch (error) {
      if (error instanceof EntraError) return entraErrorResponse(error, clock)
      if (error instanceof MethodNotAllowed) {
        return jsonResponse({ error: 'method_not_allowed', error_description: error.message }, 405, {
          allow: error.allowed,
        })
      }
      throw error
    }
  }

  function resolveTenantForDiscovery(segment: string): string | undefined {
    if (MULTI_TENANT_SEGMENTS.has(segment.toLowerCase())) return undefined
    const tenant = findTenant(config, segment)
    if (!tenant) throw entraErrors.tenantNotFound(segment)
    return tenant.tenantId
  }

  return {
    name: 'entra',
    prefix: ENTRA_PREFIX,
    hosts: [new URL(SANDBOX_AUTHORITY_HOST).hostname],
    config,
    signingKey,
    issuer,
    verifyAccessToken: (token, { audience }) => verify(token, audience),
    handle,
    describe: () => {
      const tenant = config.tenants[0]!
      const app = tenant.apps[0]!
      return {
        authorityHost: SANDBOX_AUTHORITY_HOST,
        authority: `${options.baseUrl()}${ENTRA_PREFIX}/${tenant.tenantId}`,
        tenantId: tenant.tenantId,
        tenantDomain: tenant.domains[0],
        clientId: app.clientId,
        clientSecret: app.clientSecrets[0],
        issuer: issuer(tenant.tenantId),
        tokenEndpoint: `${options.baseUrl()}${ENTRA_PREFIX}/${tenant.tenantId}/oauth2/v2.0/token`,
        openIdConfiguration: `${options.baseUrl()}${ENTRA_PREFIX}/${tenant.tenantId}/v2.0/.well-known/openid-configuration`,
        jwksUri: `${options.baseUrl()}${ENTRA_PREFIX}/${tenant.tenantId}/discovery/v2.0/keys`,
        users: tenant.users.map((user) => ({
          userPrincipalName: user.userPrincipalName,
          password: user.password,
          oid: user.oid,
          displayName: user.displayName,
        })),
      }
    },
  }
}

class MethodNotAllowed extends Error {
  constructor(readonly allowed: string) {
    super(`Use ${allowed} for this endpoint.`)
  }
}

function requireMethod(request: Request, method: string): void {
  if (request.method !== method) throw new MethodNotAllowed(method)
}

function notFound(pathname: string): Response {
  return jsonResponse(
    {
      error: 'not_found',
      error_description: `No Entra endpoint at '${pathname}'. Endpoints: /{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/discovery/v2.0/keys, /{tenant}/oauth2/v2.0/token.`,
    },
    404,
  )
}

async function readTokenRequest(request: Request, tenantSegment: string): Promise<TokenRequest> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw entraErrors.badRequest(
      `The token endpoint takes an application/x-www-form-urlencoded body, not '${contentType || 'none'}'. Send the parameters as a form.`,
    )
  }
  const params = new URLSearchParams(await request.text())
  const basic = parseBasicAuth(request.headers.get('authorization'))
  return { tenantSegment, params, ...(basic ? { basic } : {}) }
}

/** client_secret_basic: RFC 6749 says both parts are form-urlencoded before base64. */
function parseBasicAuth(header: string | null): { clientId: string; clientSecret: string } | undefined {
  const match = header?.match(/^basic\s+(.+)$/i)
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) throw entraErrors.badRequest('The Basic authorization header must hold client_id:client_secret.')
  try {
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '))
    return { clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) }
  } catch {
    throw entraErrors.badRequest('The Basic authorization header is not valid form-urlencoded client_id:client_secret.')
  }
}
