// Entity-specific behaviour on writes: number sequences, line numbers, values defaulted from related
// records, computed amounts, child lines deleted with their header, and documents that can no
// longer change (posted journals, invoiced or canceled orders).
import type { ErpRow, ErpValue } from '../model.js'
import { ErpError } from '../model.js'

/** Keys from a number sequence: prefix + zero-padded counter, per company. */
export const numberSequences: Record<string, { field: string; prefix: string; width: number }> = {
  SalesOrderHeadersV2: { field: 'SalesOrderNumber', prefix: 'SO-', width: 6 },
  SalesOrderLines: { field: 'InventoryLotId', prefix: 'LOT-', width: 8 },
  PurchaseOrderHeadersV2: { field: 'PurchaseOrderNumber', prefix: 'PO-', width: 6 },
  VendorInvoiceHeaders: { field: 'HeaderReference', prefix: 'APINV-', width: 6 },
  LedgerJournalHeaders: { field: 'JournalBatchNumber', prefix: 'GJ-', width: 6 },
}

/** Lines numbered 1, 2, 3 … within their header when a create leaves the number out. */
export const lineNumbers: Record<string, { field: string; parent: string }> = {
  SalesOrderLines: { field: 'LineNumber', parent: 'SalesOrderNumber' },
  PurchaseOrderLinesV2: { field: 'LineNumber', parent: 'PurchaseOrderNumber' },
  VendorInvoiceLines: { field: 'InvoiceLineNumber', parent: 'HeaderReference' },
  LedgerJournalLines: { field: 'LineNumber', parent: 'JournalBatchNumber' },
}

/** header entity set → its lines (deleted with the header) and the header total the lines add up to */
export const documents: Record<
  string,
  { lines: string; link: Record<string, string>; total?: { header: string; line: string } }
> = {
  SalesOrderHeadersV2: {
    lines: 'SalesOrderLines',
    link: { SalesOrderNumber: 'SalesOrderNumber' },
    total: { header: 'TotalOrderAmount', line: 'LineAmount' },
  },
  PurchaseOrderHeadersV2: {
    lines: 'PurchaseOrderLinesV2',
    link: { PurchaseOrderNumber: 'PurchaseOrderNumber' },
    total: { header: 'TotalOrderAmount', line: 'LineAmount' },
  },
  VendorInvoiceHeaders: { lines: 'VendorInvoiceLines', link: { HeaderReference: 'HeaderReference' } },
  LedgerJournalHeaders: { lines: 'LedgerJournalLines', link: { JournalBatchNumber: 'JournalBatchNumber' } },
}

/** What a rule may look up: one related record in the same company. */
export type Lookup = (entitySet: string, key: Record<string, ErpValue>) => ErpRow | undefined

export interface RuleContext {
  lookup: Lookup
  today: string
  companyCurrency: string
}

const empty = (value: ErpValue | undefined) =>
  value === undefined || value === null || value === '' || value === 0 || value === '1900-01-01T12:00:00Z'

const fill = (row: ErpRow, field: string, value: ErpValue | undefined) => {
  if (empty(row[field]) && value !== undefined && value !== null) row[field] = value
}

const round2 = (n: number) => Math.round(n * 100) / 100

const lineAmount = (quantity: ErpValue | undefined, price: ErpValue | undefined, discount: ErpValue | undefined) =>
  round2(Number(quantity ?? 0) * Number(price ?? 0) - Number(discount ?? 0))

