// The emulator's menu items and forms, as data. Names follow finance & operations where it has
// them (CustTableListPage, SalesTableListPage, VendAgingReport …); control names are
// `{DataSource}_{Field}` over the emulator's data entities.
import type { ControlDef, FormDef, LookupDef, MenuItemDef } from './types.js'

const customerGroupLookup: LookupDef = {
  entitySet: 'CustomerGroups',
  valueField: 'CustomerGroupId',
  columns: [
    { field: 'CustomerGroupId', label: 'Customer group' },
    { field: 'Description', label: 'Description' },
  ],
}
const vendorGroupLookup: LookupDef = {
  entitySet: 'VendorGroups',
  valueField: 'VendorGroupId',
  columns: [
    { field: 'VendorGroupId', label: 'Vendor group' },
    { field: 'Description', label: 'Description' },
  ],
}
const customerLookup: LookupDef = {
  entitySet: 'CustomersV3',
  valueField: 'CustomerAccount',
  columns: [
    { field: 'CustomerAccount', label: 'Customer account' },
    { field: 'OrganizationName', label: 'Name' },
  ],
}
const vendorLookup: LookupDef = {
  entitySet: 'VendorsV2',
  valueField: 'VendorAccountNumber',
  columns: [
    { field: 'VendorAccountNumber', label: 'Vendor account' },
    { field: 'VendorOrganizationName', label: 'Name' },
  ],
}
const itemLookup: LookupDef = {
  entitySet: 'ReleasedProductsV2',
  valueField: 'ItemNumber',
  columns: [
    { field: 'ItemNumber', label: 'Item number' },
    { field: 'ProductName', label: 'Product name' },
  ],
}

/** controls bound to one data source: `field` or `[field, extra]` → `{ds}_{field}` */
function bound(dataSource: string, fields: ReadonlyArray<string | [string, Partial<ControlDef>]>): ControlDef[] {
  return fields.map((entry) => {
    const [field, extra] = typeof entry === 'string' ? [entry, {}] : entry
    return { name: `${dataSource}_${field}`, dataSource, field, ...extra }
  })
}

// ---- All customers ---------------------------------------------------------------------------

const customersForm: FormDef = {
  name: 'CustTable',
  caption: 'All customers',
  style: 'ListPage',
  dataSources: [
    {
      name: 'CustTable',
      entitySet: 'CustomersV3',
      titleFields: ['CustomerAccount', 'OrganizationName'],
      allowCreate: true,
    },
  ],
  controls: [],
  grids: [
    {
      name: 'Grid',
      label: 'Customers',
      dataSource: 'CustTable',
      columns: bound('CustTable', [
        'CustomerAccount',
        'OrganizationName',
        ['CustomerGroupId', { lookup: customerGroupLookup }],
        'SalesCurrencyCode',
        'OnHoldStatus',
      ]),
    },
  ],
  tabs: [
    {
      name: 'TabGeneral',
      label: 'General',
      controls: bound('CustTable', [
        'NameAlias',
        ['CustomerGroupId', { name: 'CustTable_CustomerGroupDetail', lookup: customerGroupLookup }],
        ['SalesCurrencyCode', { name: 'CustTable_Currency' }],
        'SalesTaxGroup',
        'EmployeeResponsibleNumber',
      ]),
    },
    {
      name: 'TabCredit',
      label: 'Credit and collections',
      controls: bound('CustTable', ['CreditLimit', 'PaymentTerms', ['OnHoldStatus', { name: 'CustTable_OnHold' }]]),
    },
    {
      name: 'TabAddress',
      label: 'Addresses',
      controls: bound('CustTable', ['AddressStreet', 'AddressCity', 'AddressZipCode', 'AddressCountryRegionId']),
    },
    {
      name: 'TabContact',
      label: 'Contact information',
      controls: bound('CustTable', ['PrimaryContactEmail', 'PrimaryContactPhone']),
    },
  ],
  buttons: [
    { name: 'SystemDefinedNewButton', label: 'New', action: { kind: 'new', dataSource: 'CustTable' } },
    { name: 'SystemDefinedSaveButton', label: 'Save', action: { kind: 'save' } },
    {
      name: 'CustOnHold',
      label: 'Put on hold',
      action: { kind: 'operation', operation: 'holdCustomer', dataSource: 'CustTable' },
      enabledWhen: [{ dataSource: 'CustTable', field: 'OnHoldStatus', in: ['No', 'Never'] }],
    },
    {
      name: 'CustReleaseHold',
      label: 'Remove hold',
      action: { kind: 'operation', operation: 'releaseCustomerHold', dataSource: 'CustTable' },
      enabledWhen: [
        { dataSource: 'CustTable', field: 'OnHoldStatus', in: ['Invoice', 'All', 'Payment', 'Requisition'] },
      ],
    },
  ],
}

