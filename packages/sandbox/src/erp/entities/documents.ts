// Document attachments (DocuRef) over the attachments store: read-only through OData; files are
// attached with the McpAttachFileToRecordCustomAPI custom API. Our own entity name.
import type { ErpEntity } from '../model.js'
import { date, guid, int64, str } from './fields.js'

export const documentAttachments: ErpEntity = {
  name: 'DocumentAttachment',
  entitySet: 'DocumentAttachments',
  label: 'Document attachments',
  companySpecific: false,
  keys: ['DocuRefRecId'],
  readOnly: true,
  fields: [
    int64('DocuRefRecId', 'Record id'),
    str('EntityName', 100, 'Entity'),
    str('RecordKey', 1000, 'Record key'),
    str('RefCompanyId', 4, 'Company'),
    str('FileName', 255, 'File name'),
    str('FileType', 20, 'File type'),
    int64('FileSize', 'File size'),
    guid('FileId', 'File id'),
    str('ContentHash', 64, 'SHA-256'),
    str('Notes', 1000, 'Notes'),
    str('CreatedBy', 20, 'Created by'),
    date('CreatedDateTime', 'Created'),
  ],
}
