import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formCloseForm = defineFormTool({
  name: 'form_close_form',
  title: 'Close form',
  description: 'Closes the open form, discarding unsaved changes.',
  input: z.object({}),
  output: FormResult,
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_close_form', args, ctx),
})
