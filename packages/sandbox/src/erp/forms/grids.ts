// Grids: row selection and marking, filters (grid and form), sorting and paging.
import { FormError, parseValue, type ResolvedControl } from './controls.js'
import { GRID_PAGE_SIZE, keyOf, page, requireNoPending, resetChildren, selectFirst, titleOf } from './data-sources.js'
import { dataSource, type Outcome, requireControl, requireForm, type SessionState } from './session-state.js'
import type { GridDef } from './types.js'

/** Grids on the form and on its tabs, by name, open tab or not. */
export function findGrid(session: SessionState, name: string): GridDef | undefined {
  const form = requireForm(session)
  const all = [...form.def.grids, ...form.def.tabs.flatMap((tab) => tab.grids ?? [])]
  return all.find((grid) => grid.name.toLowerCase() === name.toLowerCase())
}

function requireGrid(session: SessionState, name: string): GridDef {
  const grid = findGrid(session, name)
  const form = requireForm(session)
  if (!grid) {
    const names = [...form.def.grids, ...form.def.tabs.flatMap((tab) => tab.grids ?? [])].map((g) => g.name)
    throw new FormError(`Form ${form.def.name} has no grid '${name}'. Grids: ${names.join(', ') || 'none'}.`)
  }
  const tab = form.def.tabs.find((t) => t.grids?.includes(grid))
  if (tab && !form.openTabs.has(tab.name)) {
    throw new FormError(
      `Grid ${grid.name} is on tab ${tab.name} (${tab.label}), which is closed. Open it with form_open_or_close_tab first.`,
    )
  }
  return grid
}

function requireColumn(session: SessionState, grid: GridDef, name: string): ResolvedControl {
  const column = grid.columns.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())
  if (!column) {
    throw new FormError(
      `Grid ${grid.name} has no column '${name}'. Columns: ${grid.columns.map((c) => c.name).join(', ')}.`,
    )
  }
  return requireForm(session).controls.get(column.name)!
}

export function selectGridRow(
  session: SessionState,
  args: { gridName: string; rowNumber: number; marking?: 'Marked' | 'Unmarked' },
): Outcome {
  const grid = requireGrid(session, args.gridName)
  const state = dataSource(session, grid.dataSource)
  const shown = page(session, state)
  if (!Number.isInteger(args.rowNumber) || args.rowNumber < 1 || args.rowNumber > shown.rows.length) {
    throw new FormError(
      shown.rows.length
        ? `Row ${args.rowNumber} is out of range: grid ${grid.name} shows rows 1 to ${shown.rows.length} on this page (rows ${state.pageStart + 1}-${state.pageStart + shown.rows.length} of ${shown.total}).`
        : `Grid ${grid.name} has no rows to select.`,
    )
  }
  const row = shown.rows[args.rowNumber - 1]!
  const key = keyOf(state.entity, row)
  const keyText = JSON.stringify(key)
  if (args.marking === 'Marked') state.marked.add(keyText)
  else if (args.marking === 'Unmarked') state.marked.delete(keyText)
  const same = state.current && JSON.stringify(state.current.key) === keyText
  if (!same) {
    requireNoPending(session, state, `select another row in grid ${grid.name}`)
    state.current = { key, index: state.pageStart + args.rowNumber - 1 }
    resetChildren(session, state.def.name)
  }
  return {
    result: `Row ${args.rowNumber} (${titleOf(state, row)}) of grid ${grid.name} was selected${args.marking ? ` and ${args.marking.toLowerCase()}` : ''}.`,
  }
}

export function filterGrid(
  session: SessionState,
  args: { gridName: string; gridColumnName: string; filterValue: string },
): Outcome {
  const grid = requireGrid(session, args.gridName)
  const column = requireColumn(session, grid, args.gridColumnName)
  return applyFilter(session, grid.dataSource, column, args.filterValue)
}

