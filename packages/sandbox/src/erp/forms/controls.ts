// Controls resolved against the entity catalogue: a control's type, label and options come from
// the field it is bound to unless the form says otherwise. Values shown in a form state are
// strings, as the form engine formats them (dates ISO, no date as empty); values set by an agent
// are parsed back into what the record store takes, or refused with the reason.
import type { ErpEntityCatalog, ErpField, ErpValue } from '../model.js'
import type { ControlDef, ControlType, DataSourceDef, FormDef, GridDef, LookupDef } from './types.js'

export class FormError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FormError'
  }
}

export interface ResolvedControl {
  name: string
  label: string
  type: ControlType
  options?: readonly string[]
  mandatory: boolean
  /** editable on an existing record (keys and read-only fields are not) */
  editable: boolean
  /** editable on a new record */
  editableWhenNew: boolean
  dataSource?: string
  field?: ErpField
  parameter?: string
  lookup?: LookupDef
  maxLength?: number
  /** where the control is: a tab page and/or a grid */
  tab?: string
  grid?: string
}

/** Every control of a form by name: top-level controls, grid columns, and controls on tabs. */
export function resolveControls(form: FormDef, catalog: ErpEntityCatalog): Map<string, ResolvedControl> {
  const byName = new Map<string, ResolvedControl>()
  const add = (control: ControlDef, where: { tab?: string; grid?: string }) => {
    if (byName.has(control.name)) throw new Error(`Form ${form.name} defines control ${control.name} twice.`)
    byName.set(control.name, resolveControl(form, control, catalog, where))
  }
  const addGrid = (grid: GridDef, tab?: string) => {
    for (const column of grid.columns) add(column, { grid: grid.name, ...(tab ? { tab } : {}) })
  }
  for (const control of form.controls) add(control, {})
  for (const grid of form.grids) addGrid(grid)
  for (const tab of form.tabs) {
    for (const control of tab.controls) add(control, { tab: tab.name })
    for (const grid of tab.grids ?? []) addGrid(grid, tab.name)
  }
  return byName
}

export function dataSourceOf(form: FormDef, name: string): DataSourceDef {
  const ds = form.dataSources.find((candidate) => candidate.name === name)
  if (!ds) throw new Error(`Form ${form.name} has no data source ${name}.`)
  return ds
}

function resolveControl(
  form: FormDef,
  control: ControlDef,
  catalog: ErpEntityCatalog,
  where: { tab?: string; grid?: string },
): ResolvedControl {
  if (control.dataSource && control.field) {
    const ds = dataSourceOf(form, control.dataSource)
    const entity = catalog.bySet(ds.entitySet)
    if (!entity) throw new Error(`Form ${form.name}: data source ${ds.name} is over unknown entity ${ds.entitySet}.`)
    const field = entity.fields.find((candidate) => candidate.name === control.field)
    if (!field)
      throw new Error(`Form ${form.name}: control ${control.name} is bound to unknown field ${control.field}.`)
    const isKey = entity.keys.includes(field.name)
    const type = control.type ?? controlTypeOf(field)
    const options = type === 'Enum' ? (control.options ?? catalog.enums[field.enumType ?? '']) : undefined
    const writable = !field.readOnly && !entity.readOnly && control.editable !== false
    return {
      name: control.name,
      label: control.label ?? field.label ?? field.name,
      type,
      ...(options ? { options } : {}),
      mandatory: control.mandatory ?? field.mandatory ?? false,
      editable: writable && !isKey,
      editableWhenNew: writable,
      dataSource: ds.name,
      field,
      ...(control.lookup ? { lookup: control.lookup } : {}),
      ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
      ...where,
    }
  }
  if (control.parameter) {
    if (!control.type) throw new Error(`Form ${form.name}: parameter control ${control.name} needs a type.`)
    return {
      name: control.name,
      label: control.label ?? control.parameter,
      type: control.type,
      ...(control.options ? { options: control.options } : {}),
      mandatory: control.mandatory ?? false,
      editable: control.editable !== false,
      editableWhenNew: control.editable !== false,
      parameter: control.parameter,
      ...(control.lookup ? { lookup: control.lookup } : {}),
      ...where,
    }
  }
  throw new Error(`Form ${form.name}: control ${control.name} is bound to neither a field nor a parameter.`)
}

