import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formFindMenuItem = defineFormTool({
  name: 'form_find_menu_item',
  title: 'Find menu item',
  description: 'Finds display, action and output (report) menu items by words of their label, name or path.',
  input: z.object({
    menuItemFilter: z.string().describe('e.g. "vendor aging"'),
    topHitCount: z.number().int().max(50).optional(),
  }),
  output: FormResult,
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_find_menu_item', args, ctx),
})
