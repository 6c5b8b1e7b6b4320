import { jwtVerify } from 'jose'
import { trimTrailingSlashes } from '../shared/http.js'
import {
  type EntraApp,
  type EntraConfig,
  type EntraTenant,
  type EntraUser,
  findApp,
  findAppAnywhere,
  findTenant,
  findUser,
  MULTI_TENANT_SEGMENTS,
} from './config.js'
import { entraErrors } from './errors.js'
import { delegatedPermissions, type ParsedScopes, parseScopes, requireDefaultScope } from './scopes.js'
import {
  clientInfo,
  mintAppToken,
  mintIdToken,
  mintRefreshToken,
  mintUserToken,
  REFRESH_AUDIENCE,
  type TokenContext,
} from './tokens.js'
import type { VerifyResult } from './verify.js'

export const GRANT_CLIENT_CREDENTIALS = 'client_credentials'
export const GRANT_PASSWORD = 'password'
export const GRANT_REFRESH_TOKEN = 'refresh_token'
export const GRANT_JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

export interface GrantContext extends TokenContext {
  config: EntraConfig
  /** Audiences a token may be requested for, besides the registered apps. */
  knownResources: () => string[]
  /** Verifies a user token presented as an on-behalf-of assertion. */
  verify: (token: string, audience: string[]) => Promise<VerifyResult>
}

export interface TokenRequest {
  /** Tenant segment of the URL: a tenant id, a domain, or `common`/`organizations`. */
  tenantSegment: string
  params: URLSearchParams
  /** `Authorization: Basic` credentials (client_secret_basic), if sent. */
  basic?: { clientId: string; clientSecret: string }
}

export type TokenResponseBody = Record<string, string | number>

/** Runs one token request; throws EntraError for anything Entra would refuse. */
export async function runGrant(ctx: GrantContext, request: TokenRequest): Promise<TokenResponseBody> {
  const grantType = request.params.get('grant_type')
  if (!grantType) throw entraErrors.missingParameter('grant_type')
  switch (grantType) {
    case GRANT_CLIENT_CREDENTIALS:
      return clientCredentials(ctx, request)
    case GRANT_PASSWORD:
      return password(ctx, request)
    case GRANT_JWT_BEARER:
      return onBehalfOf(ctx, request)
    case GRANT_REFRESH_TOKEN:
      return refresh(ctx, request)
    default:
      throw entraErrors.unsupportedGrant(grantType)
  }
}

async function clientCredentials(ctx: GrantContext, request: TokenRequest): Promise<TokenResponseBody> {
  const { tenant, app } = authenticateClient(ctx, request, { secretRequired: true })
  const scopeParam = request.params.get('scope')
  const scopes = parseScopes(scopeParam)
  requireDefaultScope(scopes, scopeParam ?? '')
  const audience = resolveAudience(ctx, tenant, scopes.resource)
  const { token } = await mintAppToken(ctx, tenant, app, audience)
  return bearer(ctx, token)
}

async function password(ctx: GrantContext, request: TokenRequest): Promise<TokenResponseBody> {
  const { tenant, app, withSecret } = authenticateClient(ctx, request, { secretRequired: false })
  const username = request.params.get('username')
  const secret = request.params.get('password')
  if (!username) throw entraErrors.missingParameter('username')
  if (!secret) throw entraErrors.missingParameter('password')
  const user = findUser(tenant, username)
  if (!user || user.password !== secret) throw entraErrors.badUserCredentials()
  const scopes = parseScopes(request.params.get('scope'))
  return userTokens(ctx, { tenant, app, user, scopes, withSecret, params: request.params })
}

async function onBehalfOf(ctx: GrantContext, request: TokenRequest): Promise<TokenResponseBody> {
  if (request.params.get('requested_token_use') !== 'on_behalf_of') {
    throw entraErrors.badRequest(
      "The jwt-bearer grant is supported for on-behalf-of only: send requested_token_use=on_behalf_of with the user's token as 'assertion'.",
    )
  }
  const assertion = request.params.get('assertion')
  if (!assertion) throw entraErrors.missingParameter('assertion')
  const { tenant, app } = authenticateClient(ctx, request, { secretRequired: true })
  // The incoming token must have been issued to this app (its own API), as in Entra.
  const verified = await ctx.verify(assertion, [app.clientId, `api://${app.clientId}`])
  if (!verified.ok) {
    if (verified.reason === 'expired') throw entraErrors.assertionExpired()
    throw entraErrors.invalidAssertion(verified.description)
  }
  const claims = verified.claims
  if (claims.idtyp !== 'user') {
    throw entraErrors.invalidAssertion("The assertion is an app-only token; on-behalf-of needs a user's token.")
  }
  if (claims.tid !== tenant.tenantId) {
    throw entraErrors.invalidAssertion(`The assertion was issued in tenant ${claims.tid}, not ${tenant.tenantId}.`)
  }
  const user = tenant.users.find((candidate) => candidate.oid === claims.oid)
  if (!user) throw entraErrors.invalidAssertion(`The user ${claims.oid} no longer exists in the tenant.`)
  const scopes = parseScopes(request.params.get('scope'))
  return userTokens(ctx, { tenant, app, user, scopes, withSecret: true, params: request.params })
}

