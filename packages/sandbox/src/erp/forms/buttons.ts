// Buttons and dialogs: clicking a control (a grid's paging action, a tab, or a button), when a
// button is enabled, and what each button action does — save, close, new record, an operation on
// the current record, a dialog's operation, or a report.
import { ErpError, type ErpRow } from '../model.js'
import { save } from './control-values.js'
import { FormError } from './controls.js'
import { currentRecord, resetChildren } from './data-sources.js'
import { findGrid, gridAction } from './grids.js'
import { closeForm, dataSource, type Outcome, requireForm, type SessionState } from './session-state.js'
import { openOrCloseTab } from './tabs.js'
import type { ButtonDef } from './types.js'

export async function clickControl(
  session: SessionState,
  args: { controlName: string; actionId?: string },
): Promise<Outcome> {
  const form = requireForm(session)
  const grid = findGrid(session, args.controlName)
  if (grid) return gridAction(session, grid, args.actionId)
  const tab = form.def.tabs.find((candidate) => candidate.name.toLowerCase() === args.controlName.toLowerCase())
  if (tab)
    return openOrCloseTab(session, { tabName: tab.name, tabAction: form.openTabs.has(tab.name) ? 'Close' : 'Open' })
  const button = form.def.buttons.find((candidate) => candidate.name.toLowerCase() === args.controlName.toLowerCase())
  if (!button) {
    if (form.controls.has(args.controlName)) {
      throw new FormError(
        `Control '${args.controlName}' is not a button; set its value with form_set_control_values or open its lookup with form_open_lookup.`,
      )
    }
    throw new FormError(
      `Form ${form.def.name} has no control '${args.controlName}'. Buttons: ${form.def.buttons.map((b) => b.name).join(', ')}.`,
    )
  }
  if (args.actionId)
    throw new FormError(`Button ${button.name} has no action '${args.actionId}'; click it without an actionId.`)
  if (!buttonEnabled(session, button)) {
    throw new FormError(`Button ${button.name} (${button.label}) is disabled: ${disabledReason(session, button)}`)
  }
  return runButton(session, button)
}

export function buttonEnabled(session: SessionState, button: ButtonDef): boolean {
  return disabledReason(session, button) === undefined
}

function disabledReason(session: SessionState, button: ButtonDef): string | undefined {
  const action = button.action
  if (action.kind === 'new') {
    const state = dataSource(session, action.dataSource)
    if (state.pending) return 'the form has unsaved changes; save or discard them first.'
    if (state.def.link && !currentRecord(session, state.def.link.parent)) return 'there is no parent record.'
    return undefined
  }
  if (action.kind === 'operation') {
    const state = dataSource(session, action.dataSource)
    if (state.pending) return 'the record has unsaved changes; save them first.'
    const record = currentRecord(session, action.dataSource)
    if (!record) return 'no record is selected.'
    for (const condition of button.enabledWhen ?? []) {
      const value = currentRecord(session, condition.dataSource)?.[condition.field]
      if (!condition.in.includes(value ?? '')) {
        return `it needs ${condition.field} to be ${condition.in.join(' or ')}, and it is ${String(value)}.`
      }
    }
  }
  return undefined
}

async function runButton(session: SessionState, button: ButtonDef): Promise<Outcome> {
  const { records, catalog, today, inTransaction, companyOf } = session.engine
  const form = requireForm(session)
  const clicked = `Button ${button.name} was clicked.`
  const action = button.action
  switch (action.kind) {
    case 'save': {
      const saved = save(session)
      return { ...saved, result: `${clicked} ${saved.result}` }
    }
    case 'close': {
      const closed = closeForm(session)
      return { ...closed, result: `${clicked} ${closed.result}` }
    }
    case 'new': {
      const state = dataSource(session, action.dataSource)
      if (!state.def.allowCreate) throw new FormError(`${state.def.name} does not allow new records here.`)
      const values: ErpRow = {}
      if (state.def.link) {
        const parent = currentRecord(session, state.def.link.parent)!
        for (const [field, parentField] of Object.entries(state.def.link.fields))
          values[field] = parentField in parent ? parent[parentField]! : ''
      }
      state.pending = { isNew: true, values, changed: new Set(Object.keys(values)) }
      resetChildren(session, state.def.name)
      return {
        result: `${clicked} A new ${state.entity.label.toLowerCase()} record was created on the form; set its fields, then save with form_save_form.`,
      }
    }
    case 'operation': {
      const operation = catalog.operations[action.operation]
      if (!operation) throw new Error(`Unknown operation ${action.operation}.`)
      const record = currentRecord(session, action.dataSource)!
      try {
        const done = inTransaction(() =>
          operation({ records, company: form.company, today: today(), record, parameters: form.parameters }),
        )
        return { result: `${clicked} ${done.message}` }
      } catch (error) {
        if (error instanceof ErpError) throw new FormError(error.message)
        throw error
      }
    }
    case 'runDialog': {
      requireParameters(session)
      const operation = catalog.operations[action.operation]
      if (!operation) throw new Error(`Unknown operation ${action.operation}.`)
      try {
        const done = inTransaction(() =>
          operation({ records, company: form.company, today: today(), parameters: form.parameters }),
        )
        session.form = undefined
        return { result: `${clicked} ${done.message}` }
      } catch (error) {
        if (error instanceof ErpError) throw new FormError(error.message)
        throw error
      }
    }
    case 'report': {
      requireParameters(session)
      const report = form.def.report ? catalog.reports[form.def.report] : undefined
      if (!report) throw new Error(`Form ${form.def.name} has no report.`)
      const parameters = { ...form.parameters }
      const base = report.fileName({ today: today(), parameters })
      const data = await report.render({
        records,
        company: companyOf(form.company),
        today: today(),
        parameters,
        format: action.format,
      })
      const name = `${base}.${action.format}`
      // The report dialog closes once the report has run, as it does in the client.
      session.form = undefined
      return {
        result: clicked,
        files: [{ name, mimeType: action.format === 'pdf' ? 'application/pdf' : 'text/csv', data }],
      }
    }
  }
}

/** A dialog's mandatory parameters must be set before it runs. */
function requireParameters(session: SessionState) {
  const form = requireForm(session)
  const missing = [...form.controls.values()].filter(
    (control) => control.parameter && control.mandatory && (form.parameters[control.parameter] ?? '') === '',
  )
  if (missing.length) {
    throw new FormError(
      `Set ${missing.map((control) => `${control.name} (${control.label})`).join(', ')} with form_set_control_values first.`,
    )
  }
}
