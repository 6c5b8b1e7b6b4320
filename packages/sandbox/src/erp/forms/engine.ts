// The server-side form engine: one open form per session, driven by the thirteen form tools.
// A form's data sources read the record store (grids show at most 25 rows a page), edits are held
// on the form until form_save_form writes them through the store (validation errors come back as
// form messages and change nothing), buttons run operations and reports. Definitions are data
// (definitions.ts); this file only interprets them.
import type { Clock } from '../../shared/clock.js'
import type { ErpCompany, ErpEntity, ErpListOptions, ErpRecords, ErpRow, ErpValue } from '../model.js'
import { ErpError } from '../model.js'
import { display, FormError, parseValue, type ResolvedControl, resolveControls, stateSection } from './controls.js'
import type {
  ButtonDef,
  DataSourceDef,
  FormDef,
  FormFile,
  FormMessage,
  GridDef,
  MenuItemDef,
  MenuItemType,
} from './types.js'

export const GRID_PAGE_SIZE = 25
const LOOKUP_ROWS = 25
const FIND_CONTROLS_MAX = 25

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

/** What one tool call did: the Result line, messages, extra result members and files. */
export interface Outcome {
  result: string
  messages?: FormMessage[]
  extra?: Record<string, unknown>
  files?: FormFile[]
}

interface Pending {
  isNew: boolean
  /** the whole record as it will be written */
  values: ErpRow
  changed: Set<string>
}

