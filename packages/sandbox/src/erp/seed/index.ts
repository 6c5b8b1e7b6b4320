// Deterministic demo data for the finance & operations emulator: Corvane Systems' three legal
// entities (usmf, demf, gbsi) with customers, vendors, products, orders, pending vendor invoices,
// open transactions spread over every aging bucket, general journals, workers and users.
// The same seed, scale and day give the same rows.
import { type ErpSeedOptions, type SeedBatch, SeedContext } from './context.js'
import { purchasePhase, salesPhase, vendorInvoicePhase } from './documents.js'
import { ledgerPhase } from './ledger.js'
import { legalEntityPhase, mainAccountPhase, partyPhase, productPhase, userPhase, workerPhase } from './master.js'
import { transactionPhase } from './transactions.js'

export { seedCompanies } from './companies.js'
export type { ErpSeedOptions, SeedBatch, SeedUser } from './context.js'
export {
  AGING_BUCKETS,
  type AgingBucket,
  agingBucket,
  agingTotals,
  openCustomerItems,
  openItemFactor,
  openVendorItems,
} from './open-items.js'

export function generateErpSeed(options: ErpSeedOptions): SeedBatch[] {
  const ctx = new SeedContext(options)
  for (const phase of [
    legalEntityPhase,
    userPhase,
    workerPhase,
    mainAccountPhase,
    partyPhase,
    productPhase,
    salesPhase,
    purchasePhase,
    vendorInvoicePhase,
    transactionPhase,
    ledgerPhase,
  ]) {
    phase(ctx)
  }
  return ctx.all()
}
