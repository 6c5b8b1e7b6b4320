// $apply: filter(...) steps followed by one groupby(...) or aggregate(...), compiled to GROUP BY SQL.

import type { SQLInputValue } from 'node:sqlite'
import { FORMATTED, formatValue } from '../annotations.js'
import type { RequestContext } from '../context.js'
import { querySyntaxError } from '../errors.js'
import type { TableModel } from '../model.js'
import { RecordSerializer } from '../records/serialize.js'
import type { AttributeDefinition } from '../schema/types.js'
import { quote } from '../store/columns.js'
import { fromDb } from '../store/values.js'
import { contextUrl, filterScope } from './collection-query.js'
import type { FilterNode } from './filter-parser.js'
import { compileFilter } from './filter-sql.js'
import { propertyName, resolveProperty } from './properties.js'
import type { AggregateItem, ApplyStep } from './query-options.js'

const NUMERIC = new Set(['Integer', 'BigInt', 'Decimal', 'Double', 'Money'])
const SQL_FN: Record<string, string> = { sum: 'SUM', average: 'AVG', min: 'MIN', max: 'MAX' }

/** Splits the steps into filters and the final grouping; undefined when $apply only filters. */
export function applyGrouping(steps: ApplyStep[]): {
  filters: FilterNode[]
  grouping?: Exclude<ApplyStep, { kind: 'filter' }>
} {
  const filters: FilterNode[] = []
  let grouping: Exclude<ApplyStep, { kind: 'filter' }> | undefined
  for (const step of steps) {
    if (grouping)
      throw querySyntaxError('$apply: only filter() may come before groupby() or aggregate(), and nothing after them.')
    if (step.kind === 'filter') filters.push(step.filter)
    else grouping = step
  }
  return { filters, grouping }
}

function aggregateSql(table: TableModel, item: AggregateItem): { sql: string; attr?: AttributeDefinition } {
  if (item.method === 'count') return { sql: 'COUNT(*)' }
  const attr = resolveProperty(table, item.property as string)
  const col = `t0.${quote(attr.logicalName)}`
  if (item.method === 'countdistinct') return { sql: `COUNT(DISTINCT ${col})`, attr }
  const allowed =
    item.method === 'min' || item.method === 'max'
      ? NUMERIC.has(attr.type) || attr.type === 'DateTime'
      : NUMERIC.has(attr.type)
  if (!allowed)
    throw querySyntaxError(`The aggregate '${item.method}' is not valid for '${item.property}' of type ${attr.type}.`)
  return { sql: `${SQL_FN[item.method]}(${col})`, attr }
}

export function runApply(
  ctx: RequestContext,
  table: TableModel,
  steps: ApplyStep[],
  extraFilter?: FilterNode,
): Record<string, unknown> {
  const { filters, grouping } = applyGrouping(steps)
  if (!grouping) throw querySyntaxError('$apply needs groupby() or aggregate().')
  const params: SQLInputValue[] = []
  const allFilters = extraFilter ? [extraFilter, ...filters] : filters
  const where = allFilters.map((f) => compileFilter0(ctx, table, f, params))
  const groupAttrs = grouping.kind === 'groupby' ? grouping.properties.map((p) => resolveProperty(table, p)) : []
  const aggregates = grouping.aggregates.map((item) => ({ item, ...aggregateSql(table, item) }))
  const aliases = new Set<string>()
  for (const a of aggregates) {
    if (aliases.has(a.item.alias) || groupAttrs.some((g) => propertyName(g) === a.item.alias)) {
      throw querySyntaxError(`The alias '${a.item.alias}' is used more than once in $apply.`)
    }
    aliases.add(a.item.alias)
  }
  const selects = [
    ...groupAttrs.map((attr, i) => `t0.${quote(attr.logicalName)} AS g${i}`),
    ...aggregates.map((a, i) => `${a.sql} AS a${i}`),
  ]
  if (selects.length === 0) throw querySyntaxError('$apply groupby() needs at least one property.')
  let sql = `SELECT ${selects.join(', ')} FROM ${quote(table.def.logicalName)} t0`
  if (where.length) sql += ` WHERE ${where.join(' AND ')}`
  if (groupAttrs.length) {
    const cols = groupAttrs.map((attr) => `t0.${quote(attr.logicalName)}`).join(', ')
    sql += ` GROUP BY ${cols} ORDER BY ${cols}`
  }
  const serializer = new RecordSerializer(ctx)
  const value = ctx.store.all(sql, params).map((row) => {
    const out: Record<string, unknown> = {}
    groupAttrs.forEach((attr, i) => {
      const v = fromDb(attr, row[`g${i}`])
      const name = propertyName(attr)
      if (serializer.annotate(FORMATTED)) {
        const formatted = formatValue(attr, v)
        if (formatted !== undefined) out[`${name}@${FORMATTED}`] = formatted
      }
      out[name] = v
    })
    aggregates.forEach((a, i) => {
      const raw = row[`a${i}`]
      out[a.item.alias] = raw === null || raw === undefined ? null : Number(raw)
    })
    return out
  })
  const names = [...groupAttrs.map(propertyName), ...aggregates.map((a) => a.item.alias)]
  return { '@odata.context': contextUrl(ctx, table.def.entitySetName, names), value }
}

function compileFilter0(ctx: RequestContext, table: TableModel, filter: FilterNode, params: SQLInputValue[]): string {
  return compileFilter(filter, filterScope(ctx, table, 't0', params))
}
