// Reading report data from the record store, page by page and bounded, and the date and amount
// arithmetic the reports share.
import type { ErpListOptions, ErpRecords, ErpRow } from '../model.js'
import { cents } from './pdf.js'

const PAGE = 1000
/** a report reads at most this many rows of one entity */
export const MAX_REPORT_ROWS = 100_000

export function allRows(
  records: ErpRecords,
  entitySet: string,
  company: string,
  options: ErpListOptions = {},
): ErpRow[] {
  const rows: ErpRow[] = []
  for (let skip = 0; skip < MAX_REPORT_ROWS; skip += PAGE) {
    const page = records.list(entitySet, { company }, { ...options, top: PAGE, skip })
    rows.push(...page.rows)
    if (page.rows.length < PAGE) return rows
  }
  throw new Error(`The report would read more than ${MAX_REPORT_ROWS} ${entitySet}; narrow its parameters.`)
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export const dayNumber = (date: string) => Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000)

/** `2026-04-24` → `04242026`, as report file names carry dates. */
export const mmddyyyy = (date: string) => `${date.slice(5, 7)}${date.slice(8, 10)}${date.slice(0, 4)}`

/**
 * What is still open of a transaction, in the accounting currency: the open amount in the
 * transaction currency at the transaction's own rate (AmountMST / AmountCur).
 */
export function openAmountMst(trans: ErpRow): number {
  const remaining = Number(trans.RemainingAmountCur ?? 0)
  const amountCur = Number(trans.AmountCur ?? 0)
  const amountMst = Number(trans.AmountMST ?? amountCur)
  if (amountCur === 0) return cents(remaining)
  return cents((remaining * amountMst) / amountCur)
}
