import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formFilterGrid = defineFormTool({
  name: 'form_filter_grid',
  title: 'Filter grid',
  description: 'Filters a grid of the open form on one column (text matches anywhere). Empty value clears.',
  input: z.object({ gridName: z.string(), gridColumnName: z.string(), filterValue: z.string() }),
  output: FormResult,
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_filter_grid', args, ctx),
})
