import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import type { ErpCompany, ErpRow } from '../model.js'
import { computeCustomerStatement, renderCustomerStatementCsv } from './customer-statement.js'
import { agingBucket, computeVendorAging, renderVendorAgingCsv, renderVendorAgingPdf } from './vendor-aging.js'

const company: ErpCompany = { id: 'usmf', name: 'Test Co', currency: 'USD', country: 'USA' }
const noon = (date: string) => `${date}T12:00:00Z`

function trans(vendor: string, due: string, remaining: number, extra: Partial<ErpRow> = {}): ErpRow {
  return {
    VendorAccount: vendor,
    TransDate: noon('2026-01-01'),
    DueDate: noon(due),
    AmountCur: remaining,
    AmountMST: remaining,
    RemainingAmountCur: remaining,
    IsOpen: 'Yes',
    ...extra,
  }
}

describe('vendor aging', () => {
  it('puts amounts in buckets by days past due as of the date', () => {
    const asOf = '2026-04-24'
    const days = (n: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10)
    expect([-5, 0, 1, 30, 31, 60, 61, 90, 91, 400].map((n) => agingBucket(days(n), asOf))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4,
    ])
  })

  it('adds up open amounts per vendor in the accounting currency, leaving out later and closed transactions', () => {
    const aging = computeVendorAging({
      company,
      asOf: '2026-04-24',
      vendors: [
        { VendorAccountNumber: 'V1', VendorOrganizationName: 'One', VendorGroupId: 'A' },
        { VendorAccountNumber: 'V2', VendorOrganizationName: 'Two', VendorGroupId: 'B' },
      ],
      transactions: [
        trans('V1', '2026-05-01', 100),
        trans('V1', '2026-04-10', 50.25),
        // 100 EUR at 1.1 → 110 USD, half still open
        trans('V1', '2025-12-01', 50, { AmountCur: 100, AmountMST: 110 }),
        trans('V2', '2026-02-15', 10),
        trans('V2', '2026-02-15', 99, { IsOpen: 'No' }),
        trans('V2', '2026-02-15', 77, { TransDate: noon('2026-04-25') }),
        trans('V9', '2026-02-15', 5),
      ],
    })
    expect(aging.lines).toEqual([
      { vendorAccount: 'V1', name: 'One', balance: 205.25, buckets: [100, 50.25, 0, 0, 55] },
      { vendorAccount: 'V2', name: 'Two', balance: 10, buckets: [0, 0, 0, 10, 0] },
    ])
    expect(aging.totals).toEqual({ balance: 215.25, buckets: [100, 50.25, 0, 10, 55] })
    const grouped = computeVendorAging({
      ...aging,
      vendorGroup: 'b',
      vendors: [{ VendorAccountNumber: 'V2', VendorGroupId: 'B' }],
      transactions: [trans('V2', '2026-04-24', 3)],
    })
    expect(grouped.lines.map((line) => line.vendorAccount)).toEqual(['V2'])
    expect(renderVendorAgingCsv(aging).split('\n')[3]).toBe('Total,,215.25,100.00,50.25,0.00,10.00,55.00,USD')
  })

  it('renders every vendor on a multi-page PDF', async () => {
    const vendors = Array.from({ length: 80 }, (_, i) => ({
      VendorAccountNumber: `V${String(i).padStart(3, '0')}`,
      VendorOrganizationName: `Vendor with a rather long name number ${i} that does not fit its column`,
    }))
    const aging = computeVendorAging({
      company,
      asOf: '2026-04-24',
      vendors,
      transactions: vendors.map((v, i) => trans(String(v.VendorAccountNumber), '2026-03-01', i + 1)),
    })
    const pdf = await renderVendorAgingPdf(aging, new Date('2026-04-24T12:00:00Z'))
    const doc = await getDocumentProxy(pdf)
    expect(doc.numPages).toBeGreaterThan(1)
    const { text } = await extractText(doc, { mergePages: true })
    for (const vendor of vendors) expect(text).toContain(String(vendor.VendorAccountNumber))
    expect(text).toContain('Total 80 vendors 3,240.00')
    expect(text.match(/Vendor account/g)!.length).toBe(doc.numPages)
  })
})

describe('customer statement', () => {
  const customer = { CustomerAccount: 'C1', OrganizationName: 'Cust', SalesCurrencyCode: 'USD' }
  const row = (date: string, voucher: string, amount: number, extra: Partial<ErpRow> = {}): ErpRow => ({
    CustomerAccount: 'C1',
    TransDate: noon(date),
    Voucher: voucher,
    AmountCur: amount,
    AmountMST: amount,
    CurrencyCode: 'USD',
    ...extra,
  })

  it('carries the opening balance through the period with a running balance', () => {
    const statement = computeCustomerStatement({
      company,
      customer,
      fromDate: '2026-02-01',
      toDate: '2026-03-31',
      transactions: [
        row('2026-01-05', 'V1', 100),
        row('2026-02-03', 'V2', 250),
        row('2026-02-20', 'V3', -100, { Text: 'Payment' }),
        row('2026-04-02', 'V4', 999),
        row('2026-02-10', 'X1', 1, { CustomerAccount: 'C2' }),
      ],
    })
    expect(statement.openingBalance).toBe(100)
    expect(statement.lines.map((line) => [line.voucher, line.amount, line.balance])).toEqual([
      ['V2', 250, 350],
      ['V3', -100, 250],
    ])
    expect(statement.closingBalance).toBe(250)
    expect(renderCustomerStatementCsv(statement).trim().split('\n').at(-1)).toBe(
      '2026-03-31,Closing balance,,,,,250.00,USD',
    )
  })

  it('falls back to the accounting currency when transactions are in several currencies', () => {
    const statement = computeCustomerStatement({
      company,
      customer,
      fromDate: '2026-01-01',
      toDate: '2026-12-31',
      transactions: [
        row('2026-01-05', 'V1', 100),
        row('2026-01-06', 'V2', 100, { CurrencyCode: 'EUR', AmountMST: 110 }),
      ],
    })
    expect(statement.currency).toBe('USD')
    expect(statement.closingBalance).toBe(210)
  })
})
