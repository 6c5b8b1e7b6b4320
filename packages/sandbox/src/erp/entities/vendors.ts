// Vendors, vendor groups and vendor transactions.
import type { ErpEntity } from '../model.js'
import { date, dec, enumField, str } from './fields.js'

export const vendorGroups: ErpEntity = {
  name: 'VendorGroup',
  entitySet: 'VendorGroups',
  label: 'Vendor groups',
  companySpecific: true,
  keys: ['VendorGroupId'],
  fields: [
    str('VendorGroupId', 10, 'Vendor group', { mandatory: true }),
    str('Description', 60, 'Description'),
    str('DefaultPaymentTermName', 10, 'Terms of payment'),
  ],
}

export const vendors: ErpEntity = {
  name: 'VendorV2',
  entitySet: 'VendorsV2',
  label: 'Vendors',
  companySpecific: true,
  keys: ['VendorAccountNumber'],
  fields: [
    str('VendorAccountNumber', 20, 'Vendor account', { mandatory: true }),
    str('VendorOrganizationName', 100, 'Name', { mandatory: true }),
    str('VendorSearchName', 20, 'Search name'),
    str('VendorGroupId', 10, 'Group', { mandatory: true }),
    str('CurrencyCode', 3, 'Currency', { mandatory: true }),
    str('VendorPaymentTermsName', 10, 'Terms of payment'),
    enumField('OnHoldStatus', 'CustVendorBlocked', 'Vendor hold'),
    str('AddressCountryRegionId', 10, 'Country/region'),
    str('AddressCity', 60, 'City'),
    str('AddressStreet', 250, 'Street'),
    str('AddressZipCode', 10, 'ZIP/postal code'),
    str('PrimaryEmailAddress', 255, 'Email'),
    str('PrimaryPhoneNumber', 255, 'Telephone'),
    str('TaxExemptNumber', 20, 'Tax exempt number'),
  ],
  navigation: [
    {
      name: 'PurchaseOrderHeaders',
      target: 'PurchaseOrderHeadersV2',
      on: { VendorAccountNumber: 'OrderVendorAccountNumber' },
      many: true,
    },
    {
      name: 'VendorTransactions',
      target: 'VendorTransactions',
      on: { VendorAccountNumber: 'VendorAccount' },
      many: true,
    },
    {
      name: 'VendorInvoiceHeaders',
      target: 'VendorInvoiceHeaders',
      on: { VendorAccountNumber: 'InvoiceAccount' },
      many: true,
    },
    { name: 'VendorGroup', target: 'VendorGroups', on: { VendorGroupId: 'VendorGroupId' }, many: false },
  ],
  actions: [
    {
      name: 'GetVendorBalance',
      description: 'Returns the vendor’s open balance (sum of open amounts of its transactions) in its currency.',
      boundTo: 'entity',
      parameters: [],
      returns: 'Decimal',
    },
  ],
}

/**
 * Vendor transactions (VendTrans): posted invoices and payments with what is still open, the data
 * behind vendor aging. Our own entity name: finance & operations has no standard public entity over
 * VendTrans with open amounts. Amounts are from the vendor balance's side: an invoice is positive
 * (owed to the vendor), a payment negative.
 */
export const vendorTransactions: ErpEntity = {
  name: 'VendorTransaction',
  entitySet: 'VendorTransactions',
  label: 'Vendor transactions',
  companySpecific: true,
  keys: ['Voucher'],
  readOnly: true,
  fields: [
    str('Voucher', 20, 'Voucher', { mandatory: true }),
    str('VendorAccount', 20, 'Vendor account', { mandatory: true }),
    str('VendorName', 100, 'Name'),
    str('Invoice', 20, 'Invoice'),
    enumField('TransactionType', 'LedgerTransType', 'Transaction type'),
    date('TransDate', 'Date'),
    date('DocumentDate', 'Document date'),
    date('DueDate', 'Due date'),
    str('CurrencyCode', 3, 'Currency'),
    dec('AmountCur', 'Amount in transaction currency'),
    dec('SettledAmountCur', 'Settled amount'),
    dec('RemainingAmountCur', 'Open amount in transaction currency'),
    dec('AmountMST', 'Amount in accounting currency'),
    str('Text', 60, 'Description'),
    enumField('IsOpen', 'NoYes', 'Open'),
  ],
  navigation: [{ name: 'Vendor', target: 'VendorsV2', on: { VendorAccount: 'VendorAccountNumber' }, many: false }],
}
