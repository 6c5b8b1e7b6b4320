// Vendor and customer transactions: the fixed open items (see open-items.ts) plus settled history.
import type { ErpRow } from '../model.js'
import { customerAccount, seedCompanies, vendorAccount } from './companies.js'
import { round2, type SeedContext } from './context.js'
import { type OpenItem, openCustomerItems, openItemFactor, openVendorItems } from './open-items.js'

interface Side {
  entitySet: 'VendorTransactions' | 'CustomerTransactions'
  accountField: 'VendorAccount' | 'CustomerAccount'
  nameField: 'VendorName' | 'CustomerName'
  voucherPrefix: string
  invoicePrefix: string
  items: OpenItem[]
  parties: (company: string) => ErpRow[]
  account: (row: ErpRow) => string
  name: (row: ErpRow) => string
  invoiceType: 'Purch' | 'Sales'
}

export function transactionPhase(ctx: SeedContext): void {
  const sides: Side[] = [
    {
      entitySet: 'VendorTransactions',
      accountField: 'VendorAccount',
      nameField: 'VendorName',
      voucherPrefix: 'APV-',
      invoicePrefix: 'VINV-',
      items: openVendorItems,
      parties: (company) => ctx.rows('VendorsV2').filter((v) => v.dataAreaId === company),
      account: (row) => String(row.VendorAccountNumber),
      name: (row) => String(row.VendorOrganizationName),
      invoiceType: 'Purch',
    },
    {
      entitySet: 'CustomerTransactions',
      accountField: 'CustomerAccount',
      nameField: 'CustomerName',
      voucherPrefix: 'ARV-',
      invoicePrefix: 'CINV-',
      items: openCustomerItems,
      parties: (company) => ctx.rows('CustomersV3').filter((c) => c.dataAreaId === company),
      account: (row) => String(row.CustomerAccount),
      name: (row) => String(row.OrganizationName),
      invoiceType: 'Sales',
    },
  ]
  for (const side of sides) {
    for (const company of seedCompanies) {
      const rng = ctx.rng.fork(`${side.entitySet}/${company.id}`)
      const parties = side.parties(company.id)
      let voucher = 0
      let invoice = 0
      const add = (party: ErpRow, row: ErpRow) => {
        voucher++
        ctx.add(side.entitySet, {
          dataAreaId: company.id,
          Voucher: `${side.voucherPrefix}${String(voucher).padStart(6, '0')}`,
          [side.accountField]: side.account(party),
          [side.nameField]: side.name(party),
          CurrencyCode: company.currency,
          ...row,
        })
      }
      // settled history: invoices paid in full over the last year
      for (const party of parties.slice(0, -1)) {
        const count = ctx.scaled(rng.int(2, 5))
        for (let i = 0; i < count; i++) {
          const age = rng.int(100, 365)
          const amount = round2(rng.int(200, 20000) + rng.int(0, 99) / 100)
          invoice++
          const number = `${side.invoicePrefix}${String(invoice).padStart(6, '0')}`
          add(party, {
            Invoice: number,
            TransactionType: side.invoiceType,
            TransDate: ctx.day(-age),
            DocumentDate: ctx.day(-age),
            DueDate: ctx.day(-age + 30),
            AmountCur: amount,
            SettledAmountCur: amount,
            RemainingAmountCur: 0,
            AmountMST: amount,
            Text: `Invoice ${number}`,
            IsOpen: 'No',
          })
          const paid = -age + rng.int(20, 40)
          add(party, {
            Invoice: '',
            TransactionType: 'Payment',
            TransDate: ctx.day(paid),
            DocumentDate: ctx.day(paid),
            DueDate: ctx.day(paid),
            AmountCur: -amount,
            SettledAmountCur: -amount,
            RemainingAmountCur: 0,
            AmountMST: -amount,
            Text: `Payment of ${number}`,
            IsOpen: 'No',
          })
        }
      }
      // open items at fixed distances from today
      const factor = openItemFactor[company.id] ?? 1
      for (const item of side.items) {
        const party = parties[item.party]
        if (!party) continue
        const amount = round2(item.amount * factor)
        const settled = round2((item.settled ?? 0) * factor)
        invoice++
        const number = `${side.invoicePrefix}${String(invoice).padStart(6, '0')}`
        const due = -item.daysPastDue
        add(party, {
          Invoice: number,
          TransactionType: side.invoiceType,
          TransDate: ctx.day(due - 30),
          DocumentDate: ctx.day(due - 30),
          DueDate: ctx.day(due),
          AmountCur: amount,
          SettledAmountCur: settled,
          RemainingAmountCur: round2(amount - settled),
          AmountMST: amount,
          Text: `Invoice ${number}`,
          IsOpen: 'Yes',
        })
        if (settled) {
          add(party, {
            Invoice: '',
            TransactionType: 'Payment',
            TransDate: ctx.day(due - 5),
            DocumentDate: ctx.day(due - 5),
            DueDate: ctx.day(due - 5),
            AmountCur: -settled,
            SettledAmountCur: -settled,
            RemainingAmountCur: 0,
            AmountMST: -settled,
            Text: `Partial payment of ${number}`,
            IsOpen: 'No',
          })
        }
      }
    }
  }
}

export { customerAccount, vendorAccount }
