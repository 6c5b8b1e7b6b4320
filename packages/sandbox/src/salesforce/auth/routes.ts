// OAuth endpoints under /services/oauth2 and the identity URL, plus the bearer check REST calls use.
import { jsonResponse } from '../../shared/http.js'
import { toId18 } from '../ids.js'
import { handleAuthorize } from './authorize.js'
import { type AuthContext, OAuthError, userById } from './context.js'
import { runGrant } from './grants.js'
import { identity, userInfo } from './identity.js'
import type { TokenRecord } from './sessions.js'

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

/** The session behind an `Authorization: Bearer|OAuth <token>` header, if it is live. */
export function sessionOf(ctx: AuthContext, request: Request, query?: URLSearchParams): TokenRecord | undefined {
  const header = request.headers.get('authorization') ?? ''
  const match = header.match(/^(?:Bearer|OAuth)\s+(\S+)$/i)
  const token = match?.[1] ?? query?.get('oauth_token') ?? undefined
  if (!token) return undefined
  return ctx.sessions.valid(token, 'access', ctx.clock().getTime())
}

function oauthError(error: OAuthError): Response {
  return jsonResponse({ error: error.error, error_description: error.description }, error.status, NO_STORE)
}

function parseBasic(header: string | null): [string, string] | undefined {
  const match = header?.match(/^basic\s+(.+)$/i)
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))]
}

async function formParams(request: Request, query: URLSearchParams): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? ''
  const params = new URLSearchParams(query)
  if (request.method === 'POST' && type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(await request.text())) params.set(k, v)
  }
  return params
}

const forbidden = () => new Response('Bad_OAuth_Token', { status: 403, headers: { 'content-type': 'text/plain' } })

/** Serves `/services/oauth2/*` and `/id/*`; undefined when the path is neither. */
export async function handleAuthRoute(
  ctx: AuthContext,
  request: Request,
  pathname: string,
  query: URLSearchParams,
): Promise<Response | undefined> {
  try {
    switch (pathname) {
      case '/services/oauth2/token': {
        if (request.method !== 'POST') return oauthError(new OAuthError('invalid_request', 'must use HTTP POST', 400))
        const params = await formParams(request, query)
        return jsonResponse(
          await runGrant(ctx, params, parseBasic(request.headers.get('authorization'))),
          200,
          NO_STORE,
        )
      }
      case '/services/oauth2/authorize':
        return await handleAuthorize(ctx, request, query)
      case '/services/oauth2/revoke': {
        const token = (await formParams(request, query)).get('token')
        if (!token || !ctx.sessions.revoke(token))
          return oauthError(new OAuthError('unsupported_token_type', 'this token type is not supported'))
        return new Response(null, { status: 200, headers: NO_STORE })
      }
      case '/services/oauth2/userinfo': {
        const session = sessionOf(ctx, request, query)
        const user = session && userById(ctx, session.userId)
        return user ? jsonResponse(userInfo(ctx, user)) : forbidden()
      }
    }
    const id = pathname.match(/^\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})\/?$/)
    if (id) {
      const session = sessionOf(ctx, request, query)
      if (!session) return forbidden()
      const orgId = toId18(id[1]!)
      const userId = toId18(id[2]!)
      const user = userId && orgId === ctx.orgId ? userById(ctx, userId) : undefined
      if (!user) return new Response('Bad_Id', { status: 404, headers: { 'content-type': 'text/plain' } })
      const version = query.get('version')?.replace(/^v/, '') ?? ctx.latestVersion
      return jsonResponse(identity(ctx, user, version))
    }
    return undefined
  } catch (error) {
    if (error instanceof OAuthError) return oauthError(error)
    throw error
  }
}
