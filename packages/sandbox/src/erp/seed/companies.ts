// The three legal entities of the demo data.
export interface SeedCompany {
  id: string
  name: string
  currency: string
  country: string
  city: string
  street: string
  timeZone: string
  /** prefix of customer and vendor accounts: US-001, USV-001 */
  prefix: string
  /** share of the transactional volume relative to usmf */
  volume: number
  /** multiplier on US list prices, in the company's currency */
  priceFactor: number
  customers: number
  vendors: number
}

export const seedCompanies: SeedCompany[] = [
  {
    id: 'usmf',
    name: 'Corvane Systems USA Inc.',
    currency: 'USD',
    country: 'USA',
    city: 'Seattle',
    street: '1200 Harbor Way',
    timeZone: 'Pacific Standard Time',
    prefix: 'US',
    volume: 1,
    priceFactor: 1,
    customers: 30,
    vendors: 20,
  },
  {
    id: 'demf',
    name: 'Corvane Systems GmbH',
    currency: 'EUR',
    country: 'DEU',
    city: 'München',
    street: 'Lindenallee 14',
    timeZone: 'W. Europe Standard Time',
    prefix: 'DE',
    volume: 0.35,
    priceFactor: 0.92,
    customers: 16,
    vendors: 12,
  },
  {
    id: 'gbsi',
    name: 'Corvane Systems UK Ltd',
    currency: 'GBP',
    country: 'GBR',
    city: 'Manchester',
    street: '8 Quay Lane',
    timeZone: 'GMT Standard Time',
    prefix: 'GB',
    volume: 0.25,
    priceFactor: 0.79,
    customers: 12,
    vendors: 10,
  },
]

export const customerAccount = (company: SeedCompany, n: number) => `${company.prefix}-${String(n).padStart(3, '0')}`
export const vendorAccount = (company: SeedCompany, n: number) => `${company.prefix}V-${String(n).padStart(3, '0')}`
