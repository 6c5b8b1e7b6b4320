import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { attachmentTarget, checkContent } from './attachment-target.js'
import { companyIdArg, entitySetArg, keyArg } from './support.js'

export const attachmentCheck = defineErpTool({
  name: 'attachment_check',
  title: 'Is a file attached?',
  description: 'Tells whether a file (by name, and content if given) is already attached to a record.',
  input: z.object({
    entitySet: entitySetArg,
    key: keyArg,
    companyId: companyIdArg,
    fileName: z.string(),
    contentBase64: z.string().optional(),
  }),
  output: z.object({ isAttached: z.boolean(), docuRefRecId: z.number().optional() }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'attachments',
  async run(args, ctx) {
    const content = args.contentBase64 ? checkContent(args.contentBase64) : undefined
    const { target } = await attachmentTarget(ctx.client, args, ctx.signal)
    return ctx.client.attachments.isAttached(
      { ...target, ...(content ? { contentBytes: content.base64 } : {}) },
      ctx.signal,
    )
  },
})
