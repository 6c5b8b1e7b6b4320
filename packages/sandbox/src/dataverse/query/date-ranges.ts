// Date ranges behind the relative date operators shared by OData query functions and FetchXML.
// Ranges are computed in UTC: the emulator has no per-user time zone settings.

export interface DateRange {
  /** inclusive */
  from?: Date
  /** exclusive */
  to?: Date
}

const DAY = 86_400_000

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY)
const monthStart = (y: number, m: number) => new Date(Date.UTC(y, m, 1))
const weekStart = (d: Date) => addDays(startOfDay(d), -d.getUTCDay())

/**
 * Maps an operator name (FetchXML spelling, e.g. `last-x-days`) to its range.
 * Returns undefined for names that aren't relative date operators.
 */
export function relativeDateRange(operator: string, now: Date, x?: number): DateRange | undefined {
  const today = startOfDay(now)
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth()
  const n = x ?? 0
  switch (operator) {
    case 'today':
      return { from: today, to: addDays(today, 1) }
    case 'yesterday':
      return { from: addDays(today, -1), to: today }
    case 'tomorrow':
      return { from: addDays(today, 1), to: addDays(today, 2) }
    case 'this-week':
      return { from: weekStart(now), to: addDays(weekStart(now), 7) }
    case 'last-week':
      return { from: addDays(weekStart(now), -7), to: weekStart(now) }
    case 'next-week':
      return { from: addDays(weekStart(now), 7), to: addDays(weekStart(now), 14) }
    case 'this-month':
      return { from: monthStart(y, m), to: monthStart(y, m + 1) }
    case 'last-month':
      return { from: monthStart(y, m - 1), to: monthStart(y, m) }
    case 'next-month':
      return { from: monthStart(y, m + 1), to: monthStart(y, m + 2) }
    case 'this-year':
      return { from: monthStart(y, 0), to: monthStart(y + 1, 0) }
    case 'last-year':
      return { from: monthStart(y - 1, 0), to: monthStart(y, 0) }
    case 'next-year':
      return { from: monthStart(y + 1, 0), to: monthStart(y + 2, 0) }
    // "last X days" runs from the start of the day X days ago up to now
    case 'last-x-hours':
      return { from: new Date(now.getTime() - n * 3_600_000), to: now }
    case 'next-x-hours':
      return { from: now, to: new Date(now.getTime() + n * 3_600_000) }
    case 'last-x-days':
      return { from: addDays(today, -n), to: now }
    case 'next-x-days':
      return { from: now, to: addDays(today, n + 1) }
    case 'last-x-weeks':
      return { from: addDays(today, -7 * n), to: now }
    case 'next-x-weeks':
      return { from: now, to: addDays(today, 7 * n + 1) }
    case 'last-x-months':
      return { from: monthStart(y, m - n), to: now }
    case 'next-x-months':
      return { from: now, to: monthStart(y, m + n + 1) }
    case 'last-x-years':
      return { from: monthStart(y - n, 0), to: now }
    case 'next-x-years':
      return { from: now, to: monthStart(y + n + 1, 0) }
    case 'olderthan-x-days':
      return { to: addDays(today, -n) }
    case 'olderthan-x-months':
      return { to: monthStart(y, m - n) }
    default:
      return undefined
  }
}

/** The day containing `date` (for on / on-or-after / on-or-before). */
export function dayRange(date: Date): { from: Date; to: Date } {
  const from = startOfDay(date)
  return { from, to: addDays(from, 1) }
}

/** OData query-function names (LastXDays) → FetchXML operator names (last-x-days). */
export function crmFunctionToOperator(name: string): string {
  return name
    .replace(/X/g, '-x-')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/--/g, '-')
    .replace(/^-|-$/g, '')
    .replace('older-than', 'olderthan')
}
