import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { attachmentTarget, checkContent } from './attachment-target.js'
import { companyIdArg, entitySetArg, keyArg } from './support.js'

export const attachmentCheck = defineErpTool({
  name: 'attachment_check',
  title: 'Is a file attached?',
  description:
    'Checks whether a file (by name, and by content when contentBase64 is given) is already attached to a record. attachment_attach does this itself.',
  input: z.object({
    entitySet: entitySetArg,
    key: keyArg,
    companyId: companyIdArg,
    fileName: z.string().min(1),
    contentBase64: z.string().optional(),
  }),
  output: z.object({
    isAttached: z.boolean(),
    docuRefRecId: z.number().optional(),
    entitySet: z.string(),
    key: z.record(z.string(), z.unknown()),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'attachments',
  async run(args, ctx) {
    const content = args.contentBase64 ? checkContent(args.contentBase64) : undefined
    const { target, key } = await attachmentTarget(ctx.client, args, ctx.signal)
    const answer = await ctx.client.attachments.isAttached(
      { ...target, ...(content ? { contentBytes: content.base64 } : {}) },
      ctx.signal,
    )
    return { ...answer, entitySet: target.entityName, key }
  },
})
