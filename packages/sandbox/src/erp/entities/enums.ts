// Enum types of the emulated entities, members in value order (as $metadata numbers them).
// Names follow finance & operations' base enums; member lists are the subset the emulator uses.

export const erpEnums = {
  NoYes: ['No', 'Yes'],
  /** SalesTable.SalesStatus */
  SalesStatus: ['None', 'Backorder', 'Delivered', 'Invoiced', 'Canceled'],
  /** SalesTable.DocumentStatus: the last document processed for the order */
  DocumentStatus: ['None', 'Quotation', 'PurchaseOrder', 'Confirmation', 'PickingList', 'PackingSlip', 'Invoice'],
  /** PurchTable.PurchStatus */
  PurchStatus: ['None', 'Backorder', 'Received', 'Invoiced', 'Canceled'],
  /** purchase order approval (change management) */
  VersioningDocumentState: ['Draft', 'InReview', 'Rejected', 'Approved', 'InExternalReview', 'Confirmed', 'Finalized'],
  /** customer/vendor on hold */
  CustVendorBlocked: ['No', 'Invoice', 'All', 'Payment', 'Requisition', 'Never'],
  EcoResProductType: ['Item', 'Service'],
  LedgerJournalACType: ['Ledger', 'Cust', 'Vend', 'Project', 'FixedAssets', 'Bank'],
  LedgerJournalType: ['Daily', 'VendInvoiceRegister', 'Payment', 'CustPayment'],
  DimensionLedgerAccountType: [
    'ProfitAndLoss',
    'Revenue',
    'Expense',
    'BalanceSheet',
    'Asset',
    'Liability',
    'Equity',
    'Total',
  ],
  HcmWorkerType: ['Employee', 'Contractor'],
  LedgerTransType: ['None', 'GeneralJournal', 'Sales', 'Purch', 'Payment', 'Cust', 'Vend'],
  /** vendor invoice approval in the pending invoice workflow */
  VendInvoiceRequestStatus: ['Draft', 'InReview', 'Approved', 'Rejected'],
} as const satisfies Record<string, readonly string[]>

export type ErpEnumName = keyof typeof erpEnums
