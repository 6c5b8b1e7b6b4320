// The emulator's form engine with its menu items, forms, operations and reports.
import type { Clock } from '../../shared/clock.js'
import type { ErpRecords, ErpValue } from '../model.js'
import { erpReports } from '../reports/index.js'
import { erpForms, erpMenuItems } from './definitions.js'
import { createFormEngine, type FormCatalog } from './engine.js'
import { erpOperations } from './operations.js'

export const erpFormCatalog: FormCatalog = {
  menuItems: erpMenuItems,
  forms: erpForms,
  operations: erpOperations,
  reports: erpReports,
  parameterDefaults(form, today): Record<string, ErpValue> {
    switch (form.name) {
      case 'VendAgingReport':
        return { AgingDate: today, AgingPeriod: 'Standard (30/60/90)', VendorGroup: '' }
      case 'CustAccountStatement':
        return { CustomerAccount: '', FromDate: `${today.slice(0, 4)}-01-01`, ToDate: today }
      case 'SalesConfirmOrders':
        return { CustomerAccount: '' }
      case 'CustCreditLimitAdjustment':
        return { CustomerGroup: '', AdjustmentPercent: 0 }
      default:
        return {}
    }
  },
}

export function createErpFormEngine(records: ErpRecords, clock: Clock) {
  return createFormEngine({ records, clock, catalog: erpFormCatalog })
}

export { erpForms, erpMenuItems } from './definitions.js'
export {
  createFormEngine,
  type FormEngine,
  FormError,
  type FormSession,
  GRID_PAGE_SIZE,
  type Outcome,
} from './engine.js'
export type * from './types.js'
