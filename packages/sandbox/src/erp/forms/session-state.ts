// The state one session holds (the open form, its data sources and pending edits) and the basic
// accessors every concern uses. Functions take the session state rather than living on a class so
// that each concern can sit in its own module.
import type { ErpEntity, ErpRow, ErpValue } from '../model.js'
import { FormError, type ResolvedControl } from './controls.js'
import type { EngineContext } from './engine-context.js'
import type { DataSourceDef, FormDef, FormFile, FormMessage, MenuItemDef } from './types.js'

/** What one tool call did: the Result line, messages, extra result members and files. */
export interface Outcome {
  result: string
  messages?: FormMessage[]
  extra?: Record<string, unknown>
  files?: FormFile[]
}

export interface Pending {
  isNew: boolean
  /** the whole record as it will be written */
  values: ErpRow
  changed: Set<string>
}

export interface DataSourceState {
  def: DataSourceDef
  entity: ErpEntity
  /** control name → filter value (grid filters and the form filter) */
  filters: Map<string, { field: string; value: ErpValue; contains: boolean }>
  sort?: { field: string; descending: boolean }
  pageStart: number
  /** the current record: its key and its position in the filtered list */
  current?: { key: Record<string, ErpValue>; index: number }
  marked: Set<string>
  pending?: Pending
}

export interface OpenForm {
  def: FormDef
  menuItem: MenuItemDef
  company: string
  controls: Map<string, ResolvedControl>
  dataSources: Map<string, DataSourceState>
  parameters: Record<string, ErpValue>
  openTabs: Set<string>
}

/** One session's form state machine: at most one open form. */
export interface SessionState {
  readonly engine: EngineContext
  company: string
  form: OpenForm | undefined
}

export function requireForm(session: SessionState): OpenForm {
  if (!session.form) {
    throw new FormError('No form is open. Open one with form_open_menu_item (find its name with form_find_menu_item).')
  }
  return session.form
}

export function requireControl(session: SessionState, name: string): ResolvedControl {
  const form = requireForm(session)
  const control =
    form.controls.get(name) ?? [...form.controls.values()].find((c) => c.name.toLowerCase() === name.toLowerCase())
  if (!control) {
    throw new FormError(
      `Form ${form.def.name} has no control '${name}'. Use control names (not labels); find them with form_find_controls.`,
    )
  }
  return control
}

export function dataSource(session: SessionState, name: string): DataSourceState {
  return requireForm(session).dataSources.get(name)!
}

export function hasPendingChanges(session: SessionState): boolean {
  return [...(session.form?.dataSources.values() ?? [])].some((state) => state.pending)
}

export function closeForm(session: SessionState): Outcome {
  if (!session.form) return { result: 'No form is open.' }
  const name = session.form.def.name
  const discarded = hasPendingChanges(session)
  session.form = undefined
  return {
    result: `Form ${name} was closed.`,
    ...(discarded ? { messages: [{ Type: 'Warning' as const, Text: 'Unsaved changes were discarded.' }] } : {}),
  }
}