/** Fills defaults and computed values into a row about to be written (`isNew` for creates). */
export function applyDefaults(entitySet: string, row: ErpRow, ctx: RuleContext, isNew: boolean): void {
  switch (entitySet) {
    case 'SalesOrderHeadersV2': {
      const customer = ctx.lookup('CustomersV3', { CustomerAccount: row.OrderingCustomerAccountNumber ?? '' })
      fill(row, 'InvoiceCustomerAccountNumber', row.OrderingCustomerAccountNumber)
      fill(row, 'SalesOrderName', customer?.OrganizationName)
      fill(row, 'CurrencyCode', customer?.SalesCurrencyCode)
      fill(row, 'PaymentTermsName', customer?.PaymentTerms)
      fill(row, 'DeliveryAddressCountryRegionId', customer?.AddressCountryRegionId)
      fill(row, 'DeliveryAddressCity', customer?.AddressCity)
      if (isNew) {
        row.OrderCreationDate = `${ctx.today}T12:00:00Z`
        row.SalesOrderStatus = 'Backorder' // an open order
      }
      break
    }
    case 'SalesOrderLines': {
      const header = ctx.lookup('SalesOrderHeadersV2', { SalesOrderNumber: row.SalesOrderNumber ?? '' })
      const product = ctx.lookup('ReleasedProductsV2', { ItemNumber: row.ItemNumber ?? '' })
      fill(row, 'CurrencyCode', header?.CurrencyCode)
      fill(row, 'SalesPrice', product?.SalesPrice)
      fill(row, 'SalesUnitSymbol', product?.SalesUnitSymbol)
      fill(row, 'LineDescription', product?.ProductName)
      fill(row, 'RequestedShippingDate', header?.RequestedShippingDate)
      if (isNew) row.SalesOrderLineStatus = 'Backorder'
      row.LineAmount = lineAmount(row.OrderedSalesQuantity, row.SalesPrice, row.LineDiscountAmount)
      break
    }
    case 'PurchaseOrderHeadersV2': {
      const vendor = ctx.lookup('VendorsV2', { VendorAccountNumber: row.OrderVendorAccountNumber ?? '' })
      fill(row, 'InvoiceVendorAccountNumber', row.OrderVendorAccountNumber)
      fill(row, 'PurchaseOrderName', vendor?.VendorOrganizationName)
      fill(row, 'CurrencyCode', vendor?.CurrencyCode)
      fill(row, 'PaymentTermsName', vendor?.VendorPaymentTermsName)
      fill(row, 'AccountingDate', `${ctx.today}T12:00:00Z`)
      if (isNew) row.PurchaseOrderStatus = 'Backorder' // an open order
      break
    }
    case 'PurchaseOrderLinesV2': {
      const header = ctx.lookup('PurchaseOrderHeadersV2', { PurchaseOrderNumber: row.PurchaseOrderNumber ?? '' })
      const product = ctx.lookup('ReleasedProductsV2', { ItemNumber: row.ItemNumber ?? '' })
      fill(row, 'CurrencyCode', header?.CurrencyCode)
      fill(row, 'PurchasePrice', product?.PurchasePrice)
      fill(row, 'PurchaseUnitSymbol', product?.PurchaseUnitSymbol)
      fill(row, 'LineDescription', product?.ProductName)
      fill(row, 'RequestedDeliveryDate', header?.RequestedDeliveryDate)
      if (isNew) row.PurchaseOrderLineStatus = 'Backorder'
      row.LineAmount = lineAmount(row.OrderedPurchaseQuantity, row.PurchasePrice, row.LineDiscountAmount)
      break
    }
    case 'VendorInvoiceHeaders': {
      const vendor = ctx.lookup('VendorsV2', { VendorAccountNumber: row.InvoiceAccount ?? '' })
      row.VendorName = vendor?.VendorOrganizationName ?? ''
      fill(row, 'Currency', vendor?.CurrencyCode)
      fill(row, 'PaymentTermsName', vendor?.VendorPaymentTermsName)
      fill(row, 'PostingDate', row.InvoiceDate)
      if (empty(row.DueDate) && typeof row.InvoiceDate === 'string' && !empty(row.InvoiceDate)) {
        const due = new Date(row.InvoiceDate)
        due.setUTCDate(due.getUTCDate() + 30)
        row.DueDate = `${due.toISOString().slice(0, 10)}T12:00:00Z`
      }
      break
    }
    case 'VendorInvoiceLines':
      row.LineAmount = lineAmount(row.ReceiveNow, row.UnitPrice, 0)
      break
    case 'LedgerJournalLines':
      fill(row, 'CurrencyCode', ctx.companyCurrency)
      break
  }
}

/** Refuses changes to documents that are closed; `header` is the line's header when the row is a line. */
export function assertChangeable(entitySet: string, row: ErpRow, ctx: RuleContext): void {
  const closedOrder = (status: ErpValue | undefined, label: string, number: ErpValue | undefined) => {
    if (status === 'Invoiced' || status === 'Canceled') {
      throw new ErpError(
        400,
        `Write failed for table row of type '${label}'. Infolog: Error: The order ${String(number)} is ${String(status).toLowerCase()} and can't be changed.`,
      )
    }
  }
  switch (entitySet) {
    case 'SalesOrderHeadersV2':
      closedOrder(row.SalesOrderStatus, 'SalesOrderHeaderV2', row.SalesOrderNumber)
      return
    case 'SalesOrderLines': {
      const header = ctx.lookup('SalesOrderHeadersV2', { SalesOrderNumber: row.SalesOrderNumber ?? '' })
      closedOrder(header?.SalesOrderStatus, 'SalesOrderLine', row.SalesOrderNumber)
      return
    }
    case 'PurchaseOrderHeadersV2':
      closedOrder(row.PurchaseOrderStatus, 'PurchaseOrderHeaderV2', row.PurchaseOrderNumber)
      return
    case 'PurchaseOrderLinesV2': {
      const header = ctx.lookup('PurchaseOrderHeadersV2', { PurchaseOrderNumber: row.PurchaseOrderNumber ?? '' })
      closedOrder(header?.PurchaseOrderStatus, 'PurchaseOrderLineV2', row.PurchaseOrderNumber)
      return
    }
    case 'LedgerJournalHeaders':
    case 'LedgerJournalLines': {
      const header =
        entitySet === 'LedgerJournalHeaders'
          ? row
          : ctx.lookup('LedgerJournalHeaders', { JournalBatchNumber: row.JournalBatchNumber ?? '' })
      if (header?.IsPosted === 'Yes') {
        throw new ErpError(
          400,
          `Write failed for table row of type '${entitySet === 'LedgerJournalHeaders' ? 'LedgerJournalHeader' : 'LedgerJournalLine'}'. Infolog: Error: Journal ${String(row.JournalBatchNumber)} is posted and can't be changed.`,
        )
      }
      return
    }
  }
}
