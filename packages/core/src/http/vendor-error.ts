// A failed vendor call, with what the vendor said. Products map these to tool errors with
// their own vocabulary; `toToolErrorFromVendor` is the generic mapping by HTTP status.
import { ToolError } from '../tool-error.js'

export interface VendorErrorInit {
  status: number
  message: string
  /** the vendor's own error code, e.g. Dataverse's 0x80040217 or Salesforce's INVALID_FIELD */
  vendorCode?: string
  retryAfterSeconds?: number
  body?: unknown
  method?: string
  url?: string
  cause?: unknown
}

export class VendorError extends Error {
  readonly status: number
  readonly vendorCode?: string
  readonly retryAfterSeconds?: number
  readonly body?: unknown
  readonly method?: string
  readonly url?: string

  constructor(init: VendorErrorInit) {
    super(init.message, init.cause ? { cause: init.cause } : undefined)
    this.name = 'VendorError'
    this.status = init.status
    if (init.vendorCode !== undefined) this.vendorCode = init.vendorCode
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds
    if (init.body !== undefined) this.body = init.body
    if (init.method !== undefined) this.method = init.method
    if (init.url !== undefined) this.url = init.url
  }
}

/** status 0 marks failures with no HTTP answer: timeouts and network errors */
export const NO_RESPONSE = 0

export function toolErrorFromVendor(error: VendorError, vendor: string): ToolError {
  const details = {
    status: error.status,
    ...(error.vendorCode ? { vendorCode: error.vendorCode } : {}),
    ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  }
  const said = `${vendor} said: ${error.message}`
  switch (true) {
    case error.status === NO_RESPONSE && error.vendorCode === 'Timeout':
      return new ToolError({
        code: 'Timeout',
        message: `${vendor} did not answer in time. ${error.message}`,
        fix: 'Retry once; if it times out again, narrow the request (a filter, fewer rows or columns).',
        details,
      })
    case error.status === NO_RESPONSE:
      return new ToolError({
        code: 'VendorUnavailable',
        message: `${vendor} could not be reached: ${error.message}`,
        fix: 'Check the service URL and network, then retry.',
        details,
      })
    case error.status === 401:
      return new ToolError({
        code: 'Unauthorized',
        message: `${vendor} rejected the credentials. ${said}`,
        fix: 'The server operator must check the configured credentials; retrying will not help.',
        details,
      })
    case error.status === 403:
      return new ToolError({
        code: 'Forbidden',
        message: `The signed-in identity lacks permission. ${said}`,
        fix: 'Ask an administrator for the needed privilege, or use a record or table this identity can access.',
        details,
      })
    case error.status === 404:
      return new ToolError({
        code: 'NotFound',
        message: said,
        fix: 'Check the id or name; list or search first to find one that exists.',
        details,
      })
    case error.status === 409 || error.status === 412:
      return new ToolError({
        code: 'Conflict',
        message: said,
        fix: 'Read the record again to get its current state, then retry the change.',
        details,
      })
    case error.status === 429:
      return new ToolError({
        code: 'RateLimited',
        message: `${vendor} is throttling requests. ${said}`,
        fix: `Wait ${error.retryAfterSeconds ?? 30} seconds before calling again.`,
        details,
      })
    case error.status >= 500:
      return new ToolError({
        code: 'VendorUnavailable',
        message: `${vendor} failed (HTTP ${error.status}). ${said}`,
        fix: 'Retry in a little while; if it keeps failing, the vendor service has a problem.',
        details,
      })
    default:
      return new ToolError({
        code: 'VendorError',
        message: said,
        fix: 'Correct the request as the message says and try again.',
        details,
      })
  }
}
