import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formFilterForm = defineFormTool({
  name: 'form_filter_form',
  title: 'Filter form',
  description: 'Filters the open form’s main records on a field (default: first grid column). Empty value clears.',
  input: z.object({ filterValue: z.string(), controlName: z.string().optional() }),
  output: FormResult,
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_filter_form', args, ctx),
})