// ---- All vendors -----------------------------------------------------------------------------

const vendorsForm: FormDef = {
  name: 'VendTable',
  caption: 'All vendors',
  style: 'ListPage',
  dataSources: [
    {
      name: 'VendTable',
      entitySet: 'VendorsV2',
      titleFields: ['VendorAccountNumber', 'VendorOrganizationName'],
      allowCreate: true,
    },
  ],
  controls: [],
  grids: [
    {
      name: 'Grid',
      label: 'Vendors',
      dataSource: 'VendTable',
      columns: bound('VendTable', [
        'VendorAccountNumber',
        'VendorOrganizationName',
        ['VendorGroupId', { lookup: vendorGroupLookup }],
        'CurrencyCode',
        'OnHoldStatus',
      ]),
    },
  ],
  tabs: [
    {
      name: 'TabGeneral',
      label: 'General',
      controls: bound('VendTable', [
        'VendorSearchName',
        ['VendorGroupId', { name: 'VendTable_VendorGroup', lookup: vendorGroupLookup }],
        ['CurrencyCode', { name: 'VendTable_Currency' }],
        'VendorPaymentTermsName',
        ['OnHoldStatus', { name: 'VendTable_Blocked' }],
        'TaxExemptNumber',
      ]),
    },
    {
      name: 'TabAddress',
      label: 'Addresses',
      controls: bound('VendTable', ['AddressStreet', 'AddressCity', 'AddressZipCode', 'AddressCountryRegionId']),
    },
    {
      name: 'TabContact',
      label: 'Contact information',
      controls: bound('VendTable', ['PrimaryEmailAddress', 'PrimaryPhoneNumber']),
    },
  ],
  buttons: [
    { name: 'SystemDefinedNewButton', label: 'New', action: { kind: 'new', dataSource: 'VendTable' } },
    { name: 'SystemDefinedSaveButton', label: 'Save', action: { kind: 'save' } },
  ],
}

// ---- All sales orders ------------------------------------------------------------------------

