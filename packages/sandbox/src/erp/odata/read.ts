// Reads: collections with server-driven paging, single records, navigation, $count, $expand.
import { createHash } from 'node:crypto'
import type { ErpRequestContext } from '../context.js'
import type { ErpCompanyScope, ErpEntity, ErpFilter, ErpRow, ErpValue } from '../model.js'
import { DATA_AREA_ID, fieldOf, typeName, unknownProperty } from '../records/values.js'
import { odataError, odataJson, odataText } from './http.js'
import { type QueryOptions, rawQueryParams } from './query.js'

/** F&O's page size, and the most `Prefer: odata.maxpagesize` can ask for. */
export const MAX_PAGE_SIZE = 10_000

export function etagOf(row: ErpRow): string {
  return `W/"${createHash('sha1').update(JSON.stringify(row)).digest('base64')}"`
}

export const contextUrl = (ctx: ErpRequestContext, fragment: string) => `${ctx.baseUrl}/data/$metadata#${fragment}`

/** The company scope of a read: the user's company unless cross-company=true; global entities are never scoped. */
export function scopeOf(ctx: ErpRequestContext, entity: ErpEntity, crossCompany: boolean): ErpCompanyScope {
  if (!entity.companySpecific || crossCompany) return { crossCompany: true }
  return { company: ctx.user.Company }
}

function project(row: ErpRow, select: string[] | undefined): ErpRow {
  const out: ErpRow = { '@odata.etag': etagOf(row) }
  if (!select) return Object.assign(out, row)
  for (const name of select) out[name] = row[name] ?? null
  return out
}

type JsonRow = Record<string, unknown>

/** A row as returned: etag, the selected fields, expanded navigation properties. */
export function shape(ctx: ErpRequestContext, entity: ErpEntity, row: ErpRow, options: QueryOptions): JsonRow {
  const out: JsonRow = project(row, options.select)
  for (const { navigation, options: nested } of options.expand) {
    const related = relatedRows(ctx, entity, row, navigation.name, nested, navigation.many ? undefined : 1)
    out[navigation.name] = navigation.many
      ? related.map((r) => project(r, nested.select))
      : related[0]
        ? project(related[0], nested.select)
        : null
  }
  return out
}

/** Rows a navigation property of `row` leads to (same company for company data). */
export function relatedRows(
  ctx: ErpRequestContext,
  entity: ErpEntity,
  row: ErpRow,
  navigationName: string,
  options: Pick<QueryOptions, 'filter' | 'orderBy' | 'top' | 'skip'>,
  limit?: number,
): ErpRow[] {
  const navigation = entity.navigation?.find((nav) => nav.name === navigationName)
  if (!navigation) throw unknownProperty(entity, navigationName)
  const target = ctx.store.catalog.bySet(navigation.target)!
  const equals: Record<string, ErpValue> = {}
  for (const [from, to] of Object.entries(navigation.on)) equals[to] = row[from] ?? null
  const scope: ErpCompanyScope =
    target.companySpecific && entity.companySpecific
      ? { company: String(row[DATA_AREA_ID]) }
      : target.companySpecific
        ? { company: ctx.user.Company }
        : { crossCompany: true }
  return ctx.store.list(target.entitySet, scope, {
    equals,
    filter: options.filter,
    orderBy: options.orderBy,
    top: limit ?? options.top,
    skip: options.skip,
    noCount: true,
  }).rows
}

/** `Prefer: odata.maxpagesize=N` (1 … 10,000), or undefined. */
export function requestedPageSize(request: Request): number | undefined {
  const prefer = request.headers.get('prefer') ?? ''
  const match = /odata\.maxpagesize\s*=\s*"?(\d+)"?/i.exec(prefer)
  if (!match) return undefined
  const n = Number(match[1])
  return n >= 1 ? Math.min(n, MAX_PAGE_SIZE) : undefined
}

/** The request URL with $skiptoken set, every other option kept as sent. */
function nextLink(ctx: ErpRequestContext, token: number): string {
  const kept = ctx.url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p && !/^(\$|%24)skiptoken=/i.test(p))
  kept.push(`$skiptoken=${token}`)
  return `${ctx.url.origin}${ctx.url.pathname}?${kept.join('&')}`
}

export function readCollection(
  ctx: ErpRequestContext,
  entity: ErpEntity,
  options: QueryOptions,
  base: { scope?: ErpCompanyScope; equals?: Record<string, ErpValue>; context?: string } = {},
): Response {
  const requested = requestedPageSize(ctx.request)
  const pageSize = requested ?? MAX_PAGE_SIZE
  const token = options.skipToken ?? 0
  const remaining = options.top !== undefined ? Math.max(0, options.top - token) : Number.POSITIVE_INFINITY
  const take = Math.min(pageSize, remaining)
  const { rows, total } = ctx.store.list(entity.entitySet, base.scope ?? scopeOf(ctx, entity, options.crossCompany), {
    equals: base.equals,
    filter: options.filter,
    orderBy: options.orderBy,
    skip: (options.skip ?? 0) + token,
    top: take + 1,
    noCount: !options.count,
  })
  const more = rows.length > take && remaining > take
  const page = rows.slice(0, take)
  const select = options.select ? `(${options.select.join(',')})` : ''
  const body: Record<string, unknown> = {
    '@odata.context': base.context ?? contextUrl(ctx, `${entity.entitySet}${select}`),
  }
  if (options.count) body['@odata.count'] = total
  body.value = page.map((row) => shape(ctx, entity, row, options))
  if (more) body['@odata.nextLink'] = nextLink(ctx, token + take)
  return odataJson(body, 200, requested ? { 'Preference-Applied': `odata.maxpagesize=${pageSize}` } : {})
}

export function countCollection(
  ctx: ErpRequestContext,
  entity: ErpEntity,
  options: QueryOptions,
  equals?: Record<string, ErpValue>,
  scope?: ErpCompanyScope,
): Response {
  const { total } = ctx.store.list(entity.entitySet, scope ?? scopeOf(ctx, entity, options.crossCompany), {
    equals,
    filter: options.filter,
    top: 0,
  })
  return odataText(String(total), 'text/plain; charset=utf-8')
}

export function notFoundRecord(entity: ErpEntity, keyText: string) {
  return odataError(
    404,
    `No resource was found for '${entity.entitySet}(${keyText})': no ${typeName(entity)} record has this key.`,
    'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataNotFoundException',
  )
}

export function readEntity(ctx: ErpRequestContext, entity: ErpEntity, row: ErpRow, options: QueryOptions): Response {
  const select = options.select ? `(${options.select.join(',')})` : ''
  return odataJson(
    { '@odata.context': contextUrl(ctx, `${entity.entitySet}${select}/$entity`), ...shape(ctx, entity, row, options) },
    200,
    { ETag: etagOf(row) },
  )
}

export function readProperty(
  ctx: ErpRequestContext,
  entity: ErpEntity,
  row: ErpRow,
  keyText: string,
  name: string,
): Response {
  if (!fieldOf(entity, name)) throw unknownProperty(entity, name)
  return odataJson({
    '@odata.context': contextUrl(ctx, `${entity.entitySet}(${keyText})/${name}`),
    value: row[name] ?? null,
  })
}

/** Filters navigation targets with a $filter given to a navigation path (`Set(key)/Lines?$filter=…`). */
export function combine(...filters: Array<ErpFilter | undefined>): ErpFilter | undefined {
  const present = filters.filter((f): f is ErpFilter => f !== undefined)
  return present.length === 0 ? undefined : present.length === 1 ? present[0] : { and: present }
}

export { rawQueryParams }
