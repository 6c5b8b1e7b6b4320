// Who may call an HTTP deployment. Two authenticators for startHttp's `authenticate` hook:
// - an OAuth 2.0 resource server: bearer JWTs verified against the issuer's JWKS (issuer,
//   audience, expiry, required scopes), with RFC 9728 protected-resource metadata and
//   401/403 answers whose WWW-Authenticate header points at it;
// - static API keys for internal use, stored as SHA-256 hashes, never in clear.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AuthInfo } from '@modelcontextprotocol/server'
import { createRemoteJWKSet, customFetch, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose'
import type { HttpRoute } from './http.js'

export type Authenticator = (request: IncomingMessage, route: HttpRoute) => Promise<AuthInfo | undefined | Response>

export interface OAuthResourceServerOptions {
  /** the authorization server's issuer, exactly as in its tokens' `iss` */
  issuer: string
  /** accepted `aud` values: this API's identifier(s) */
  audience: string | string[]
  /** where the issuer publishes its keys; discovered from the issuer's metadata when left out */
  jwksUri?: string
  /** scopes (or app roles) every token must carry */
  requiredScopes?: string[]
  /** the public base URL of this server, e.g. https://mcp.example.com — used in the metadata */
  resourceUrl: string
  clockToleranceSeconds?: number
  /** fetch for discovery and keys (tests, proxies) */
  fetch?: typeof fetch
}

export interface OAuthResourceServer {
  authenticate: Authenticator
  /** serves /.well-known/oauth-protected-resource[/path]; pass as startHttp's extraRoutes */
  metadataRoute: (request: IncomingMessage, response: ServerResponse) => boolean
}

const METADATA_PATH = '/.well-known/oauth-protected-resource'

export function oauthResourceServer(options: OAuthResourceServerOptions): OAuthResourceServer {
  const doFetch = options.fetch ?? fetch
  const audiences = Array.isArray(options.audience) ? options.audience : [options.audience]
  const resourceUrl = options.resourceUrl.replace(/\/+$/, '')
  let keys: Promise<JWTVerifyGetKey> | undefined

  const loadKeys = () =>
    (keys ??= (async () => {
      const jwksUri = options.jwksUri ?? (await discoverJwksUri(options.issuer, doFetch))
      return createRemoteJWKSet(new URL(jwksUri), { [customFetch]: doFetch })
    })().catch((error) => {
      keys = undefined // discovery is retried on the next request
      throw error
    }))

  const metadataUrl = (path: string) => `${resourceUrl}${METADATA_PATH}${path === '/' ? '' : path}`

  const challenge = (status: 401 | 403, route: HttpRoute, error: string, description: string) =>
    new Response(JSON.stringify({ error, error_description: description }), {
      status,
      headers: {
        'Content-Type': 'application/json',
        'WWW-Authenticate': `Bearer realm="bizmcp", resource_metadata="${metadataUrl(route.path)}", error="${error}", error_description="${description.replace(/"/g, "'")}"${options.requiredScopes?.length ? `, scope="${options.requiredScopes.join(' ')}"` : ''}`,
      },
    })

  return {
    async authenticate(request, route) {
      const header = request.headers.authorization
      if (!header) return challenge(401, route, 'invalid_request', 'A bearer token is required.')
      const match = /^Bearer\s+(.+)$/i.exec(header)
      if (!match) return challenge(401, route, 'invalid_request', 'Use the Authorization: Bearer scheme.')
      let payload: JWTPayload
      try {
        ;({ payload } = await jwtVerify(match[1]!, await loadKeys(), {
          issuer: options.issuer,
          audience: audiences,
          clockTolerance: options.clockToleranceSeconds ?? 60,
          requiredClaims: ['exp'],
        }))
      } catch (error) {
        return challenge(401, route, 'invalid_token', describeJwtError(error))
      }
      const scopes = scopesOf(payload)
      const missing = (options.requiredScopes ?? []).filter((scope) => !scopes.includes(scope))
      if (missing.length) {
        return challenge(
          403,
          route,
          'insufficient_scope',
          `The token lacks the required scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
        )
      }
      const subject = String(payload.upn ?? payload.preferred_username ?? payload.oid ?? payload.sub ?? 'unknown')
      return {
        token: match[1]!,
        clientId: String(payload.azp ?? payload.appid ?? payload.client_id ?? 'unknown'),
        scopes,
        ...(payload.exp ? { expiresAt: payload.exp } : {}),
        extra: {
          sub: subject,
          iss: payload.iss,
          ...(payload.oid ? { oid: payload.oid } : {}),
          ...(payload.tid ? { tid: payload.tid } : {}),
        },
      }
    },
    metadataRoute(request, response) {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname
      if (request.method !== 'GET' || !path.startsWith(METADATA_PATH)) return false
      const resourcePath = path.slice(METADATA_PATH.length) || '/'
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'max-age=3600' })
      response.end(
        JSON.stringify({
          resource: resourcePath === '/' ? resourceUrl : `${resourceUrl}${resourcePath}`,
          authorization_servers: [options.issuer],
          bearer_methods_supported: ['header'],
          ...(options.requiredScopes?.length ? { scopes_supported: options.requiredScopes } : {}),
          resource_name: 'bizmcp',
        }),
      )
      return true
    },
  }
}

async function discoverJwksUri(issuer: string, doFetch: typeof fetch): Promise<string> {
  const base = issuer.replace(/\/+$/, '')
  for (const path of ['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server']) {
    const response = await doFetch(`${base}${path}`).catch(() => undefined)
    if (response?.ok) {
      const metadata = (await response.json()) as { jwks_uri?: string }
      if (metadata.jwks_uri) return metadata.jwks_uri
    }
  }
  throw new Error(
    `Cannot discover the signing keys of ${issuer}: neither its OpenID nor its OAuth metadata names a jwks_uri. Set jwksUri.`,
  )
}

function scopesOf(payload: JWTPayload): string[] {
  const scp =
    typeof payload.scp === 'string'
      ? payload.scp.split(' ')
      : typeof payload.scope === 'string'
        ? payload.scope.split(' ')
        : []
  const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : []
  return [...scp, ...roles].filter(Boolean)
}

function describeJwtError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired; get a new one.'
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'The token was issued for another audience.'
    if (error.claim === 'iss') return 'The token comes from an issuer this server does not trust.'
    return `The token's ${error.claim} claim is not valid.`
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return 'The token signature does not verify against the issuer keys.'
  }
  if (error instanceof errors.JOSEError) return 'The token is malformed.'
  return `The token could not be verified: ${(error as Error).message}`
}

export interface ApiKey {
  /** who this key identifies in audit lines */
  name: string
  /** hex SHA-256 of the key: `bizmcp config hash-key` prints one */
  sha256: string
  scopes?: string[]
}

/** Accepts `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function apiKeyAuthenticator(keys: ApiKey[]): Authenticator {
  const hashes = keys.map((key) => {
    if (!/^[0-9a-f]{64}$/i.test(key.sha256))
      throw new Error(`API key '${key.name}' needs a 64-character hex SHA-256 hash.`)
    return { ...key, digest: Buffer.from(key.sha256.toLowerCase(), 'hex') }
  })
  return async (request) => {
    const header = request.headers.authorization
    const presented =
      (header && /^Bearer\s+(.+)$/i.exec(header)?.[1]) || (request.headers['x-api-key'] as string | undefined)
    const refuse = (description: string) =>
      new Response(JSON.stringify({ error: 'invalid_token', error_description: description }), {
        status: 401,
        headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer realm="bizmcp"' },
      })
    if (!presented) return refuse('An API key is required (Authorization: Bearer <key> or X-API-Key).')
    const digest = createHash('sha256').update(presented).digest()
    const key = hashes.find((candidate) => timingSafeEqual(candidate.digest, digest))
    if (!key) return refuse('The API key is not valid.')
    return { token: presented, clientId: key.name, scopes: key.scopes ?? [], extra: { sub: key.name } }
  }
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}
