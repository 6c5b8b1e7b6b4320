// Runs OData queries on entity sets: $filter/$orderby/$top/$count, server-driven paging and $expand.

import type { SQLInputValue } from 'node:sqlite'
import type { RequestContext } from '../context.js'
import { querySyntaxError, unknownProperty } from '../errors.js'
import type { TableModel } from '../model.js'
import type { ConditionEnv } from '../query/conditions.js'
import { RecordSerializer } from '../records/serialize.js'
import { lookupTableColumn, quote } from '../store/columns.js'
import type { Row } from '../store/store.js'
import { compileFilter, type FilterScope } from './filter-sql.js'
import { makeSkipToken, nextLinkFor, pageFromSkipToken } from './paging.js'
import { resolveProperty } from './properties.js'
import type { ExpandItem, OrderItem, QueryOptions } from './query-options.js'

export const MAX_PAGE_SIZE = 5000

export function conditionEnv(ctx: RequestContext, params: SQLInputValue[]): ConditionEnv {
  return { params, userId: ctx.caller.userId, businessUnitId: ctx.caller.businessUnitId, now: ctx.now }
}

export function filterScope(
  ctx: RequestContext,
  table: TableModel,
  alias: string,
  params: SQLInputValue[],
): FilterScope {
  let n = 0
  return { model: ctx.model, table, alias, env: conditionEnv(ctx, params), nextAlias: () => `${alias}_${++n}` }
}

export function orderSql(table: TableModel, alias: string, orderby: OrderItem[] | undefined): string {
  const parts = (orderby ?? []).map((o) => {
    const attr = resolveProperty(table, o.property)
    return `${alias}.${quote(attr.logicalName)} ${o.descending ? 'DESC' : 'ASC'}`
  })
  parts.push(`${alias}.${quote(table.def.primaryIdAttribute)} ASC`) // a stable order keeps pages consistent
  return parts.join(', ')
}

export interface ExtraCondition {
  sql: string
  params: SQLInputValue[]
}

export interface CollectionResult {
  body: Record<string, unknown>
  headers: Record<string, string>
}

export function contextUrl(ctx: RequestContext, entitySet: string, select?: string[]): string {
  return `${ctx.apiBase}$metadata#${entitySet}${select ? `(${select.join(',')})` : ''}`
}

export function queryCollection(
  ctx: RequestContext,
  table: TableModel,
  options: QueryOptions,
  url: URL,
  extra?: ExtraCondition,
): CollectionResult {
  const params: SQLInputValue[] = []
  const where: string[] = []
  if (extra) {
    where.push(extra.sql)
    params.push(...extra.params)
  }
  if (options.filter) where.push(compileFilter(options.filter, filterScope(ctx, table, 't0', params)))
  const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : ''
  const from = `FROM ${quote(table.def.logicalName)} t0${whereSql}`

  const requested = ctx.prefs.maxPageSize
  const pageSize = requested !== undefined ? Math.min(requested, MAX_PAGE_SIZE) : MAX_PAGE_SIZE
  // With both $top and odata.maxpagesize, $top is ignored (documented behaviour).
  const top = requested === undefined ? options.top : undefined
  let page = 1
  if (options.skiptoken !== undefined) {
    const parsed = pageFromSkipToken(options.skiptoken)
    if (parsed === undefined) throw querySyntaxError(`The $skiptoken value '${options.skiptoken}' is not valid.`)
    page = parsed
  }
  const limit = top !== undefined ? Math.min(top, MAX_PAGE_SIZE) : pageSize
  const offset = top !== undefined ? 0 : (page - 1) * pageSize
  const sql = `SELECT t0.* ${from} ORDER BY ${orderSql(table, 't0', options.orderby)} LIMIT ? OFFSET ?`
  const rows = ctx.store.all(sql, [...params, limit + 1, offset])
  const hasMore = rows.length > limit && top === undefined
  const pageRows = rows.slice(0, limit)

  const serializer = new RecordSerializer(ctx)
  const attrs = serializer.attributesFor(table, options.select)
  const value = pageRows.map((row) => serializer.record(table, row, attrs))
  if (options.expand) expandRecords(ctx, serializer, table, pageRows, value, options.expand)

  const body: Record<string, unknown> = { '@odata.context': contextUrl(ctx, table.def.entitySetName, options.select) }
  if (options.count) {
    const counted = ctx.store.all(`SELECT COUNT(*) AS n ${from}`, params)[0]
    body['@odata.count'] = Math.min(Number(counted?.n ?? 0), MAX_PAGE_SIZE)
  }
  body.value = value
  const headers: Record<string, string> = {}
  const applied: string[] = []
  if (requested !== undefined) applied.push(`odata.maxpagesize=${requested}`)
  if (ctx.prefs.includeAnnotations) applied.push(`odata.include-annotations="${ctx.prefs.includeAnnotations}"`)
  if (applied.length) headers['Preference-Applied'] = applied.join(',')
  if (hasMore) {
    const first = pageRows[0]?.[table.def.primaryIdAttribute] as string
    const last = pageRows[pageRows.length - 1]?.[table.def.primaryIdAttribute] as string
    body['@odata.nextLink'] = nextLinkFor(url, makeSkipToken(page + 1, table.def.primaryIdAttribute, first, last))
  }
  return { body, headers }
}

