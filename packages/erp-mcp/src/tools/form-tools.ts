// The thirteen form tools of the environment's MCP server, under their official names. They
// forward to `{environment URL}/mcp` in the caller's session (src/forms/sessions.ts).
import type { AnyTool } from '@bizmcp/core'
import { formClickControl } from './form_click_control.js'
import { formCloseForm } from './form_close_form.js'
import { formFilterForm } from './form_filter_form.js'
import { formFilterGrid } from './form_filter_grid.js'
import { formFindControls } from './form_find_controls.js'
import { formFindMenuItem } from './form_find_menu_item.js'
import { formOpenLookup } from './form_open_lookup.js'
import { formOpenMenuItem } from './form_open_menu_item.js'
import { formOpenOrCloseTab } from './form_open_or_close_tab.js'
import { formSaveForm } from './form_save_form.js'
import { formSelectGridRow } from './form_select_grid_row.js'
import { formSetControlValues } from './form_set_control_values.js'
import { formSortGridColumn } from './form_sort_grid_column.js'

export const formTools: AnyTool[] = [
  formFindMenuItem,
  formOpenMenuItem,
  formFindControls,
  formSetControlValues,
  formClickControl,
  formFilterForm,
  formFilterGrid,
  formSelectGridRow,
  formSortGridColumn,
  formOpenOrCloseTab,
  formOpenLookup,
  formSaveForm,
  formCloseForm,
]