interface DataSourceState {
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

interface OpenForm {
  def: FormDef
  menuItem: MenuItemDef
  company: string
  controls: Map<string, ResolvedControl>
  dataSources: Map<string, DataSourceState>
  parameters: Record<string, ErpValue>
  openTabs: Set<string>
}

export function createFormEngine(options: FormEngineOptions) {
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
  /** all writes of one save in one transaction, where the store offers transactions */
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

  class FormSession {
    private form: OpenForm | undefined

    constructor(private company: string) {}

    get isOpen() {
      return this.form !== undefined
    }

    // ---- menu items -------------------------------------------------------------------------

    findMenuItem(args: { menuItemFilter: string; topHitCount?: number }): Outcome {
      const words = args.menuItemFilter.toLowerCase().split(/\s+/).filter(Boolean)
      const top = Math.min(Math.max(args.topHitCount ?? 10, 1), 50)
      const scored = catalog.menuItems
        .map((item) => {
          const label = item.label.toLowerCase()
          const haystack = `${item.name} ${item.label} ${item.path}`.toLowerCase()
          if (!words.every((word) => haystack.includes(word))) return undefined
          const phrase = words.join(' ')
          const score =
            (label === phrase ? 4 : 0) + (label.includes(phrase) ? 2 : 0) + (item.name.toLowerCase() === phrase ? 4 : 0)
          return { item, score }
        })
        .filter((hit): hit is { item: MenuItemDef; score: number } => hit !== undefined)
        .sort((a, b) => b.score - a.score || a.item.label.localeCompare(b.item.label))
        .slice(0, top)
      const MenuItems = scored.map(({ item }) => ({
        Name: item.name,
        Text: item.label,
        Type: item.type,
        Path: item.path,
      }))
      return {
        result: MenuItems.length
          ? `Found ${MenuItems.length} menu item${MenuItems.length > 1 ? 's' : ''} for '${args.menuItemFilter}'.`
          : `No menu item matches '${args.menuItemFilter}'. Try a shorter or different word (e.g. 'customers', 'aging').`,
        extra: { MenuItems },
      }
    }

    openMenuItem(args: { name: string; type?: MenuItemType; companyId?: string }): Outcome {
      const item = catalog.menuItems.find(
        (candidate) =>
          candidate.name.toLowerCase() === args.name.toLowerCase() && (!args.type || candidate.type === args.type),
      )
      if (!item) {
        const other = catalog.menuItems.find((candidate) => candidate.name.toLowerCase() === args.name.toLowerCase())
        if (other) throw new FormError(`Menu item '${args.name}' is a ${other.type} menu item, not ${args.type}.`)
        throw new FormError(
          `Menu item '${args.name}' was not found. Use form_find_menu_item to find a menu item's name (not its label).`,
        )
      }
      if (this.form && this.hasPendingChanges()) {
        throw new FormError(
          `Form ${this.form.def.name} has unsaved changes. Save them with form_save_form or discard them with form_close_form before opening another form.`,
        )
      }
      const company = args.companyId ? companyOf(args.companyId).id : this.company
      const def = forms.get(item.form)!
      const dataSources = new Map<string, DataSourceState>()
      for (const ds of def.dataSources) {
        const entity = records.catalog.bySet(ds.entitySet)
        if (!entity) throw new Error(`Form ${def.name}: unknown entity ${ds.entitySet}.`)
        dataSources.set(ds.name, { def: ds, entity, filters: new Map(), pageStart: 0, marked: new Set() })
      }
      const replaced = this.form
      this.company = company
      this.form = {
        def,
        menuItem: item,
        company,
        controls: resolved.get(def.name)!,
        dataSources,
        parameters: { ...(catalog.parameterDefaults?.(def, today()) ?? {}) },
        openTabs: new Set(),
      }
      for (const ds of def.dataSources) if (!ds.link) this.selectFirst(ds.name)
      return {
        result: `Form ${def.name} (${def.caption}) was opened in company ${company}.`,
        ...(replaced ? { messages: [{ Type: 'Info' as const, Text: `Form ${replaced.def.name} was closed.` }] } : {}),
      }
    }

    // ---- controls ---------------------------------------------------------------------------

    findControls(args: { controlSearchTerm: string }): Outcome {
      const form = this.requireForm()
      const term = args.controlSearchTerm.toLowerCase().trim()
      const hits = [...form.controls.values()].filter(
        (control) => control.name.toLowerCase().includes(term) || control.label.toLowerCase().includes(term),
      )
      const tabs = form.def.tabs.filter(
        (tab) => tab.name.toLowerCase().includes(term) || tab.label.toLowerCase().includes(term),
      )
      const buttons = form.def.buttons.filter(
        (button) => button.name.toLowerCase().includes(term) || button.label.toLowerCase().includes(term),
      )
      const Controls = [
        ...hits.map((control) => ({ Name: control.name, Properties: this.controlProperties(control) })),
        ...tabs.map((tab) => ({
          Name: tab.name,
          Properties: { Type: 'TabPage', Label: tab.label, IsOpen: form.openTabs.has(tab.name) },
        })),
        ...buttons.map((button) => ({
          Name: button.name,
          Properties: { Type: 'Button', Label: button.label, IsEnabled: this.buttonEnabled(button) },
        })),
      ]
      const shown = Controls.slice(0, FIND_CONTROLS_MAX)
      return {
        result: shown.length
          ? `Found ${Controls.length} control${Controls.length > 1 ? 's' : ''} matching '${args.controlSearchTerm}'${Controls.length > shown.length ? `; showing the first ${shown.length}` : ''}.`
          : `No control on form ${form.def.name} matches '${args.controlSearchTerm}'.`,
        extra: { Controls: shown },
      }
    }

    setControlValues(args: { controlValues: ReadonlyArray<{ controlName: string; controlValue: unknown }> }): Outcome {
      const form = this.requireForm()
      if (!args.controlValues.length) throw new FormError('No control values were given.')
      // Every value is checked before any is applied: one bad value changes nothing.
      const planned = args.controlValues.map(({ controlName, controlValue }) => {
        const control = this.requireControl(controlName)
        this.requireVisible(control)
        if (control.parameter) {
          if (!control.editable) throw new FormError(`Control '${control.name}' cannot be edited.`)
          const value = parseValue(control, controlValue)
          if (control.lookup && value !== '') this.requireLookupValue(control, value)
          return { control, value }
        }
        const state = this.dataSource(control.dataSource!)
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
        if (control.lookup && value !== '') this.requireLookupValue(control, value)
        return { control, value }
      })
      for (const { control, value } of planned) {
        if (control.parameter) {
          form.parameters[control.parameter] = value
          continue
        }
        const state = this.dataSource(control.dataSource!)
        state.pending ??= { isNew: false, values: { ...this.currentRecord(state.def.name) }, changed: new Set() }
        state.pending.values[control.field!.name] = value
        state.pending.changed.add(control.field!.name)
      }
      return {
        result: `Set ${planned.map(({ control, value }) => `${control.name} to '${display(value, control)}'`).join(', ')}.`,
      }
    }

    // ---- grids ------------------------------------------------------------------------------

    selectGridRow(args: { gridName: string; rowNumber: number; marking?: 'Marked' | 'Unmarked' }): Outcome {
      const grid = this.requireGrid(args.gridName)
      const state = this.dataSource(grid.dataSource)
      const page = this.page(state)
      if (!Number.isInteger(args.rowNumber) || args.rowNumber < 1 || args.rowNumber > page.rows.length) {
        throw new FormError(
          page.rows.length
            ? `Row ${args.rowNumber} is out of range: grid ${grid.name} shows rows 1 to ${page.rows.length} on this page (rows ${state.pageStart + 1}-${state.pageStart + page.rows.length} of ${page.total}).`
            : `Grid ${grid.name} has no rows to select.`,
        )
      }
      const row = page.rows[args.rowNumber - 1]!
      const key = keyOf(state.entity, row)
      const keyText = JSON.stringify(key)
      if (args.marking === 'Marked') state.marked.add(keyText)
      else if (args.marking === 'Unmarked') state.marked.delete(keyText)
      const same = state.current && JSON.stringify(state.current.key) === keyText
      if (!same) {
        this.requireNoPending(state, `select another row in grid ${grid.name}`)
        state.current = { key, index: state.pageStart + args.rowNumber - 1 }
        this.resetChildren(state.def.name)
      }
      return {
        result: `Row ${args.rowNumber} (${this.titleOf(state, row)}) of grid ${grid.name} was selected${args.marking ? ` and ${args.marking.toLowerCase()}` : ''}.`,
      }
    }

    filterGrid(args: { gridName: string; gridColumnName: string; filterValue: string }): Outcome {
      const grid = this.requireGrid(args.gridName)
      const column = this.requireColumn(grid, args.gridColumnName)
      return this.applyFilter(grid.dataSource, column, args.filterValue)
    }

    filterForm(args: { filterValue: string; controlName?: string }): Outcome {
      const form = this.requireForm()
      const root = form.def.dataSources.find((ds) => !ds.link)
      if (!root) throw new FormError(`Form ${form.def.name} has no records to filter; set its controls instead.`)
      const grid = form.def.grids.find((candidate) => candidate.dataSource === root.name)
      const control = args.controlName
        ? this.requireControl(args.controlName)
        : grid
          ? form.controls.get(grid.columns[0]!.name)!
          : undefined
      if (!control) throw new FormError(`Form ${form.def.name} needs a controlName to filter on.`)
      if (control.dataSource !== root.name) {
        throw new FormError(
          `Control '${control.name}' is not a field of the form's main data source ${root.name}; use form_filter_grid for other grids.`,
        )
      }
      return this.applyFilter(root.name, control, args.filterValue)
    }

    sortGridColumn(args: { gridName: string; gridColumnName: string; isDescending?: boolean }): Outcome {
      const grid = this.requireGrid(args.gridName)
      const column = this.requireColumn(grid, args.gridColumnName)
      const state = this.dataSource(grid.dataSource)
      this.requireNoPending(state, `sort grid ${grid.name}`)
      state.sort = { field: column.field!.name, descending: args.isDescending === true }
      state.pageStart = 0
      this.selectFirst(state.def.name)
      return {
        result: `Grid ${grid.name} was sorted by ${column.name} ${args.isDescending ? 'descending' : 'ascending'}.`,
      }
    }

    // ---- tabs and lookups -------------------------------------------------------------------

    openOrCloseTab(args: { tabName: string; tabAction?: 'Open' | 'Close' }): Outcome {
      const form = this.requireForm()
      const tab = form.def.tabs.find((candidate) => candidate.name.toLowerCase() === args.tabName.toLowerCase())
      if (!tab) {
        throw new FormError(
          `Form ${form.def.name} has no tab '${args.tabName}'. Tabs: ${form.def.tabs.map((t) => `${t.name} (${t.label})`).join(', ') || 'none'}.`,
        )
      }
      if (args.tabAction === 'Close') form.openTabs.delete(tab.name)
      else form.openTabs.add(tab.name)
      return { result: `Tab ${tab.name} (${tab.label}) was ${args.tabAction === 'Close' ? 'closed' : 'opened'}.` }
    }

    openLookup(args: { controlName: string; filterValue?: string }): Outcome {
      const control = this.requireControl(args.controlName)
      this.requireVisible(control)
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
      const company = this.requireForm().company
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

    // ---- buttons, save, close ---------------------------------------------------------------

    async clickControl(args: { controlName: string; actionId?: string }): Promise<Outcome> {
      const form = this.requireForm()
      const grid = this.findGrid(args.controlName)
      if (grid) return this.gridAction(grid, args.actionId)
      const tab = form.def.tabs.find((candidate) => candidate.name.toLowerCase() === args.controlName.toLowerCase())
      if (tab)
        return this.openOrCloseTab({ tabName: tab.name, tabAction: form.openTabs.has(tab.name) ? 'Close' : 'Open' })
      const button = form.def.buttons.find(
        (candidate) => candidate.name.toLowerCase() === args.controlName.toLowerCase(),
      )
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
      if (!this.buttonEnabled(button)) {
        throw new FormError(`Button ${button.name} (${button.label}) is disabled: ${this.disabledReason(button)}`)
      }
      return this.runButton(button)
    }

    save(): Outcome {
      const form = this.requireForm()
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
        inTransaction(() => {
          for (const state of pending) this.writePending(state)
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

    close(): Outcome {
      if (!this.form) return { result: 'No form is open.' }
      const name = this.form.def.name
      const discarded = this.hasPendingChanges()
      this.form = undefined
      return {
        result: `Form ${name} was closed.`,
        ...(discarded ? { messages: [{ Type: 'Warning' as const, Text: 'Unsaved changes were discarded.' }] } : {}),
      }
    }

    // ---- the form state ---------------------------------------------------------------------

    state(): Record<string, unknown> {
      const form = this.form
      if (!form) {
        return {
          Name: 'No form is open',
          Summary: 'No form is open',
          Form: {},
          Buttons: [],
          Links: [],
          Guidance: [
            'No form is open. Find a menu item with form_find_menu_item and open it with form_open_menu_item.',
          ],
        }
      }
      const sections = this.renderControls(form.def.controls.map((c) => c.name))
      const grids: Record<string, unknown> = {}
      for (const grid of form.def.grids) grids[grid.name] = this.renderGrid(grid)
      if (Object.keys(grids).length) sections.Grid = grids
      const tabs: Record<string, unknown> = {}
      for (const tab of form.def.tabs) {
        const isOpen = form.openTabs.has(tab.name)
        if (!isOpen) {
          tabs[tab.name] = { Text: tab.label, IsOpen: false }
          continue
        }
        const children = this.renderControls(tab.controls.map((c) => c.name))
        const tabGrids: Record<string, unknown> = {}
        for (const grid of tab.grids ?? []) tabGrids[grid.name] = this.renderGrid(grid)
        if (Object.keys(tabGrids).length) children.Grid = tabGrids
        tabs[tab.name] = { Text: tab.label, IsOpen: true, Children: children }
      }
      if (Object.keys(tabs).length) sections.Tab = tabs
      return {
        Name: form.def.name,
        Caption: form.def.caption,
        Company: form.company,
        FormStyle: form.def.style,
        Summary: this.summary(),
        Form: sections,
        Buttons: form.def.buttons.map((button) => ({
          Name: button.name,
          Text: button.label,
          IsEnabled: this.buttonEnabled(button),
        })),
        Links: [],
        Guidance: this.guidance(),
      }
    }

    // ---- internals --------------------------------------------------------------------------

    private requireForm(): OpenForm {
      if (!this.form) {
        throw new FormError(
          'No form is open. Open one with form_open_menu_item (find its name with form_find_menu_item).',
        )
      }
      return this.form
    }

    private requireControl(name: string): ResolvedControl {
      const form = this.requireForm()
      const control =
        form.controls.get(name) ?? [...form.controls.values()].find((c) => c.name.toLowerCase() === name.toLowerCase())
      if (!control) {
        throw new FormError(
          `Form ${form.def.name} has no control '${name}'. Use control names (not labels); find them with form_find_controls.`,
        )
      }
      return control
    }

    private requireColumn(grid: GridDef, name: string): ResolvedControl {
      const column = grid.columns.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())
      if (!column) {
        throw new FormError(
          `Grid ${grid.name} has no column '${name}'. Columns: ${grid.columns.map((c) => c.name).join(', ')}.`,
        )
      }
      return this.requireForm().controls.get(column.name)!
    }

    private requireVisible(control: ResolvedControl) {
      const form = this.requireForm()
      if (control.tab && !form.openTabs.has(control.tab)) {
        const tab = form.def.tabs.find((t) => t.name === control.tab)!
        throw new FormError(
          `Control '${control.name}' is on tab ${tab.name} (${tab.label}), which is closed. Open it with form_open_or_close_tab first.`,
        )
      }
    }

    private findGrid(name: string): GridDef | undefined {
      const form = this.requireForm()
      const all = [...form.def.grids, ...form.def.tabs.flatMap((tab) => tab.grids ?? [])]
      return all.find((grid) => grid.name.toLowerCase() === name.toLowerCase())
    }

    private requireGrid(name: string): GridDef {
      const grid = this.findGrid(name)
      const form = this.requireForm()
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

    private dataSource(name: string): DataSourceState {
      return this.requireForm().dataSources.get(name)!
    }

    private hasPendingChanges(): boolean {
      return [...(this.form?.dataSources.values() ?? [])].some((state) => state.pending)
    }

    private requireNoPending(state: DataSourceState, doing: string) {
      const dirty = [state, ...this.children(state.def.name)].find((candidate) => candidate.pending)
      if (dirty) {
        throw new FormError(
          `Cannot ${doing}: ${dirty.def.name} has unsaved changes. Save them with form_save_form or discard them with form_close_form.`,
        )
      }
    }

    private children(parent: string): DataSourceState[] {
      const form = this.requireForm()
      const direct = [...form.dataSources.values()].filter((state) => state.def.link?.parent === parent)
      return direct.flatMap((child) => [child, ...this.children(child.def.name)])
    }

    private listOptions(state: DataSourceState): ErpListOptions | undefined {
      const equals: Record<string, ErpValue> = { ...(state.def.range ?? {}) }
      const contains: Record<string, string> = {}
      if (state.def.link) {
        const parent = this.dataSource(state.def.link.parent)
        const parentRow = parent.pending?.isNew ? undefined : this.currentRecord(parent.def.name)
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

    private page(state: DataSourceState): { rows: ErpRow[]; total: number } {
      const options = this.listOptions(state)
      if (!options) return { rows: [], total: 0 }
      return records.list(
        state.def.entitySet,
        { company: this.requireForm().company },
        {
          ...options,
          top: GRID_PAGE_SIZE,
          skip: state.pageStart,
        },
      )
    }

    private selectFirst(dsName: string) {
      const state = this.dataSource(dsName)
      state.pageStart = 0
      const first = this.page(state).rows[0]
      state.current = first ? { key: keyOf(state.entity, first), index: 0 } : undefined
      this.resetChildren(dsName)
    }

    private resetChildren(parent: string) {
      const form = this.requireForm()
      for (const state of form.dataSources.values()) {
        if (state.def.link?.parent !== parent) continue
        state.filters.clear()
        state.marked.clear()
        state.pending = undefined
        this.selectFirst(state.def.name)
      }
    }

    /** The current record as the form shows it: pending edits over the stored row. */
    private currentRecord(dsName: string): ErpRow | undefined {
      const state = this.dataSource(dsName)
      if (state.pending) return state.pending.values
      if (!state.current) return undefined
      return records.get(state.def.entitySet, this.requireForm().company, state.current.key)
    }

    private applyFilter(dsName: string, control: ResolvedControl, filterValue: string): Outcome {
      const state = this.dataSource(dsName)
      this.requireNoPending(state, `filter ${state.def.name}`)
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
      this.selectFirst(dsName)
      const total = this.page(state).total
      return {
        result:
          raw === '' || raw === '*'
            ? `The filter on ${control.name} was removed; ${total} record${total === 1 ? '' : 's'}.`
            : `Filtered ${state.def.name} on ${control.name} matching '${raw}': ${total} record${total === 1 ? '' : 's'}.`,
      }
    }

    private gridAction(grid: GridDef, actionId: string | undefined): Outcome {
      const state = this.dataSource(grid.dataSource)
      const page = this.page(state)
      const last = Math.max(0, Math.floor((page.total - 1) / GRID_PAGE_SIZE) * GRID_PAGE_SIZE)
      const actions: Record<string, () => number> = {
        LoadNextPage: () => {
          if (state.pageStart + GRID_PAGE_SIZE >= page.total)
            throw new FormError(`Grid ${grid.name} is on its last page.`)
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
      const lastRow = Math.min(state.pageStart + GRID_PAGE_SIZE, page.total)
      return { result: `Grid ${grid.name} shows rows ${first}-${lastRow} of ${page.total}.` }
    }

    private buttonEnabled(button: ButtonDef): boolean {
      return this.disabledReason(button) === undefined
    }

    private disabledReason(button: ButtonDef): string | undefined {
      const action = button.action
      if (action.kind === 'new') {
        const state = this.dataSource(action.dataSource)
        if (state.pending) return 'the form has unsaved changes; save or discard them first.'
        if (state.def.link && !this.currentRecord(state.def.link.parent)) return 'there is no parent record.'
        return undefined
      }
      if (action.kind === 'operation') {
        const state = this.dataSource(action.dataSource)
        if (state.pending) return 'the record has unsaved changes; save them first.'
        const record = this.currentRecord(action.dataSource)
        if (!record) return 'no record is selected.'
        for (const condition of button.enabledWhen ?? []) {
          const value = this.currentRecord(condition.dataSource)?.[condition.field]
          if (!condition.in.includes(value ?? '')) {
            return `it needs ${condition.field} to be ${condition.in.join(' or ')}, and it is ${String(value)}.`
          }
        }
      }
      return undefined
    }

    private async runButton(button: ButtonDef): Promise<Outcome> {
      const form = this.requireForm()
      const clicked = `Button ${button.name} was clicked.`
      const action = button.action
      switch (action.kind) {
        case 'save': {
          const saved = this.save()
          return { ...saved, result: `${clicked} ${saved.result}` }
        }
        case 'close': {
          const closed = this.close()
          return { ...closed, result: `${clicked} ${closed.result}` }
        }
        case 'new': {
          const state = this.dataSource(action.dataSource)
          if (!state.def.allowCreate) throw new FormError(`${state.def.name} does not allow new records here.`)
          const values: ErpRow = {}
          if (state.def.link) {
            const parent = this.currentRecord(state.def.link.parent)!
            for (const [field, parentField] of Object.entries(state.def.link.fields))
              values[field] = parentField in parent ? parent[parentField]! : ''
          }
          state.pending = { isNew: true, values, changed: new Set(Object.keys(values)) }
          this.resetChildren(state.def.name)
          return {
            result: `${clicked} A new ${state.entity.label.toLowerCase()} record was created on the form; set its fields, then save with form_save_form.`,
          }
        }
        case 'operation': {
          const operation = catalog.operations[action.operation]
          if (!operation) throw new Error(`Unknown operation ${action.operation}.`)
          const record = this.currentRecord(action.dataSource)!
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
          this.requireParameters()
          const operation = catalog.operations[action.operation]
          if (!operation) throw new Error(`Unknown operation ${action.operation}.`)
          try {
            const done = inTransaction(() =>
              operation({ records, company: form.company, today: today(), parameters: form.parameters }),
            )
            this.form = undefined
            return { result: `${clicked} ${done.message}` }
          } catch (error) {
            if (error instanceof ErpError) throw new FormError(error.message)
            throw error
          }
        }
        case 'report': {
          this.requireParameters()
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
          this.form = undefined
          return {
            result: clicked,
            files: [{ name, mimeType: action.format === 'pdf' ? 'application/pdf' : 'text/csv', data }],
          }
        }
      }
    }

    private requireParameters() {
      const form = this.requireForm()
      const missing = [...form.controls.values()].filter(
        (control) => control.parameter && control.mandatory && (form.parameters[control.parameter] ?? '') === '',
      )
      if (missing.length) {
        throw new FormError(
          `Set ${missing.map((control) => `${control.name} (${control.label})`).join(', ')} with form_set_control_values first.`,
        )
      }
    }

    private requireLookupValue(control: ResolvedControl, value: ErpValue) {
      const lookup = control.lookup!
      const entity = records.catalog.bySet(lookup.entitySet)!
      const key = entity.keys.length === 1 && entity.keys[0] === lookup.valueField
      const exists = key
        ? records.get(lookup.entitySet, this.requireForm().company, { [lookup.valueField]: value }) !== undefined
        : records.list(
            lookup.entitySet,
            { company: this.requireForm().company },
            { equals: { [lookup.valueField]: value }, top: 1 },
          ).total > 0
      if (!exists) {
        throw new FormError(
          `The value '${String(value)}' for ${control.name} (${control.label}) does not exist in ${entity.label}. See valid values with form_open_lookup.`,
        )
      }
    }

    private writePending(state: DataSourceState) {
      const form = this.requireForm()
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

    private controlProperties(control: ResolvedControl): Record<string, unknown> {
      const form = this.requireForm()
      const visible = !control.tab || form.openTabs.has(control.tab)
      return {
        Type: control.grid ? 'GridColumn' : stateSection(control),
        Label: control.label,
        ...(visible && !control.grid ? { Value: this.valueOf(control) } : {}),
        ...(control.tab ? { Tab: control.tab, TabIsOpen: visible } : {}),
        ...(control.grid ? { Grid: control.grid } : {}),
        ...(control.mandatory ? { Mandatory: true } : {}),
        ...(control.lookup ? { HasLookup: true } : {}),
        ...(control.options ? { Options: control.options } : {}),
      }
    }

    private valueOf(control: ResolvedControl): string {
      const form = this.requireForm()
      if (control.parameter) return display(form.parameters[control.parameter], control)
      const record = this.currentRecord(control.dataSource!)
      return display(record?.[control.field!.name], control)
    }

    private renderControls(names: readonly string[]): Record<string, unknown> {
      const form = this.requireForm()
      const sections: Record<string, Record<string, unknown>> = {}
      for (const name of names) {
        const control = form.controls.get(name)!
        const section = stateSection(control)
        const state = control.dataSource ? this.dataSource(control.dataSource) : undefined
        const editable = state?.pending?.isNew ? control.editableWhenNew : control.editable
        const value = this.valueOf(control)
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

    private renderGrid(grid: GridDef): Record<string, unknown> {
      const form = this.requireForm()
      const state = this.dataSource(grid.dataSource)
      const page = this.page(state)
      const columns = grid.columns.map((column) => form.controls.get(column.name)!)
      const currentKey = state.current ? JSON.stringify(state.current.key) : undefined
      const Rows = page.rows.map((stored, index) => {
        const keyText = JSON.stringify(keyOf(state.entity, stored))
        const selected = keyText === currentKey
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
          TotalRowCount: page.total,
          FirstRow: page.rows.length ? state.pageStart + 1 : 0,
          LastRow: state.pageStart + page.rows.length,
          HasPreviousPage: state.pageStart > 0,
          HasNextPage: state.pageStart + page.rows.length < page.total,
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

    private titleOf(state: DataSourceState, row: ErpRow): string {
      const fields = state.def.titleFields ?? state.entity.keys
      return fields.map((field) => String(row[field] ?? '')).join(' ')
    }

    private summary(): string {
      const form = this.requireForm()
      const parts = [`${form.def.caption} (${form.def.name}) in company ${form.company}.`]
      for (const grid of [
        ...form.def.grids,
        ...form.def.tabs.filter((t) => form.openTabs.has(t.name)).flatMap((t) => t.grids ?? []),
      ]) {
        const state = this.dataSource(grid.dataSource)
        const page = this.page(state)
        const current = state.current ? this.currentRecord(state.def.name) : undefined
        parts.push(
          page.total
            ? `Grid ${grid.name}: rows ${state.pageStart + 1}-${state.pageStart + page.rows.length} of ${page.total}${current ? `, current ${this.titleOf(state, current)}` : ''}.`
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

    private guidance(): string[] {
      const form = this.requireForm()
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
        const state = this.dataSource(grid.dataSource)
        return this.page(state).total > state.pageStart + GRID_PAGE_SIZE
      })
      for (const grid of more) {
        guidance.push(
          `Grid ${grid.name} has more rows: filter it with form_filter_grid, or click it with actionId LoadNextPage.`,
        )
      }
      if (this.hasPendingChanges()) {
        guidance.push(
          'The form has unsaved changes: save them with form_save_form, or discard them with form_close_form.',
        )
      }
      return guidance
    }
  }

  return {
    menuItems: catalog.menuItems,
    today,
    /** A session's form state machine. */
    createSession(company: string) {
      return new FormSession(company)
    },
  }
}

export type FormEngine = ReturnType<typeof createFormEngine>
export type FormSession = ReturnType<FormEngine['createSession']>

function keyOf(entity: ErpEntity, row: ErpRow): Record<string, ErpValue> {
  return Object.fromEntries(entity.keys.map((field) => [field, row[field] ?? '']))
}

export { FormError }
