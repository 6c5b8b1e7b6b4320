// A form's data sources over the record store: the page of rows a grid shows, the current record
// (with pending edits over it) and the parent → child links that reset children when the parent's
// current record changes.
import type { ErpEntity, ErpListOptions, ErpRow, ErpValue } from '../model.js'
import { FormError } from './controls.js'
import { type DataSourceState, dataSource, requireForm, type SessionState } from './session-state.js'

export const GRID_PAGE_SIZE = 25

export function keyOf(entity: ErpEntity, row: ErpRow): Record<string, ErpValue> {
  return Object.fromEntries(entity.keys.map((field) => [field, row[field] ?? '']))
}

export function titleOf(state: DataSourceState, row: ErpRow): string {
  const fields = state.def.titleFields ?? state.entity.keys
  return fields.map((field) => String(row[field] ?? '')).join(' ')
}

/** The data sources linked below `parent`, at any depth. */
export function children(session: SessionState, parent: string): DataSourceState[] {
  const form = requireForm(session)
  const direct = [...form.dataSources.values()].filter((state) => state.def.link?.parent === parent)
  return direct.flatMap((child) => [child, ...children(session, child.def.name)])
}

export function requireNoPending(session: SessionState, state: DataSourceState, doing: string) {
  const dirty = [state, ...children(session, state.def.name)].find((candidate) => candidate.pending)
  if (dirty) {
    throw new FormError(
      `Cannot ${doing}: ${dirty.def.name} has unsaved changes. Save them with form_save_form or discard them with form_close_form.`,
    )
  }
}

function listOptions(session: SessionState, state: DataSourceState): ErpListOptions | undefined {
  const equals: Record<string, ErpValue> = { ...(state.def.range ?? {}) }
  const contains: Record<string, string> = {}
  if (state.def.link) {
    const parent = dataSource(session, state.def.link.parent)
    const parentRow = parent.pending?.isNew ? undefined : currentRecord(session, parent.def.name)
    if (!parentRow) return undefined
    for (const [field, parentField] of Object.entries(state.def.link.fields))
      equals[field] = parentRow[parentField] ?? ''
  }
  for (const filter of state.filters.values()) {
    if (filter.contains) contains[filter.field] = String(filter.value)
    else equals[filter.field] = filter.value
  }
  const orderBy = [
    ...(state.sort ? [state.sort] : []),
    ...(state.def.orderBy ?? state.entity.keys.map((field) => ({ field }))),
  ]
  return { equals, contains, orderBy }
}

export function page(session: SessionState, state: DataSourceState): { rows: ErpRow[]; total: number } {
  const options = listOptions(session, state)
  if (!options) return { rows: [], total: 0 }
  return session.engine.records.list(
    state.def.entitySet,
    { company: requireForm(session).company },
    {
      ...options,
      top: GRID_PAGE_SIZE,
      skip: state.pageStart,
    },
  )
}

export function selectFirst(session: SessionState, dsName: string) {
  const state = dataSource(session, dsName)
  state.pageStart = 0
  const first = page(session, state).rows[0]
  state.current = first ? { key: keyOf(state.entity, first), index: 0 } : undefined
  resetChildren(session, dsName)
}

export function resetChildren(session: SessionState, parent: string) {
  const form = requireForm(session)
  for (const state of form.dataSources.values()) {
    if (state.def.link?.parent !== parent) continue
    state.filters.clear()
    state.marked.clear()
    state.pending = undefined
    selectFirst(session, state.def.name)
  }
}

/** The current record as the form shows it: pending edits over the stored row. */
export function currentRecord(session: SessionState, dsName: string): ErpRow | undefined {
  const state = dataSource(session, dsName)
  if (state.pending) return state.pending.values
  if (!state.current) return undefined
  return session.engine.records.get(state.def.entitySet, requireForm(session).company, state.current.key)
}
