// Master data: legal entities, users, workers, groups, customers, vendors, products, main accounts.
import { defaultEntraUsers } from '../../entra/config.js'
import { customerAccount, type SeedCompany, seedCompanies, vendorAccount } from './companies.js'
import { round2, type SeedContext } from './context.js'
import { cities, customerNames, firstNames, jobTitles, lastNames, productNames, streets, vendorNames } from './names.js'

export function legalEntityPhase(ctx: SeedContext): void {
  for (const company of seedCompanies) {
    ctx.add('LegalEntities', {
      LegalEntityId: company.id,
      Name: company.name,
      AccountingCurrency: company.currency,
      AddressCountryRegionId: company.country,
      AddressCity: company.city,
      AddressStreet: company.street,
      TimeZone: company.timeZone,
    })
  }
}

/** SystemUsers: Admin (app-only tokens act as Admin) and one user per Entra user, all in usmf by default. */
export function userPhase(ctx: SeedContext): void {
  const domain = 'https://sts.windows.net/'
  ctx.add('SystemUsers', {
    UserID: 'Admin',
    UserName: 'Admin',
    Email: 'admin@corvane.example',
    Alias: 'admin@corvane.example',
    NetworkDomain: domain,
    ObjectId: '',
    Company: 'usmf',
    Language: 'en-us',
    Enabled: 'Yes',
  })
  const taken = new Set(['admin'])
  const entraUsers = ctx.options.users ?? defaultEntraUsers()
  for (const user of entraUsers) {
    const base = (user.displayName.split(/\s+/)[0] ?? user.userPrincipalName.split('@')[0] ?? 'user')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 16)
    let id = base || 'user'
    for (let n = 2; taken.has(id); n++) id = `${base}${n}`
    taken.add(id)
    ctx.add('SystemUsers', {
      UserID: id,
      UserName: user.displayName.slice(0, 80),
      Email: user.userPrincipalName,
      Alias: user.userPrincipalName,
      NetworkDomain: domain,
      ObjectId: user.oid,
      Company: 'usmf',
      Language: 'en-us',
      Enabled: 'Yes',
    })
  }
  // people who use the system but never sign in to the sandbox
  for (const [id, name, company] of [
    ['dlindqvist', 'Dana Lindqvist', 'demf'],
    ['rthorne', 'Rowan Thorne', 'gbsi'],
    ['mokafor', 'Mina Okafor', 'usmf'],
  ] as const) {
    ctx.add('SystemUsers', {
      UserID: id,
      UserName: name,
      Email: `${id}@corvane.example`,
      Alias: `${id}@corvane.example`,
      NetworkDomain: domain,
      ObjectId: '',
      Company: company,
      Language: company === 'demf' ? 'de' : company === 'gbsi' ? 'en-gb' : 'en-us',
      Enabled: 'Yes',
    })
  }
}

export function workerPhase(ctx: SeedContext): void {
  const rng = ctx.rng.fork('workers')
  const used = new Set<string>()
  for (let i = 1; i <= 30; i++) {
    let first: string
    let last: string
    do {
      first = rng.pick(firstNames)
      last = rng.pick(lastNames)
    } while (used.has(`${first} ${last}`))
    used.add(`${first} ${last}`)
    const company = i <= 16 ? 'usmf' : i <= 24 ? 'demf' : 'gbsi'
    ctx.add('Workers', {
      PersonnelNumber: String(i).padStart(6, '0'),
      Name: `${first} ${last}`,
      FirstName: first,
      LastName: last,
      WorkerType: i % 9 === 0 ? 'Contractor' : 'Employee',
      PrimaryContactEmail: `${first}.${last}@corvane.example`.toLowerCase(),
      PrimaryContactPhone: `+1 555 01${String(i).padStart(2, '0')}`,
      Title: jobTitles[(i - 1) % jobTitles.length]!,
      EmploymentLegalEntityId: company,
    })
  }
}

export const customerGroups = [
  ['10', 'Wholesale customers', 'Net30'],
  ['20', 'Retail chains', 'Net45'],
  ['30', 'Healthcare', 'Net30'],
  ['90', 'Intercompany', 'Net10'],
] as const

export const vendorGroups = [
  ['10', 'Component suppliers', 'Net30'],
  ['20', 'Services', 'Net30'],
  ['30', 'Logistics', 'Net15'],
  ['40', 'Utilities and facilities', 'Net10'],
] as const

