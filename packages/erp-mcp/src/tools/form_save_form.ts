import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formSaveForm = defineFormTool({
  name: 'form_save_form',
  title: 'Save form',
  description: 'Saves the open form’s changes. Validation errors come back in Messages and nothing is saved.',
  input: z.object({}),
  output: FormResult,
  annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_save_form', args, ctx),
})
