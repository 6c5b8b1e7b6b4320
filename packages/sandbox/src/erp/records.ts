// The finance & operations emulator's record store: the entry point the OData endpoint, the form
// engine and the reports share. `createErpRecords({ db, clock, seed, scale })` creates the tables,
// seeds the demo data into an empty database and returns the store (see ErpStore in model.ts).

export { erpCatalog, erpEntities } from './entities/index.js'
export { MAX_ATTACHMENT_BYTES, sha256 } from './records/attachments.js'
export { createErpRecords, DEFAULT_COMPANY, type ErpRecordsOptions } from './records/store.js'
export { NO_DATE } from './records/values.js'
export {
  AGING_BUCKETS,
  type AgingBucket,
  agingBucket,
  agingTotals,
  openCustomerItems,
  openVendorItems,
  seedCompanies,
} from './seed/index.js'
