// Customers, customer groups and customer transactions.
import type { ErpEntity } from '../model.js'
import { date, dec, enumField, str } from './fields.js'

export const customerGroups: ErpEntity = {
  name: 'CustomerGroup',
  entitySet: 'CustomerGroups',
  label: 'Customer groups',
  companySpecific: true,
  keys: ['CustomerGroupId'],
  fields: [
    str('CustomerGroupId', 10, 'Customer group', { mandatory: true }),
    str('Description', 60, 'Description'),
    str('PaymentTermId', 10, 'Terms of payment'),
    enumField('IsSalesTaxIncludedInPrice', 'NoYes', 'Prices include sales tax'),
  ],
}

export const customers: ErpEntity = {
  name: 'CustomerV3',
  entitySet: 'CustomersV3',
  label: 'Customers',
  companySpecific: true,
  keys: ['CustomerAccount'],
  fields: [
    str('CustomerAccount', 20, 'Customer account', { mandatory: true }),
    str('OrganizationName', 100, 'Name', { mandatory: true }),
    str('NameAlias', 20, 'Search name'),
    str('CustomerGroupId', 10, 'Customer group', { mandatory: true }),
    str('SalesCurrencyCode', 3, 'Currency', { mandatory: true }),
    dec('CreditLimit', 'Credit limit'),
    str('PaymentTerms', 10, 'Terms of payment'),
    enumField('OnHoldStatus', 'CustVendorBlocked', 'Invoice and delivery on hold'),
    str('AddressCountryRegionId', 10, 'Country/region'),
    str('AddressCity', 60, 'City'),
    str('AddressStreet', 250, 'Street'),
    str('AddressZipCode', 10, 'ZIP/postal code'),
    str('PrimaryContactEmail', 255, 'Email'),
    str('PrimaryContactPhone', 255, 'Telephone'),
    str('SalesTaxGroup', 10, 'Sales tax group'),
    str('EmployeeResponsibleNumber', 25, 'Employee responsible'),
  ],
  navigation: [
    {
      name: 'SalesOrderHeaders',
      target: 'SalesOrderHeadersV2',
      on: { CustomerAccount: 'OrderingCustomerAccountNumber' },
      many: true,
    },
    {
      name: 'CustomerTransactions',
      target: 'CustomerTransactions',
      on: { CustomerAccount: 'CustomerAccount' },
      many: true,
    },
    { name: 'CustomerGroup', target: 'CustomerGroups', on: { CustomerGroupId: 'CustomerGroupId' }, many: false },
  ],
  actions: [
    {
      name: 'GetCustomerBalance',
      description: 'Returns the customer’s open balance (sum of open amounts of its transactions) in its currency.',
      boundTo: 'entity',
      parameters: [],
      returns: 'Decimal',
    },
  ],
}

/**
 * Customer transactions (CustTrans): invoices and payments with what is still open. Our own entity
 * name: finance & operations has no standard public entity over CustTrans with open amounts.
 * Amounts are from the customer balance's side: an invoice is positive (owed to us), a payment negative.
 */
export const customerTransactions: ErpEntity = {
  name: 'CustomerTransaction',
  entitySet: 'CustomerTransactions',
  label: 'Customer transactions',
  companySpecific: true,
  keys: ['Voucher'],
  readOnly: true,
  fields: [
    str('Voucher', 20, 'Voucher', { mandatory: true }),
    str('CustomerAccount', 20, 'Customer account', { mandatory: true }),
    str('CustomerName', 100, 'Name'),
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
  navigation: [{ name: 'Customer', target: 'CustomersV3', on: { CustomerAccount: 'CustomerAccount' }, many: false }],
}
