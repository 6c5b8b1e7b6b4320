import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formSelectGridRow = defineFormTool({
  name: 'form_select_grid_row',
  title: 'Select grid row',
  description: 'Selects a row of a grid by its RowNumber on the current page; optionally marks or unmarks it.',
  input: z.object({
    gridName: z.string(),
    rowNumber: z.number().int().max(25),
    marking: z.enum(['Marked', 'Unmarked']).optional(),
  }),
  output: FormResult,
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  // the environment takes the row number as a string
  run: ({ rowNumber, ...rest }, ctx) =>
    runFormTool('form_select_grid_row', { ...rest, rowNumber: String(rowNumber) }, ctx),
})