/** Adds navigation properties to serialized records, with nested $select/$filter/$orderby/$top/$expand. */
export function expandRecords(
  ctx: RequestContext,
  serializer: RecordSerializer,
  table: TableModel,
  rows: Row[],
  outputs: Array<Record<string, unknown>>,
  items: ExpandItem[],
): void {
  for (const item of items) {
    const single = table.single.get(item.navigation)
    const collection = table.collection.get(item.navigation)
    if (single) {
      const target = ctx.model.table(single.target)
      if (!target) throw unknownProperty(item.navigation, table.def.logicalName)
      if (item.filter || item.orderby || item.top !== undefined) {
        throw querySyntaxError(
          `Only $select and $expand are supported for single-valued navigation property '${item.navigation}'.`,
        )
      }
      const attrs = serializer.attributesFor(target, item.select)
      rows.forEach((row, i) => {
        const id = row[single.attribute] as string | null
        const pointsAt = (row[lookupTableColumn(single.attribute)] as string | null) ?? single.target
        const related = id && pointsAt === single.target ? ctx.store.get(target, id) : undefined
        const out = outputs[i] as Record<string, unknown>
        if (!related) {
          out[item.navigation] = null
          return
        }
        const record = serializer.record(target, related, attrs)
        if (item.expand) expandRecords(ctx, serializer, target, [related], [record], item.expand)
        out[item.navigation] = record
      })
    } else if (collection) {
      const target = ctx.model.table(collection.target)
      if (!target) throw unknownProperty(item.navigation, table.def.logicalName)
      const attrs = serializer.attributesFor(target, item.select)
      rows.forEach((row, i) => {
        const params: SQLInputValue[] = [row[table.def.primaryIdAttribute] as string]
        let where = `t1.${quote(collection.referencingAttribute)} = ?`
        if (item.filter) where += ` AND ${compileFilter(item.filter, filterScope(ctx, target, 't1', params))}`
        const limit = Math.min(item.top ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE)
        const sql = `SELECT t1.* FROM ${quote(target.def.logicalName)} t1 WHERE ${where} ORDER BY ${orderSql(target, 't1', item.orderby)} LIMIT ?`
        const related = ctx.store.all(sql, [...params, limit])
        const records = related.map((r) => serializer.record(target, r, attrs))
        if (item.expand) expandRecords(ctx, serializer, target, related, records, item.expand)
        ;(outputs[i] as Record<string, unknown>)[item.navigation] = records
      })
    } else {
      throw unknownProperty(item.navigation, table.def.logicalName)
    }
  }
}
