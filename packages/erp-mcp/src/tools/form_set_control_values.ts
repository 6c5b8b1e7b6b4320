import { z } from 'zod'
import { defineFormTool, FormResult, renderFormResult, runFormTool } from '../forms/tool.js'

export const formSetControlValues = defineFormTool({
  name: 'form_set_control_values',
  title: 'Set control values',
  description:
    'Sets controls of the open form (grid columns: the selected row). Dates YYYY-MM-DD. Nothing is stored until form_save_form.',
  input: z.object({
    controlValues: z
      .array(
        z.strictObject({
          controlName: z.string(),
          controlValue: z.union([z.string(), z.number(), z.boolean()]),
        }),
      )

      .max(50),
  }),
  output: FormResult,
  // changes only the form: the record store is written by form_save_form
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forms',
  render: renderFormResult,
  run: (args, ctx) => runFormTool('form_set_control_values', args, ctx),
})
