// The record an attachment goes to, as the custom APIs take it: the entity set, the key fields
// without dataAreaId as JSON, the company, and IsTableGlobal from $metadata — never from the
// caller, since a wrong value stores the document reference under the wrong company.
import { ToolError } from '@bizmcp/core'
import type { AttachmentTarget } from '../attachments/client.js'
import { MAX_ATTACHMENT_BYTES } from '../attachments/client.js'
import type { ErpClient } from '../client.js'
import { canonicalKey } from '../odata/keys.js'
import type { EntityInfo } from '../odata/types.js'
import { companyFor } from './support.js'

export async function attachmentTarget(
  client: ErpClient,
  args: {
    entitySet: string
    key: Record<string, unknown>
    companyId?: string | undefined
    fileName: string
  },
  signal: AbortSignal,
): Promise<{ target: AttachmentTarget; entity: EntityInfo; key: Record<string, unknown> }> {
  const entity = await client.odata.entity(args.entitySet, signal)
  const company = await companyFor(client, entity, args.key, args.companyId, signal)
  const key = canonicalKey(entity, args.key, company)
  // the record must exist: a document reference to nothing is worse than an error
  await client.odata.get(entity, key, { ...(company ? { company } : {}), select: entity.keys, signal })
  const recordKey = JSON.stringify(Object.fromEntries(entity.keys.map((k) => [k, key[k]])))
  const dataAreaId = company ?? (await client.odata.session(signal)).company
  const fileName = args.fileName.trim()
  if (!fileName || /[\\/:*?"<>|]/.test(fileName)) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `'${args.fileName}' is not a usable file name.`,
      fix: 'Give a plain file name with an extension, e.g. invoice-4711.pdf, without path separators or * ? " < > |.',
    })
  }
  return {
    entity,
    key,
    target: { entityName: entity.entitySet, recordKey, dataAreaId, isTableGlobal: !entity.companySpecific, fileName },
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/**
 * Checks base64 content twice, as the attachment API does: the size its length implies, before
 * decoding anything, then the decoded bytes. Returns the canonical base64 and the byte count.
 */
export function checkContent(contentBase64: string): { base64: string; bytes: number } {
  const text = contentBase64.replace(/\s+/g, '')
  if (/^data:/i.test(text)) {
    throw new ToolError({
      code: 'InvalidInput',
      message: 'contentBase64 starts with a data: URL prefix.',
      fix: 'Send only the base64 text after "base64,".',
    })
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const estimated = Math.floor((text.length * 3) / 4) - padding
  if (estimated > MAX_ATTACHMENT_BYTES) throw tooLarge(estimated, 'by its base64 length')
  if (!text.length || text.length % 4 !== 0 || !BASE64.test(text)) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `contentBase64 is not valid base64 (${!text.length ? 'it is empty' : text.length % 4 !== 0 ? 'its length is not a multiple of 4' : 'it has characters outside A-Z a-z 0-9 + / ='}). Nothing was attached.`,
      fix: 'Encode the file bytes with standard base64 (RFC 4648, with padding; not base64url) and send that text.',
    })
  }
  const decoded = Buffer.from(text, 'base64')
  if (decoded.byteLength > MAX_ATTACHMENT_BYTES) throw tooLarge(decoded.byteLength, 'decoded')
  if (decoded.byteLength === 0) {
    throw new ToolError({ code: 'InvalidInput', message: 'The file is empty.', fix: 'Send the file content.' })
  }
  return { base64: text, bytes: decoded.byteLength }
}

function tooLarge(bytes: number, how: string): ToolError {
  return new ToolError({
    code: 'InvalidInput',
    message: `The file is ${bytes.toLocaleString('en-US')} bytes (${how}), over the ${MAX_ATTACHMENT_BYTES.toLocaleString('en-US')}-byte (15 MB) attachment limit. Nothing was attached.`,
    fix: 'Attach a smaller file: compress or split it, or reduce image resolution; the limit is 15 MB.',
    details: { bytes, limit: MAX_ATTACHMENT_BYTES },
  })
}