export function partyPhase(ctx: SeedContext): void {
  for (const company of seedCompanies) {
    const rng = ctx.rng.fork(`parties/${company.id}`)
    for (const [id, description, terms] of customerGroups) {
      ctx.add('CustomerGroups', {
        dataAreaId: company.id,
        CustomerGroupId: id,
        Description: description,
        PaymentTermId: terms,
        IsSalesTaxIncludedInPrice: company.id === 'usmf' ? 'No' : 'Yes',
      })
    }
    for (const [id, description, terms] of vendorGroups) {
      ctx.add('VendorGroups', {
        dataAreaId: company.id,
        VendorGroupId: id,
        Description: description,
        DefaultPaymentTermName: terms,
      })
    }
    const place = cities[company.country]!
    for (let n = 1; n <= company.customers; n++) {
      const name = customerNames[(n - 1 + seedCompanies.indexOf(company) * 7) % customerNames.length]!
      const [city, zip] = rng.pick(place)
      const group = rng.weighted<(typeof customerGroups)[number]>([
        [customerGroups[0], 5],
        [customerGroups[1], 3],
        [customerGroups[2], 2],
      ])
      ctx.add('CustomersV3', {
        dataAreaId: company.id,
        CustomerAccount: customerAccount(company, n),
        OrganizationName: name,
        NameAlias: name.split(' ')[0]!.slice(0, 20),
        CustomerGroupId: group[0],
        SalesCurrencyCode: company.currency,
        CreditLimit: rng.pick([25000, 50000, 100000, 250000]),
        PaymentTerms: group[2],
        OnHoldStatus: n === company.customers ? 'Invoice' : 'No',
        AddressCountryRegionId: company.country,
        AddressCity: city,
        AddressStreet: `${rng.int(1, 240)} ${rng.pick(streets)}`,
        AddressZipCode: zip,
        PrimaryContactEmail: `ap@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
        PrimaryContactPhone: `+${rng.int(100, 999)} 555 ${rng.int(1000, 9999)}`,
        SalesTaxGroup: company.id === 'usmf' ? 'WA' : company.id === 'demf' ? 'DOM' : 'UK',
        EmployeeResponsibleNumber: String(rng.int(1, 8)).padStart(6, '0'),
      })
    }
    for (let n = 1; n <= company.vendors; n++) {
      const name = vendorNames[(n - 1 + seedCompanies.indexOf(company) * 5) % vendorNames.length]!
      const [city, zip] = rng.pick(place)
      const group = n <= 10 ? vendorGroups[0] : rng.pick(vendorGroups)
      ctx.add('VendorsV2', {
        dataAreaId: company.id,
        VendorAccountNumber: vendorAccount(company, n),
        VendorOrganizationName: name,
        VendorSearchName: name.split(' ')[0]!.slice(0, 20),
        VendorGroupId: group[0],
        CurrencyCode: company.currency,
        VendorPaymentTermsName: group[2],
        OnHoldStatus: n === company.vendors ? 'All' : 'No',
        AddressCountryRegionId: company.country,
        AddressCity: city,
        AddressStreet: `${rng.int(1, 240)} ${rng.pick(streets)}`,
        AddressZipCode: zip,
        PrimaryEmailAddress: `orders@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
        PrimaryPhoneNumber: `+${rng.int(100, 999)} 555 ${rng.int(1000, 9999)}`,
        TaxExemptNumber: '',
      })
    }
  }
}

export function productPhase(ctx: SeedContext): void {
  for (const company of seedCompanies) {
    productNames.forEach(([name, group, price], i) => {
      const service = group === 'Services'
      const sales = round2(price * company.priceFactor)
      ctx.add('ReleasedProductsV2', {
        dataAreaId: company.id,
        ItemNumber: `P-${String(i + 1).padStart(4, '0')}`,
        ProductNumber: `P-${String(i + 1).padStart(4, '0')}`,
        ProductName: name,
        SearchName: name.split(' ')[0]!.slice(0, 20),
        ProductType: service ? 'Service' : 'Item',
        ItemModelGroupId: service ? 'SRV' : 'FIFO',
        ProductGroupId: group,
        InventoryUnitSymbol: service ? 'hr' : 'ea',
        SalesUnitSymbol: service ? 'hr' : 'ea',
        PurchaseUnitSymbol: service ? 'hr' : 'ea',
        SalesPrice: sales,
        PurchasePrice: round2(sales * 0.58),
        PrimaryVendorAccountNumber: service ? '' : vendorAccount(company, (i % Math.min(10, company.vendors)) + 1),
        IsStopped: i === productNames.length - 1 && company.id === 'gbsi' ? 'Yes' : 'No',
      })
    })
  }
}

export const mainAccountRows: Array<[string, string, string, string]> = [
  ['110110', 'Bank account - operating', 'Asset', 'Cash'],
  ['110140', 'Bank account - payroll', 'Asset', 'Cash'],
  ['130100', 'Accounts receivable - domestic', 'Asset', 'AR'],
  ['140200', 'Inventory - finished goods', 'Asset', 'Inventory'],
  ['180100', 'Prepaid expenses', 'Asset', 'Prepaid'],
  ['200110', 'Accounts payable - domestic', 'Liability', 'AP'],
  ['220100', 'Accrued liabilities', 'Liability', 'Accruals'],
  ['222200', 'Sales tax payable', 'Liability', 'Tax'],
  ['300100', 'Common stock', 'Equity', 'Equity'],
  ['310100', 'Retained earnings', 'Equity', 'Equity'],
  ['401100', 'Sales - sensors', 'Revenue', 'Revenue'],
  ['401200', 'Sales - gateways', 'Revenue', 'Revenue'],
  ['401300', 'Sales - services', 'Revenue', 'Revenue'],
  ['500100', 'Cost of goods sold', 'Expense', 'COGS'],
  ['601100', 'Salaries', 'Expense', 'Payroll'],
  ['601500', 'Office supplies', 'Expense', 'Operating'],
  ['602300', 'Travel', 'Expense', 'Operating'],
  ['603100', 'Rent', 'Expense', 'Facilities'],
  ['603200', 'Utilities', 'Expense', 'Facilities'],
  ['606500', 'Freight out', 'Expense', 'Operating'],
  ['618100', 'Depreciation', 'Expense', 'Depreciation'],
  ['801100', 'Interest expense', 'Expense', 'Financial'],
]

export function mainAccountPhase(ctx: SeedContext): void {
  for (const [id, name, type, category] of mainAccountRows) {
    ctx.add('MainAccounts', {
      ChartOfAccounts: 'Shared',
      MainAccountId: id,
      Name: name,
      MainAccountType: type,
      MainAccountCategory: category,
      IsSuspended: 'No',
    })
  }
}

export type { SeedCompany }
