// Salesforce errors ([{ message, errorCode, fields }], as jsforce surfaces them) turned into tool
// errors a model can act on: the org's own message, and a fix that names the next step.
import { ToolError, type ToolErrorCode } from '@bizmcp/core'

export interface SalesforceErrorItem {
  message: string
  errorCode: string
  fields?: string[]
}

/** jsforce's HttpApiError and OAuth errors carry errorCode / name and sometimes the raw body in `data`. */
export function decodeSalesforceError(error: unknown): SalesforceErrorItem | undefined {
  if (!(error instanceof Error)) return undefined
  const e = error as Error & { errorCode?: string; data?: unknown; fields?: string[] }
  const data = e.data as { fields?: unknown; errorCode?: unknown } | undefined
  const fields = Array.isArray(e.fields) ? e.fields : Array.isArray(data?.fields) ? (data.fields as string[]) : []
  if (typeof e.errorCode === 'string') return { message: e.message, errorCode: e.errorCode, fields }
  if (/^[a-z_]+$/.test(e.name) && e.name !== 'error') return { message: e.message, errorCode: e.name, fields }
  return undefined
}

interface Mapping {
  code: ToolErrorCode
  fix: (item: SalesforceErrorItem) => string
}

const fieldNames = (item: SalesforceErrorItem) => (item.fields?.length ? item.fields.join(', ') : 'the field')

const MAPPINGS: Record<string, Mapping> = {
  INVALID_SESSION_ID: {
    code: 'Unauthorized',
    fix: () =>
      'The Salesforce session expired or was revoked. Ask the operator to re-authenticate (new token, or a refresh token / client credentials so the server can renew it).',
  },
  REQUEST_LIMIT_EXCEEDED: {
    code: 'RateLimited',
    fix: () =>
      "The org's API request allowance (rolling 24 hours) is used up. Stop calling Salesforce for now; retry later, or ask an admin to raise the limit. Combine work with executeComposite or executeBatch to use fewer calls.",
  },
  NOT_FOUND: { code: 'NotFound', fix: () => 'Check the record id (e.g. find it with executeQuery) and try again.' },
  ENTITY_IS_DELETED: {
    code: 'NotFound',
    fix: () => 'The record was deleted; find a current record with executeQuery.',
  },
  MALFORMED_ID: {
    code: 'InvalidInput',
    fix: (i) => `Pass a 15- or 18-character Salesforce id in ${fieldNames(i)}.`,
  },
  INVALID_CROSS_REFERENCE_KEY: {
    code: 'InvalidInput',
    fix: (i) => `${fieldNames(i)} points to a record that does not exist or has the wrong type; look up the id first.`,
  },
  INVALID_FIELD: {
    code: 'InvalidInput',
    fix: () => 'Use field API names as the org defines them (custom fields end in __c); remove or correct the field.',
  },
  INVALID_FIELD_FOR_INSERT_UPDATE: {
    code: 'InvalidInput',
    fix: (i) => `Leave out ${fieldNames(i)}: it is read-only for this user or operation.`,
  },
  REQUIRED_FIELD_MISSING: { code: 'InvalidInput', fix: (i) => `Provide ${fieldNames(i)} and call again.` },
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: {
    code: 'InvalidInput',
    fix: (i) =>
      `Use one of the org's picklist values for ${fieldNames(i)} (query them, e.g. SELECT ApiName FROM OpportunityStage, or LeadStatus).`,
  },
  STRING_TOO_LONG: { code: 'InvalidInput', fix: (i) => `Shorten ${fieldNames(i)} to its maximum length.` },
  JSON_PARSER_ERROR: {
    code: 'InvalidInput',
    fix: (i) => `Give ${fieldNames(i)} a value of the field's type (number, true/false, YYYY-MM-DD date, text).`,
  },
  MALFORMED_QUERY: {
    code: 'InvalidInput',
    fix: () => 'Correct the SOQL syntax (SELECT fields FROM Object WHERE …); SOQL has no SELECT * and no JOIN.',
  },
  INVALID_TYPE: {
    code: 'InvalidInput',
    fix: () => 'Use an sObject API name this org has and this user can see (custom objects end in __c).',
  },
  INVALID_QUERY_FILTER_OPERATOR: {
    code: 'InvalidInput',
    fix: () => 'Correct the WHERE clause: compare ids and picklists with =, IN, and quote text values.',
  },
  INVALID_QUERY_LOCATOR: {
    code: 'InvalidCursor',
    fix: () => 'The query cursor expired on the Salesforce side; run the query again without cursor.',
  },
  FIELD_CUSTOM_VALIDATION_EXCEPTION: {
    code: 'ValidationRuleFailed',
    fix: () =>
      "An org validation rule refused the change. Change the values to satisfy the rule's message, or ask the user to make the change in Salesforce.",
  },
  FIELD_INTEGRITY_EXCEPTION: {
    code: 'ValidationRuleFailed',
    fix: () => 'The org refused the value; correct it as the message says.',
  },
  DUPLICATE_VALUE: { code: 'Conflict', fix: () => 'Use the existing record named in the message, or a unique value.' },
  DUPLICATES_DETECTED: {
    code: 'Conflict',
    fix: () => "The org's duplicate rules found a matching record; use it (search with executeQuery) instead.",
  },
  UNABLE_TO_LOCK_ROW: { code: 'Conflict', fix: () => 'Another process holds the record; retry in a few seconds.' },
  INSUFFICIENT_ACCESS_OR_READONLY: {
    code: 'Forbidden',
    fix: () => 'This Salesforce user may not change the record; ask an admin for access or use another record.',
  },
  INSUFFICIENT_ACCESS: { code: 'Forbidden', fix: () => 'This Salesforce user lacks access; ask an admin.' },
  API_DISABLED_FOR_ORG: {
    code: 'Forbidden',
    fix: () => 'The org or user has no API access (needs an edition with API and the "API Enabled" permission).',
  },
  CANNOT_UPDATE_CONVERTED_LEAD: {
    code: 'Conflict',
    fix: () => 'The lead is converted; update its account, contact or opportunity instead.',
  },
}

export function salesforceToolError(item: SalesforceErrorItem, status?: number): ToolError {
  const mapping =
    MAPPINGS[item.errorCode] ?? MAPPINGS[item.errorCode.replace(/^INSUFFICIENT_ACCESS.*/, 'INSUFFICIENT_ACCESS')]
  const unavailable = /^ERROR_HTTP_5\d\d$/.test(item.errorCode) || (status !== undefined && status >= 500)
  return new ToolError({
    code: mapping?.code ?? (unavailable ? 'VendorUnavailable' : 'VendorError'),
    message: `Salesforce ${item.errorCode}: ${item.message}`,
    fix:
      mapping?.fix(item) ??
      (unavailable
        ? 'Salesforce is unavailable; retry in a minute.'
        : 'Read the message from Salesforce and correct the request.'),
    details: { errorCode: item.errorCode, ...(item.fields?.length ? { fields: item.fields } : {}) },
  })
}

/** Any error from jsforce as a ToolError; ToolErrors and aborts pass through. */
export function toSalesforceToolError(error: unknown): unknown {
  if (error instanceof ToolError) return error
  const item = decodeSalesforceError(error)
  if (item) return salesforceToolError(item)
  if (error instanceof Error && /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket/i.test(error.message)) {
    return new ToolError({
      code: 'VendorUnavailable',
      message: `Could not reach Salesforce: ${error.message}`,
      fix: 'Check the instance URL and network, then retry.',
    })
  }
  return error
}
