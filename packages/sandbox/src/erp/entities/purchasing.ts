// Purchase orders and pending vendor invoices.
import type { ErpEntity } from '../model.js'
import { date, dec, enumField, int64, str } from './fields.js'

export const purchaseOrderHeaders: ErpEntity = {
  name: 'PurchaseOrderHeaderV2',
  entitySet: 'PurchaseOrderHeadersV2',
  label: 'Purchase orders',
  companySpecific: true,
  // PurchaseOrderNumber comes from the number sequence (PO-nnnnnn) when a create leaves it out
  keys: ['PurchaseOrderNumber'],
  fields: [
    str('PurchaseOrderNumber', 20, 'Purchase order'),
    str('OrderVendorAccountNumber', 20, 'Vendor account', { mandatory: true }),
    str('InvoiceVendorAccountNumber', 20, 'Invoice account'),
    str('PurchaseOrderName', 100, 'Vendor name'),
    str('CurrencyCode', 3, 'Currency'),
    enumField('PurchaseOrderStatus', 'PurchStatus', 'Status', { readOnly: true }),
    enumField('DocumentApprovalStatus', 'VersioningDocumentState', 'Approval status', { readOnly: true }),
    date('AccountingDate', 'Accounting date'),
    date('RequestedDeliveryDate', 'Requested delivery date'),
    str('VendorOrderReference', 60, 'Vendor reference'),
    str('OrdererPersonnelNumber', 25, 'Orderer'),
    str('PaymentTermsName', 10, 'Terms of payment'),
    dec('TotalOrderAmount', 'Order total', { readOnly: true }),
  ],
  navigation: [
    {
      name: 'PurchaseOrderLines',
      target: 'PurchaseOrderLinesV2',
      on: { PurchaseOrderNumber: 'PurchaseOrderNumber' },
      many: true,
    },
    { name: 'Vendor', target: 'VendorsV2', on: { OrderVendorAccountNumber: 'VendorAccountNumber' }, many: false },
  ],
  actions: [
    {
      name: 'ConfirmPurchaseOrder',
      description: 'Approves (when still a draft) and confirms the purchase order; returns the new approval status.',
      boundTo: 'entity',
      parameters: [],
      returns: 'String',
    },
  ],
}

export const purchaseOrderLines: ErpEntity = {
  name: 'PurchaseOrderLineV2',
  entitySet: 'PurchaseOrderLinesV2',
  label: 'Purchase order lines',
  companySpecific: true,
  // LineNumber is the next free number of the order when a create leaves it out
  keys: ['PurchaseOrderNumber', 'LineNumber'],
  fields: [
    str('PurchaseOrderNumber', 20, 'Purchase order', { mandatory: true }),
    int64('LineNumber', 'Line number'),
    str('ItemNumber', 20, 'Item number', { mandatory: true }),
    str('LineDescription', 1000, 'Text'),
    dec('OrderedPurchaseQuantity', 'Quantity', { mandatory: true }),
    str('PurchaseUnitSymbol', 10, 'Unit'),
    dec('PurchasePrice', 'Unit price'),
    dec('LineDiscountAmount', 'Discount'),
    dec('LineAmount', 'Net amount', { readOnly: true }),
    str('CurrencyCode', 3, 'Currency'),
    enumField('PurchaseOrderLineStatus', 'PurchStatus', 'Line status', { readOnly: true }),
    date('RequestedDeliveryDate', 'Requested delivery date'),
    str('ReceivingWarehouseId', 10, 'Warehouse'),
  ],
  navigation: [
    {
      name: 'PurchaseOrderHeader',
      target: 'PurchaseOrderHeadersV2',
      on: { PurchaseOrderNumber: 'PurchaseOrderNumber' },
      many: false,
    },
    { name: 'Product', target: 'ReleasedProductsV2', on: { ItemNumber: 'ItemNumber' }, many: false },
  ],
}

/** Pending (not yet posted) vendor invoices, as the vendor invoice entry and approval forms show them. */
export const vendorInvoiceHeaders: ErpEntity = {
  name: 'VendorInvoiceHeader',
  entitySet: 'VendorInvoiceHeaders',
  label: 'Pending vendor invoices',
  companySpecific: true,
  // HeaderReference comes from the number sequence (APINV-nnnnnn) when a create leaves it out
  keys: ['HeaderReference'],
  fields: [
    str('HeaderReference', 20, 'Header reference'),
    str('InvoiceNumber', 20, 'Invoice', { mandatory: true }),
    str('InvoiceAccount', 20, 'Invoice account', { mandatory: true }),
    str('VendorName', 100, 'Name', { readOnly: true }),
    str('PurchaseOrderNumber', 20, 'Purchase order'),
    date('InvoiceDate', 'Invoice date', { mandatory: true }),
    date('PostingDate', 'Posting date'),
    date('DueDate', 'Due date'),
    str('Currency', 3, 'Currency'),
    dec('InvoiceAmount', 'Invoice amount'),
    dec('SalesTaxAmount', 'Sales tax'),
    str('InvoiceDescription', 60, 'Description'),
    str('PaymentTermsName', 10, 'Terms of payment'),
    enumField('ApprovalStatus', 'VendInvoiceRequestStatus', 'Approval status', { readOnly: true }),
    enumField('IsOnHold', 'NoYes', 'On hold'),
  ],
  navigation: [
    {
      name: 'VendorInvoiceLines',
      target: 'VendorInvoiceLines',
      on: { HeaderReference: 'HeaderReference' },
      many: true,
    },
    { name: 'Vendor', target: 'VendorsV2', on: { InvoiceAccount: 'VendorAccountNumber' }, many: false },
  ],
}

export const vendorInvoiceLines: ErpEntity = {
  name: 'VendorInvoiceLine',
  entitySet: 'VendorInvoiceLines',
  label: 'Pending vendor invoice lines',
  companySpecific: true,
  keys: ['HeaderReference', 'InvoiceLineNumber'],
  fields: [
    str('HeaderReference', 20, 'Header reference', { mandatory: true }),
    int64('InvoiceLineNumber', 'Line number'),
    str('ItemNumber', 20, 'Item number'),
    str('Description', 1000, 'Text'),
    dec('ReceiveNow', 'Quantity', { mandatory: true }),
    dec('UnitPrice', 'Unit price'),
    dec('LineAmount', 'Net amount', { readOnly: true }),
    str('PurchaseOrder', 20, 'Purchase order'),
    int64('PurchaseLineNumber', 'Purchase order line'),
  ],
  navigation: [
    {
      name: 'VendorInvoiceHeader',
      target: 'VendorInvoiceHeaders',
      on: { HeaderReference: 'HeaderReference' },
      many: false,
    },
  ],
}
