// General journals: a posted one, a balanced draft, an unbalanced draft, then a mix.
import { seedCompanies } from './companies.js'
import { round2, type SeedContext } from './context.js'

const JOURNALS = 20

export function ledgerPhase(ctx: SeedContext): void {
  for (const company of seedCompanies) {
    const rng = ctx.rng.fork(`ledger/${company.id}`)
    const count = Math.max(3, ctx.scaled(JOURNALS * Math.max(company.volume, 0.5)))
    let voucher = 0
    for (let n = 1; n <= count; n++) {
      const number = `GJ-${String(n).padStart(6, '0')}`
      const posted = n === 1 || (n > 3 && rng.chance(0.6))
      const age = rng.int(1, 90)
      const date = ctx.day(-age)
      const line = (i: number, row: Record<string, string | number>) =>
        ctx.add('LedgerJournalLines', {
          dataAreaId: company.id,
          JournalBatchNumber: number,
          LineNumber: i,
          TransDate: date,
          AccountType: 'Ledger',
          OffsetAccountType: 'Ledger',
          OffsetAccountDisplayValue: '',
          CurrencyCode: company.currency,
          DebitAmount: 0,
          CreditAmount: 0,
          ...row,
        })
      if (n === 2 || n === 3) {
        // two-line drafts without offset accounts; GJ-000003 is off by 100.00 and can't be posted
        voucher++
        const v = `GNJL${String(voucher).padStart(6, '0')}`
        line(1, { Voucher: v, AccountDisplayValue: '603100', Text: 'Office rent', DebitAmount: 4200 })
        line(2, { Voucher: v, AccountDisplayValue: '110110', Text: 'Office rent', CreditAmount: n === 2 ? 4200 : 4100 })
      } else {
        const lines = rng.int(1, 4)
        for (let i = 1; i <= lines; i++) {
          voucher++
          const [account, text] = rng.pick([
            ['601500', 'Office supplies'],
            ['602300', 'Travel expenses'],
            ['603200', 'Utilities'],
            ['606500', 'Freight out'],
            ['801100', 'Loan interest'],
          ] as const)
          line(i, {
            Voucher: `GNJL${String(voucher).padStart(6, '0')}`,
            AccountDisplayValue: account,
            OffsetAccountDisplayValue: '110110',
            Text: text,
            DebitAmount: round2(rng.int(50, 5000) + rng.int(0, 99) / 100),
          })
        }
      }
      ctx.add('LedgerJournalHeaders', {
        dataAreaId: company.id,
        JournalBatchNumber: number,
        JournalName: 'GenJrn',
        Description:
          n === 3
            ? 'Rent accrual (does not balance)'
            : rng.pick(['Monthly accruals', 'Expense reclass', 'Bank charges', 'Misc. expenses']),
        JournalType: 'Daily',
        IsPosted: posted ? 'Yes' : 'No',
        PostedDate: posted ? ctx.day(-age + 1) : '1900-01-01T12:00:00Z',
        PostedByUserId: posted ? 'Admin' : '',
      })
    }
  }
}
