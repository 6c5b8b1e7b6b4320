// The token endpoint's grants: password, client credentials, refresh token, JWT bearer and
// authorization code (with PKCE), answering with Salesforce's token response.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { jwtVerify } from 'jose'
import type { ConnectedApp } from '../config.js'
import {
  type AuthContext,
  checkPassword,
  findApp,
  OAuthError,
  type OrgUser,
  oauthErrors,
  userByUsername,
} from './context.js'

export interface TokenResponse {
  access_token: string
  refresh_token?: string
  signature: string
  scope: string
  instance_url: string
  id: string
  token_type: 'Bearer'
  issued_at: string
}

/** Salesforce's own login hosts; a JWT's audience may name them or the sandbox itself. */
const LOGIN_HOSTS = ['https://login.salesforce.com', 'https://test.salesforce.com']

const secretsEqual = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function authenticateClient(ctx: AuthContext, params: URLSearchParams, basic?: [string, string]): ConnectedApp {
  const app = findApp(ctx, basic?.[0] ?? params.get('client_id'))
  const secret = basic?.[1] ?? params.get('client_secret')
  if (secret === null || !secretsEqual(secret, app.clientSecret)) throw oauthErrors.invalidClient()
  return app
}

export function identityUrl(ctx: AuthContext, userId: string): string {
  return `${ctx.instanceUrl()}/id/${ctx.orgId}/${userId}`
}

function respond(ctx: AuthContext, app: ConnectedApp, user: OrgUser, withRefresh: boolean): TokenResponse {
  const now = ctx.clock().getTime()
  const scope = app.scopes.filter((s) => withRefresh || s !== 'refresh_token').join(' ')
  const refresh = withRefresh
    ? ctx.sessions.issue('refresh', {
        userId: user.Id,
        clientId: app.clientId,
        scope,
        issuedAt: now,
        expiresAt: null,
        codeChallenge: null,
        codeChallengeMethod: null,
        redirectUri: null,
      })
    : undefined
  return accessResponse(ctx, app, user.Id, scope, refresh?.token ?? null, now)
}

function accessResponse(
  ctx: AuthContext,
  app: ConnectedApp,
  userId: string,
  scope: string,
  refreshToken: string | null,
  now: number,
): TokenResponse {
  const access = ctx.sessions.issue('access', {
    userId,
    clientId: app.clientId,
    scope,
    issuedAt: now,
    expiresAt: now + ctx.config.sessionSeconds * 1000,
    parent: refreshToken,
    codeChallenge: null,
    codeChallengeMethod: null,
    redirectUri: null,
  })
  const id = identityUrl(ctx, userId)
  const issuedAt = String(now)
  return {
    access_token: access.token,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    // Lets the client check that the id and time came from the org: HMAC-SHA256 keyed with the secret.
    signature: createHmac('sha256', app.clientSecret)
      .update(id + issuedAt)
      .digest('base64'),
    scope,
    instance_url: ctx.instanceUrl(),
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
  }
}

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name)
  if (!value) throw oauthErrors.missing(name)
  return value
}

function passwordGrant(ctx: AuthContext, params: URLSearchParams, basic?: [string, string]): TokenResponse {
  const app = authenticateClient(ctx, params, basic)
  const user = checkPassword(ctx, required(params, 'username'), required(params, 'password'))
  return respond(ctx, app, user, false)
}

function clientCredentialsGrant(ctx: AuthContext, params: URLSearchParams, basic?: [string, string]): TokenResponse {
  const app = authenticateClient(ctx, params, basic)
  const user = userByUsername(ctx, app.runAsUsername)
  if (user?.IsActive !== 1) throw new OAuthError('invalid_grant', 'no client credentials user enabled')
  return respond(ctx, app, user, false)
}

