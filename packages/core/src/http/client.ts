// The HTTP client every product's vendor client is built on: an injectable fetch (the sandbox
// in process, msw in tests, the network in production), bearer tokens from a token provider,
// a per-request timeout, bounded retries that honour Retry-After, a concurrency cap, and
// cancellation from the MCP request's signal. Vendor error bodies are decoded by the product.
import type { TokenProvider } from '../auth/token-provider.js'
import {
  backoffDelay,
  DEFAULT_RETRY,
  isIdempotentMethod,
  parseRetryAfter,
  type RetryPolicy,
  shouldRetry,
  sleep,
} from './retry.js'
import { Semaphore } from './semaphore.js'
import { NO_RESPONSE, VendorError } from './vendor-error.js'

export type FetchLike = (input: Request) => Promise<Response>

export interface HttpClientOptions {
  baseUrl: string
  fetch?: FetchLike
  token?: TokenProvider
  /** per attempt; default 30 s */
  timeoutMs: number
  retry: RetryPolicy
  /** concurrent requests in flight; default 8 */
  concurrency: number
  headers?: Record<string, string>
  userAgent?: string
  /** reads the vendor's error body into a message and code */
  decodeError?: (status: number, body: unknown, text: string) => { message: string; vendorCode?: string }
  /** called before each retry; for logs and tests */
  onRetry?: (info: { attempt: number; delayMs: number; status: number; method: string; url: string }) => void
}

export interface RequestOptions {
  method?: string
  /** relative to baseUrl, or absolute (e.g. a vendor's nextLink) */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  headers?: Record<string, string>
  /** objects are sent as JSON */
  body?: unknown
  signal?: AbortSignal
  /** override the method's default idempotency (e.g. a POST the vendor documents as safe to repeat) */
  idempotent?: boolean
  timeoutMs?: number
}

export interface HttpResponse<T = unknown> {
  status: number
  headers: Headers
  body: T
}

export interface HttpClient {
  readonly baseUrl: string
  request<T = unknown>(options: RequestOptions): Promise<HttpResponse<T>>
  get<T = unknown>(path: string, options?: Omit<RequestOptions, 'path' | 'method'>): Promise<T>
  post<T = unknown>(
    path: string,
    body: unknown,
    options?: Omit<RequestOptions, 'path' | 'method' | 'body'>,
  ): Promise<HttpResponse<T>>
  /** resolves a path against the base URL, as request() does */
  url(path: string, query?: RequestOptions['query']): string
}

