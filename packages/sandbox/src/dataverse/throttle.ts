// Service protection: a sliding window of request times per caller.

export interface ServiceProtection {
  maxRequests: number
  windowMs: number
}

export class RequestLimiter {
  private readonly calls = new Map<string, number[]>()

  constructor(private readonly limits: ServiceProtection) {}

  /** Records a request; returns the seconds to wait when the caller is over the limit. */
  check(caller: string, now: number): number | undefined {
    const since = now - this.limits.windowMs
    const times = (this.calls.get(caller) ?? []).filter((t) => t > since)
    if (times.length >= this.limits.maxRequests) {
      this.calls.set(caller, times)
      const oldest = times[0] as number
      return Math.max(1, Math.ceil((oldest + this.limits.windowMs - now) / 1000))
    }
    times.push(now)
    this.calls.set(caller, times)
    return undefined
  }
}
