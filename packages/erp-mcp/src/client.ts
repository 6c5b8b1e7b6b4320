// The Finance & operations API client, on core's HTTP client (timeouts, retries, cancellation).
// Replace the record endpoints with the vendor's real API; keep errors mapped to tool errors.
import {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  toolErrorFromVendor,
  VendorError,
} from '@bizmcp/core'

export interface ErpRecord {
  id: string
  name: string
  createdOn: string
}

export interface ErpClient {
  listRecords(options: {
    top: number
    skip: number
    signal?: AbortSignal
  }): Promise<{ records: ErpRecord[]; total: number }>
  getRecord(id: string, signal?: AbortSignal): Promise<ErpRecord>
}

export function createErpClient(options: Partial<HttpClientOptions> & { baseUrl: string }): ErpClient {
  const http: HttpClient = createHttpClient({
    decodeError: (_status, body) => {
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error
      return { message: error?.message ?? 'unknown error', ...(error?.code ? { vendorCode: error.code } : {}) }
    },
    ...options,
  })
  const call = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work()
    } catch (error) {
      throw error instanceof VendorError ? toolErrorFromVendor(error, 'Finance & operations') : error
    }
  }
  return {
    listRecords: ({ top, skip, signal }) =>
      call(async () => {
        const page = await http.get<{ value: ErpRecord[]; total: number }>('api/records', {
          query: { top, skip },
          ...(signal ? { signal } : {}),
        })
        return { records: page.value, total: page.total }
      }),
    getRecord: (id, signal) =>
      call(() => http.get<ErpRecord>(`api/records/${encodeURIComponent(id)}`, signal ? { signal } : {})),
  }
}
