// The FormState JSON returned with every tool result: the open form's controls by section, its
// grids with the current page, its tabs, buttons, a one-line summary and guidance for the caller.
import { buttonEnabled } from './buttons.js'
import { displayedValue } from './control-values.js'
import { display, stateSection } from './controls.js'
import { currentRecord, GRID_PAGE_SIZE, keyOf, page, titleOf } from './data-sources.js'
import { dataSource, hasPendingChanges, requireForm, type SessionState } from './session-state.js'
import type { GridDef } from './types.js'

export function renderState(session: SessionState): Record<string, unknown> {
  const form = session.form
  if (!form) {
    return {
      Name: 'No form is open',
      Summary: 'No form is open',
      Form: {},
      Buttons: [],
      Links: [],
      Guidance: ['No form is open. Find a menu item with form_find_menu_item and open it with form_open_menu_item.'],
    }
  }
  const sections = renderControls(
    session,
    form.def.controls.map((c) => c.name),
  )
  const grids: Record<string, unknown> = {}
  for (const grid of form.def.grids) grids[grid.name] = renderGrid(session, grid)
  if (Object.keys(grids).length) sections.Grid = grids
  const tabs: Record<string, unknown> = {}
  for (const tab of form.def.tabs) {
    const isOpen = form.openTabs.has(tab.name)
    if (!isOpen) {
      tabs[tab.name] = { Text: tab.label, IsOpen: false }
      continue
    }
    const children = renderControls(
      session,
      tab.controls.map((c) => c.name),
    )
    const tabGrids: Record<string, unknown> = {}
    for (const grid of tab.grids ?? []) tabGrids[grid.name] = renderGrid(session, grid)
    if (Object.keys(tabGrids).length) children.Grid = tabGrids
    tabs[tab.name] = { Text: tab.label, IsOpen: true, Children: children }
  }
  if (Object.keys(tabs).length) sections.Tab = tabs
  return {
    Name: form.def.name,
    Caption: form.def.caption,
    Company: form.company,
    FormStyle: form.def.style,
    Summary: summary(session),
    Form: sections,
    Buttons: form.def.buttons.map((button) => ({
      Name: button.name,
      Text: button.label,
      IsEnabled: buttonEnabled(session, button),
    })),
    Links: [],
    Guidance: guidance(session),
  }
}

function renderControls(session: SessionState, names: readonly string[]): Record<string, unknown> {
  const form = requireForm(session)
  const sections: Record<string, Record<string, unknown>> = {}
  for (const name of names) {
    const control = form.controls.get(name)!
    const section = stateSection(control)
    const state = control.dataSource ? dataSource(session, control.dataSource) : undefined
    const editable = state?.pending?.isNew ? control.editableWhenNew : control.editable
    const value = displayedValue(session, control)
    sections[section] ??= {}
    sections[section][name] = {
      Label: control.label,
      ...(section === 'Checkbox' ? { IsChecked: value === 'Yes' } : { Value: value }),
      ...(control.type !== 'String' && section === 'Input' ? { Type: control.type } : {}),
      ...(section === 'Combobox' ? { Options: control.options } : {}),
      ...(control.mandatory ? { Mandatory: true } : {}),
      ...(!editable ? { IsEditable: false } : {}),
      ...(control.lookup ? { HasLookup: true } : {}),
    }
  }
  return sections
}