const salesOrdersForm: FormDef = {
  name: 'SalesTable',
  caption: 'All sales orders',
  style: 'DetailsTransaction',
  dataSources: [
    {
      name: 'SalesTable',
      entitySet: 'SalesOrderHeadersV2',
      orderBy: [{ field: 'SalesOrderNumber', descending: true }],
      titleFields: ['SalesOrderNumber', 'SalesOrderName'],
      allowCreate: true,
    },
    {
      name: 'SalesLine',
      entitySet: 'SalesOrderLines',
      link: { parent: 'SalesTable', fields: { SalesOrderNumber: 'SalesOrderNumber' } },
      orderBy: [{ field: 'LineNumber' }],
      titleFields: ['LineNumber', 'ItemNumber'],
      allowCreate: true,
    },
  ],
  controls: [],
  grids: [
    {
      name: 'Grid',
      label: 'Sales orders',
      dataSource: 'SalesTable',
      columns: bound('SalesTable', [
        'SalesOrderNumber',
        'OrderingCustomerAccountNumber',
        'SalesOrderName',
        'SalesOrderStatus',
        'SalesOrderProcessingStatus',
        'RequestedShippingDate',
        'TotalOrderAmount',
      ]),
    },
  ],
  tabs: [
    {
      name: 'TabHeader',
      label: 'Header',
      controls: bound('SalesTable', [
        ['OrderingCustomerAccountNumber', { name: 'SalesTable_CustAccount', lookup: customerLookup }],
        'CustomersOrderReference',
        'CustomerRequisitionNumber',
        ['RequestedShippingDate', { name: 'SalesTable_ShippingDateRequested' }],
        'RequestedReceiptDate',
        'PaymentTermsName',
        'DeliveryAddressCity',
        'DeliveryAddressCountryRegionId',
        'SalesResponsiblePersonnelNumber',
        'IsSalesProcessingStopped',
        'CurrencyCode',
      ]),
    },
    {
      name: 'TabLines',
      label: 'Lines',
      controls: [],
      grids: [
        {
          name: 'LineGrid',
          label: 'Sales order lines',
          dataSource: 'SalesLine',
          columns: bound('SalesLine', [
            'LineNumber',
            ['ItemNumber', { lookup: itemLookup }],
            'LineDescription',
            'OrderedSalesQuantity',
            'SalesUnitSymbol',
            'SalesPrice',
            'LineDiscountAmount',
            'LineAmount',
            'SalesOrderLineStatus',
          ]),
        },
      ],
    },
  ],
  buttons: [
    { name: 'SystemDefinedNewButton', label: 'New sales order', action: { kind: 'new', dataSource: 'SalesTable' } },
    { name: 'SystemDefinedSaveButton', label: 'Save', action: { kind: 'save' } },
    { name: 'LineStripNew', label: 'Add line', action: { kind: 'new', dataSource: 'SalesLine' } },
    {
      name: 'buttonConfirm',
      label: 'Confirm sales order',
      action: { kind: 'operation', operation: 'confirmSalesOrder', dataSource: 'SalesTable' },
      enabledWhen: [
        { dataSource: 'SalesTable', field: 'SalesOrderStatus', in: ['Backorder'] },
        { dataSource: 'SalesTable', field: 'SalesOrderProcessingStatus', in: ['None', 'Quotation'] },
      ],
    },
  ],
}

// ---- Pending vendor invoices -----------------------------------------------------------------

const vendorInvoicesForm: FormDef = {
  name: 'VendInvoiceInfoListPage',
  caption: 'Pending vendor invoices',
  style: 'DetailsTransaction',
  dataSources: [
    {
      name: 'VendInvoiceInfoTable',
      entitySet: 'VendorInvoiceHeaders',
      orderBy: [{ field: 'HeaderReference', descending: true }],
      titleFields: ['HeaderReference', 'InvoiceNumber'],
      allowCreate: true,
    },
    {
      name: 'VendInvoiceInfoLine',
      entitySet: 'VendorInvoiceLines',
      link: { parent: 'VendInvoiceInfoTable', fields: { HeaderReference: 'HeaderReference' } },
      orderBy: [{ field: 'InvoiceLineNumber' }],
      titleFields: ['InvoiceLineNumber', 'ItemNumber'],
    },
  ],
  controls: [],
  grids: [
    {
      name: 'Grid',
      label: 'Pending vendor invoices',
      dataSource: 'VendInvoiceInfoTable',
      columns: bound('VendInvoiceInfoTable', [
        'HeaderReference',
        'InvoiceNumber',
        'InvoiceAccount',
        'VendorName',
        'InvoiceDate',
        'DueDate',
        'InvoiceAmount',
        'ApprovalStatus',
      ]),
    },
  ],
  tabs: [
    {
      name: 'TabHeader',
      label: 'Invoice header',
      controls: bound('VendInvoiceInfoTable', [
        ['InvoiceAccount', { name: 'VendInvoiceInfoTable_InvoiceAccountDetail', lookup: vendorLookup }],
        'PurchaseOrderNumber',
        ['InvoiceDate', { name: 'VendInvoiceInfoTable_InvoiceDateDetail' }],
        'PostingDate',
        ['DueDate', { name: 'VendInvoiceInfoTable_DueDateDetail' }],
        'Currency',
        ['InvoiceAmount', { name: 'VendInvoiceInfoTable_InvoiceAmountDetail' }],
        'SalesTaxAmount',
        'InvoiceDescription',
        'PaymentTermsName',
        'IsOnHold',
      ]),
    },
    {
      name: 'TabLines',
      label: 'Lines',
      controls: [],
      grids: [
        {
          name: 'LineGrid',
          label: 'Invoice lines',
          dataSource: 'VendInvoiceInfoLine',
          columns: bound('VendInvoiceInfoLine', [
            'InvoiceLineNumber',
            'ItemNumber',
            'Description',
            'ReceiveNow',
            'UnitPrice',
            'LineAmount',
            'PurchaseOrder',
          ]),
        },
      ],
    },
  ],
  buttons: [
    { name: 'SystemDefinedNewButton', label: 'New', action: { kind: 'new', dataSource: 'VendInvoiceInfoTable' } },
    { name: 'SystemDefinedSaveButton', label: 'Save', action: { kind: 'save' } },
  ],
}

