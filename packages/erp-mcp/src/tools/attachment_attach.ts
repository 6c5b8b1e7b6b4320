import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { describeKey } from '../odata/keys.js'
import { attachmentTarget, checkContent } from './attachment-target.js'
import { companyIdArg, entitySetArg, keyArg } from './support.js'

export const attachmentAttach = defineErpTool({
  name: 'attachment_attach',
  title: 'Attach a file',
  description: 'Attaches a file (base64, up to 15 MB) to a record as a document; refuses one already attached.',
  input: z.object({
    entitySet: entitySetArg,
    key: keyArg,
    companyId: companyIdArg,
    fileName: z.string().describe('e.g. invoice.pdf'),
    contentBase64: z.string(),
    notes: z.string().optional(),
  }),
  output: z.object({ docuRefRecId: z.number(), fileId: z.string(), fileSize: z.number() }),
  render: (out) => `Attached as document ${out.docuRefRecId} (${out.fileSize} bytes).`,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  toolset: 'attachments',
  async run(args, ctx) {
    // size and encoding first: nothing is asked of finance & operations for a file that cannot go
    const content = checkContent(args.contentBase64)
    const { target, key } = await attachmentTarget(ctx.client, args, ctx.signal)
    const existing = await ctx.client.attachments.isAttached({ ...target, contentBytes: content.base64 }, ctx.signal)
    if (existing.isAttached) {
      throw new ToolError({
        code: 'Conflict',
        message: `${target.fileName} is already attached to ${target.entityName} ${describeKey(key)}${existing.docuRefRecId ? ` (document ${existing.docuRefRecId})` : ''}. Nothing was attached.`,
        fix: 'Do not attach it again. If it is a different document, give it a different file name.',
        details: { ...(existing.docuRefRecId ? { docuRefRecId: existing.docuRefRecId } : {}) },
      })
    }
    const attached = await ctx.client.attachments.attach(
      { ...target, contentBytes: content.base64, ...(args.notes ? { notes: args.notes } : {}) },
      ctx.signal,
    )
    return attached
  },
})
