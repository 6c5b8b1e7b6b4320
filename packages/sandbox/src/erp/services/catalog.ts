// Custom services (JSON endpoints at /api/services/{group}/{service}/{operation}): the listing F&O
// gives on GET and the operations the emulator runs on POST.
import type { ErpRequestContext } from '../context.js'
import { odataError } from '../odata/http.js'
import { agingTotals } from '../seed/open-items.js'

export interface ServiceOperation {
  parameters: Array<{ Name: string; Type: string }>
  returns: string
  run(ctx: ErpRequestContext, body: Record<string, unknown>): unknown
}

const CURRENCY_NAMES: Record<string, string> = { USD: 'US Dollar', EUR: 'Euro', GBP: 'Pound Sterling' }
const TIME_ZONES: Record<string, number> = { usmf: 18, demf: 58, gbsi: 55 }

function companyParameter(ctx: ErpRequestContext, body: Record<string, unknown>): string {
  const given = body.company ?? body._company
  if (given === undefined || given === null || given === '') return ctx.user.Company
  if (typeof given !== 'string') throw odataError(400, "The parameter 'company' must be a string such as 'usmf'.")
  const company = given.toLowerCase()
  if (!ctx.store.companies.some((c) => c.id === company)) {
    throw odataError(
      400,
      `Company '${given}' does not exist. Legal entities: ${ctx.store.companies.map((c) => c.id).join(', ')}.`,
    )
  }
  return company
}

function dateParameter(ctx: ErpRequestContext, body: Record<string, unknown>, name: string): string {
  const given = body[name]
  if (given === undefined || given === null || given === '') return ctx.store.today()
  if (typeof given !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(given) || Number.isNaN(Date.parse(given.slice(0, 10)))) {
    throw odataError(400, `The parameter '${name}' must be a date such as '2026-05-31'.`)
  }
  return given.slice(0, 10)
}

function aging(kind: 'vendor' | 'customer') {
  const set = kind === 'vendor' ? 'VendorTransactions' : 'CustomerTransactions'
  const accountField = kind === 'vendor' ? 'VendorAccount' : 'CustomerAccount'
  const nameField = kind === 'vendor' ? 'VendorName' : 'CustomerName'
  return (ctx: ErpRequestContext, body: Record<string, unknown>) => {
    for (const name of Object.keys(body)) {
      if (!['asOfDate', 'company', '_company'].includes(name))
        throw odataError(400, `The parameter '${name}' is not a parameter of this operation; use asOfDate and company.`)
    }
    const company = companyParameter(ctx, body)
    const asOf = dateParameter(ctx, body, 'asOfDate')
    const { rows } = ctx.store.list(
      set,
      { company },
      {
        filter: {
          and: [
            { field: 'IsOpen', op: 'eq', value: 'Yes' },
            { field: 'TransDate', op: 'le', value: `${asOf}T23:59:59Z` },
          ],
        },
        noCount: true,
      },
    )
    const byAccount = new Map<string, typeof rows>()
    for (const row of rows) {
      const account = String(row[accountField])
      byAccount.set(account, [...(byAccount.get(account) ?? []), row])
    }
    const toAmounts = (t: ReturnType<typeof agingTotals>) => ({
      Current: t.Current,
      Days1To30: t['1-30'],
      Days31To60: t['31-60'],
      Days61To90: t['61-90'],
      Over90: t['Over 90'],
      Balance: t.Total,
    })
    const lines = [...byAccount.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([account, items]) => ({
        Account: account,
        Name: String(items[0]![nameField]),
        ...toAmounts(agingTotals(items as never, asOf)),
      }))
    return {
      $id: '1',
      AsOfDate: asOf,
      Company: company,
      CurrencyCode: ctx.store.companies.find((c) => c.id === company)?.currency ?? '',
      Lines: lines,
      Totals: toAmounts(agingTotals(rows as never, asOf)),
    }
  }
}

export const serviceGroups: Record<string, Record<string, Record<string, ServiceOperation>>> = {
  UserSessionService: {
    AifUserSessionService: {
      GetUserSessionInfo: {
        parameters: [],
        returns: 'Dynamics.AX.Application.UserSessionInfo',
        run(ctx) {
          const company = ctx.store.companies.find((c) => c.id === ctx.user.Company)
          const currency = company?.currency ?? 'USD'
          return {
            $id: '1',
            AOSLocaleName: 'en-US',
            AXLanguage: ctx.user.Language.toUpperCase(),
            Company: ctx.user.Company.toUpperCase(),
            CompanyTimeZone: TIME_ZONES[ctx.user.Company] ?? 18,
            CurrencyInfo: {
              $id: '2',
              CurrencyCode: currency,
              Description: CURRENCY_NAMES[currency] ?? currency,
              ExchangeRate: 100,
              ISOCurrencyCode: currency,
              Prefix: '',
              Suffix: '',
            },
            IsSysAdmin: ctx.user.UserID === 'Admin',
            UserId: ctx.user.UserID,
            UserPreferredCalendar: 0,
            UserPreferredTimeZone: TIME_ZONES[ctx.user.Company] ?? 18,
          }
        },
      },
      GetAccessRights: {
        parameters: [{ Name: 'items', Type: 'Dynamics.AX.Application.AccessControlledItemKey[]' }],
        returns: 'Dynamics.AX.Application.AccessRight[]',
        run(ctx, body) {
          const items = body.items
          if (!Array.isArray(items))
            throw odataError(400, "The parameter 'items' must be a list of { ItemType, ItemName }.")
          // the sandbox grants every signed-in user full access
          return items.map(() => (ctx.user.Enabled ? 'Delete' : 'NoAccess'))
        },
      },
    },
  },
  CorvaneFinanceServices: {
    AgingService: {
      GetVendorAging: {
        parameters: [
          { Name: 'asOfDate', Type: 'Date' },
          { Name: 'company', Type: 'String' },
        ],
        returns: 'Corvane.AgingResult',
        run: aging('vendor'),
      },
      GetCustomerAging: {
        parameters: [
          { Name: 'asOfDate', Type: 'Date' },
          { Name: 'company', Type: 'String' },
        ],
        returns: 'Corvane.AgingResult',
        run: aging('customer'),
      },
    },
  },
}
