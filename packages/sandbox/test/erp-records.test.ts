// The finance & operations record store: demo data (deterministic, aging buckets, volumes), the
// lazy seed, and writes that either fully happen or change nothing.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErpStore } from '../src/erp/model.js'
import { AGING_BUCKETS, agingTotals, createErpRecords } from '../src/erp/records.js'
import { generateErpSeed } from '../src/erp/seed/index.js'
import { createStandardSandbox } from '../src/index.js'

const TODAY = '2026-05-15'
const clock = () => new Date(`${TODAY}T09:30:00Z`)
const dir = mkdtempSync(join(tmpdir(), 'erp-records-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let store: ErpStore
beforeAll(() => {
  store = createErpRecords({ db: new DatabaseSync(':memory:'), clock })
})

const count = (entitySet: string, company?: string) =>
  store.list(entitySet, company ? { company } : { crossCompany: true }, { top: 0 }).total

describe('demo data', () => {
  it('has three legal entities with their currencies, usmf by default', () => {
    expect(store.companies.map((c) => [c.id, c.currency, c.name]).sort()).toEqual([
      ['demf', 'EUR', 'Corvane Systems GmbH'],
      ['gbsi', 'GBP', 'Corvane Systems UK Ltd'],
      ['usmf', 'USD', 'Corvane Systems USA Inc.'],
    ])
    expect(store.defaultCompany).toBe('usmf')
  })

  it('is the same for the same seed and day, and different for another seed', () => {
    const options = { seed: 42, scale: 1, today: TODAY }
    expect(JSON.stringify(generateErpSeed(options))).toBe(JSON.stringify(generateErpSeed(options)))
    expect(JSON.stringify(generateErpSeed({ ...options, seed: 7 }))).not.toBe(JSON.stringify(generateErpSeed(options)))
  })

  it('has enough sales order lines in usmf for a query over 160,000 characters, scaled by scale', () => {
    expect(count('SalesOrderLines', 'usmf')).toBeGreaterThanOrEqual(1500)
    expect(JSON.stringify(store.list('SalesOrderLines', { company: 'usmf' }).rows).length).toBeGreaterThan(160_000)
    const double = generateErpSeed({ seed: 42, scale: 2, today: TODAY })
    const lines = double.find((b) => b.entitySet === 'SalesOrderLines')!.rows.filter((r) => r.dataAreaId === 'usmf')
    expect(lines.length).toBeGreaterThanOrEqual(3000)
  })

  it('fills every entity but the attachments, which start empty', () => {
    for (const entity of store.catalog.entities) {
      if (entity.entitySet === 'DocumentAttachments') expect(count(entity.entitySet)).toBe(0)
      else expect(count(entity.entitySet), entity.entitySet).toBeGreaterThan(0)
    }
  })

  it('puts open vendor transactions in every aging bucket with exact totals as of today', () => {
    const open = store.list('VendorTransactions', { company: 'usmf' }, { equals: { IsOpen: 'Yes' } }).rows
    const totals = agingTotals(open as never, store.today())
    expect(totals).toEqual({
      Current: 39950,
      '1-30': 3826.4,
      '31-60': 5320,
      '61-90': 3620.4,
      'Over 90': 10163.33,
      Total: 62880.13,
    })
    for (const bucket of AGING_BUCKETS) expect(totals[bucket]).toBeGreaterThan(0)
    const byVendor = (account: string) =>
      agingTotals(open.filter((r) => r.VendorAccount === account) as never, TODAY).Total
    expect(['USV-001', 'USV-002', 'USV-003', 'USV-004', 'USV-005', 'USV-006'].map(byVendor)).toEqual([
      9350.5, 14400, 7675.9, 10680, 16440.4, 4333.33,
    ])
    expect(store.get('VendorsV2', 'usmf', { VendorAccountNumber: 'USV-002' })?.VendorOrganizationName).toBe(
      'Brightwater Electronics',
    )
  })

  it('scales the open items per company and fills the customer side too', () => {
    const demf = store.list('VendorTransactions', { company: 'demf' }, { equals: { IsOpen: 'Yes' } }).rows
    expect(agingTotals(demf as never, TODAY).Total).toBe(50304.1)
    const customers = store.list('CustomerTransactions', { company: 'usmf' }, { equals: { IsOpen: 'Yes' } }).rows
    const totals = agingTotals(customers as never, TODAY)
    for (const bucket of AGING_BUCKETS) expect(totals[bucket]).toBeGreaterThan(0)
    expect(totals.Total).toBe(54155.74)
  })

  it('creates a SystemUser for each Entra user and an Admin for app-only tokens', () => {
    const users = store.list('SystemUsers', { crossCompany: true }).rows.map((u) => u.UserID)
    expect(users).toEqual(expect.arrayContaining(['Admin', 'avery', 'sam', 'casey']))
    expect(store.userFor({ appOnly: true })?.UserID).toBe('Admin')
    expect(store.userFor({ oid: '5a4db0c0-0000-4000-8000-000000000102', appOnly: false })).toMatchObject({
      UserID: 'sam',
      Company: 'usmf',
    })
    expect(store.userFor({ oid: 'nobody', appOnly: false })).toBeUndefined()
  })
})

describe('seeding', () => {
  it('generates the demo data only into a database without it', () => {
    const file = join(dir, 'erp.db')
    const first = new DatabaseSync(file)
    const a = createErpRecords({ db: first, clock })
    a.create('CustomerGroups', 'usmf', { CustomerGroupId: '77', Description: 'Kept across restarts' })
    first.close()
    const second = new DatabaseSync(file)
    const b = createErpRecords({ db: second, clock: () => new Date('2027-01-01T00:00:00Z') })
    expect(b.get('CustomerGroups', 'usmf', { CustomerGroupId: '77' })?.Description).toBe('Kept across restarts')
    expect(b.list('SalesOrderHeadersV2', { company: 'usmf' }, { top: 0 }).total).toBe(
      count('SalesOrderHeadersV2', 'usmf'),
    )
    second.close()
  })

  it('builds nothing in the standard sandbox until the first finance & operations request', async () => {
    const sandbox = createStandardSandbox({ emulators: ['erp'], clock })
    const tables = () =>
      (
        sandbox.db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'erp_%'")
          .all() as unknown[]
      ).length
    expect(tables()).toBe(0)
    const token = await sandbox.entra.requestToken({ scope: `${sandbox.urlOf('erp')}/.default` })
    const response = await sandbox.fetch(`${sandbox.urlOf('erp')}/data/LegalEntities`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    expect(tables()).toBeGreaterThan(10)
    sandbox.close()
  })
})

describe('writes', () => {
  const snapshot = () => ({
    headers: count('SalesOrderHeadersV2'),
    lines: count('SalesOrderLines'),
    customers: count('CustomersV3'),
  })

  it('numbers new documents and lines, fills defaults and keeps header totals', () => {
    const order = store.create('SalesOrderHeadersV2', 'usmf', { OrderingCustomerAccountNumber: 'US-004' })
    expect(order.SalesOrderNumber).toMatch(/^SO-\d{6}$/)
    expect(order).toMatchObject({
      CurrencyCode: 'USD',
      SalesOrderStatus: 'Backorder',
      OrderCreationDate: `${TODAY}T12:00:00Z`,
    })
    const line = store.create('SalesOrderLines', 'usmf', {
      SalesOrderNumber: order.SalesOrderNumber!,
      ItemNumber: 'P-0006',
      OrderedSalesQuantity: 2,
      LineDiscountAmount: 40,
    })
    expect(line).toMatchObject({ LineNumber: 1, SalesPrice: 640, LineAmount: 1240, SalesOrderLineStatus: 'Backorder' })
    expect(
      store.get('SalesOrderHeadersV2', 'usmf', { SalesOrderNumber: order.SalesOrderNumber! })?.TotalOrderAmount,
    ).toBe(1240)
    store.delete('SalesOrderHeadersV2', 'usmf', { SalesOrderNumber: order.SalesOrderNumber! })
    expect(store.get('SalesOrderLines', 'usmf', { InventoryLotId: line.InventoryLotId! })).toBeUndefined()
  })

  it('changes nothing when a write fails halfway', () => {
    const before = snapshot()
    expect(() =>
      store.transaction(() => {
        store.create('SalesOrderHeadersV2', 'usmf', { OrderingCustomerAccountNumber: 'US-005' })
        store.create('SalesOrderLines', 'usmf', {
          SalesOrderNumber: 'SO-999999',
          ItemNumber: 'P-0001',
          OrderedSalesQuantity: 1,
        })
      }),
    ).toThrow(/not found in the relating table 'Sales orders'/)
    expect(snapshot()).toEqual(before)
  })

  it.each([
    [
      'a missing mandatory field',
      { CustomerAccount: 'US-900', OrganizationName: 'X', SalesCurrencyCode: 'USD' },
      /Customer group.*must be filled in/,
    ],
    [
      'a read-only field',
      { SalesOrderNumber: 'SO-X', OrderingCustomerAccountNumber: 'US-001', TotalOrderAmount: 5 },
      /read-only/,
    ],
    ['an unknown field', { CustomerAccount: 'US-901', Colour: 'red' }, /property 'Colour' does not exist/],
    [
      'a wrong type',
      {
        CustomerAccount: 'US-902',
        OrganizationName: 'X',
        CustomerGroupId: '10',
        SalesCurrencyCode: 'USD',
        CreditLimit: 'lots',
      },
      /Cannot convert the literal 'lots'/,
    ],
    [
      'a string too long',
      { CustomerAccount: 'US-903', OrganizationName: 'X'.repeat(101), CustomerGroupId: '10', SalesCurrencyCode: 'USD' },
      /at most 100/,
    ],
    [
      'a duplicate key',
      { CustomerAccount: 'us-001', OrganizationName: 'X', CustomerGroupId: '10', SalesCurrencyCode: 'USD' },
      /already exists/,
    ],
    [
      'an unknown enum member',
      {
        CustomerAccount: 'US-904',
        OrganizationName: 'X',
        CustomerGroupId: '10',
        SalesCurrencyCode: 'USD',
        OnHoldStatus: 'Maybe',
      },
      /not a member of the enum type/,
    ],
    [
      'a missing related record',
      { CustomerAccount: 'US-905', OrganizationName: 'X', CustomerGroupId: '55', SalesCurrencyCode: 'USD' },
      /'55' in field 'Customer group' is not found/,
    ],
  ])('refuses %s and changes nothing', (_, values, message) => {
    const before = snapshot()
    const set = 'SalesOrderNumber' in values ? 'SalesOrderHeadersV2' : 'CustomersV3'
    expect(() => store.create(set, 'usmf', values)).toThrow(message)
    expect(snapshot()).toEqual(before)
  })

  it('refuses an unknown company, deleting a used record, and writes to read-only entities', () => {
    expect(() => store.create('CustomerGroups', 'zzzz', { CustomerGroupId: '1' })).toThrow(
      /Company 'zzzz' does not exist/,
    )
    expect(() => store.delete('CustomersV3', 'usmf', { CustomerAccount: 'US-001' })).toThrow(
      /can't be deleted; it is used in/,
    )
    expect(() => store.create('VendorTransactions', 'usmf', { Voucher: 'X' })).toThrow(
      expect.objectContaining({ status: 405 }),
    )
  })

  it('refuses changes to posted journals and invoiced orders', () => {
    expect(() =>
      store.update('LedgerJournalHeaders', 'usmf', { JournalBatchNumber: 'GJ-000001' }, { Description: 'x' }),
    ).toThrow(/is posted/)
    const invoiced = store.list(
      'SalesOrderHeadersV2',
      { company: 'usmf' },
      { equals: { SalesOrderStatus: 'Invoiced' }, top: 1 },
    ).rows[0]!
    expect(() =>
      store.update(
        'SalesOrderHeadersV2',
        'usmf',
        { SalesOrderNumber: invoiced.SalesOrderNumber! },
        { CustomersOrderReference: 'x' },
      ),
    ).toThrow(/invoiced and can't be changed/)
  })

  it('filters with the structured filter, case-insensitively', () => {
    const { rows } = store.list(
      'CustomersV3',
      { crossCompany: true },
      {
        filter: {
          or: [
            { field: 'OrganizationName', op: 'startswith', value: 'alder' },
            { field: 'CustomerAccount', op: 'eq', value: 'gb-001' },
          ],
        },
      },
    )
    expect(rows.map((r) => `${r.dataAreaId}/${r.CustomerAccount}`).sort()).toEqual(
      expect.arrayContaining(['gbsi/GB-001', 'usmf/US-001']),
    )
  })
})
