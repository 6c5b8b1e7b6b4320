// The two Dataverse custom APIs of the file-support scenario, served on a Dataverse Web API path
// inside this emulator (in a real deployment they live in the Dataverse environment linked to
// finance & operations; here the emulator plays that environment):
//   POST /api/data/v9.2/McpIsFileAlreadyAttachedToRecord
//   POST /api/data/v9.2/McpAttachFileToRecordCustomAPI
// Errors are Dataverse-shaped. The attach API does not refuse duplicates (the check API exists for that).
import { jsonResponse } from '../../shared/http.js'
import type { ErpRequestContext } from '../context.js'
import type { ErpEntity, ErpValue } from '../model.js'
import { MAX_ATTACHMENT_BYTES, sha256 } from '../records/attachments.js'

export const CUSTOM_API_PATH = '/api/data/v9.2'
const ATTACH = 'McpAttachFileToRecordCustomAPI'
const CHECK = 'McpIsFileAlreadyAttachedToRecord'

/** a plug-in's InvalidPluginExecutionException, as custom APIs raise validation failures */
const PLUGIN_ERROR = '0x80040265'
const DOES_NOT_EXIST = '0x80040217'
const RESOURCE_NOT_FOUND = '0x8006088a'
const METHOD_NOT_ALLOWED = '0x80060891'

/** The company of document references on global tables. */
export const GLOBAL_REF_COMPANY = 'dat'

class CustomApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const invalid = (message: string) => new CustomApiError(400, PLUGIN_ERROR, message)

export function customApiError(status: number, code: string, message: string): Response {
  return jsonResponse({ error: { code, message } }, status, { 'OData-Version': '4.0' })
}

export async function handleCustomApi(ctx: ErpRequestContext, path: string): Promise<Response> {
  try {
    const name = decodeURIComponent(path.replace(/^\/+|\/+$/g, ''))
    if (name !== ATTACH && name !== CHECK) {
      throw new CustomApiError(404, RESOURCE_NOT_FOUND, `Resource not found for the segment '${name}'.`)
    }
    if (ctx.request.method !== 'POST') {
      throw new CustomApiError(
        405,
        METHOD_NOT_ALLOWED,
        `The requested resource does not support http method '${ctx.request.method}'.`,
      )
    }
    const body = await readBody(ctx.request)
    return name === ATTACH ? attach(ctx, body) : check(ctx, body)
  } catch (error) {
    if (error instanceof CustomApiError) return customApiError(error.status, error.code, error.message)
    throw error
  }
}

async function readBody(request: Request): Promise<Record<string, unknown>> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await request.text())
  } catch {
    throw new CustomApiError(400, '0x80048d19', 'The request body is not valid JSON.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CustomApiError(400, '0x80048d19', 'The request body must be a JSON object of the API’s parameters.')
  }
  return parsed as Record<string, unknown>
}

interface Target {
  entity: ErpEntity
  /** normalized JSON of the key fields, in catalogue order */
  recordKey: string
  refCompanyId: string
}

const stringParam = (body: Record<string, unknown>, name: string, required = true): string | undefined => {
  const value = body[name]
  if (value === undefined || value === null || value === '') {
    if (required) throw invalid(`The parameter '${name}' is required.`)
    return undefined
  }
  if (typeof value !== 'string') throw invalid(`The parameter '${name}' must be a string.`)
  return value
}

/** Finds the record the request names; the RefCompanyId follows IsTableGlobal, right or wrong. */
function resolveTarget(ctx: ErpRequestContext, body: Record<string, unknown>, api: string): Target {
  const known = new Set(['EntityName', 'RecordKey', 'DataAreaId', 'IsTableGlobal', 'FileName', 'ContentBytes', 'Notes'])
  for (const name of Object.keys(body)) {
    if (!known.has(name) || (name === 'Notes' && api === CHECK))
      throw invalid(`'${name}' is not a parameter of ${api}.`)
  }
  const entityName = stringParam(body, 'EntityName')!
  const entity = ctx.store.catalog.bySet(entityName)
  if (!entity)
    throw invalid(`The entity '${entityName}' does not exist. Give the entity set name, e.g. VendorInvoiceHeaders.`)
  if (typeof body.IsTableGlobal !== 'boolean')
    throw invalid("The parameter 'IsTableGlobal' is required and must be true or false.")
  const dataAreaId = stringParam(body, 'DataAreaId', entity.companySpecific || !body.IsTableGlobal)?.toLowerCase()
  if (dataAreaId !== undefined && !ctx.store.companies.some((c) => c.id === dataAreaId)) {
    throw invalid(
      `The company '${dataAreaId}' does not exist. Legal entities: ${ctx.store.companies.map((c) => c.id).join(', ')}.`,
    )
  }
  const keyText = stringParam(body, 'RecordKey')!
  let key: unknown
  try {
    key = JSON.parse(keyText)
  } catch {
    throw invalid(`'RecordKey' must be a JSON object of the key fields, e.g. {"${entity.keys[0]}":"…"}.`)
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) {
    throw invalid(`'RecordKey' must be a JSON object of the key fields, e.g. {"${entity.keys[0]}":"…"}.`)
  }
  const given = key as Record<string, unknown>
  const names = Object.keys(given).filter((name) => name !== 'dataAreaId')
  if (names.length !== entity.keys.length || !entity.keys.every((name) => name in given)) {
    throw invalid(
      `'RecordKey' of ${entity.entitySet} must hold exactly the key fields ${entity.keys.join(', ')} (without dataAreaId).`,
    )
  }
  const values: Record<string, ErpValue> = {}
  for (const name of entity.keys) {
    const value = given[name]
    if (typeof value !== 'string' && typeof value !== 'number')
      throw invalid(`The key field '${name}' in 'RecordKey' must be a string or a number.`)
    values[name] = value
  }
  let row: ReturnType<typeof ctx.store.get>
  try {
    row = ctx.store.get(entity.entitySet, dataAreaId ?? ctx.user.Company, values)
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error))
  }
  if (!row) {
    throw new CustomApiError(
      404,
      DOES_NOT_EXIST,
      `${entity.entitySet} record ${keyText}${entity.companySpecific ? ` in company '${dataAreaId}'` : ''} does not exist.`,
    )
  }
  // the record's own key values (as stored) make the reference, whatever case the caller used
  const recordKey = JSON.stringify(Object.fromEntries(entity.keys.map((name) => [name, row[name]])))
  const refCompanyId = body.IsTableGlobal ? GLOBAL_REF_COMPANY : (dataAreaId ?? ctx.user.Company)
  return { entity, recordKey, refCompanyId }
}

