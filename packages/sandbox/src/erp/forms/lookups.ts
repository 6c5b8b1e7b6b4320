// Lookups: the values a control with a lookup (or fixed options) accepts, and the check that a
// value set on such a control exists.
import type { ErpValue } from '../model.js'
import { FormError, type ResolvedControl } from './controls.js'
import { type Outcome, requireControl, requireForm, type SessionState } from './session-state.js'
import { requireVisible } from './tabs.js'

const LOOKUP_ROWS = 25

export function openLookup(session: SessionState, args: { controlName: string; filterValue?: string }): Outcome {
  const { records } = session.engine
  const control = requireControl(session, args.controlName)
  requireVisible(session, control)
  if (!control.lookup) {
    if (control.options) {
      return {
        result: `Control '${control.name}' takes one of its options.`,
        extra: {
          Lookup: {
            ControlName: control.name,
            Columns: ['Value'],
            Rows: control.options.map((o) => ({ Value: o })),
          },
        },
      }
    }
    throw new FormError(`Control '${control.name}' has no lookup; set its value with form_set_control_values.`)
  }
  const lookup = control.lookup
  const company = requireForm(session).company
  const filter = args.filterValue?.replace(/\*/g, '').trim()
  const list = (contains?: Record<string, string>) =>
    records.list(
      lookup.entitySet,
      { company },
      {
        ...(contains ? { contains } : {}),
        orderBy: [{ field: lookup.valueField }],
        top: LOOKUP_ROWS,
      },
    )
  let found = list(filter ? { [lookup.valueField]: filter } : undefined)
  const second = lookup.columns[1]?.field
  if (filter && found.total === 0 && second) found = list({ [second]: filter })
  const Rows = found.rows.map((row) =>
    Object.fromEntries(lookup.columns.map((column) => [column.field, row[column.field] ?? ''])),
  )
  return {
    result: `Lookup for ${control.name} shows ${Rows.length} of ${found.total} value${found.total === 1 ? '' : 's'}${filter ? ` matching '${filter}'` : ''}. Set the control to a ${lookup.valueField} value with form_set_control_values.`,
    extra: {
      Lookup: {
        ControlName: control.name,
        Columns: lookup.columns.map((column) => column.field),
        Rows,
        TotalRowCount: found.total,
      },
    },
  }
}

export function requireLookupValue(session: SessionState, control: ResolvedControl, value: ErpValue) {
  const { records } = session.engine
  const lookup = control.lookup!
  const entity = records.catalog.bySet(lookup.entitySet)!
  const key = entity.keys.length === 1 && entity.keys[0] === lookup.valueField
  const exists = key
    ? records.get(lookup.entitySet, requireForm(session).company, { [lookup.valueField]: value }) !== undefined
    : records.list(
        lookup.entitySet,
        { company: requireForm(session).company },
        { equals: { [lookup.valueField]: value }, top: 1 },
      ).total > 0
  if (!exists) {
    throw new FormError(
      `The value '${String(value)}' for ${control.name} (${control.label}) does not exist in ${entity.label}. See valid values with form_open_lookup.`,
    )
  }
}
