// The org's daily API request allowance: every REST call counts, the count is reported in the
// Sforce-Limit-Info header and the limits resource, and past the maximum calls get 403.
import type { Store } from '../store.js'

export const DAILY_API_REQUESTS = 15000

export class ApiUsage {
  constructor(
    private readonly store: Store,
    readonly max = DAILY_API_REQUESTS,
  ) {}

  private read(day: string): number {
    const saved = this.store.getMeta('api_usage')
    if (!saved) return 0
    const parsed = JSON.parse(saved) as { day: string; count: number }
    return parsed.day === day ? parsed.count : 0
  }

  /** Counts a call; false when the day's allowance is used up. */
  count(now: Date): boolean {
    const day = now.toISOString().slice(0, 10)
    const used = this.read(day)
    if (used >= this.max) return false
    this.store.setMeta('api_usage', JSON.stringify({ day, count: used + 1 }))
    return true
  }

  used(now: Date): number {
    return this.read(now.toISOString().slice(0, 10))
  }

  header(now: Date): string {
    return `api-usage=${this.used(now)}/${this.max}`
  }

  /** The limits resource: the daily allowance and a few others clients look at. */
  limits(now: Date) {
    const used = this.used(now)
    const fixed = (max: number) => ({ Max: max, Remaining: max })
    return {
      DailyApiRequests: { Max: this.max, Remaining: Math.max(0, this.max - used) },
      DailyAsyncApexExecutions: fixed(250000),
      DailyBulkApiBatches: fixed(15000),
      DailyBulkV2QueryJobs: fixed(10000),
      DailyStreamingApiEvents: fixed(10000),
      DataStorageMB: fixed(5),
      FileStorageMB: fixed(20),
      HourlyODataCallout: fixed(10000),
      SingleEmail: fixed(15),
      MassEmail: fixed(10),
    }
  }
}
