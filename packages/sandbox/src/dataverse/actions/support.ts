// Helpers shared by the emulated actions.

import type { RequestContext } from '../context.js'
import { badRequest, ErrorCodes, recordNotFound } from '../errors.js'
import type { TableModel } from '../model.js'
import type { Row } from '../store/store.js'
import { isGuid } from '../store/values.js'

export function requireTable(ctx: RequestContext, action: string, logicalName: string): TableModel {
  const table = ctx.model.table(logicalName)
  if (!table) {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `The action '${action}' needs the table '${logicalName}', which this environment doesn't have.`,
    )
  }
  return table
}

export function requireRow(ctx: RequestContext, table: TableModel, id: string): Row {
  const row = ctx.store.get(table, id)
  if (!row) throw recordNotFound(table.def.logicalName, id)
  return row
}

export function requireParameter<T>(
  body: Record<string, unknown>,
  name: string,
  type: 'boolean' | 'number' | 'object',
  action: string,
): T {
  const value = body[name]
  if (value === undefined || value === null) {
    throw badRequest(ErrorCodes.invalidArgument, `The parameter '${name}' of the action '${action}' is required.`)
  }
  if (typeof value !== type || Array.isArray(value)) {
    throw badRequest(
      ErrorCodes.invalidPayload,
      `The parameter '${name}' of the action '${action}' must be of type ${type}.`,
    )
  }
  return value as T
}

/** An entity-typed parameter `{ "@odata.type": "Microsoft.Dynamics.CRM.account", "accountid": "…" }`. */
export function entityParameter(
  ctx: RequestContext,
  value: unknown,
  name: string,
): { table: TableModel; id: string } | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object')
    throw badRequest(ErrorCodes.invalidPayload, `The parameter '${name}' must be an entity.`)
  const record = value as Record<string, unknown>
  const type = String(record['@odata.type'] ?? '').replace(/^#?Microsoft\.Dynamics\.CRM\./, '')
  const table = ctx.model.table(type)
  if (!table)
    throw badRequest(
      ErrorCodes.invalidPayload,
      `The parameter '${name}' needs an '@odata.type' naming a table, e.g. 'Microsoft.Dynamics.CRM.account'.`,
    )
  const id = record[table.def.primaryIdAttribute]
  if (!isGuid(id))
    throw badRequest(
      ErrorCodes.invalidPayload,
      `The parameter '${name}' needs '${table.def.primaryIdAttribute}' as a GUID.`,
    )
  requireRow(ctx, table, id.toLowerCase())
  return { table, id: id.toLowerCase() }
}

/** The entity reference JSON an action returns for a created record. */
export const entityResult = (table: TableModel, id: string) => ({
  '@odata.type': `#Microsoft.Dynamics.CRM.${table.def.logicalName}`,
  [table.def.primaryIdAttribute]: id,
})

export const bindTo = (table: TableModel, id: string) => `/${table.def.entitySetName}(${id})`

/** Copies the values of attributes both tables have (lead → account/contact/opportunity). */
export function copyAttributes(from: Row, to: TableModel, map: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [source, target] of Object.entries(map)) {
    const attr = to.attributes.get(target)
    if (attr && attr.isValidForCreate !== false && from[source] !== null && from[source] !== undefined)
      out[target] = from[source]
  }
  return out
}

export function requireOpen(table: TableModel, row: Row, message: string): void {
  if (table.attributes.has('statecode') && row.statecode !== 0) throw badRequest(ErrorCodes.invalidState, message)
}

export function validStatus(table: TableModel, state: number, status: number, action: string): void {
  const option = table.attributes.get('statuscode')?.options?.find((o) => o.value === status)
  if (!option || (option.state !== undefined && option.state !== state)) {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `${status} is not a valid status code for state code ${state} of ${table.def.logicalName} (action '${action}').`,
    )
  }
}
