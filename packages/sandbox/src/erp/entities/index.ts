// The entity catalogue: every data entity the emulator serves, as data.
import type { ErpEntity, ErpEntityCatalog } from '../model.js'
import { customerGroups, customers, customerTransactions } from './customers.js'
import { documentAttachments } from './documents.js'
import { erpEnums } from './enums.js'
import { ledgerJournalHeaders, ledgerJournalLines, mainAccounts } from './ledger.js'
import { legalEntities, systemUsers, workers } from './organization.js'
import { releasedProducts } from './products.js'
import { purchaseOrderHeaders, purchaseOrderLines, vendorInvoiceHeaders, vendorInvoiceLines } from './purchasing.js'
import { salesOrderHeaders, salesOrderLines } from './sales.js'
import { vendorGroups, vendors, vendorTransactions } from './vendors.js'

export { erpEnums } from './enums.js'

export const erpEntities: readonly ErpEntity[] = [
  legalEntities,
  systemUsers,
  workers,
  customerGroups,
  customers,
  customerTransactions,
  vendorGroups,
  vendors,
  vendorTransactions,
  releasedProducts,
  salesOrderHeaders,
  salesOrderLines,
  purchaseOrderHeaders,
  purchaseOrderLines,
  vendorInvoiceHeaders,
  vendorInvoiceLines,
  mainAccounts,
  ledgerJournalHeaders,
  ledgerJournalLines,
  documentAttachments,
]

export function createCatalog(entities: readonly ErpEntity[] = erpEntities): ErpEntityCatalog {
  const bySet = new Map(entities.map((entity) => [entity.entitySet, entity]))
  return { entities, enums: erpEnums, bySet: (entitySet) => bySet.get(entitySet) }
}

/** The emulator's catalogue. */
export const erpCatalog: ErpEntityCatalog = createCatalog()
