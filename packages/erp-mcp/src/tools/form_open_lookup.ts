import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formOpenLookup = defineFormTool({
  name: 'form_open_lookup',
  title: 'Open lookup',
  description:
    'Lists the values a lookup control accepts (up to 25, optionally filtered). Set one with form_set_control_values.',
  input: z.object({ controlName: z.string(), filterValue: z.string().optional() }),
  output: FormResult,
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_open_lookup', args, ctx),
})
