// Document references (DocuRef) with their files, in the DocumentAttachments table.
import { createHash, randomUUID } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import type { Clock } from '../../shared/clock.js'
import type { ErpAttachment, ErpAttachmentStore, ErpEntity } from '../model.js'
import { quote, tableOf } from './values.js'

/** DocuParameters' limit for files kept in the file system: 15 MB. */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024

/** RecIds in finance & operations start here; ours do too, so they look familiar. */
const FIRST_RECID = 5637144576

const FILE_TYPES: Record<string, string> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  txt: 'txt',
  csv: 'csv',
  xlsx: 'xlsx',
  docx: 'docx',
  xml: 'xml',
  json: 'json',
}

export function createAttachmentStore(options: {
  db: DatabaseSync
  clock: Clock
  entity: ErpEntity
}): ErpAttachmentStore {
  const { db, clock, entity } = options
  const table = tableOf(entity)
  const columns = entity.fields.map((field) => quote(field.name)).join(', ')
  const insert = db.prepare(
    `INSERT INTO ${table} (${columns}, "Content") VALUES (${entity.fields.map(() => '?').join(', ')}, ?)`,
  )
  const nextId = db.prepare(`SELECT COALESCE(MAX("DocuRefRecId"), ${FIRST_RECID}) + 1 AS id FROM ${table}`)
  const byId = db.prepare(`SELECT ${columns} FROM ${table} WHERE "DocuRefRecId" = ?`)
  const content = db.prepare(`SELECT "Content" FROM ${table} WHERE "DocuRefRecId" = ?`)
  const forRecord = db.prepare(
    `SELECT ${columns} FROM ${table} WHERE "EntityName" = ? AND "RefCompanyId" = ? AND "RecordKey" = ? ORDER BY "DocuRefRecId"`,
  )
  const toAttachment = (raw: Record<string, unknown>): ErpAttachment => ({
    DocuRefRecId: Number(raw.DocuRefRecId),
    EntityName: String(raw.EntityName),
    RecordKey: String(raw.RecordKey),
    RefCompanyId: String(raw.RefCompanyId),
    FileName: String(raw.FileName),
    FileType: String(raw.FileType),
    FileSize: Number(raw.FileSize),
    FileId: String(raw.FileId),
    ContentHash: String(raw.ContentHash),
    Notes: String(raw.Notes),
    CreatedBy: String(raw.CreatedBy),
    CreatedDateTime: String(raw.CreatedDateTime),
  })

  return {
    maxFileSize: MAX_ATTACHMENT_BYTES,
    add(input) {
      const id = Number((nextId.get() as { id: number }).id)
      const extension = /\.([A-Za-z0-9]+)$/.exec(input.fileName)?.[1]?.toLowerCase() ?? ''
      const attachment: ErpAttachment = {
        DocuRefRecId: id,
        EntityName: input.entityName,
        RecordKey: input.recordKey,
        RefCompanyId: input.refCompanyId.toLowerCase(),
        FileName: input.fileName,
        FileType: FILE_TYPES[extension] ?? extension,
        FileSize: input.content.byteLength,
        FileId: randomUUID(),
        ContentHash: sha256(input.content),
        Notes: input.notes ?? '',
        CreatedBy: input.createdBy,
        CreatedDateTime: `${clock().toISOString().slice(0, 19)}Z`,
      }
      insert.run(...entity.fields.map((field) => attachment[field.name as keyof ErpAttachment]), input.content)
      return attachment
    },
    forRecord(entityName, refCompanyId, recordKey) {
      return (forRecord.all(entityName, refCompanyId.toLowerCase(), recordKey) as Record<string, unknown>[]).map(
        toAttachment,
      )
    },
    get(id) {
      const raw = byId.get(id) as Record<string, unknown> | undefined
      return raw ? toAttachment(raw) : undefined
    },
    content(id) {
      const raw = content.get(id) as { Content: Uint8Array } | undefined
      return raw ? new Uint8Array(raw.Content) : undefined
    },
  }
}

export function sha256(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}
