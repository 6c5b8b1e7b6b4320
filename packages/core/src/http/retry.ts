// When and how long to wait before retrying a vendor call.

export interface RetryPolicy {
  /** retries after the first attempt */
  maxRetries: number
  baseDelayMs: number
  maxDelayMs: number
  /** a Retry-After longer than this is not waited out: the error goes to the caller with the delay */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase())
}

/**
 * 429 means the vendor refused the request without processing it, so any method may be retried.
 * 503 and network failures may have half-happened: retried only for idempotent requests.
 */
export function shouldRetry(status: number, idempotent: boolean): boolean {
  if (status === 429) return true
  if (status === 503 || status === 502 || status === 504 || status === 0) return idempotent
  return false
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** Exponential backoff with full jitter; `random` is injectable for tests. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.round(ceiling * (0.5 + random() / 2))
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