// ---- Action: credit limit adjustment -----------------------------------------------------------

const creditLimitAdjustmentForm: FormDef = {
  name: 'CustCreditLimitAdjustment',
  caption: 'Credit limit adjustments',
  style: 'Dialog',
  dataSources: [],
  controls: [
    {
      name: 'CustomerGroup',
      label: 'Customer group',
      parameter: 'CustomerGroup',
      type: 'String',
      mandatory: true,
      lookup: customerGroupLookup,
    },
    {
      name: 'AdjustmentPercent',
      label: 'Adjustment (%)',
      parameter: 'AdjustmentPercent',
      type: 'Real',
      mandatory: true,
    },
  ],
  grids: [],
  tabs: [],
  buttons: [
    { name: 'OkButton', label: 'OK', action: { kind: 'runDialog', operation: 'adjustCreditLimits' } },
    { name: 'CancelButton', label: 'Cancel', action: { kind: 'close' } },
  ],
  guidance: [
    'This dialog changes the credit limit of every customer in the group by the percentage (negative lowers it). Set both values, then click OkButton; CancelButton closes it without changes.',
  ],
}

// ---- Action: confirm a customer's open sales orders -------------------------------------------

const confirmSalesOrdersForm: FormDef = {
  name: 'SalesConfirmOrders',
  caption: 'Confirm sales orders',
  style: 'Dialog',
  dataSources: [],
  controls: [
    {
      name: 'CustomerAccount',
      label: 'Customer account',
      parameter: 'CustomerAccount',
      type: 'String',
      mandatory: true,
      lookup: customerLookup,
    },
  ],
  grids: [],
  tabs: [],
  buttons: [
    { name: 'OkButton', label: 'OK', action: { kind: 'runDialog', operation: 'confirmCustomerSalesOrders' } },
    { name: 'CancelButton', label: 'Cancel', action: { kind: 'close' } },
  ],
  guidance: [
    'This dialog confirms every open, unconfirmed sales order of the customer. Set CustomerAccount, then click OkButton; CancelButton closes it without changes.',
  ],
}

// ---- Output: reports ---------------------------------------------------------------------------

const reportGuidance = (what: string) =>
  `This is a report dialog (FormStyle Report). Set its parameters, then click PrintButton for ${what} as a PDF file (ExportCsvButton for CSV); the file comes back with the result and the dialog closes.`

