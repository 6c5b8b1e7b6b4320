import { z } from 'zod'
import { callerKey, defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

/** grid paging changes nothing */
const PAGING = new Set(['LoadNextPage', 'LoadPreviousPage', 'LoadFirstPage', 'LoadLastPage'])

export const formClickControl = defineFormTool({
  name: 'form_click_control',
  title: 'Click control',
  description:
    'Clicks a button, tab or grid of the open form. Report buttons return the file. Grids take actionId LoadNextPage/LoadPreviousPage/LoadFirstPage/LoadLastPage.',
  input: z.object({ controlName: z.string(), actionId: z.string().optional() }),
  output: FormResult,
  // A button can run any business logic (post, confirm, delete), so a click is asked first, naming
  // the form — except grid paging and the buttons of a report dialog, which print or export only.
  annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  toolset: 'forms',
  consent: ({ controlName, actionId }, { client, caller }) => {
    if (actionId && PAGING.has(actionId)) return undefined
    const form = client.forms.openForm(callerKey({ caller }))
    if (form?.style === 'Report') return undefined
    return `Click '${controlName}'${form ? ` on the form ${form.name}` : ''} in finance & operations? A button can run business logic such as posting, confirming or deleting.`
  },
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_click_control', args, ctx),
})
