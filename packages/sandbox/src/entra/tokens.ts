import { createHash, randomBytes } from 'node:crypto'
import { SignJWT } from 'jose'
import { type Clock, epochSeconds } from '../shared/clock.js'
import type { EntraApp, EntraTenant, EntraUser } from './config.js'
import type { SigningKey } from './keys.js'

/** Claims of the access tokens the emulator mints (a subset of Entra's v2.0 access token). */
// A type alias (not an interface) so that it is assignable to index-signature types such as `{ oid: string; [k: string]: unknown }`.
export type AccessTokenClaims = {
  aud: string
  iss: string
  iat: number
  nbf: number
  exp: number
  tid: string
  oid: string
  sub: string
  azp: string
  appid: string
  /** How the client authenticated: '0' public client, '1' client secret. */
  azpacr: '0' | '1'
  idtyp: 'app' | 'user'
  ver: '2.0'
  uti: string
  roles?: string[]
  scp?: string
  upn?: string
  preferred_username?: string
  name?: string
  given_name?: string
  family_name?: string
}

export interface TokenContext {
  key: SigningKey
  clock: Clock
  lifetimeSeconds: number
  /** Issuer for a tenant, e.g. `{baseUrl}/entra/{tenantId}/v2.0`. */
  issuer: (tenantId: string) => string
}

const REFRESH_AUDIENCE = 'urn:bizmcp-sandbox:refresh-token'
const REFRESH_LIFETIME_SECONDS = 90 * 24 * 3600

export function mintAppToken(
  ctx: TokenContext,
  tenant: EntraTenant,
  app: EntraApp,
  audience: string,
): Promise<{ token: string; claims: AccessTokenClaims }> {
  return sign(ctx, {
    ...baseClaims(ctx, tenant, app, audience),
    oid: app.servicePrincipalId,
    sub: app.servicePrincipalId,
    azpacr: '1',
    idtyp: 'app',
    ...(app.roles.length > 0 ? { roles: [...app.roles] } : {}),
  })
}

export function mintUserToken(
  ctx: TokenContext,
  tenant: EntraTenant,
  app: EntraApp,
  user: EntraUser,
  audience: string,
  scopes: string[],
  authenticatedWithSecret: boolean,
): Promise<{ token: string; claims: AccessTokenClaims }> {
  return sign(ctx, {
    ...baseClaims(ctx, tenant, app, audience),
    ...userClaims(user),
    sub: pairwiseSubject(user.oid, app.clientId),
    azpacr: authenticatedWithSecret ? '1' : '0',
    idtyp: 'user',
    scp: scopes.join(' '),
  })
}

/** An id token for the client app itself, as returned when `openid` is among the scopes. */
export async function mintIdToken(
  ctx: TokenContext,
  tenant: EntraTenant,
  app: EntraApp,
  user: EntraUser,
): Promise<string> {
  const now = epochSeconds(ctx.clock)
  return new SignJWT({
    aud: app.clientId,
    iss: ctx.issuer(tenant.tenantId),
    iat: now,
    nbf: now,
    exp: now + ctx.lifetimeSeconds,
    tid: tenant.tenantId,
    sub: pairwiseSubject(user.oid, app.clientId),
    oid: user.oid,
    name: user.displayName,
    preferred_username: user.userPrincipalName,
    ver: '2.0',
  })
    .setProtectedHeader({ alg: 'RS256', kid: ctx.key.kid, typ: 'JWT' })
    .sign(ctx.key.privateKey)
}

export interface RefreshTokenClaims {
  tid: string
  oid: string
  azp: string
  scope: string
}

/** Refresh tokens are opaque to clients; here they are signed JWTs with an audience no resource accepts. */
export function mintRefreshToken(ctx: TokenContext, claims: RefreshTokenClaims): Promise<string> {
  const now = epochSeconds(ctx.clock)
  return new SignJWT({
    ...claims,
    aud: REFRESH_AUDIENCE,
    iss: ctx.issuer(claims.tid),
    iat: now,
    exp: now + REFRESH_LIFETIME_SECONDS,
  })
    .setProtectedHeader({ alg: 'RS256', kid: ctx.key.kid, typ: 'JWT' })
    .sign(ctx.key.privateKey)
}

export { REFRESH_AUDIENCE }

/** `client_info` lets MSAL build its account id: base64url JSON of the user's oid and tenant. */
export function clientInfo(user: EntraUser, tenant: EntraTenant): string {
  return Buffer.from(JSON.stringify({ uid: user.oid, utid: tenant.tenantId })).toString('base64url')
}

function baseClaims(ctx: TokenContext, tenant: EntraTenant, app: EntraApp, audience: string) {
  const now = epochSeconds(ctx.clock)
  return {
    aud: audience,
    iss: ctx.issuer(tenant.tenantId),
    iat: now,
    nbf: now,
    exp: now + ctx.lifetimeSeconds,
    tid: tenant.tenantId,
    azp: app.clientId,
    appid: app.clientId,
    ver: '2.0' as const,
    uti: randomBytes(16).toString('base64url'),
  }
}

function userClaims(user: EntraUser) {
  return {
    oid: user.oid,
    upn: user.userPrincipalName,
    preferred_username: user.userPrincipalName,
    name: user.displayName,
    ...(user.givenName ? { given_name: user.givenName } : {}),
    ...(user.familyName ? { family_name: user.familyName } : {}),
  }
}

/** Entra's `sub` differs per app for the same user; derive it the same way every time. */
function pairwiseSubject(oid: string, clientId: string): string {
  return createHash('sha256').update(`${oid}:${clientId}`).digest('base64url').slice(0, 43)
}

async function sign(
  ctx: TokenContext,
  claims: AccessTokenClaims,
): Promise<{ token: string; claims: AccessTokenClaims }> {
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: ctx.key.kid, typ: 'JWT' })
    .sign(ctx.key.privateKey)
  return { token, claims }
}