function refreshGrant(ctx: AuthContext, params: URLSearchParams, basic?: [string, string]): TokenResponse {
  const app = findApp(ctx, basic?.[0] ?? params.get('client_id'))
  // The secret is optional (public clients), but a wrong one fails.
  const secret = basic?.[1] ?? params.get('client_secret')
  if (secret !== null && !secretsEqual(secret, app.clientSecret)) throw oauthErrors.invalidClient()
  const now = ctx.clock().getTime()
  const refresh = ctx.sessions.valid(required(params, 'refresh_token'), 'refresh', now)
  if (!refresh || refresh.clientId !== app.clientId) throw oauthErrors.expiredToken()
  return accessResponse(
    ctx,
    app,
    refresh.userId,
    refresh.scope.replace(/\s*refresh_token/, '').trim(),
    refresh.token,
    now,
  )
}

async function jwtBearerGrant(ctx: AuthContext, params: URLSearchParams): Promise<TokenResponse> {
  const assertion = required(params, 'assertion')
  let claims: { iss?: string; sub?: string; aud?: string | string[] }
  try {
    const header = JSON.parse(Buffer.from(assertion.split('.')[0] ?? '', 'base64url').toString('utf8'))
    if (header.alg !== 'RS256') throw new Error('alg')
    ;({ payload: claims } = await jwtVerify(assertion, ctx.keys.publicKey, {
      algorithms: ['RS256'],
      currentDate: ctx.clock(),
      requiredClaims: ['iss', 'sub', 'aud', 'exp'],
    }))
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ERR_JWT_EXPIRED') throw new OAuthError('invalid_grant', 'expired authorization code')
    throw new OAuthError('invalid_grant', 'invalid assertion')
  }
  const app = findApp(ctx, claims.iss ?? null)
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
  const allowed = [...LOGIN_HOSTS, ctx.instanceUrl()]
  if (!audiences.some((aud) => aud && allowed.includes(aud.replace(/\/+$/, ''))))
    throw new OAuthError('invalid_grant', 'audience is invalid')
  const user = userByUsername(ctx, claims.sub ?? '')
  if (user?.IsActive !== 1) throw new OAuthError('invalid_grant', "user hasn't approved this consumer")
  return respond(ctx, app, user, false)
}

function authorizationCodeGrant(ctx: AuthContext, params: URLSearchParams, basic?: [string, string]): TokenResponse {
  const app = findApp(ctx, basic?.[0] ?? params.get('client_id'))
  const now = ctx.clock().getTime()
  const code = ctx.sessions.valid(required(params, 'code'), 'code', now)
  if (!code || code.clientId !== app.clientId) throw oauthErrors.invalidCode()
  // Codes are single use.
  ctx.sessions.revoke(code.token)
  if (code.redirectUri !== params.get('redirect_uri'))
    throw new OAuthError('invalid_grant', 'redirect_uri must match configuration')
  const verifier = params.get('code_verifier')
  const secret = basic?.[1] ?? params.get('client_secret')
  if (code.codeChallenge) {
    if (!verifier) throw new OAuthError('invalid_grant', 'invalid code verifier')
    const expected =
      code.codeChallengeMethod === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url')
    if (!secretsEqual(expected, code.codeChallenge)) throw new OAuthError('invalid_grant', 'invalid code verifier')
  }
  // A client without PKCE must prove itself with its secret.
  if (secret !== null ? !secretsEqual(secret, app.clientSecret) : !code.codeChallenge) throw oauthErrors.invalidClient()
  const user = ctx.store.get('SELECT * FROM "sf_User" WHERE "Id" = ?', [code.userId]) as OrgUser | undefined
  if (!user) throw oauthErrors.invalidCode()
  return respond(ctx, app, user, code.scope.split(' ').includes('refresh_token'))
}

export async function runGrant(
  ctx: AuthContext,
  params: URLSearchParams,
  basic?: [string, string],
): Promise<TokenResponse> {
  switch (params.get('grant_type')) {
    case 'password':
      return passwordGrant(ctx, params, basic)
    case 'client_credentials':
      return clientCredentialsGrant(ctx, params, basic)
    case 'refresh_token':
      return refreshGrant(ctx, params, basic)
    case 'urn:ietf:params:oauth:grant-type:jwt-bearer':
      return jwtBearerGrant(ctx, params)
    case 'authorization_code':
      return authorizationCodeGrant(ctx, params, basic)
    case null:
      throw oauthErrors.missing('grant_type')
    default:
      throw oauthErrors.unsupportedGrant()
  }
}
