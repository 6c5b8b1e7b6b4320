// What every session of one engine shares: the record store, the catalogue with its resolved
// controls, and the store-dependent helpers (today's date, transactions, company look-up).
import type { ErpCompany, ErpRecords } from '../model.js'
import type { FormCatalog, FormEngineOptions } from './catalog.js'
import { FormError, type ResolvedControl, resolveControls } from './controls.js'
import type { FormDef } from './types.js'

export interface EngineContext {
  records: ErpRecords
  catalog: FormCatalog
  forms: Map<string, FormDef>
  /** form name → its controls, resolved against the entity catalogue */
  resolved: Map<string, Map<string, ResolvedControl>>
  today(): string
  /** all writes of one save in one transaction, where the store offers transactions */
  inTransaction<T>(work: () => T): T
  companyOf(id: string): ErpCompany
}

export function createEngineContext(options: FormEngineOptions): EngineContext {
  const { records, catalog } = options
  const forms = new Map(catalog.forms.map((form) => [form.name, form]))
  // Definitions are checked once: every control resolves against the entity catalogue.
  const resolved = new Map(catalog.forms.map((form) => [form.name, resolveControls(form, records.catalog)]))
  for (const item of catalog.menuItems) {
    if (!forms.has(item.form)) throw new Error(`Menu item ${item.name} opens unknown form ${item.form}.`)
  }
  const today = () => {
    const store = records as ErpRecords & { today?: () => string }
    return store.today ? store.today() : options.clock().toISOString().slice(0, 10)
  }
  const inTransaction = <T>(work: () => T): T => {
    const store = records as ErpRecords & { transaction?: <R>(fn: () => R) => R }
    return store.transaction ? store.transaction(work) : work()
  }

  function companyOf(id: string): ErpCompany {
    const company = records.companies.find((candidate) => candidate.id === id.toLowerCase())
    if (!company) {
      throw new FormError(
        `Company '${id}' does not exist. Companies: ${records.companies.map((c) => c.id).join(', ')}.`,
      )
    }
    return company
  }

  return { records, catalog, forms, resolved, today, inTransaction, companyOf }
}