async function refresh(ctx: GrantContext, request: TokenRequest): Promise<TokenResponseBody> {
  const refreshToken = request.params.get('refresh_token')
  if (!refreshToken) throw entraErrors.missingParameter('refresh_token')
  const { tenant, app, withSecret } = authenticateClient(ctx, request, { secretRequired: false })
  let payload: Record<string, unknown>
  try {
    ;({ payload } = await jwtVerify(refreshToken, ctx.key.publicKey, {
      algorithms: ['RS256'],
      audience: REFRESH_AUDIENCE,
      issuer: ctx.issuer(tenant.tenantId),
      currentDate: ctx.clock(),
    }))
  } catch {
    throw entraErrors.invalidRefreshToken('it was not issued by this sandbox for this tenant, or it has expired.')
  }
  if (payload.azp !== app.clientId)
    throw entraErrors.invalidRefreshToken(`it was issued to another client, not ${app.clientId}.`)
  const user = tenant.users.find((candidate) => candidate.oid === payload.oid)
  if (!user) throw entraErrors.invalidRefreshToken('its user no longer exists.')
  const scopes = parseScopes(request.params.get('scope') ?? String(payload.scope ?? ''))
  return userTokens(ctx, { tenant, app, user, scopes, withSecret, params: request.params })
}

interface UserGrant {
  tenant: EntraTenant
  app: EntraApp
  user: EntraUser
  scopes: ParsedScopes
  withSecret: boolean
  params: URLSearchParams
}

async function userTokens(ctx: GrantContext, grant: UserGrant): Promise<TokenResponseBody> {
  const { tenant, app, user, scopes } = grant
  const audience = resolveAudience(ctx, tenant, scopes.resource)
  const { token } = await mintUserToken(
    ctx,
    tenant,
    app,
    user,
    audience,
    delegatedPermissions(scopes),
    grant.withSecret,
  )
  const granted = [
    ...scopes.requested,
    ...(scopes.openid ? ['openid', 'profile'] : []),
    ...(scopes.offlineAccess ? ['offline_access'] : []),
  ]
  const body: TokenResponseBody = { ...bearer(ctx, token), scope: granted.join(' ') }
  if (scopes.openid) body.id_token = await mintIdToken(ctx, tenant, app, user)
  if (scopes.offlineAccess) {
    body.refresh_token = await mintRefreshToken(ctx, {
      tid: tenant.tenantId,
      oid: user.oid,
      azp: app.clientId,
      scope: scopes.requested.join(' '),
    })
  }
  if (grant.params.get('client_info') === '1') body.client_info = clientInfo(user, tenant)
  return body
}

function bearer(ctx: GrantContext, token: string): TokenResponseBody {
  return {
    token_type: 'Bearer',
    expires_in: ctx.lifetimeSeconds,
    ext_expires_in: ctx.lifetimeSeconds,
    access_token: token,
  }
}

/**
 * Finds the tenant and the app, and checks the app's secret. A public client (allowed public flows,
 * no secret sent) may use user grants only.
 */
function authenticateClient(
  ctx: GrantContext,
  request: TokenRequest,
  { secretRequired }: { secretRequired: boolean },
): { tenant: EntraTenant; app: EntraApp; withSecret: boolean } {
  const clientId = request.params.get('client_id') ?? request.basic?.clientId
  if (!clientId) throw entraErrors.missingParameter('client_id')
  const { tenant, app } = findClient(ctx.config, request.tenantSegment, clientId)
  if (request.params.has('client_assertion') || request.params.get('client_assertion_type') === CLIENT_ASSERTION_TYPE) {
    throw entraErrors.unsupportedClientAssertion()
  }
  const secret = request.params.get('client_secret') ?? request.basic?.clientSecret
  if (secret !== undefined && secret !== null) {
    if (!app.clientSecrets.includes(secret)) throw entraErrors.invalidSecret(app.clientId)
    return { tenant, app, withSecret: true }
  }
  if (secretRequired || !app.allowPublicClient) throw entraErrors.missingClientCredential()
  return { tenant, app, withSecret: false }
}

function findClient(
  config: EntraConfig,
  tenantSegment: string,
  clientId: string,
): { tenant: EntraTenant; app: EntraApp } {
  if (MULTI_TENANT_SEGMENTS.has(tenantSegment.toLowerCase())) {
    const found = findAppAnywhere(config, clientId)
    if (!found) throw entraErrors.unknownClient(clientId, tenantSegment)
    return found
  }
  const tenant = findTenant(config, tenantSegment)
  if (!tenant) throw entraErrors.tenantNotFound(tenantSegment)
  const app = findApp(tenant, clientId)
  if (!app) throw entraErrors.unknownClient(clientId, tenant.tenantId)
  return { tenant, app }
}

/**
 * Maps the requested resource to the token's `aud`: a registered app (by id or `api://` URI) gets its
 * client id, as Entra's v2.0 tokens do; any other resource must be mounted or configured.
 */
function resolveAudience(ctx: GrantContext, tenant: EntraTenant, resource: string): string {
  const lower = resource.toLowerCase()
  for (const candidate of ctx.config.tenants.flatMap((t) => t.apps)) {
    if (lower === candidate.clientId || lower === `api://${candidate.clientId}`) return candidate.clientId
  }
  const known = [...ctx.knownResources(), ...ctx.config.extraResources].map(trimTrailingSlashes)
  const match = known.find((candidate) => candidate.toLowerCase() === lower)
  if (!match) throw entraErrors.unknownResource(resource, tenant.tenantId, known)
  return match
}
