import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formOpenOrCloseTab = defineFormTool({
  name: 'form_open_or_close_tab',
  title: 'Open or close tab',
  description: 'Opens (default) or closes a tab of the open form. Tabs start closed; their controls show once open.',
  input: z.object({ tabName: z.string(), tabAction: z.enum(['Open', 'Close']).optional() }),
  output: FormResult,
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_open_or_close_tab', args, ctx),
})