function fileName(body: Record<string, unknown>): string {
  const name = stringParam(body, 'FileName')!
  if (name.length > 255) throw invalid("'FileName' is longer than 255 characters.")
  if (/[\\/:*?"<>|]/.test(name) || [...name].some((ch) => ch.charCodeAt(0) < 32))
    throw invalid(`'FileName' contains characters a file name can't have: ${JSON.stringify(name)}.`)
  return name
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

/** Decodes ContentBytes, checking the size from the base64 length first and again after decoding. */
function decodeContent(body: Record<string, unknown>, required: boolean): Uint8Array | undefined {
  const raw = body.ContentBytes
  if (raw === undefined || raw === null || raw === '') {
    if (required) throw invalid("The parameter 'ContentBytes' is required: the file's content, base64-encoded.")
    return undefined
  }
  if (typeof raw !== 'string') throw invalid("'ContentBytes' must be a base64 string.")
  const padding = raw.endsWith('==') ? 2 : raw.endsWith('=') ? 1 : 0
  const estimate = Math.floor((raw.length * 3) / 4) - padding
  if (estimate > MAX_ATTACHMENT_BYTES) {
    throw invalid(
      `The file is too large: about ${estimate} bytes (estimated from the base64 length); the limit is ${MAX_ATTACHMENT_BYTES} bytes (15 MB).`,
    )
  }
  const compact = raw.replace(/\s+/g, '')
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) throw invalid("'ContentBytes' is not valid base64.")
  const content = new Uint8Array(Buffer.from(compact, 'base64'))
  if (content.byteLength > MAX_ATTACHMENT_BYTES) {
    throw invalid(
      `The file is too large: ${content.byteLength} bytes; the limit is ${MAX_ATTACHMENT_BYTES} bytes (15 MB).`,
    )
  }
  if (content.byteLength === 0) throw invalid('The file is empty.')
  return content
}

function attach(ctx: ErpRequestContext, body: Record<string, unknown>): Response {
  const name = fileName(body)
  const content = decodeContent(body, true)!
  const target = resolveTarget(ctx, body, ATTACH)
  const notes = stringParam(body, 'Notes', false) ?? ''
  const attachment = ctx.store.attachments.add({
    entityName: target.entity.entitySet,
    recordKey: target.recordKey,
    refCompanyId: target.refCompanyId,
    fileName: name,
    content,
    notes,
    createdBy: ctx.user.UserID,
  })
  return jsonResponse(
    {
      '@odata.context': `${ctx.baseUrl}${CUSTOM_API_PATH}/$metadata#Microsoft.Dynamics.CRM.${ATTACH}Response`,
      DocuRefRecId: attachment.DocuRefRecId,
      FileId: attachment.FileId,
      FileSize: attachment.FileSize,
    },
    200,
    { 'OData-Version': '4.0' },
  )
}

function check(ctx: ErpRequestContext, body: Record<string, unknown>): Response {
  const name = fileName(body)
  const content = decodeContent(body, false)
  const target = resolveTarget(ctx, body, CHECK)
  const hash = content ? sha256(content) : undefined
  const match = ctx.store.attachments
    .forRecord(target.entity.entitySet, target.refCompanyId, target.recordKey)
    .find((a) => a.FileName.toLowerCase() === name.toLowerCase() && (hash === undefined || a.ContentHash === hash))
  return jsonResponse(
    {
      '@odata.context': `${ctx.baseUrl}${CUSTOM_API_PATH}/$metadata#Microsoft.Dynamics.CRM.${CHECK}Response`,
      IsAttached: match !== undefined,
      DocuRefRecId: match?.DocuRefRecId ?? null,
    },
    200,
    { 'OData-Version': '4.0' },
  )
}