const vendorAgingForm: FormDef = {
  name: 'VendAgingReport',
  caption: 'Vendor aging report',
  style: 'Report',
  dataSources: [],
  controls: [
    { name: 'AgingDate', label: 'Aging as of', parameter: 'AgingDate', type: 'Date', mandatory: true },
    {
      name: 'AgingPeriod',
      label: 'Aging period definition',
      parameter: 'AgingPeriod',
      type: 'Enum',
      options: ['Standard (30/60/90)'],
      editable: false,
    },
    { name: 'VendorGroup', label: 'Vendor group', parameter: 'VendorGroup', type: 'String', lookup: vendorGroupLookup },
  ],
  grids: [],
  tabs: [],
  buttons: [
    { name: 'PrintButton', label: 'Print (PDF)', action: { kind: 'report', format: 'pdf' } },
    { name: 'ExportCsvButton', label: 'Export to CSV', action: { kind: 'report', format: 'csv' } },
    { name: 'CancelButton', label: 'Cancel', action: { kind: 'close' } },
  ],
  report: 'VendorAging',
  guidance: [
    reportGuidance('the vendor aging report'),
    'AgingDate defaults to today; leave VendorGroup empty for all vendors. Periods: current, 1-30, 31-60, 61-90 and over 90 days past due.',
  ],
}

const customerStatementForm: FormDef = {
  name: 'CustAccountStatement',
  caption: 'Customer account statement',
  style: 'Report',
  dataSources: [],
  controls: [
    {
      name: 'CustomerAccount',
      label: 'Customer account',
      parameter: 'CustomerAccount',
      type: 'String',
      mandatory: true,
      lookup: customerLookup,
    },
    { name: 'FromDate', label: 'From date', parameter: 'FromDate', type: 'Date', mandatory: true },
    { name: 'ToDate', label: 'To date', parameter: 'ToDate', type: 'Date', mandatory: true },
  ],
  grids: [],
  tabs: [],
  buttons: [
    { name: 'PrintButton', label: 'Print (PDF)', action: { kind: 'report', format: 'pdf' } },
    { name: 'ExportCsvButton', label: 'Export to CSV', action: { kind: 'report', format: 'csv' } },
    { name: 'CancelButton', label: 'Cancel', action: { kind: 'close' } },
  ],
  report: 'CustomerStatement',
  guidance: [reportGuidance('the statement'), 'FromDate defaults to January 1 of this year and ToDate to today.'],
}

export const erpForms: readonly FormDef[] = [
  customersForm,
  vendorsForm,
  salesOrdersForm,
  vendorInvoicesForm,
  creditLimitAdjustmentForm,
  confirmSalesOrdersForm,
  vendorAgingForm,
  customerStatementForm,
]

export const erpMenuItems: readonly MenuItemDef[] = [
  {
    name: 'CustTableListPage',
    type: 'Display',
    label: 'All customers',
    path: 'Accounts receivable > Customers > All customers',
    form: 'CustTable',
  },
  {
    name: 'VendTableListPage',
    type: 'Display',
    label: 'All vendors',
    path: 'Accounts payable > Vendors > All vendors',
    form: 'VendTable',
  },
  {
    name: 'SalesTableListPage',
    type: 'Display',
    label: 'All sales orders',
    path: 'Sales and marketing > Sales orders > All sales orders',
    form: 'SalesTable',
  },
  {
    name: 'VendInvoiceInfoListPage',
    type: 'Display',
    label: 'Pending vendor invoices',
    path: 'Accounts payable > Invoices > Pending vendor invoices',
    form: 'VendInvoiceInfoListPage',
  },
  {
    name: 'CustCreditLimitAdjustment',
    type: 'Action',
    label: 'Credit limit adjustments',
    path: 'Credit and collections > Customer credit > Credit limit adjustments',
    form: 'CustCreditLimitAdjustment',
  },
  {
    name: 'SalesConfirmOrders',
    type: 'Action',
    label: 'Confirm sales orders',
    path: 'Sales and marketing > Sales orders > Order confirmation > Confirm sales orders',
    form: 'SalesConfirmOrders',
  },
  {
    name: 'VendAgingReport',
    type: 'Output',
    label: 'Vendor aging report',
    path: 'Accounts payable > Inquiries and reports > Vendor aging report',
    form: 'VendAgingReport',
  },
  {
    name: 'CustAccountStatement',
    type: 'Output',
    label: 'Customer account statement',
    path: 'Accounts receivable > Inquiries and reports > Customer account statement',
    form: 'CustAccountStatement',
  },
]
