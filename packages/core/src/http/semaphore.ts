// Caps concurrent vendor calls per client; waiters leave the queue when their call is cancelled.

export class Semaphore {
  private active = 0
  private readonly waiting: Array<{ resolve: () => void; reject: (reason: unknown) => void; signal?: AbortSignal }> = []

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`Concurrency limit must be a positive integer, got ${limit}.`)
  }

  get inFlight(): number {
    return this.active
  }

  get queued(): number {
    return this.waiting.length
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw signal.reason
    if (this.active < this.limit) {
      this.active++
      return this.releaser()
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = { resolve, reject, ...(signal ? { signal } : {}) }
      this.waiting.push(waiter)
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.waiting.indexOf(waiter)
          if (index >= 0) {
            this.waiting.splice(index, 1)
            reject(signal.reason)
          }
        },
        { once: true },
      )
    })
    return this.releaser()
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      if (next) next.resolve()
      else this.active--
    }
  }
}
