// Vendor aging: each vendor's open balance as of a date, split into aging periods by how many
// days past due each open transaction is (current = not yet due; then 1–30, 31–60, 61–90 and over
// 90 days), in the company's accounting currency. Transactions dated after the as-of date are left
// out; open amounts are today's (the emulator keeps no settlement history).
import type { ErpCompany, ErpRecords, ErpRow } from '../model.js'
import { cents, csvLine, money, renderTablePdf } from './pdf.js'
import { allRows, dayNumber, mmddyyyy, openAmountMst } from './rows.js'

export const AGING_BUCKETS = ['Current', '1-30 days', '31-60 days', '61-90 days', 'Over 90 days'] as const

export interface VendorAgingLine {
  vendorAccount: string
  name: string
  /** balance, then one amount per bucket */
  balance: number
  buckets: [number, number, number, number, number]
}

export interface VendorAging {
  company: ErpCompany
  asOf: string
  vendorGroup?: string
  lines: VendorAgingLine[]
  totals: { balance: number; buckets: [number, number, number, number, number] }
}

/** The bucket of an open amount due on `dueDate`, aged as of `asOf` (both YYYY-MM-DD). */
export function agingBucket(dueDate: string, asOf: string): number {
  const overdue = dayNumber(asOf) - dayNumber(dueDate)
  if (overdue <= 0) return 0
  if (overdue <= 30) return 1
  if (overdue <= 60) return 2
  if (overdue <= 90) return 3
  return 4
}

/** Computes the aging from plain rows: vendors and their transactions. */
export function computeVendorAging(input: {
  company: ErpCompany
  asOf: string
  vendorGroup?: string
  vendors: readonly ErpRow[]
  transactions: readonly ErpRow[]
}): VendorAging {
  const vendors = new Map(
    input.vendors
      .filter(
        (vendor) =>
          !input.vendorGroup || String(vendor.VendorGroupId).toLowerCase() === input.vendorGroup.toLowerCase(),
      )
      .map((vendor) => [String(vendor.VendorAccountNumber), vendor]),
  )
  const lines = new Map<string, VendorAgingLine>()
  for (const trans of input.transactions) {
    if (trans.IsOpen !== 'Yes') continue
    const account = String(trans.VendorAccount)
    const vendor = vendors.get(account)
    if (!vendor) continue
    const transDate = String(trans.TransDate).slice(0, 10)
    if (transDate > input.asOf) continue
    const amount = openAmountMst(trans)
    if (amount === 0) continue
    const dueDate = String(trans.DueDate).startsWith('1900') ? transDate : String(trans.DueDate).slice(0, 10)
    const line = lines.get(account) ?? {
      vendorAccount: account,
      name: String(vendor.VendorOrganizationName ?? trans.VendorName ?? ''),
      balance: 0,
      buckets: [0, 0, 0, 0, 0] as VendorAgingLine['buckets'],
    }
    const bucket = agingBucket(dueDate, input.asOf)
    line.buckets[bucket] = cents(line.buckets[bucket]! + amount)
    line.balance = cents(line.balance + amount)
    lines.set(account, line)
  }
  const sorted = [...lines.values()].filter((line) => line.balance !== 0 || line.buckets.some((b) => b !== 0))
  sorted.sort((a, b) => a.vendorAccount.localeCompare(b.vendorAccount))
  const totals = { balance: 0, buckets: [0, 0, 0, 0, 0] as VendorAgingLine['buckets'] }
  for (const line of sorted) {
    totals.balance = cents(totals.balance + line.balance)
    line.buckets.forEach((amount, index) => {
      totals.buckets[index] = cents(totals.buckets[index]! + amount)
    })
  }
  return {
    company: input.company,
    asOf: input.asOf,
    ...(input.vendorGroup ? { vendorGroup: input.vendorGroup } : {}),
    lines: sorted,
    totals,
  }
}

/** Reads the store and computes the aging for one company. */
export function vendorAgingFromStore(
  records: ErpRecords,
  company: ErpCompany,
  asOf: string,
  vendorGroup?: string,
): VendorAging {
  return computeVendorAging({
    company,
    asOf,
    ...(vendorGroup ? { vendorGroup } : {}),
    vendors: allRows(records, 'VendorsV2', company.id),
    transactions: allRows(records, 'VendorTransactions', company.id),
  })
}

const columns = [
  { header: 'Vendor account', width: 12 },
  { header: 'Name', width: 26 },
  { header: 'Balance', width: 12, align: 'right' as const },
  ...AGING_BUCKETS.map((header) => ({ header, width: 11, align: 'right' as const })),
]

export function renderVendorAgingPdf(aging: VendorAging, createdAt: Date): Promise<Uint8Array> {
  const amounts = (balance: number, buckets: readonly number[]) => [money(balance), ...buckets.map(money)]
  return renderTablePdf({
    title: 'Vendor aging report',
    subtitle: [
      `${aging.company.name} (${aging.company.id.toUpperCase()})`,
      `Aging as of ${aging.asOf}, by due date. Aging periods: ${AGING_BUCKETS.join(', ')}.`,
      `Vendor group: ${aging.vendorGroup ?? 'All'}. Amounts in ${aging.company.currency}.`,
    ],
    columns,
    rows: [
      ...aging.lines.map((line) => ({
        cells: [line.vendorAccount, line.name, ...amounts(line.balance, line.buckets)],
      })),
      {
        cells: ['Total', `${aging.lines.length} vendors`, ...amounts(aging.totals.balance, aging.totals.buckets)],
        bold: true,
      },
    ],
    footnote: aging.lines.length
      ? 'Open amounts of posted vendor transactions dated on or before the aging date, in the accounting currency.'
      : 'No vendor has an open balance for these parameters.',
    createdAt,
    landscape: true,
  })
}

export function renderVendorAgingCsv(aging: VendorAging): string {
  const lines = [
    csvLine(['VendorAccount', 'Name', 'Balance', ...AGING_BUCKETS, 'Currency']),
    ...aging.lines.map((line) =>
      csvLine([
        line.vendorAccount,
        line.name,
        line.balance.toFixed(2),
        ...line.buckets.map((b) => b.toFixed(2)),
        aging.company.currency,
      ]),
    ),
    csvLine([
      'Total',
      '',
      aging.totals.balance.toFixed(2),
      ...aging.totals.buckets.map((b) => b.toFixed(2)),
      aging.company.currency,
    ]),
  ]
  return `${lines.join('\n')}\n`
}

export { mmddyyyy }
