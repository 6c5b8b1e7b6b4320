import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formFindControls = defineFormTool({
  name: 'form_find_controls',
  title: 'Find controls',
  description: 'Finds controls of the open form by name or label, also on closed tabs. One term per call.',
  input: z.object({ controlSearchTerm: z.string() }),
  output: FormResult,
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_find_controls', args, ctx),
})
