// What the form engine interprets: the catalogue of menu items, forms, operations and reports it is
// built from. Kept apart from the engine so that operations and reports can name these contracts
// without importing the engine itself.
import type { Clock } from '../../shared/clock.js'
import type { ErpCompany, ErpRecords, ErpRow, ErpValue } from '../model.js'
import type { FormDef, MenuItemDef } from './types.js'

/** A business operation behind a button or an action menu item's dialog. */
export type FormOperation = (context: {
  records: ErpRecords
  company: string
  today: string
  /** the current record of the button's data source */
  record?: ErpRow
  /** a dialog's parameters */
  parameters: Record<string, ErpValue>
}) => { message: string }

/** A report behind a Report form's buttons. */
export interface FormReport {
  /** file name without extension, e.g. `VendorAgingReport_04242026` */
  fileName(context: { today: string; parameters: Record<string, ErpValue> }): string
  render(context: {
    records: ErpRecords
    company: ErpCompany
    today: string
    parameters: Record<string, ErpValue>
    format: 'pdf' | 'csv'
  }): Promise<Uint8Array | string>
}

export interface FormCatalog {
  menuItems: readonly MenuItemDef[]
  forms: readonly FormDef[]
  operations: Readonly<Record<string, FormOperation>>
  reports: Readonly<Record<string, FormReport>>
  /** default values of dialog parameters, by form then parameter */
  parameterDefaults?: (form: FormDef, today: string) => Record<string, ErpValue>
}

export interface FormEngineOptions {
  records: ErpRecords
  clock: Clock
  catalog: FormCatalog
}
