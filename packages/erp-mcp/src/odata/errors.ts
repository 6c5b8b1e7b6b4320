// finance & operations' error bodies — `{"error":{"code":"","message":"…","innererror":{"message",
// "type","stacktrace"}}}` — read into messages, and failures mapped to tool errors whose fix names
// the next step: the tool that finds an entity set or field, the key to check, the role to ask for.
import { ToolError, toolErrorFromVendor, VendorError } from '@bizmcp/core'

export const VENDOR = 'Finance & operations'

interface ErrorBody {
  error?: {
    code?: string
    message?: string
    innererror?: { message?: string; type?: string; internalexception?: { message?: string } }
  }
  Message?: string
}

const GENERIC = /^(An error has occurred\.?|An error occurred while processing this request\.?)$/i

/** The vendor's words, without stack traces: the inner message is F&O's Infolog text. */
export function decodeErpError(status: number, body: unknown, text: string): { message: string; vendorCode?: string } {
  const parsed = (body && typeof body === 'object' ? body : {}) as ErrorBody
  const error = parsed.error
  const outer = error?.message?.trim()
  const inner = (error?.innererror?.message ?? error?.innererror?.internalexception?.message)?.trim()
  let message: string
  if (outer && inner && inner !== outer) message = GENERIC.test(outer) ? inner : `${outer} ${inner}`
  else message = outer || inner || parsed.Message || text.slice(0, 500) || `HTTP ${status}`
  const type = error?.innererror?.type?.split('.').slice(-1)[0]
  const vendorCode = error?.code || type
  return { message, ...(vendorCode ? { vendorCode } : {}) }
}

export interface ErrorContext {
  entitySet?: string
  /** the record's key as text, when the request addressed one record */
  key?: string
  company?: string
}

const UNKNOWN_RESOURCE =
  /No HTTP resource was found|Resource not found for the segment|not found for the segment|No route/i
const UNKNOWN_PROPERTY =
  /Could not find a property named '([^']+)'|property '([^']+)' (?:does not exist|is not defined|not found)|unknown (?:field|property) '?([A-Za-z_]\w*)/i

/** A failed call as a tool error; ToolErrors (e.g. from the token provider) pass through. */
export function erpToolError(error: unknown, context: ErrorContext = {}): unknown {
  if (!(error instanceof VendorError)) return error
  const details = {
    status: error.status,
    ...(error.vendorCode ? { vendorCode: error.vendorCode } : {}),
    ...(context.entitySet ? { entitySet: context.entitySet } : {}),
  }
  const said = `${VENDOR} said: ${error.message}`
  const entity = context.entitySet ?? 'the entity'
  const property = UNKNOWN_PROPERTY.exec(error.message)
  if (property && (error.status === 400 || error.status === 404)) {
    const name = property[1] ?? property[2] ?? property[3]
    return new ToolError({
      code: 'InvalidInput',
      message: `${entity} has no field '${name}'. ${said}`,
      fix: `Call data_get_entity_metadata with entitySet '${entity}' for its field names (case-sensitive) and use one of them.`,
      details: { ...details, field: name },
    })
  }
  if (error.status === 404 && (!context.key || UNKNOWN_RESOURCE.test(error.message))) {
    return new ToolError({
      code: 'NotFound',
      message: `${VENDOR} has no entity set '${entity}'. ${said}`,
      fix: 'Call data_find_entity_type with keywords to find the entity set name (plural and case-sensitive, e.g. CustomersV3).',
      details,
    })
  }
  if (error.status === 404) {
    return new ToolError({
      code: 'NotFound',
      message: `No ${entity} record ${context.key}${context.company ? ` in company ${context.company}` : ''}. ${said}`,
      fix: 'Check the key values and the company (dataAreaId); find the record with data_find_entities first.',
      details,
    })
  }
  if (error.status === 401) {
    return new ToolError({
      code: 'Unauthorized',
      message: `${VENDOR} rejected the token. ${said}`,
      fix: 'The server operator must check ERP_URL and the credentials: the app or user needs a token for {ERP_URL}/.default and must be registered in finance & operations (Microsoft Entra applications, mapped to a user). Retrying will not help.',
      details,
    })
  }
  if (error.status === 403) {
    return new ToolError({
      code: 'Forbidden',
      message: `The signed-in user may not do this${context.entitySet ? ` on ${context.entitySet}` : ''}. ${said}`,
      fix: 'Ask a finance & operations administrator for a security role that grants it, or work in a company or entity this user can access.',
      details,
    })
  }
  if (error.status === 400 || error.status === 409 || error.status === 412 || error.status === 422) {
    return new ToolError({
      code: error.status === 409 || error.status === 412 ? 'Conflict' : 'VendorError',
      message: said,
      fix: 'Correct the request as the message says; data_get_entity_metadata shows field types, mandatory and read-only fields.',
      details,
    })
  }
  return toolErrorFromVendor(error, VENDOR)
}