export function createHttpClient(options: Partial<HttpClientOptions> & { baseUrl: string }): HttpClient {
  const settings: HttpClientOptions = {
    timeoutMs: 30_000,
    concurrency: 8,
    ...options,
    retry: { ...DEFAULT_RETRY, ...options.retry },
  }
  const doFetch: FetchLike = settings.fetch ?? ((request) => fetch(request))
  const base = settings.baseUrl.endsWith('/') ? settings.baseUrl : `${settings.baseUrl}/`
  const slots = new Semaphore(settings.concurrency)

  const url = (path: string, query?: RequestOptions['query']) => {
    const target = /^https?:\/\//i.test(path) ? new URL(path) : new URL(path.replace(/^\//, ''), base)
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) target.searchParams.set(key, String(value))
    }
    return target.toString()
  }

  async function request<T>(req: RequestOptions): Promise<HttpResponse<T>> {
    const method = (req.method ?? 'GET').toUpperCase()
    const target = url(req.path, req.query)
    const idempotent = req.idempotent ?? isIdempotentMethod(method)
    const { retry } = settings

    for (let attempt = 0; ; attempt++) {
      const outcome = await attemptOnce<T>(method, target, req)
      if (outcome.ok) return outcome.response
      const error = outcome.error
      const retryable = shouldRetry(error.status, idempotent) && attempt < retry.maxRetries && !req.signal?.aborted
      const retryAfterMs = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : undefined
      if (!retryable || (retryAfterMs !== undefined && retryAfterMs > retry.maxRetryAfterMs)) throw error
      const delayMs = retryAfterMs ?? backoffDelay(attempt, retry)
      settings.onRetry?.({ attempt: attempt + 1, delayMs, status: error.status, method, url: target })
      await sleep(delayMs, req.signal)
    }
  }

  async function attemptOnce<T>(
    method: string,
    target: string,
    req: RequestOptions,
  ): Promise<{ ok: true; response: HttpResponse<T> } | { ok: false; error: VendorError }> {
    const release = await slots.acquire(req.signal)
    const timeout = AbortSignal.timeout(req.timeoutMs ?? settings.timeoutMs)
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout
    try {
      const headers = new Headers({ Accept: 'application/json', ...settings.headers, ...req.headers })
      if (settings.userAgent) headers.set('User-Agent', settings.userAgent)
      if (settings.token) headers.set('Authorization', `Bearer ${(await settings.token.getToken(signal)).token}`)
      let body: BodyInit | undefined
      if (req.body !== undefined) {
        if (typeof req.body === 'string' || req.body instanceof Uint8Array || req.body instanceof FormData) {
          body = req.body as BodyInit
        } else {
          body = JSON.stringify(req.body)
          if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
        }
      }
      let response: Response
      let text: string
      try {
        response = await untilAborted(
          doFetch(new Request(target, { method, headers, ...(body !== undefined ? { body } : {}), signal })),
          signal,
        )
        text = await untilAborted(response.text(), signal)
      } catch (cause) {
        if (req.signal?.aborted) throw req.signal.reason ?? cause
        const timedOut = timeout.aborted
        return {
          ok: false,
          error: new VendorError({
            status: NO_RESPONSE,
            vendorCode: timedOut ? 'Timeout' : 'NetworkError',
            message: timedOut
              ? `No answer within ${req.timeoutMs ?? settings.timeoutMs} ms (${method} ${redactUrl(target)}).`
              : `${(cause as Error).message} (${method} ${redactUrl(target)})`,
            method,
            url: target,
            cause,
          }),
        }
      }
      const parsed = parseBody(text, response.headers.get('content-type'))
      if (response.ok)
        return { ok: true, response: { status: response.status, headers: response.headers, body: parsed as T } }
      const decoded = settings.decodeError?.(response.status, parsed, text) ?? {
        message: text.slice(0, 500) || `HTTP ${response.status} ${response.statusText}`,
      }
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'))
      return {
        ok: false,
        error: new VendorError({
          status: response.status,
          message: decoded.message,
          ...(decoded.vendorCode ? { vendorCode: decoded.vendorCode } : {}),
          ...(retryAfterMs !== undefined ? { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : {}),
          body: parsed,
          method,
          url: target,
        }),
      }
    } finally {
      release()
    }
  }

  return {
    baseUrl: base,
    request,
    url,
    async get<T>(path: string, opts?: Omit<RequestOptions, 'path' | 'method'>) {
      return (await request<T>({ ...opts, path, method: 'GET' })).body
    },
    post<T>(path: string, body: unknown, opts?: Omit<RequestOptions, 'path' | 'method' | 'body'>) {
      return request<T>({ ...opts, path, method: 'POST', body })
    },
  }
}

/**
 * Settles when the work does or the signal aborts, whichever comes first. An injected fetch
 * (the in-process sandbox, a test double) may ignore the signal; timeouts must hold anyway.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

function parseBody(text: string, contentType: string | null): unknown {
  if (!text) return undefined
  if (contentType?.includes('json') || /^[[{]/.test(text.trimStart())) {
    try {
      return JSON.parse(text)
    } catch {
      return text
    }
  }
  return text
}

/** Query strings can carry secrets (tokens, signatures); error messages keep only the path. */
function redactUrl(target: string): string {
  const parsed = new URL(target)
  return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`
}
