import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

/** grid paging changes nothing */
const PAGING = new Set(['LoadNextPage', 'LoadPreviousPage', 'LoadFirstPage', 'LoadLastPage'])

export const formClickControl = defineFormTool({
  name: 'form_click_control',
  title: 'Click control',
  description:
    'Clicks a button, tab or grid of the open form. Report buttons return the file. Grids take actionId LoadNextPage/LoadPreviousPage/LoadFirstPage/LoadLastPage.',
  input: z.object({ controlName: z.string(), actionId: z.string().optional() }),
  output: FormResult,
  // a button can run any business logic (post, confirm, delete), so clicks other than paging are asked first
  annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  toolset: 'forms',
  consent: ({ controlName, actionId }) =>
    actionId && PAGING.has(actionId)
      ? undefined
      : `Click '${controlName}' on the open finance & operations form? A button can run business logic such as posting, confirming or deleting.`,
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_click_control', args, ctx),
})
