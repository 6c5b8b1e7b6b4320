// Rate limits per server and per caller, as a sliding window of call timestamps. A refused call
// is a retryable tool error that says how long to wait. Limits are per process: with several
// replicas behind a load balancer each enforces its own share.
import { ToolError } from './tool-error.js'

export interface RateLimit {
  /** calls allowed in the window */
  limit: number
  windowSeconds: number
}

export interface RateLimitOptions {
  /** all callers of this server together */
  perServer?: RateLimit
  /** each caller (authenticated identity, or 'anonymous') */
  perCaller?: RateLimit
}

class SlidingWindow {
  private readonly calls = new Map<string, number[]>()

  constructor(private readonly rule: RateLimit) {
    if (!Number.isInteger(rule.limit) || rule.limit < 1)
      throw new Error(`A rate limit needs a positive whole number of calls, got ${rule.limit}.`)
    if (!(rule.windowSeconds > 0))
      throw new Error(`A rate limit window must be positive, got ${rule.windowSeconds} seconds.`)
  }

  /** milliseconds to wait before a call would be allowed; 0 when allowed now (and then it is counted) */
  take(key: string, now: number): number {
    const windowMs = this.rule.windowSeconds * 1000
    const recent = (this.calls.get(key) ?? []).filter((at) => at > now - windowMs)
    if (recent.length >= this.rule.limit) {
      this.calls.set(key, recent)
      return recent[0]! + windowMs - now
    }
    recent.push(now)
    this.calls.set(key, recent)
    if (this.calls.size > 10_000) this.prune(now - windowMs)
    return 0
  }

  private prune(before: number) {
    for (const [key, times] of this.calls) if (times.every((at) => at <= before)) this.calls.delete(key)
  }
}

export interface RateLimiter {
  /** throws ToolError RateLimited when the call is over a limit */
  check(caller: string | undefined): void
}

export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now): RateLimiter {
  const server = options.perServer && new SlidingWindow(options.perServer)
  const caller = options.perCaller && new SlidingWindow(options.perCaller)
  return {
    check(callerId) {
      const at = now()
      const who = callerId ?? 'anonymous'
      // the per-caller limit first: a caller over its own limit must not use up the server's share
      const callerWait = caller?.take(who, at) ?? 0
      if (callerWait > 0)
        throw limited(
          callerWait,
          `you are over this server's limit of ${options.perCaller!.limit} calls per ${options.perCaller!.windowSeconds} s`,
        )
      const serverWait = server?.take('*', at) ?? 0
      if (serverWait > 0)
        throw limited(
          serverWait,
          `this server is over its limit of ${options.perServer!.limit} calls per ${options.perServer!.windowSeconds} s`,
        )
    },
  }
}

function limited(waitMs: number, why: string): ToolError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000))
  return new ToolError({
    code: 'RateLimited',
    message: `Rate limited: ${why}. Nothing was done.`,
    fix: `Wait ${seconds} second${seconds > 1 ? 's' : ''}, then retry the same call.`,
    details: { retryAfterSeconds: seconds },
  })
}