export function filterForm(session: SessionState, args: { filterValue: string; controlName?: string }): Outcome {
  const form = requireForm(session)
  const root = form.def.dataSources.find((ds) => !ds.link)
  if (!root) throw new FormError(`Form ${form.def.name} has no records to filter; set its controls instead.`)
  const grid = form.def.grids.find((candidate) => candidate.dataSource === root.name)
  const control = args.controlName
    ? requireControl(session, args.controlName)
    : grid
      ? form.controls.get(grid.columns[0]!.name)!
      : undefined
  if (!control) throw new FormError(`Form ${form.def.name} needs a controlName to filter on.`)
  if (control.dataSource !== root.name) {
    throw new FormError(
      `Control '${control.name}' is not a field of the form's main data source ${root.name}; use form_filter_grid for other grids.`,
    )
  }
  return applyFilter(session, root.name, control, args.filterValue)
}

export function sortGridColumn(
  session: SessionState,
  args: { gridName: string; gridColumnName: string; isDescending?: boolean },
): Outcome {
  const grid = requireGrid(session, args.gridName)
  const column = requireColumn(session, grid, args.gridColumnName)
  const state = dataSource(session, grid.dataSource)
  requireNoPending(session, state, `sort grid ${grid.name}`)
  state.sort = { field: column.field!.name, descending: args.isDescending === true }
  state.pageStart = 0
  selectFirst(session, state.def.name)
  return {
    result: `Grid ${grid.name} was sorted by ${column.name} ${args.isDescending ? 'descending' : 'ascending'}.`,
  }
}

function applyFilter(session: SessionState, dsName: string, control: ResolvedControl, filterValue: string): Outcome {
  const state = dataSource(session, dsName)
  requireNoPending(session, state, `filter ${state.def.name}`)
  const raw = filterValue.trim()
  if (raw === '' || raw === '*') {
    state.filters.delete(control.name)
  } else if (control.type === 'String') {
    state.filters.set(control.name, { field: control.field!.name, value: raw.replace(/\*/g, ''), contains: true })
  } else {
    const value = parseValue(control, raw)
    const stored = control.type === 'Date' ? `${value}T12:00:00Z` : value
    state.filters.set(control.name, { field: control.field!.name, value: stored, contains: false })
  }
  selectFirst(session, dsName)
  const total = page(session, state).total
  return {
    result:
      raw === '' || raw === '*'
        ? `The filter on ${control.name} was removed; ${total} record${total === 1 ? '' : 's'}.`
        : `Filtered ${state.def.name} on ${control.name} matching '${raw}': ${total} record${total === 1 ? '' : 's'}.`,
  }
}

/** Paging: a click on a grid with one of its ActionIds. */
export function gridAction(session: SessionState, grid: GridDef, actionId: string | undefined): Outcome {
  const state = dataSource(session, grid.dataSource)
  const shown = page(session, state)
  const last = Math.max(0, Math.floor((shown.total - 1) / GRID_PAGE_SIZE) * GRID_PAGE_SIZE)
  const actions: Record<string, () => number> = {
    LoadNextPage: () => {
      if (state.pageStart + GRID_PAGE_SIZE >= shown.total) throw new FormError(`Grid ${grid.name} is on its last page.`)
      return state.pageStart + GRID_PAGE_SIZE
    },
    LoadPreviousPage: () => {
      if (state.pageStart === 0) throw new FormError(`Grid ${grid.name} is on its first page.`)
      return Math.max(0, state.pageStart - GRID_PAGE_SIZE)
    },
    LoadFirstPage: () => 0,
    LoadLastPage: () => last,
  }
  const action = actionId ? actions[actionId] : undefined
  if (!action) {
    throw new FormError(
      `Grid ${grid.name} takes an actionId: ${Object.keys(actions).join(', ')}. To select a row use form_select_grid_row.`,
    )
  }
  state.pageStart = action()
  const first = state.pageStart + 1
  const lastRow = Math.min(state.pageStart + GRID_PAGE_SIZE, shown.total)
  return { result: `Grid ${grid.name} shows rows ${first}-${lastRow} of ${shown.total}.` }
}
