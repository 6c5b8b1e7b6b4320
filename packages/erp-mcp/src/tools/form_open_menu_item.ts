import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formOpenMenuItem = defineFormTool({
  name: 'form_open_menu_item',
  title: 'Open menu item',
  description: 'Opens a menu item’s form; it replaces your open form (one form at a time). Returns the form state.',
  input: z.object({
    name: z.string().describe('Menu item name, not label'),
    type: z.enum(['Display', 'Action', 'Output']).optional(),
    companyId: z.string().optional().describe('Legal entity'),
  }),
  output: FormResult,
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_open_menu_item', args, ctx),
})
