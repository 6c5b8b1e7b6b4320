// Customer account statement: the opening balance on the from-date, every transaction in the
// period with a running balance, and the closing balance. Amounts are in the customer's
// transaction currency; a customer with transactions in several currencies gets the statement in
// the accounting currency instead.
import type { ErpCompany, ErpRecords, ErpRow } from '../model.js'
import { cents, csvLine, money, renderTablePdf } from './pdf.js'
import { allRows } from './rows.js'

export interface StatementLine {
  date: string
  voucher: string
  invoice: string
  description: string
  dueDate: string
  amount: number
  balance: number
}

export interface CustomerStatement {
  company: ErpCompany
  customerAccount: string
  customerName: string
  currency: string
  fromDate: string
  toDate: string
  openingBalance: number
  lines: StatementLine[]
  closingBalance: number
}

export function computeCustomerStatement(input: {
  company: ErpCompany
  customer: ErpRow
  transactions: readonly ErpRow[]
  fromDate: string
  toDate: string
}): CustomerStatement {
  const account = String(input.customer.CustomerAccount)
  const mine = input.transactions.filter((trans) => String(trans.CustomerAccount) === account)
  const currencies = new Set(mine.map((trans) => String(trans.CurrencyCode || input.company.currency)))
  const single = currencies.size <= 1
  const currency = single
    ? ([...currencies][0] ?? String(input.customer.SalesCurrencyCode || input.company.currency))
    : input.company.currency
  const amountOf = (trans: ErpRow) => Number((single ? trans.AmountCur : trans.AmountMST) ?? 0)
  const dateOf = (trans: ErpRow) => String(trans.TransDate).slice(0, 10)
  let balance = 0
  for (const trans of mine) if (dateOf(trans) < input.fromDate) balance = cents(balance + amountOf(trans))
  const openingBalance = balance
  const inPeriod = mine
    .filter((trans) => dateOf(trans) >= input.fromDate && dateOf(trans) <= input.toDate)
    .sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || String(a.Voucher).localeCompare(String(b.Voucher)))
  const lines = inPeriod.map((trans) => {
    balance = cents(balance + amountOf(trans))
    const due = String(trans.DueDate ?? '')
    return {
      date: dateOf(trans),
      voucher: String(trans.Voucher),
      invoice: String(trans.Invoice ?? ''),
      description: String(trans.Text || trans.TransactionType || ''),
      dueDate: due.startsWith('1900') ? '' : due.slice(0, 10),
      amount: cents(amountOf(trans)),
      balance,
    }
  })
  return {
    company: input.company,
    customerAccount: account,
    customerName: String(input.customer.OrganizationName ?? ''),
    currency,
    fromDate: input.fromDate,
    toDate: input.toDate,
    openingBalance,
    lines,
    closingBalance: balance,
  }
}

export function customerStatementFromStore(
  records: ErpRecords,
  company: ErpCompany,
  customerAccount: string,
  fromDate: string,
  toDate: string,
): CustomerStatement {
  const customer = records.get('CustomersV3', company.id, { CustomerAccount: customerAccount })
  if (!customer) throw new Error(`Customer ${customerAccount} does not exist in ${company.id}.`)
  return computeCustomerStatement({
    company,
    customer,
    transactions: allRows(records, 'CustomerTransactions', company.id, {
      equals: { CustomerAccount: customerAccount },
    }),
    fromDate,
    toDate,
  })
}

export function renderCustomerStatementPdf(statement: CustomerStatement, createdAt: Date): Promise<Uint8Array> {
  return renderTablePdf({
    title: 'Customer account statement',
    subtitle: [
      `${statement.company.name} (${statement.company.id.toUpperCase()})`,
      `Customer ${statement.customerAccount} ${statement.customerName}`,
      `Period ${statement.fromDate} to ${statement.toDate}. Amounts in ${statement.currency}.`,
    ],
    columns: [
      { header: 'Date', width: 10 },
      { header: 'Voucher', width: 12 },
      { header: 'Invoice', width: 12 },
      { header: 'Description', width: 26 },
      { header: 'Due date', width: 10 },
      { header: 'Amount', width: 13, align: 'right' },
      { header: 'Balance', width: 13, align: 'right' },
    ],
    rows: [
      { cells: [statement.fromDate, '', '', 'Opening balance', '', '', money(statement.openingBalance)], bold: true },
      ...statement.lines.map((line) => ({
        cells: [
          line.date,
          line.voucher,
          line.invoice,
          line.description,
          line.dueDate,
          money(line.amount),
          money(line.balance),
        ],
      })),
      { cells: [statement.toDate, '', '', 'Closing balance', '', '', money(statement.closingBalance)], bold: true },
    ],
    footnote: `${statement.lines.length} transaction${statement.lines.length === 1 ? '' : 's'} in the period. Positive amounts are owed by the customer; payments are negative.`,
    createdAt,
  })
}

export function renderCustomerStatementCsv(statement: CustomerStatement): string {
  const lines = [
    csvLine(['Date', 'Voucher', 'Invoice', 'Description', 'DueDate', 'Amount', 'Balance', 'Currency']),
    csvLine([
      statement.fromDate,
      'Opening balance',
      '',
      '',
      '',
      '',
      statement.openingBalance.toFixed(2),
      statement.currency,
    ]),
    ...statement.lines.map((line) =>
      csvLine([
        line.date,
        line.voucher,
        line.invoice,
        line.description,
        line.dueDate,
        line.amount.toFixed(2),
        line.balance.toFixed(2),
        statement.currency,
      ]),
    ),
    csvLine([
      statement.toDate,
      'Closing balance',
      '',
      '',
      '',
      '',
      statement.closingBalance.toFixed(2),
      statement.currency,
    ]),
  ]
  return `${lines.join('\n')}\n`
}
