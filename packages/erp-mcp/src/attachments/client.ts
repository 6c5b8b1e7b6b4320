// The two Dataverse custom APIs that attach files to finance & operations records (document
// references): McpIsFileAlreadyAttachedToRecord and McpAttachFileToRecordCustomAPI. They live on
// the Dataverse environment linked to finance & operations (ERP_DATAVERSE_URL), with its own token
// scope; on the sandbox the erp emulator answers them itself.
import {
  createHttpClient,
  type FetchLike,
  type HttpClientOptions,
  type TokenProvider,
  ToolError,
  toolErrorFromVendor,
  VendorError,
} from '@bizmcp/core'

export const CHECK_API = 'McpIsFileAlreadyAttachedToRecord'
export const ATTACH_API = 'McpAttachFileToRecordCustomAPI'

/** DocuParameters' file-system limit: 15 MB */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024

export interface AttachmentTarget {
  /** entity set of the record, e.g. VendorInvoiceHeaders */
  entityName: string
  /** JSON of the record's key fields without dataAreaId */
  recordKey: string
  dataAreaId: string
  isTableGlobal: boolean
  fileName: string
}

export interface ErpAttachments {
  /** the Dataverse environment URL, when configured */
  readonly url: string | undefined
  isAttached(
    target: AttachmentTarget & { contentBytes?: string },
    signal?: AbortSignal,
  ): Promise<{ isAttached: boolean; docuRefRecId?: number }>
  attach(
    target: AttachmentTarget & { contentBytes: string; notes?: string },
    signal?: AbortSignal,
  ): Promise<{ docuRefRecId: number; fileId: string; fileSize: number }>
}

export interface AttachmentClientOptions {
  /** the linked Dataverse environment, e.g. https://contoso.crm.dynamics.com; undefined when not configured */
  url: string | undefined
  token?: TokenProvider
  fetch?: FetchLike
  http?: Partial<HttpClientOptions>
}

function notConfigured(): ToolError {
  return new ToolError({
    code: 'NotConfigured',
    message:
      'Attachments go through Dataverse custom APIs on the Dataverse environment linked to finance & operations, and ERP_DATAVERSE_URL is not set.',
    fix: 'The server operator must set ERP_DATAVERSE_URL (e.g. https://contoso.crm.dynamics.com) with credentials for it; until then attach files in finance & operations itself.',
  })
}

function attachmentError(error: unknown, api: string): unknown {
  if (!(error instanceof VendorError)) return error
  const details = { status: error.status, api, ...(error.vendorCode ? { vendorCode: error.vendorCode } : {}) }
  if (error.status === 404 && !/record|entity|not attached/i.test(error.message)) {
    return new ToolError({
      code: 'NotFound',
      message: `The custom API ${api} is not available on the linked Dataverse environment. Dataverse said: ${error.message}`,
      fix: 'The server operator must check ERP_DATAVERSE_URL and that the finance & operations MCP attachment APIs are installed there.',
      details,
    })
  }
  if (error.status === 400 || error.status === 404 || error.status === 413) {
    return new ToolError({
      code: error.status === 413 ? 'InvalidInput' : 'VendorError',
      message: `${api} refused the request: ${error.message}`,
      fix: 'Correct the record key, company or file as the message says and try again.',
      details,
    })
  }
  return toolErrorFromVendor(error, 'Dataverse')
}

export function createAttachmentClient(options: AttachmentClientOptions): ErpAttachments {
  const url = options.url?.replace(/\/+$/, '')
  const http = url
    ? createHttpClient({
        userAgent: 'bizmcp-erp-mcp',
        ...options.http,
        baseUrl: `${url}/api/data/v9.2/`,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.token ? { token: options.token } : {}),
        headers: { 'OData-MaxVersion': '4.0', 'OData-Version': '4.0', ...options.http?.headers },
        decodeError: (status, body, text) => {
          const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error
          return {
            message: error?.message ?? (text.slice(0, 500) || `HTTP ${status}`),
            ...(error?.code ? { vendorCode: error.code } : {}),
          }
        },
      })
    : undefined

  const post = async <T>(api: string, body: Record<string, unknown>, idempotent: boolean, signal?: AbortSignal) => {
    if (!http) throw notConfigured()
    try {
      return (await http.post<T>(api, body, { idempotent, ...(signal ? { signal } : {}) })).body
    } catch (error) {
      throw attachmentError(error, api)
    }
  }

  const targetBody = (target: AttachmentTarget) => ({
    EntityName: target.entityName,
    RecordKey: target.recordKey,
    DataAreaId: target.dataAreaId,
    IsTableGlobal: target.isTableGlobal,
    FileName: target.fileName,
  })

  return {
    url,
    async isAttached(target, signal) {
      const body = await post<{ IsAttached?: boolean; DocuRefRecId?: number | string }>(
        CHECK_API,
        { ...targetBody(target), ...(target.contentBytes ? { ContentBytes: target.contentBytes } : {}) },
        true,
        signal,
      )
      const recId = Number(body?.DocuRefRecId)
      return {
        isAttached: body?.IsAttached === true,
        ...(body?.IsAttached === true && Number.isFinite(recId) && recId > 0 ? { docuRefRecId: recId } : {}),
      }
    },
    async attach(target, signal) {
      // not retried on a lost answer: the API does not refuse duplicates itself
      const body = await post<{ DocuRefRecId?: number | string; FileId?: string; FileSize?: number | string }>(
        ATTACH_API,
        {
          ...targetBody(target),
          ContentBytes: target.contentBytes,
          ...(target.notes ? { Notes: target.notes } : {}),
        },
        false,
        signal,
      )
      return {
        docuRefRecId: Number(body?.DocuRefRecId),
        fileId: String(body?.FileId ?? ''),
        fileSize: Number(body?.FileSize ?? 0),
      }
    },
  }
}
