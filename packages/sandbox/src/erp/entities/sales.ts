// Sales orders: headers and lines.
import type { ErpEntity } from '../model.js'
import { date, dec, enumField, str } from './fields.js'

export const salesOrderHeaders: ErpEntity = {
  name: 'SalesOrderHeaderV2',
  entitySet: 'SalesOrderHeadersV2',
  label: 'Sales orders',
  companySpecific: true,
  // SalesOrderNumber comes from the number sequence (SO-nnnnnn) when a create leaves it out
  keys: ['SalesOrderNumber'],
  fields: [
    str('SalesOrderNumber', 20, 'Sales order'),
    str('OrderingCustomerAccountNumber', 20, 'Customer account', { mandatory: true }),
    str('InvoiceCustomerAccountNumber', 20, 'Invoice account'),
    str('SalesOrderName', 100, 'Customer name'),
    str('CurrencyCode', 3, 'Currency'),
    enumField('SalesOrderStatus', 'SalesStatus', 'Status', { readOnly: true }),
    enumField('SalesOrderProcessingStatus', 'DocumentStatus', 'Document status', { readOnly: true }),
    date('OrderCreationDate', 'Created', { readOnly: true }),
    date('RequestedShippingDate', 'Requested ship date'),
    date('RequestedReceiptDate', 'Requested receipt date'),
    str('CustomersOrderReference', 60, 'Customer reference'),
    str('CustomerRequisitionNumber', 20, 'Customer requisition'),
    str('DeliveryAddressCountryRegionId', 10, 'Delivery country/region'),
    str('DeliveryAddressCity', 60, 'Delivery city'),
    str('PaymentTermsName', 10, 'Terms of payment'),
    str('SalesResponsiblePersonnelNumber', 25, 'Sales responsible'),
    dec('TotalOrderAmount', 'Order total', { readOnly: true }),
    enumField('IsSalesProcessingStopped', 'NoYes', 'Stopped'),
  ],
  navigation: [
    { name: 'SalesOrderLines', target: 'SalesOrderLines', on: { SalesOrderNumber: 'SalesOrderNumber' }, many: true },
    { name: 'Customer', target: 'CustomersV3', on: { OrderingCustomerAccountNumber: 'CustomerAccount' }, many: false },
  ],
  actions: [
    {
      name: 'ConfirmSalesOrder',
      description: 'Confirms the sales order (document status Confirmation); returns the confirmation id.',
      boundTo: 'entity',
      parameters: [],
      returns: 'String',
    },
    {
      name: 'CancelSalesOrder',
      description: 'Cancels an open sales order and its lines (status Canceled).',
      boundTo: 'entity',
      parameters: [{ name: 'Reason', type: 'String', optional: true }],
    },
    {
      name: 'CalculateSalesOrderTotal',
      description: 'Returns the order total: the sum of its lines’ net amounts.',
      boundTo: 'entity',
      parameters: [],
      returns: 'Decimal',
    },
  ],
}

export const salesOrderLines: ErpEntity = {
  name: 'SalesOrderLine',
  entitySet: 'SalesOrderLines',
  label: 'Sales order lines',
  companySpecific: true,
  // the lot id is system-assigned when a create leaves it out, as finance & operations does
  keys: ['InventoryLotId'],
  fields: [
    str('InventoryLotId', 30, 'Lot ID'),
    str('SalesOrderNumber', 20, 'Sales order', { mandatory: true }),
    dec('LineNumber', 'Line number'),
    str('ItemNumber', 20, 'Item number', { mandatory: true }),
    str('LineDescription', 1000, 'Text'),
    dec('OrderedSalesQuantity', 'Quantity', { mandatory: true }),
    str('SalesUnitSymbol', 10, 'Unit'),
    dec('SalesPrice', 'Unit price'),
    dec('LineDiscountAmount', 'Discount'),
    dec('LineAmount', 'Net amount', { readOnly: true }),
    str('CurrencyCode', 3, 'Currency'),
    enumField('SalesOrderLineStatus', 'SalesStatus', 'Line status', { readOnly: true }),
    date('RequestedShippingDate', 'Requested ship date'),
    str('ShippingWarehouseId', 10, 'Warehouse'),
  ],
  navigation: [
    {
      name: 'SalesOrderHeader',
      target: 'SalesOrderHeadersV2',
      on: { SalesOrderNumber: 'SalesOrderNumber' },
      many: false,
    },
    { name: 'Product', target: 'ReleasedProductsV2', on: { ItemNumber: 'ItemNumber' }, many: false },
  ],
}
