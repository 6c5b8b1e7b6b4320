// The form model of the finance & operations emulator, as data: menu items open forms; a form has
// data sources over entities of the record store, controls bound to their fields (or dialog
// parameters), grids, tabs and buttons. The engine (engine.ts) interprets these definitions, so
// adding a form is adding data, not code.
import type { ErpValue } from '../model.js'

export type MenuItemType = 'Display' | 'Action' | 'Output'

export interface MenuItemDef {
  /** AOT name, what form_open_menu_item takes, e.g. `CustTableListPage` */
  name: string
  type: MenuItemType
  /** the label users see in the navigation pane */
  label: string
  /** navigation path, e.g. `Accounts receivable > Customers > All customers` */
  path: string
  /** the form it opens (a dialog form for action and output menu items) */
  form: string
}

/** How a control's value is typed and shown. */
export type ControlType = 'String' | 'Real' | 'Integer' | 'Date' | 'Enum' | 'Boolean'

export interface LookupDef {
  /** entity set the lookup lists (company-specific ones in the form's company) */
  entitySet: string
  /** the field whose value the control takes */
  valueField: string
  /** the columns shown, value field first */
  columns: ReadonlyArray<{ field: string; label: string }>
}

export interface ControlDef {
  /** control name, unique in the form, e.g. `CustTable_CustomerGroupId` */
  name: string
  /** defaults to the bound field's label */
  label?: string
  /** a data source control: the data source and field it is bound to */
  dataSource?: string
  field?: string
  /** a dialog parameter control: the parameter it sets */
  parameter?: string
  /** defaults to the bound field's type; required for parameters */
  type?: ControlType
  /** enum members for Enum parameters (bound Enum controls take them from the catalogue) */
  options?: readonly string[]
  mandatory?: boolean
  /** false: shown but not editable (key fields are editable only on a new record) */
  editable?: boolean
  lookup?: LookupDef
}

export interface GridDef {
  /** control name of the grid, e.g. `Grid`, `LineGrid` */
  name: string
  label: string
  dataSource: string
  /** grid columns are controls bound to the grid's data source */
  columns: readonly ControlDef[]
}

export interface TabDef {
  /** tab page control name, e.g. `TabGeneral` */
  name: string
  label: string
  controls: readonly ControlDef[]
  grids?: readonly GridDef[]
}

export interface DataSourceDef {
  /** data source name, e.g. `CustTable` */
  name: string
  entitySet: string
  /** a child data source: its fields → the parent data source's fields */
  link?: { parent: string; fields: Readonly<Record<string, string>> }
  orderBy?: ReadonlyArray<{ field: string; descending?: boolean }>
  /** the fields a row is identified by in messages (defaults to the entity's keys) */
  titleFields?: readonly string[]
  /** New creates a record; values for fields the user does not set */
  allowCreate?: boolean
  /** fixed filter, e.g. open transactions only */
  range?: Readonly<Record<string, ErpValue>>
}

/** What a button does when clicked. */
export type ButtonAction =
  | { kind: 'new'; dataSource: string }
  | { kind: 'save' }
  | { kind: 'close' }
  /** a business operation on the data source's current record (operations.ts) */
  | { kind: 'operation'; operation: string; dataSource: string }
  /** runs the dialog's operation with its parameters, then closes the dialog */
  | { kind: 'runDialog'; operation: string }
  /** runs the report form's report and returns the file */
  | { kind: 'report'; format: 'pdf' | 'csv' }

export interface ButtonDef {
  name: string
  label: string
  action: ButtonAction
  /** enabled only when the current record of each data source has one of the values */
  enabledWhen?: ReadonlyArray<{ dataSource: string; field: string; in: readonly ErpValue[] }>
}

export type FormStyle = 'ListPage' | 'DetailsTransaction' | 'Dialog' | 'Report'

export interface FormDef {
  name: string
  caption: string
  style: FormStyle
  dataSources: readonly DataSourceDef[]
  /** top-level controls (dialog parameters, or header fields of the current record) */
  controls: readonly ControlDef[]
  grids: readonly GridDef[]
  tabs: readonly TabDef[]
  buttons: readonly ButtonDef[]
  /** the report a Report form runs (reports/index.ts) */
  report?: string
  guidance?: readonly string[]
}

/** A form message, as the form state reports it. */
export interface FormMessage {
  Type: 'Error' | 'Warning' | 'Info'
  Text: string
}

/** A file a button produced (a report), returned next to the form state. */
export interface FormFile {
  name: string
  mimeType: string
  data: Uint8Array | string
}
