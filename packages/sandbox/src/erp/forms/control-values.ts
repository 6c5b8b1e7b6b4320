// Control values: reading what a control shows, setting values (held on the form as pending edits),
// and saving them — mandatory fields are validated first and the writes go through the store.
import { ErpError, type ErpRow } from '../model.js'
import { display, FormError, parseValue, type ResolvedControl } from './controls.js'
import { currentRecord, keyOf } from './data-sources.js'
import { requireLookupValue } from './lookups.js'
import {
  type DataSourceState,
  dataSource,
  type Outcome,
  requireControl,
  requireForm,
  type SessionState,
} from './session-state.js'
import { requireVisible } from './tabs.js'
import type { FormMessage } from './types.js'

/** The control's value as the form shows it. */
export function displayedValue(session: SessionState, control: ResolvedControl): string {
  const form = requireForm(session)
  if (control.parameter) return display(form.parameters[control.parameter], control)
  const record = currentRecord(session, control.dataSource!)
  return display(record?.[control.field!.name], control)
}

export function setControlValues(
  session: SessionState,
  args: { controlValues: ReadonlyArray<{ controlName: string; controlValue: unknown }> },
): Outcome {
  const form = requireForm(session)
  if (!args.controlValues.length) throw new FormError('No control values were given.')
  // Every value is checked before any is applied: one bad value changes nothing.
  const planned = args.controlValues.map(({ controlName, controlValue }) => {
    const control = requireControl(session, controlName)
    requireVisible(session, control)
    if (control.parameter) {
      if (!control.editable) throw new FormError(`Control '${control.name}' cannot be edited.`)
      const value = parseValue(control, controlValue)
      if (control.lookup && value !== '') requireLookupValue(session, control, value)
      return { control, value }
    }
    const state = dataSource(session, control.dataSource!)
    const pending = state.pending
    if (!pending && !state.current) {
      throw new FormError(
        `Control '${control.name}' has no record to edit: ${control.grid ? `grid ${control.grid}` : `data source ${state.def.name}`} has no selected row.`,
      )
    }
    const editable = pending?.isNew ? control.editableWhenNew : control.editable
    if (!editable) {
      throw new FormError(
        `Control '${control.name}' (${control.label}) cannot be edited${pending?.isNew ? '' : ' on an existing record'}.`,
      )
    }
    const value = parseValue(control, controlValue)
    if (control.lookup && value !== '') requireLookupValue(session, control, value)
    return { control, value }
  })
  for (const { control, value } of planned) {
    if (control.parameter) {
      form.parameters[control.parameter] = value
      continue
    }
    const state = dataSource(session, control.dataSource!)
    state.pending ??= { isNew: false, values: { ...currentRecord(session, state.def.name) }, changed: new Set() }
    state.pending.values[control.field!.name] = value
    state.pending.changed.add(control.field!.name)
  }
  return {
    result: `Set ${planned.map(({ control, value }) => `${control.name} to '${display(value, control)}'`).join(', ')}.`,
  }
}

export function save(session: SessionState): Outcome {
  const form = requireForm(session)
  const pending = [...form.dataSources.values()].filter((state) => state.pending)
  if (!pending.length) return { result: 'The form has no unsaved changes.' }
  // Validate everything first: a form that fails validation writes nothing.
  const errors: FormMessage[] = []
  for (const state of pending) {
    for (const control of form.controls.values()) {
      if (control.dataSource !== state.def.name || !control.mandatory || !control.field) continue
      const value = state.pending!.values[control.field.name]
      if (value === '' || value === null || value === undefined) {
        errors.push({ Type: 'Error', Text: `Field '${control.label}' (${control.name}) must be filled in.` })
      }
    }
  }
  if (errors.length) return { result: 'The form was not saved.', messages: errors }
  try {
    session.engine.inTransaction(() => {
      for (const state of pending) writePending(session, state)
    })
  } catch (error) {
    if (error instanceof ErpError || error instanceof FormError) {
      return { result: 'The form was not saved.', messages: [{ Type: 'Error', Text: error.message }] }
    }
    throw error
  }
  for (const state of pending) state.pending = undefined
  return { result: `The form was saved (${pending.map((state) => state.def.name).join(', ')}).` }
}

function writePending(session: SessionState, state: DataSourceState) {
  const { records } = session.engine
  const form = requireForm(session)
  const pending = state.pending!
  const values: ErpRow = {}
  for (const field of pending.changed) values[field] = pending.values[field] ?? null
  if (pending.isNew) {
    const created = records.create(state.def.entitySet, form.company, values)
    state.current = { key: keyOf(state.entity, created), index: 0 }
  } else {
    if (!state.current) throw new FormError(`${state.def.name} has no current record.`)
    if (Object.keys(values).length) records.update(state.def.entitySet, form.company, state.current.key, values)
  }
}
