// Parses entity references such as `/accounts(<guid>)`, absolute URLs and `$1` Content-ID references.

import type { RequestContext } from '../context.js'
import { badRequest, ErrorCodes, recordNotFound, segmentNotFound } from '../errors.js'
import type { TableModel } from '../model.js'
import { isGuid } from '../store/values.js'

export interface EntityReference {
  table: TableModel
  id: string
}

const REFERENCE = /^\/?([A-Za-z0-9_]+)\((\{?[0-9a-fA-F-]{36}\}?)\)$/

export function parseEntityReference(ctx: RequestContext, raw: string): EntityReference {
  let text = raw.trim()
  const contentId = /^\$([A-Za-z0-9_-]+)$/.exec(text)
  if (contentId) {
    const resolved = ctx.contentIds?.get(contentId[1] as string)
    if (!resolved)
      throw badRequest(
        ErrorCodes.invalidArgument,
        `The Content-ID reference '${text}' does not match a request earlier in the change set.`,
      )
    text = resolved
  }
  const base = ctx.apiBase.replace(/\/$/, '')
  if (text.startsWith(base)) text = text.slice(base.length)
  else if (/^https?:\/\//.test(text)) text = new URL(text).pathname.replace(/^.*\/api\/data\/v9\.\d/, '')
  const m = REFERENCE.exec(text)
  if (!m)
    throw badRequest(
      ErrorCodes.invalidArgument,
      `The entity reference '${raw}' is not valid. Expected a form like '/accounts(00000000-0000-0000-0000-000000000000)'.`,
    )
  const table = ctx.model.bySet.get(m[1] as string)
  if (!table) throw segmentNotFound(m[1] as string)
  const id = (m[2] as string).replace(/^\{|\}$/g, '').toLowerCase()
  if (!isGuid(id)) throw badRequest(ErrorCodes.invalidArgument, `'${m[2]}' is not a valid GUID.`)
  return { table, id }
}

export function requireRecord(ctx: RequestContext, ref: EntityReference): void {
  if (!ctx.store.get(ref.table, ref.id)) throw recordNotFound(ref.table.def.logicalName, ref.id)
}