function renderGrid(session: SessionState, grid: GridDef): Record<string, unknown> {
  const form = requireForm(session)
  const state = dataSource(session, grid.dataSource)
  const shown = page(session, state)
  const columns = grid.columns.map((column) => form.controls.get(column.name)!)
  const currentKey = state.current ? JSON.stringify(state.current.key) : undefined
  const Rows = shown.rows.map((stored, index) => {
    const keyText = JSON.stringify(keyOf(state.entity, stored))
    const selected = keyText === currentKey
    // The selected row shows its pending edits, as the client does before saving.
    const row = selected && state.pending && !state.pending.isNew ? state.pending.values : stored
    return {
      RowNumber: index + 1,
      ...(selected ? { IsSelected: true } : {}),
      ...(state.marked.has(keyText) ? { IsMarked: true } : {}),
      Values: Object.fromEntries(columns.map((column) => [column.name, display(row[column.field!.name], column)])),
    }
  })
  const filters = [...state.filters.entries()].filter(([name]) => grid.columns.some((c) => c.name === name))
  return {
    Label: grid.label,
    Columns: columns.map((column) => ({ Name: column.name, Label: column.label })),
    Rows,
    ...(state.pending?.isNew ? { NewRecord: true } : {}),
    Pagination: {
      TotalRowCount: shown.total,
      FirstRow: shown.rows.length ? state.pageStart + 1 : 0,
      LastRow: state.pageStart + shown.rows.length,
      HasPreviousPage: state.pageStart > 0,
      HasNextPage: state.pageStart + shown.rows.length < shown.total,
    },
    ActionIds: ['LoadNextPage', 'LoadPreviousPage', 'LoadFirstPage', 'LoadLastPage'],
    ...(filters.length ? { Filters: Object.fromEntries(filters.map(([name, f]) => [name, String(f.value)])) } : {}),
    ...(state.sort
      ? {
          SortedBy: {
            Column: grid.columns.find((c) => c.field === state.sort!.field)?.name ?? state.sort.field,
            Descending: state.sort.descending,
          },
        }
      : {}),
  }
}

function summary(session: SessionState): string {
  const form = requireForm(session)
  const parts = [`${form.def.caption} (${form.def.name}) in company ${form.company}.`]
  for (const grid of [
    ...form.def.grids,
    ...form.def.tabs.filter((t) => form.openTabs.has(t.name)).flatMap((t) => t.grids ?? []),
  ]) {
    const state = dataSource(session, grid.dataSource)
    const shown = page(session, state)
    const current = state.current ? currentRecord(session, state.def.name) : undefined
    parts.push(
      shown.total
        ? `Grid ${grid.name}: rows ${state.pageStart + 1}-${state.pageStart + shown.rows.length} of ${shown.total}${current ? `, current ${titleOf(state, current)}` : ''}.`
        : `Grid ${grid.name}: no rows.`,
    )
  }
  const pending = [...form.dataSources.values()].filter((state) => state.pending)
  if (pending.length) {
    parts.push(
      `Unsaved ${pending.map((state) => `${state.pending!.isNew ? 'new ' : ''}${state.def.name}`).join(', ')} changes.`,
    )
  }
  const closed = form.def.tabs.filter((tab) => !form.openTabs.has(tab.name))
  if (closed.length) parts.push(`Closed tabs: ${closed.map((tab) => tab.name).join(', ')}.`)
  return parts.join(' ')
}

function guidance(session: SessionState): string[] {
  const form = requireForm(session)
  const guidance = [...(form.def.guidance ?? [])]
  guidance.push('Use control, grid, column and tab names (not labels) with the form tools.')
  if (form.def.tabs.some((tab) => !form.openTabs.has(tab.name))) {
    guidance.push(
      'Controls on closed tabs are hidden: open a tab with form_open_or_close_tab, or search with form_find_controls.',
    )
  }
  const more = [...form.def.grids, ...form.def.tabs.flatMap((tab) => tab.grids ?? [])].filter((grid) => {
    const tab = form.def.tabs.find((t) => t.grids?.includes(grid))
    if (tab && !form.openTabs.has(tab.name)) return false
    const state = dataSource(session, grid.dataSource)
    return page(session, state).total > state.pageStart + GRID_PAGE_SIZE
  })
  for (const grid of more) {
    guidance.push(
      `Grid ${grid.name} has more rows: filter it with form_filter_grid, or click it with actionId LoadNextPage.`,
    )
  }
  if (hasPendingChanges(session)) {
    guidance.push('The form has unsaved changes: save them with form_save_form, or discard them with form_close_form.')
  }
  return guidance
}
