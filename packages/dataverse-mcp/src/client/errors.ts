// Dataverse error bodies (`{"error":{"code":"0x…","message":"…"}}`) to tool errors whose fix
// names the next step in terms of this server's tools.
import { ToolError, toolErrorFromVendor, VendorError } from '@bizmcp/core'
import { closestNames, quoteList } from './names.js'

export function decodeDataverseError(
  status: number,
  body: unknown,
  text: string,
): { message: string; vendorCode?: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error
  if (error && typeof error === 'object') {
    const message = typeof error.message === 'string' && error.message ? error.message : `HTTP ${status}`
    return { message, ...(typeof error.code === 'string' && error.code ? { vendorCode: error.code } : {}) }
  }
  return { message: text.slice(0, 500) || `HTTP ${status}` }
}

/** Dataverse codes whose meaning is more precise than the HTTP status. */
const FIXES: Record<string, { code?: string; fix: string }> = {
  '0x80040217': {
    code: 'NotFound',
    fix: 'Check the table and id; find the record with read_query or search_data first.',
  },
  '0x80060888': { code: 'InvalidInput', fix: 'Check the column names with describe_table and correct the request.' },
  '0x80048d19': {
    code: 'InvalidInput',
    fix: 'A value has the wrong type for its column; check the column types with describe_table.',
  },
  '0x80044331': {
    code: 'InvalidInput',
    fix: 'A value is out of range or too long; check the column limits with describe_table.',
  },
  '0x80040237': { code: 'Conflict', fix: 'A record with the same key already exists; update that record instead.' },
  '0x80044363': { code: 'Conflict', fix: 'That name is already used; choose another schema name.' },
  '0x80047013': {
    code: 'InvalidInput',
    fix: 'Use a schema name of letters, digits and underscores that starts with the publisher prefix, e.g. new_Project.',
  },
  '0x80041102': { code: 'InvalidInput', fix: 'Check the table name with list_tables.' },
  '0x80041103': { code: 'InvalidInput', fix: 'Check the column names with describe_table.' },
}

export function dataverseToolError(error: VendorError): ToolError {
  const generic = toolErrorFromVendor(error, 'Dataverse')
  const specific = error.vendorCode ? FIXES[error.vendorCode.toLowerCase()] : undefined
  if (!specific || error.status === 429 || error.status >= 500 || error.status === 401 || error.status === 403)
    return generic
  return new ToolError({
    code: specific.code ?? generic.code,
    message: generic.message,
    fix: specific.fix,
    ...(generic.details ? { details: generic.details } : {}),
  })
}

/** Rethrows vendor errors as tool errors; anything else unchanged. */
export function rethrow(error: unknown): never {
  throw error instanceof VendorError ? dataverseToolError(error) : error
}

export function unknownTable(name: string, candidates: string[]): ToolError {
  const close = closestNames(name, candidates)
  return new ToolError({
    code: 'NotFound',
    message: `Dataverse has no table '${name}'.${close.length ? ` Closest: ${quoteList(close)}.` : ''}`,
    fix: close.length
      ? `Use one of ${quoteList(close)} (logical names), or call list_tables to see all tables.`
      : 'Call list_tables to see the tables.',
    details: { table: name, suggestions: close },
  })
}

export function unknownColumn(table: string, column: string, candidates: string[]): ToolError {
  const close = closestNames(column, candidates)
  return new ToolError({
    code: 'InvalidInput',
    message: `Table '${table}' has no column '${column}'.${close.length ? ` Closest: ${quoteList(close)}.` : ''}`,
    fix: `Use a column logical name${close.length ? ` such as ${quoteList(close)}` : ''}; describe_table lists the columns of '${table}'.`,
    details: { table, column, suggestions: close },
  })
}

export function invalidGuid(what: string, value: string): ToolError {
  return new ToolError({
    code: 'InvalidInput',
    message: `${what} '${value}' is not a GUID.`,
    fix: 'Pass the record id as a GUID like 00000000-0000-0000-0000-000000000000, e.g. from read_query or search_data.',
  })
}
