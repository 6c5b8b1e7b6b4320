import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formSortGridColumn = defineFormTool({
  name: 'form_sort_grid_column',
  title: 'Sort grid column',
  description: 'Sorts a grid of the open form by one column.',
  input: z.object({
    gridName: z.string(),
    gridColumnName: z.string(),
    isDescending: z.boolean().optional(),
  }),
  output: FormResult,
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_sort_grid_column', args, ctx),
})
