// The reports output menu items run, by name (FormDef.report).
import { FormError } from '../forms/controls.js'
import type { FormReport } from '../forms/engine.js'
import {
  customerStatementFromStore,
  renderCustomerStatementCsv,
  renderCustomerStatementPdf,
} from './customer-statement.js'
import { mmddyyyy } from './rows.js'
import { renderVendorAgingCsv, renderVendorAgingPdf, vendorAgingFromStore } from './vendor-aging.js'

const noon = (date: string) => new Date(`${date}T12:00:00Z`)

export const erpReports: Record<string, FormReport> = {
  VendorAging: {
    fileName: ({ today }) => `VendorAgingReport_${mmddyyyy(today)}`,
    async render({ records, company, today, parameters, format }) {
      const asOf = String(parameters.AgingDate || today)
      const group = String(parameters.VendorGroup ?? '').trim()
      const aging = vendorAgingFromStore(records, company, asOf, group || undefined)
      return format === 'pdf' ? renderVendorAgingPdf(aging, noon(today)) : renderVendorAgingCsv(aging)
    },
  },
  CustomerStatement: {
    fileName: ({ today, parameters }) =>
      `CustAccountStatement_${String(parameters.CustomerAccount).replace(/[^A-Za-z0-9-]/g, '')}_${mmddyyyy(today)}`,
    async render({ records, company, today, parameters, format }) {
      if (String(parameters.FromDate) > String(parameters.ToDate || today)) {
        throw new FormError(`FromDate ${String(parameters.FromDate)} is after ToDate ${String(parameters.ToDate)}.`)
      }
      const statement = customerStatementFromStore(
        records,
        company,
        String(parameters.CustomerAccount),
        String(parameters.FromDate),
        String(parameters.ToDate || today),
      )
      return format === 'pdf'
        ? renderCustomerStatementPdf(statement, noon(today))
        : renderCustomerStatementCsv(statement)
    },
  },
}

export { type CustomerStatement, computeCustomerStatement, customerStatementFromStore } from './customer-statement.js'
export { openAmountMst } from './rows.js'
export {
  AGING_BUCKETS,
  agingBucket,
  computeVendorAging,
  type VendorAging,
  vendorAgingFromStore,
} from './vendor-aging.js'
