// Turns stored rows into Web API JSON: `@odata.etag`, properties (lookups as `_x_value`) and,
// when requested, formatted values and lookup annotations.

import {
  ASSOCIATED_NAVIGATION,
  annotationMatcher,
  FORMATTED,
  formatValue,
  LOOKUP_LOGICAL_NAME,
} from '../annotations.js'
import type { RequestContext } from '../context.js'
import { isLookupType, type TableModel } from '../model.js'
import { propertyName, resolveProperty } from '../odata/properties.js'
import type { AttributeDefinition } from '../schema/types.js'
import { lookupTableColumn, quote } from '../store/columns.js'
import type { Row } from '../store/store.js'
import { fromDb } from '../store/values.js'

export const etagOf = (row: Row) => `W/"${String(row.versionnumber ?? 0)}"`

export class RecordSerializer {
  private readonly names = new Map<string, string | null>()
  readonly annotate: (name: string) => boolean

  constructor(private readonly ctx: RequestContext) {
    this.annotate = annotationMatcher(ctx.prefs.includeAnnotations)
  }

  /** Attributes to output for a $select list (validated), or all attributes. */
  attributesFor(table: TableModel, select?: string[]): AttributeDefinition[] {
    if (!select) return table.def.attributes
    const attrs = select.map((name) => resolveProperty(table, name))
    const pk = table.attributes.get(table.def.primaryIdAttribute)
    if (pk && !attrs.includes(pk)) attrs.push(pk)
    return attrs
  }

  record(table: TableModel, row: Row, attrs: AttributeDefinition[]): Record<string, unknown> {
    const out: Record<string, unknown> = { '@odata.etag': etagOf(row) }
    for (const attr of attrs) this.property(out, table, attr, row)
    return out
  }

  private property(out: Record<string, unknown>, table: TableModel, attr: AttributeDefinition, row: Row): void {
    const name = propertyName(attr)
    const value = fromDb(attr, row[attr.logicalName])
    if (isLookupType(attr.type) && value !== null) {
      const target = (row[lookupTableColumn(attr.logicalName)] as string | null) ?? attr.targets?.[0] ?? null
      if (this.annotate(FORMATTED) && target) {
        const display = this.lookupName(target, String(value))
        if (display !== null) out[`${name}@${FORMATTED}`] = display
      }
      if (this.annotate(ASSOCIATED_NAVIGATION)) {
        const nav = this.ctx.model.navigationFor(table, attr.logicalName, target)
        out[`${name}@${ASSOCIATED_NAVIGATION}`] = nav?.name ?? attr.logicalName
      }
      if (this.annotate(LOOKUP_LOGICAL_NAME) && target) out[`${name}@${LOOKUP_LOGICAL_NAME}`] = target
    } else if (this.annotate(FORMATTED)) {
      const formatted = formatValue(attr, value)
      if (formatted !== undefined) out[`${name}@${FORMATTED}`] = formatted
    }
    out[name] = value
  }

  /** The primary name of a referenced record, cached for the request. */
  lookupName(tableName: string, id: string): string | null {
    const key = `${tableName}:${id}`
    const cached = this.names.get(key)
    if (cached !== undefined) return cached
    const target = this.ctx.model.table(tableName)
    let name: string | null = null
    if (target?.attributes.has(target.def.primaryNameAttribute)) {
      const sql = `SELECT ${quote(target.def.primaryNameAttribute)} AS n FROM ${quote(target.def.logicalName)} WHERE ${quote(target.def.primaryIdAttribute)} = ?`
      const row = this.ctx.store.all(sql, [id])[0]
      name = (row?.n as string | null | undefined) ?? null
    }
    this.names.set(key, name)
    return name
  }
}
