// Open invoices of the demo data, placed relative to "today" so that every aging bucket has
// amounts and the totals are exact, whatever day the sandbox runs. Fixed amounts (not random):
// reports and their tests can state the expected totals.

/** days past due: today − due date; ≤ 0 is current */
export interface OpenItem {
  /** index of the vendor/customer (0 = USV-001 / US-001 in usmf) */
  party: number
  daysPastDue: number
  amount: number
  /** already paid off this invoice (a partial payment); the open amount is amount − settled */
  settled?: number
}

export const openVendorItems: OpenItem[] = [
  { party: 0, daysPastDue: -12, amount: 4250 },
  { party: 0, daysPastDue: 18, amount: 1980.5 },
  { party: 0, daysPastDue: 47, amount: 3120 },
  { party: 1, daysPastDue: -3, amount: 12400 },
  { party: 1, daysPastDue: 75, amount: 2760.25, settled: 760.25 },
  { party: 2, daysPastDue: 25, amount: 845.9 },
  { party: 2, daysPastDue: 95, amount: 5600 },
  { party: 2, daysPastDue: 140, amount: 1230 },
  { party: 3, daysPastDue: 0, amount: 7500 },
  { party: 3, daysPastDue: 33, amount: 2200 },
  { party: 3, daysPastDue: 61, amount: 980 },
  { party: 4, daysPastDue: -25, amount: 15800 },
  { party: 4, daysPastDue: 88, amount: 640.4 },
  { party: 5, daysPastDue: 30, amount: 1000 },
  { party: 5, daysPastDue: 121, amount: 3333.33 },
]

export const openCustomerItems: OpenItem[] = [
  { party: 0, daysPastDue: -20, amount: 18650 },
  { party: 0, daysPastDue: 12, amount: 6400 },
  { party: 1, daysPastDue: -5, amount: 2375.6 },
  { party: 1, daysPastDue: 42, amount: 9120, settled: 4120 },
  { party: 2, daysPastDue: 68, amount: 1480 },
  { party: 2, daysPastDue: 104, amount: 730.15 },
  { party: 3, daysPastDue: 1, amount: 5210 },
  { party: 3, daysPastDue: 59, amount: 860 },
  { party: 4, daysPastDue: 90, amount: 12999.99 },
  { party: 4, daysPastDue: 200, amount: 450 },
]

/** multiplier of the open items' amounts per company (then rounded to cents) */
export const openItemFactor: Record<string, number> = { usmf: 1, demf: 0.8, gbsi: 0.5 }

export const AGING_BUCKETS = ['Current', '1-30', '31-60', '61-90', 'Over 90'] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]

/** The bucket of a due date as of `today` (both `YYYY-MM-DD…`): days past due ≤ 0 current, then 1–30, 31–60, 61–90, over 90. */
export function agingBucket(dueDate: string, today: string): AgingBucket {
  const days = Math.round(
    (Date.parse(`${today.slice(0, 10)}T00:00:00Z`) - Date.parse(`${dueDate.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  )
  if (days <= 0) return 'Current'
  if (days <= 30) return '1-30'
  if (days <= 60) return '31-60'
  if (days <= 90) return '61-90'
  return 'Over 90'
}

/** Sums open amounts per bucket (cents exact): `rows` with DueDate and RemainingAmountCur, as the transactions entities return them. */
export function agingTotals(
  rows: ReadonlyArray<{ DueDate: unknown; RemainingAmountCur: unknown }>,
  today: string,
): Record<AgingBucket | 'Total', number> {
  const cents: Record<string, number> = { Current: 0, '1-30': 0, '31-60': 0, '61-90': 0, 'Over 90': 0, Total: 0 }
  for (const row of rows) {
    const amount = Math.round(Number(row.RemainingAmountCur) * 100)
    if (amount === 0) continue
    cents[agingBucket(String(row.DueDate), today)]! += amount
    cents.Total! += amount
  }
  return Object.fromEntries(Object.entries(cents).map(([k, v]) => [k, v / 100])) as Record<
    AgingBucket | 'Total',
    number
  >
}
