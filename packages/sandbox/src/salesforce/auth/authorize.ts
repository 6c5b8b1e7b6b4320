// The web-server flow's login page: GET shows a form, POST checks the password and redirects
// back to the client with a one-time code (bound to the PKCE challenge when there is one).
import { type AuthContext, checkPassword, findApp, OAuthError } from './context.js'

const CODE_SECONDS = 15 * 60
const PASSED_ON = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'scope',
  'code_challenge',
  'code_challenge_method',
]

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function isLoopback(uri: URL): boolean {
  return uri.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(uri.hostname)
}

function page(status: number, body: string): Response {
  return new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Login | Salesforce (bizmcp sandbox)</title></head><body>${body}</body></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  )
}

function errorPage(error: string, description: string): Response {
  return page(400, `<h1>Error</h1><p id="error">${escapeHtml(error)}: ${escapeHtml(description)}</p>`)
}

function loginForm(params: URLSearchParams, appName: string, message?: string): Response {
  const hidden = PASSED_ON.filter((name) => params.get(name) !== null)
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name)!)}">`)
    .join('')
  return page(
    200,
    `<h1>Log in to allow ${escapeHtml(appName)}</h1>${message ? `<p id="error" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="authorize">${hidden}
<label>Username <input name="username" autocomplete="username" required></label>
<label>Password <input name="pw" type="password" autocomplete="current-password" required></label>
<button type="submit">Log In</button></form>`,
  )
}

function redirect(location: URL): Response {
  return new Response(null, { status: 302, headers: { location: location.toString(), 'cache-control': 'no-store' } })
}

/** Validates client and redirect URI; errors about them are shown, not redirected (the URI is untrusted). */
function checkClient(ctx: AuthContext, params: URLSearchParams): { appName: string; redirectUri: URL } | Response {
  let app: ReturnType<typeof findApp>
  try {
    app = findApp(ctx, params.get('client_id'))
  } catch (error) {
    if (error instanceof OAuthError) return errorPage('OAUTH_EC_APP_NOT_FOUND', 'client identifier invalid')
    throw error
  }
  const raw = params.get('redirect_uri') ?? ''
  let uri: URL
  try {
    uri = new URL(raw)
  } catch {
    return errorPage('redirect_uri_mismatch', 'redirect_uri must match configuration')
  }
  if (!app.callbackUrls.includes(raw) && !isLoopback(uri))
    return errorPage('redirect_uri_mismatch', 'redirect_uri must match configuration')
  return { appName: app.name, redirectUri: uri }
}

function withParams(uri: URL, values: Record<string, string | null>): URL {
  const out = new URL(uri)
  for (const [k, v] of Object.entries(values)) if (v !== null) out.searchParams.set(k, v)
  return out
}

export async function handleAuthorize(ctx: AuthContext, request: Request, query: URLSearchParams): Promise<Response> {
  const params = request.method === 'POST' ? new URLSearchParams(await request.text()) : query
  const checked = checkClient(ctx, params)
  if (checked instanceof Response) return checked
  const state = params.get('state')
  if (params.get('response_type') !== 'code')
    return redirect(
      withParams(checked.redirectUri, {
        error: 'unsupported_response_type',
        error_description: 'response type not supported',
        state,
      }),
    )
  const method = params.get('code_challenge_method')
  if (params.get('code_challenge') && method && method !== 'S256' && method !== 'plain')
    return redirect(
      withParams(checked.redirectUri, {
        error: 'invalid_request',
        error_description: 'invalid code_challenge_method',
        state,
      }),
    )
  if (request.method !== 'POST') return loginForm(params, checked.appName)

  let user: ReturnType<typeof checkPassword>
  try {
    user = checkPassword(ctx, params.get('username') ?? '', params.get('pw') ?? '')
  } catch {
    return loginForm(
      params,
      checked.appName,
      "Please check your username and password. If you still can't log in, contact your Salesforce administrator.",
    )
  }
  const app = findApp(ctx, params.get('client_id'))
  const requested = (params.get('scope') ?? '').split(/\s+/).filter(Boolean)
  const scope = (
    requested.length ? app.scopes.filter((s) => requested.includes(s) || requested.includes('full')) : app.scopes
  ).join(' ')
  const now = ctx.clock().getTime()
  const code = ctx.sessions.issue('code', {
    userId: user.Id,
    clientId: app.clientId,
    scope,
    issuedAt: now,
    expiresAt: now + CODE_SECONDS * 1000,
    codeChallenge: params.get('code_challenge'),
    codeChallengeMethod: params.get('code_challenge') ? (method ?? 'S256') : null,
    redirectUri: params.get('redirect_uri'),
  })
  return redirect(withParams(checked.redirectUri, { code: code.token, state }))
}
