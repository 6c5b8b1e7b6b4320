// The server-side form engine: one open form per session, driven by the thirteen form tools.
// A form's data sources read the record store (grids show at most 25 rows a page), edits are held
// on the form until form_save_form writes them through the store (validation errors come back as
// form messages and change nothing), buttons run operations and reports. Definitions are data
// (definitions.ts); the modules beside this one interpret them, one concern each, and this file
// ties them into a session object per MCP session.
import { clickControl } from './buttons.js'
import type { FormEngineOptions } from './catalog.js'
import { save, setControlValues } from './control-values.js'
import { FormError } from './controls.js'
import { createEngineContext, type EngineContext } from './engine-context.js'
import { findControls } from './find-controls.js'
import { filterForm, filterGrid, selectGridRow, sortGridColumn } from './grids.js'
import { openLookup } from './lookups.js'
import { findMenuItem, openMenuItem } from './menu-items.js'
import { renderState } from './render-state.js'
import { closeForm, type Outcome, type SessionState } from './session-state.js'
import { openOrCloseTab } from './tabs.js'
import type { MenuItemType } from './types.js'

/** A session's form state machine: the tool methods the MCP layer calls. */
class Session {
  private readonly session: SessionState

  constructor(engine: EngineContext, company: string) {
    this.session = { engine, company, form: undefined }
  }

  get isOpen() {
    return this.session.form !== undefined
  }

  findMenuItem(args: { menuItemFilter: string; topHitCount?: number }): Outcome {
    return findMenuItem(this.session, args)
  }

  openMenuItem(args: { name: string; type?: MenuItemType; companyId?: string }): Outcome {
    return openMenuItem(this.session, args)
  }

  findControls(args: { controlSearchTerm: string }): Outcome {
    return findControls(this.session, args)
  }

  setControlValues(args: { controlValues: ReadonlyArray<{ controlName: string; controlValue: unknown }> }): Outcome {
    return setControlValues(this.session, args)
  }

  selectGridRow(args: { gridName: string; rowNumber: number; marking?: 'Marked' | 'Unmarked' }): Outcome {
    return selectGridRow(this.session, args)
  }

  filterGrid(args: { gridName: string; gridColumnName: string; filterValue: string }): Outcome {
    return filterGrid(this.session, args)
  }

  filterForm(args: { filterValue: string; controlName?: string }): Outcome {
    return filterForm(this.session, args)
  }

  sortGridColumn(args: { gridName: string; gridColumnName: string; isDescending?: boolean }): Outcome {
    return sortGridColumn(this.session, args)
  }

  openOrCloseTab(args: { tabName: string; tabAction?: 'Open' | 'Close' }): Outcome {
    return openOrCloseTab(this.session, args)
  }

  openLookup(args: { controlName: string; filterValue?: string }): Outcome {
    return openLookup(this.session, args)
  }

  clickControl(args: { controlName: string; actionId?: string }): Promise<Outcome> {
    return clickControl(this.session, args)
  }

  save(): Outcome {
    return save(this.session)
  }

  close(): Outcome {
    return closeForm(this.session)
  }

  state(): Record<string, unknown> {
    return renderState(this.session)
  }
}

export function createFormEngine(options: FormEngineOptions) {
  const engine = createEngineContext(options)
  return {
    menuItems: engine.catalog.menuItems,
    today: engine.today,
    /** A session's form state machine. */
    createSession(company: string) {
      return new Session(engine, company)
    },
  }
}

export type FormEngine = ReturnType<typeof createFormEngine>
export type FormSession = ReturnType<FormEngine['createSession']>

export type { FormCatalog, FormEngineOptions, FormOperation, FormReport } from './catalog.js'
export { GRID_PAGE_SIZE } from './data-sources.js'
export type { Outcome } from './session-state.js'
export { FormError }