function controlTypeOf(field: ErpField): ControlType {
  switch (field.type) {
    case 'Decimal':
      return 'Real'
    case 'Int32':
    case 'Int64':
      return 'Integer'
    case 'Date':
    case 'DateTimeOffset':
      return 'Date'
    case 'Enum':
      return field.enumType === 'NoYes' ? 'Boolean' : 'Enum'
    default:
      return 'String'
  }
}

/** The section of the form state a control is listed in. */
export function stateSection(control: ResolvedControl): 'Input' | 'Checkbox' | 'Combobox' {
  if (control.type === 'Boolean') return 'Checkbox'
  if (control.type === 'Enum') return 'Combobox'
  return 'Input'
}

const NO_DATE_PREFIX = '1900-01-01'

/** A stored value as the form shows it. */
export function display(value: ErpValue | undefined, control: ResolvedControl): string {
  if (value === null || value === undefined) return ''
  if (control.type === 'Date') {
    const text = String(value)
    return text.startsWith(NO_DATE_PREFIX) ? '' : text.slice(0, 10)
  }
  if (control.type === 'Boolean') return value === 'Yes' || value === true || value === 1 ? 'Yes' : 'No'
  return String(value)
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A valid calendar date `YYYY-MM-DD`, or undefined. */
export function parseDate(text: string): string | undefined {
  const trimmed = text.trim().slice(0, 10)
  const m = DATE.exec(trimmed)
  if (!m) return undefined
  const d = new Date(`${trimmed}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== trimmed) return undefined
  return trimmed
}

/**
 * A value an agent set → the value to store (bound controls) or keep (parameters).
 * Throws FormError naming the control and what it takes.
 */
export function parseValue(control: ResolvedControl, raw: unknown): ErpValue {
  const text = typeof raw === 'string' ? raw.trim() : raw
  const what = `Control '${control.name}' (${control.label})`
  if (text === '' || text === null || text === undefined) {
    if (control.type === 'Boolean') return 'No'
    if (control.type === 'Real' || control.type === 'Integer') return 0
    if (control.type === 'Enum') throw new FormError(`${what} needs one of: ${control.options?.join(', ')}.`)
    return ''
  }
  switch (control.type) {
    case 'String': {
      if (typeof text !== 'string' && typeof text !== 'number')
        throw new FormError(`${what} takes text, not ${JSON.stringify(raw)}.`)
      const value = String(text)
      if (control.maxLength !== undefined && value.length > control.maxLength)
        throw new FormError(`${what} takes at most ${control.maxLength} characters; '${value}' has ${value.length}.`)
      return value
    }
    case 'Real':
    case 'Integer': {
      const n = typeof text === 'number' ? text : typeof text === 'string' ? Number(text.replace(/,/g, '')) : Number.NaN
      if (!Number.isFinite(n)) throw new FormError(`${what} takes a number, not '${String(raw)}'.`)
      if (control.type === 'Integer' && !Number.isInteger(n))
        throw new FormError(`${what} takes a whole number, not '${String(raw)}'.`)
      return n
    }
    case 'Date': {
      const date = typeof text === 'string' ? parseDate(text) : undefined
      if (!date) throw new FormError(`${what} takes a date as YYYY-MM-DD, not '${String(raw)}'.`)
      return date
    }
    case 'Boolean': {
      const t = String(text).toLowerCase()
      if (['true', 'yes', '1'].includes(t)) return 'Yes'
      if (['false', 'no', '0'].includes(t)) return 'No'
      throw new FormError(`${what} is a checkbox: set it to true or false, not '${String(raw)}'.`)
    }
    case 'Enum': {
      const match = control.options?.find((option) => option.toLowerCase() === String(text).toLowerCase())
      if (!match)
        throw new FormError(`${what} takes one of: ${control.options?.join(', ')}; '${String(raw)}' is not one.`)
      return match
    }
  }
}
