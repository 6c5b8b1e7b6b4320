// SOQL date literals (TODAY, THIS_QUARTER, LAST_N_DAYS:n, ...) as half-open UTC ranges. Fiscal
// literals follow the calendar: a new org's fiscal year starts in January. Weeks start on Sunday.

export interface Range {
  from: Date
  to: Date
}

const DAY = 86_400_000
const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m, d))
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY)

function anchors(now: Date) {
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth()
  const today = utc(y, m, now.getUTCDate())
  const week = addDays(today, -today.getUTCDay())
  const quarterMonth = m - (m % 3)
  return { y, m, today, week, quarterMonth }
}

/** A fixed literal such as THIS_MONTH; undefined when the name is not one. */
export function dateLiteralRange(literal: string, now: Date): Range | undefined {
  const { y, m, today, week, quarterMonth: q } = anchors(now)
  const name = literal.toUpperCase().replace('_FISCAL_', '_')
  switch (name) {
    case 'YESTERDAY':
      return { from: addDays(today, -1), to: today }
    case 'TODAY':
      return { from: today, to: addDays(today, 1) }
    case 'TOMORROW':
      return { from: addDays(today, 1), to: addDays(today, 2) }
    case 'LAST_WEEK':
      return { from: addDays(week, -7), to: week }
    case 'THIS_WEEK':
      return { from: week, to: addDays(week, 7) }
    case 'NEXT_WEEK':
      return { from: addDays(week, 7), to: addDays(week, 14) }
    case 'LAST_MONTH':
      return { from: utc(y, m - 1), to: utc(y, m) }
    case 'THIS_MONTH':
      return { from: utc(y, m), to: utc(y, m + 1) }
    case 'NEXT_MONTH':
      return { from: utc(y, m + 1), to: utc(y, m + 2) }
    case 'LAST_90_DAYS':
      return { from: addDays(today, -90), to: addDays(today, 1) }
    case 'NEXT_90_DAYS':
      return { from: addDays(today, 1), to: addDays(today, 91) }
    case 'LAST_QUARTER':
      return { from: utc(y, q - 3), to: utc(y, q) }
    case 'THIS_QUARTER':
      return { from: utc(y, q), to: utc(y, q + 3) }
    case 'NEXT_QUARTER':
      return { from: utc(y, q + 3), to: utc(y, q + 6) }
    case 'LAST_YEAR':
      return { from: utc(y - 1, 0), to: utc(y, 0) }
    case 'THIS_YEAR':
      return { from: utc(y, 0), to: utc(y + 1, 0) }
    case 'NEXT_YEAR':
      return { from: utc(y + 1, 0), to: utc(y + 2, 0) }
    default:
      return undefined
  }
}

/** A literal with a number, such as LAST_N_DAYS:30; undefined when the name is not one. */
export function dateNLiteralRange(literal: string, n: number, now: Date): Range | undefined {
  const { y, m, today, week, quarterMonth: q } = anchors(now)
  const name = literal.toUpperCase().replace('_FISCAL_', '_')
  switch (name) {
    case 'LAST_N_DAYS':
      return { from: addDays(today, -n), to: addDays(today, 1) }
    case 'NEXT_N_DAYS':
      return { from: addDays(today, 1), to: addDays(today, n + 1) }
    case 'N_DAYS_AGO':
      return { from: addDays(today, -n), to: addDays(today, -n + 1) }
    case 'LAST_N_WEEKS':
      return { from: addDays(week, -7 * n), to: week }
    case 'NEXT_N_WEEKS':
      return { from: addDays(week, 7), to: addDays(week, 7 * (n + 1)) }
    case 'N_WEEKS_AGO':
      return { from: addDays(week, -7 * n), to: addDays(week, -7 * (n - 1)) }
    case 'LAST_N_MONTHS':
      return { from: utc(y, m - n), to: utc(y, m) }
    case 'NEXT_N_MONTHS':
      return { from: utc(y, m + 1), to: utc(y, m + 1 + n) }
    case 'N_MONTHS_AGO':
      return { from: utc(y, m - n), to: utc(y, m - n + 1) }
    case 'LAST_N_QUARTERS':
      return { from: utc(y, q - 3 * n), to: utc(y, q) }
    case 'NEXT_N_QUARTERS':
      return { from: utc(y, q + 3), to: utc(y, q + 3 * (n + 1)) }
    case 'N_QUARTERS_AGO':
      return { from: utc(y, q - 3 * n), to: utc(y, q - 3 * (n - 1)) }
    case 'LAST_N_YEARS':
      return { from: utc(y - n, 0), to: utc(y, 0) }
    case 'NEXT_N_YEARS':
      return { from: utc(y + 1, 0), to: utc(y + 1 + n, 0) }
    case 'N_YEARS_AGO':
      return { from: utc(y - n, 0), to: utc(y - n + 1, 0) }
    default:
      return undefined
  }
}
