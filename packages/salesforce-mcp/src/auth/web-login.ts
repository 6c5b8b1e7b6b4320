// The OAuth 2.0 web-server flow with PKCE (S256) for a person at a browser: a one-shot loopback
// server on 127.0.0.1 receives the redirect, the code is exchanged with the verifier, and the
// tokens are saved to a TokenStore. Nothing here prints a token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { StoredTokens, TokenStore } from './token-store.js'

export const CALLBACK_PATH = '/oauth/callback'
export const DEFAULT_LOGIN_TIMEOUT_MS = 5 * 60_000

export interface WebLoginOptions {
  loginUrl: string
  clientId: string
  /** only for connected apps that require the secret in the web-server flow */
  clientSecret?: string
  store: TokenStore
  /** called with the authorize URL (open a browser; tests follow it) */
  openUrl?: (url: string) => void | Promise<void>
  /** the callback port; 0 (any free port) by default */
  port?: number
  /** how long to wait for the browser to come back */
  timeoutMs?: number
  scope?: string
  /** where progress lines go; stderr by default */
  print?: (line: string) => void
  fetch?: typeof fetch
}

export interface WebLoginResult {
  path: string
  instanceUrl: string
  username?: string
  organizationId?: string
}

export class WebLoginError extends Error {
  constructor(
    readonly reason: 'denied' | 'state-mismatch' | 'timeout' | 'exchange-failed' | 'bad-callback',
    message: string,
  ) {
    super(message)
    this.name = 'WebLoginError'
  }
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function respond(res: ServerResponse, status: number, title: string, text: string, sent?: () => void) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
  })
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`,
    sent,
  )
}

interface Callback {
  code: string
}

/** Starts the loopback server; `result` settles with the first callback (or the timeout). */
async function listenForCallback(port: number, state: string, timeoutMs: number) {
  let settle!: { resolve: (cb: Callback) => void; reject: (error: Error) => void }
  const result = new Promise<Callback>((resolve, reject) => {
    settle = { resolve, reject }
  })
  let done = false
  // a callback sets `done` at once and settles once its page is sent; the first settlement wins,
  // so the timeout also covers a browser that never takes the page
  const settleWith = (outcome: Callback | Error) => {
    if (outcome instanceof Error) settle.reject(outcome)
    else settle.resolve(outcome)
  }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      respond(res, 404, 'Not found', 'This server only receives the Salesforce login redirect.')
      return
    }
    if (done) {
      respond(res, 410, 'Login already handled', 'You can close this window.')
      return
    }
    const q = url.searchParams
    if (!sameText(q.get('state') ?? '', state)) {
      const mismatch = new WebLoginError(
        'state-mismatch',
        'The login redirect carried a state that does not match this login (a stale or forged redirect); run the login again.',
      )
      done = true
      respond(res, 400, 'Login failed', 'The state did not match this login; start the login again.', () =>
        settleWith(mismatch),
      )
      return
    }
    const error = q.get('error')
    if (error) {
      const description = q.get('error_description')
      const denied = new WebLoginError(
        'denied',
        `Salesforce login was denied: ${error}${description ? ` (${description})` : ''}. Run the login again and allow access.`,
      )
      done = true
      respond(res, 400, 'Login denied', 'Salesforce did not authorize the app. You can close this window.', () =>
        settleWith(denied),
      )
      return
    }
    const code = q.get('code')
    if (!code) {
      done = true
      respond(res, 400, 'Login failed', 'The redirect had no authorization code.', () =>
        settleWith(new WebLoginError('bad-callback', 'The login redirect had neither a code nor an error.')),
      )
      return
    }
    done = true
    respond(
      res,
      200,
      'Logged in',
      'Salesforce login complete. You can close this window and return to the terminal.',
      () => settleWith({ code }),
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const timer = setTimeout(
    () =>
      settleWith(
        new WebLoginError(
          'timeout',
          `No login came back within ${Math.round(timeoutMs / 1000)} seconds; run the login again and finish it in the browser.`,
        ),
      ),
    timeoutMs,
  )
  const close = () =>
    new Promise<void>((resolve) => {
      clearTimeout(timer)
      server.close(() => resolve())
      server.closeIdleConnections()
      // a browser that keeps a connection open does not hold the login up
      setTimeout(() => server.closeAllConnections(), 1000).unref()
    })
  return { port: (server.address() as AddressInfo).port, result, close }
}

interface TokenAnswer {
  access_token?: string
  refresh_token?: string
  instance_url?: string
  id?: string
  issued_at?: string
  error?: string
  error_description?: string
}

async function identity(fetchFn: typeof fetch, idUrl: string, accessToken: string) {
  try {
    const res = await fetchFn(idUrl, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    })
    if (!res.ok) return {}
    const body = (await res.json()) as { username?: string; organization_id?: string }
    return {
      ...(body.username ? { username: body.username } : {}),
      ...(body.organization_id ? { organizationId: body.organization_id } : {}),
    }
  } catch {
    return {}
  }
}

export async function webLogin(options: WebLoginOptions): Promise<WebLoginResult> {
  const loginUrl = options.loginUrl.replace(/\/+$/, '')
  const fetchFn = options.fetch ?? fetch
  const print = options.print ?? ((line: string) => process.stderr.write(`${line}\n`))
  const { verifier, challenge } = pkcePair()
  const state = randomBytes(16).toString('base64url')
  const listener = await listenForCallback(options.port ?? 0, state, options.timeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS)
  try {
    const redirectUri = `http://127.0.0.1:${listener.port}${CALLBACK_PATH}`
    const authorize = new URL(`${loginUrl}/services/oauth2/authorize`)
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: options.clientId,
      redirect_uri: redirectUri,
      scope: options.scope ?? 'api refresh_token',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString()
    print(`Open this URL in a browser to log in to Salesforce:\n${authorize}`)
    if (options.openUrl) {
      // a failing opener leaves the printed URL; the wait below still bounds the login
      Promise.resolve()
        .then(() => options.openUrl!(authorize.toString()))
        .catch((error: Error) => print(`Could not open a browser (${error.message}); open the URL above.`))
    }
    const { code } = await listener.result

    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: options.clientId,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      ...(options.clientSecret ? { client_secret: options.clientSecret } : {}),
    })
    const res = await fetchFn(`${loginUrl}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
      signal: AbortSignal.timeout(60_000),
    })
    const answer = (await res.json().catch(() => ({}))) as TokenAnswer
    if (!res.ok || !answer.access_token || !answer.instance_url) {
      throw new WebLoginError(
        'exchange-failed',
        `Salesforce refused the authorization code (HTTP ${res.status}${answer.error ? `: ${answer.error}` : ''}${answer.error_description ? ` — ${answer.error_description}` : ''}).`,
      )
    }
    const who = answer.id ? await identity(fetchFn, answer.id, answer.access_token) : {}
    const tokens: StoredTokens = {
      instanceUrl: answer.instance_url,
      accessToken: answer.access_token,
      ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}),
      issuedAt: Number(answer.issued_at) || Date.now(),
      loginUrl,
      clientId: options.clientId,
      ...(answer.id ? { identityUrl: answer.id } : {}),
      ...who,
    }
    await options.store.write(tokens)
    return { path: options.store.path, instanceUrl: tokens.instanceUrl, ...who }
  } finally {
    await listener.close()
  }
}
