// Compiles a FetchXML query to parameterized SQL over the stored tables and shapes the Web API result:
// link-entity columns as `alias.attribute`, null columns omitted, paging cookie and morerecords
// annotations instead of a nextLink.

import type { SQLInputValue } from 'node:sqlite'
import { ASSOCIATED_NAVIGATION, FORMATTED, formatValue, LOOKUP_LOGICAL_NAME } from '../annotations.js'
import type { RequestContext } from '../context.js'
import { badRequest, ErrorCodes } from '../errors.js'
import { isLookupType, type TableModel } from '../model.js'
import { conditionEnv } from '../odata/collection-query.js'
import { makeSkipToken } from '../odata/paging.js'
import { propertyName } from '../odata/properties.js'
import { type ColumnRef, conditionSql } from '../query/conditions.js'
import { etagOf, RecordSerializer } from '../records/serialize.js'
import type { AttributeDefinition } from '../schema/types.js'
import { lookupTableColumn, quote } from '../store/columns.js'
import { fromDb } from '../store/values.js'
import type { FetchAttribute, FetchEntityNode, FetchFilter, FetchLink, FetchQuery } from './parse.js'

const MAX = 5000
const PAGING_COOKIE = 'Microsoft.Dynamics.CRM.fetchxmlpagingcookie'
const MORE_RECORDS = 'Microsoft.Dynamics.CRM.morerecords'

interface Scope {
  node: FetchEntityNode
  table: TableModel
  sqlAlias: string
  /** prefix of output columns; undefined for the root entity */
  outAlias?: string
  linkType: string
}

interface OutputColumn {
  key: string
  sql: string
  attr?: AttributeDefinition
  table?: TableModel
  /** SQL alias of the column holding a lookup's target table */
  lookupTableSql?: string
  root: boolean
}

export const noEntity = (name: string) =>
  badRequest(
    ErrorCodes.fetchNoEntity,
    `The entity with a name = '${name}' with namemapping = 'Logical' was not found in the MetadataCache.`,
  )

const noAttribute = (table: string, name: string) =>
  badRequest(
    ErrorCodes.fetchNoAttribute,
    `'${table}' entity doesn't contain attribute with Name = '${name}' and NameMapping = 'Logical'.`,
  )

function attributeOf(scope: Scope, name: string): AttributeDefinition {
  const attr = scope.table.attributes.get(name)
  if (!attr) throw noAttribute(scope.table.def.logicalName, name)
  return attr
}

const DATE_GROUPING: Record<string, (col: string) => string> = {
  year: (c) => `CAST(strftime('%Y', ${c}) AS INTEGER)`,
  quarter: (c) => `((CAST(strftime('%m', ${c}) AS INTEGER) + 2) / 3)`,
  month: (c) => `CAST(strftime('%m', ${c}) AS INTEGER)`,
  week: (c) => `CAST(strftime('%W', ${c}) AS INTEGER)`,
  day: (c) => `CAST(strftime('%d', ${c}) AS INTEGER)`,
}

class FetchCompiler {
  readonly params: SQLInputValue[] = []
  readonly scopes: Scope[] = []
  readonly joins: string[] = []
  readonly where: string[] = []
  private linkCount = 0

  constructor(
    private readonly ctx: RequestContext,
    root: TableModel,
    readonly query: FetchQuery,
  ) {
    const scope: Scope = { node: query.entity, table: root, sqlAlias: 't0', linkType: 'root' }
    this.scopes.push(scope)
    for (const link of query.entity.links) this.addLink(link, scope)
    // root filters may name link-entity aliases, so they compile after the joins exist
    for (const f of query.entity.filters) this.where.push(this.filterSql(f, scope))
  }

  private addLink(link: FetchLink, parent: Scope): void {
    const table = this.ctx.model.table(link.name)
    if (!table) throw noEntity(link.name)
    this.linkCount += 1
    const scope: Scope = {
      node: link,
      table,
      sqlAlias: `l${this.linkCount}`,
      outAlias: link.alias ?? `${link.name}${this.linkCount}`,
      linkType: link.linkType,
    }
    const from = `${scope.sqlAlias}.${quote(attributeOf(scope, link.from).logicalName)}`
    const to = `${parent.sqlAlias}.${quote(attributeOf(parent, link.to).logicalName)}`
    const conditions = [`${from} = ${to}`]
    const semi = ['any', 'exists', 'in', 'not any'].includes(link.linkType)
    if (!semi && link.linkType !== 'inner' && link.linkType !== 'outer') {
      throw badRequest(
        ErrorCodes.invalidArgument,
        `The link-type '${link.linkType}' is not supported by this emulator.`,
      )
    }
    if (semi) {
      if (link.links.length || link.attributes.length || link.allAttributes) {
        throw badRequest(
          ErrorCodes.invalidArgument,
          `A link-entity with link-type '${link.linkType}' can't return columns or contain link-entity elements.`,
        )
      }
      // filters of a semi-join are evaluated inside its EXISTS subquery
      const inner = [...conditions, ...link.filters.map((f) => this.filterSql(f, scope))]
      const exists = `EXISTS (SELECT 1 FROM ${quote(table.def.logicalName)} ${scope.sqlAlias} WHERE ${inner.join(' AND ')})`
      this.where.push(link.linkType === 'not any' ? `NOT ${exists}` : exists)
      return
    }
    this.scopes.push(scope)
    conditions.push(...link.filters.map((f) => this.filterSql(f, scope)))
    this.joins.push(
      `${link.linkType === 'outer' ? 'LEFT JOIN' : 'JOIN'} ${quote(table.def.logicalName)} ${scope.sqlAlias} ON ${conditions.join(' AND ')}`,
    )
    for (const child of link.links) this.addLink(child, scope)
  }

  private scopeFor(entityname: string | undefined, current: Scope): Scope {
    if (!entityname) return current
    const found =
      this.scopes.find((s) => s.outAlias === entityname) ?? this.scopes.find((s) => s.node.name === entityname)
    if (!found)
      throw badRequest(
        ErrorCodes.invalidArgument,
        `The entityname '${entityname}' in a condition doesn't match any link-entity alias.`,
      )
    return found
  }

  filterSql(filter: FetchFilter, scope: Scope): string {
    const parts = [
      ...filter.conditions.map((c) => {
        const target = this.scopeFor(c.entityname, scope)
        const attr = attributeOf(target, c.attribute)
        const col: ColumnRef = { sql: `${target.sqlAlias}.${quote(attr.logicalName)}`, attr, table: target.table }
        return conditionSql(col, c.operator.toLowerCase(), c.values, conditionEnv(this.ctx, this.params))
      }),
      ...filter.filters.map((f) => this.filterSql(f, scope)),
    ]
    if (parts.length === 0) return '1=1'
    return `(${parts.join(filter.type === 'or' ? ' OR ' : ' AND ')})`
  }

  get fromSql(): string {
    const root = this.scopes[0] as Scope
    let sql = `FROM ${quote(root.table.def.logicalName)} t0`
    if (this.joins.length) sql += ` ${this.joins.join(' ')}`
    if (this.where.length) sql += ` WHERE ${this.where.join(' AND ')}`
    return sql
  }
}

function plainColumns(compiler: FetchCompiler): OutputColumn[] {
  const columns: OutputColumn[] = []
  compiler.scopes.forEach((scope) => {
    const root = scope.outAlias === undefined
    const listed: FetchAttribute[] =
      scope.node.allAttributes || (root && scope.node.attributes.length === 0)
        ? scope.table.def.attributes.map((a) => ({ name: a.logicalName, groupby: false, distinct: false }))
        : scope.node.attributes
    for (const a of listed) {
      if (a.aggregate || a.groupby)
        throw badRequest(
          ErrorCodes.invalidArgument,
          "Aggregate and groupby attributes need aggregate='true' on the fetch element.",
        )
      const attr = attributeOf(scope, a.name)
      const base = root ? propertyName(attr) : `${scope.outAlias}.${attr.logicalName}`
      const key = a.alias ?? base
      if (columns.some((c) => c.key === key)) continue
      const col: OutputColumn = {
        key,
        sql: `${scope.sqlAlias}.${quote(attr.logicalName)}`,
        attr,
        table: scope.table,
        root,
      }
      if (isLookupType(attr.type))
        col.lookupTableSql = `${scope.sqlAlias}.${quote(lookupTableColumn(attr.logicalName))}`
      columns.push(col)
    }
  })
  return columns
}

function aggregateColumns(compiler: FetchCompiler): { columns: OutputColumn[]; groupBy: string[] } {
  const columns: OutputColumn[] = []
  const groupBy: string[] = []
  for (const scope of compiler.scopes) {
    if (scope.node.allAttributes)
      throw badRequest(ErrorCodes.invalidArgument, 'all-attributes is not valid in an aggregate query.')
    for (const a of scope.node.attributes) {
      if (!a.alias)
        throw badRequest(ErrorCodes.invalidArgument, `The attribute '${a.name}' in an aggregate query needs an alias.`)
      const attr = attributeOf(scope, a.name)
      const col = `${scope.sqlAlias}.${quote(attr.logicalName)}`
      if (a.groupby) {
        let sql = col
        if (a.dategrouping) {
          const group = DATE_GROUPING[a.dategrouping]
          if (!group)
            throw badRequest(ErrorCodes.invalidArgument, `The dategrouping '${a.dategrouping}' is not supported.`)
          if (attr.type !== 'DateTime')
            throw badRequest(
              ErrorCodes.invalidArgument,
              `dategrouping needs a date column; '${a.name}' is ${attr.type}.`,
            )
          sql = group(col)
        }
        groupBy.push(sql)
        columns.push({ key: a.alias, sql, attr: a.dategrouping ? undefined : attr, table: scope.table, root: true })
        continue
      }
      let sql: string
      switch (a.aggregate) {
        case 'count':
          sql = a.distinct ? `COUNT(DISTINCT ${col})` : 'COUNT(*)'
          break
        case 'countcolumn':
          sql = a.distinct ? `COUNT(DISTINCT ${col})` : `COUNT(${col})`
          break
        case 'sum':
        case 'avg':
        case 'min':
        case 'max': {
          const numeric =
            ['Integer', 'BigInt', 'Decimal', 'Double', 'Money'].includes(attr.type) ||
            ((a.aggregate === 'min' || a.aggregate === 'max') && attr.type === 'DateTime')
          if (!numeric)
            throw badRequest(
              ErrorCodes.invalidArgument,
              `The aggregate '${a.aggregate}' is not valid for '${a.name}' of type ${attr.type}.`,
            )
          sql = `${a.aggregate.toUpperCase()}(${a.distinct ? 'DISTINCT ' : ''}${col})`
          break
        }
        default:
          throw badRequest(
            ErrorCodes.invalidArgument,
            `The attribute '${a.name}' needs groupby='true' or an aggregate (count, countcolumn, sum, avg, min, max).`,
          )
      }
      columns.push({ key: a.alias, sql, root: true })
    }
  }
  return { columns, groupBy }
}

function orderSql(compiler: FetchCompiler, columns: OutputColumn[], aggregate: boolean): string[] {
  const parts: string[] = []
  for (const scope of compiler.scopes) {
    for (const o of scope.node.orders) {
      const dir = o.descending ? 'DESC' : 'ASC'
      if (o.alias) {
        const i = columns.findIndex((c) => c.key === o.alias)
        if (i < 0)
          throw badRequest(
            ErrorCodes.invalidArgument,
            `The order alias '${o.alias}' doesn't match any attribute alias.`,
          )
        parts.push(`c${i} ${dir}`)
      } else if (o.attribute) {
        if (aggregate)
          throw badRequest(
            ErrorCodes.invalidArgument,
            'Order by attribute is not valid in an aggregate query; order by alias instead.',
          )
        parts.push(`${scope.sqlAlias}.${quote(attributeOf(scope, o.attribute).logicalName)} ${dir}`)
      }
    }
  }
  return parts
}

export function executeFetch(ctx: RequestContext, table: TableModel, query: FetchQuery): Record<string, unknown> {
  if (query.entity.name !== table.def.logicalName) {
    const named = ctx.model.table(query.entity.name)
    if (!named) throw noEntity(query.entity.name)
    throw badRequest(
      ErrorCodes.invalidArgument,
      `The entity '${query.entity.name}' in the FetchXML doesn't match the entity set '${table.def.entitySetName}' of the request.`,
    )
  }
  const compiler = new FetchCompiler(ctx, table, query)
  const aggregate = query.aggregate
  const { columns, groupBy } = aggregate ? aggregateColumns(compiler) : { columns: plainColumns(compiler), groupBy: [] }
  const distinct = query.distinct && !aggregate
  const selects = columns.map((c, i) => `${c.sql} AS c${i}`)
  columns.forEach((c, i) => {
    if (c.lookupTableSql) selects.push(`${c.lookupTableSql} AS t${i}`)
  })
  const pk = table.def.primaryIdAttribute
  if (!aggregate && !distinct) selects.push(`t0.${quote(pk)} AS __pk`, `t0.${quote('versionnumber')} AS __version`)
  const order = orderSql(compiler, columns, aggregate)
  if (!aggregate && !distinct) order.push(`t0.${quote(pk)} ASC`)

  const pageSize = Math.min(query.top ?? query.count ?? MAX, MAX)
  const page = query.page ?? 1
  const offset = query.top !== undefined ? 0 : (page - 1) * pageSize
  let sql = `SELECT ${distinct ? 'DISTINCT ' : ''}${selects.join(', ')} ${compiler.fromSql}`
  if (groupBy.length) sql += ` GROUP BY ${groupBy.join(', ')}`
  if (order.length) sql += ` ORDER BY ${order.join(', ')}`
  sql += ' LIMIT ? OFFSET ?'
  const rows = ctx.store.all(sql, [...compiler.params, pageSize + 1, offset])
  const more = query.top === undefined && rows.length > pageSize
  const pageRows = rows.slice(0, pageSize)

  const serializer = new RecordSerializer(ctx)
  const value = pageRows.map((row) => {
    const out: Record<string, unknown> = {}
    if (!aggregate && !distinct) out['@odata.etag'] = etagOf({ versionnumber: row.__version })
    columns.forEach((c, i) => {
      const raw = row[`c${i}`]
      if (raw === null || raw === undefined) return // FetchXML results leave out null columns
      if (!c.attr) {
        out[c.key] = typeof raw === 'bigint' ? Number(raw) : raw
        return
      }
      const v = fromDb(c.attr, raw)
      if (isLookupType(c.attr.type)) {
        const target = (row[`t${i}`] as string | null) ?? c.attr.targets?.[0]
        if (target && serializer.annotate(FORMATTED)) {
          const name = serializer.lookupName(target, String(v))
          if (name !== null) out[`${c.key}@${FORMATTED}`] = name
        }
        if (c.root && c.table && serializer.annotate(ASSOCIATED_NAVIGATION)) {
          out[`${c.key}@${ASSOCIATED_NAVIGATION}`] =
            ctx.model.navigationFor(c.table, c.attr.logicalName, target ?? null)?.name ?? c.attr.logicalName
        }
        if (target && serializer.annotate(LOOKUP_LOGICAL_NAME)) out[`${c.key}@${LOOKUP_LOGICAL_NAME}`] = target
      } else if (serializer.annotate(FORMATTED)) {
        const formatted = formatValue(c.attr, v)
        if (formatted !== undefined) out[`${c.key}@${FORMATTED}`] = formatted
      }
      out[c.key] = v
    })
    if (!aggregate && !distinct && out[pk] === undefined) out[pk] = row.__pk
    return out
  })

  const body: Record<string, unknown> = { '@odata.context': `${ctx.apiBase}$metadata#${table.def.entitySetName}` }
  if (query.returnTotalRecordCount) {
    const total = Number(ctx.store.all(`SELECT COUNT(*) AS n ${compiler.fromSql}`, compiler.params)[0]?.n ?? 0)
    body['@Microsoft.Dynamics.CRM.totalrecordcount'] = Math.min(total, MAX)
    body['@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded'] = total > MAX
  }
  // Dataverse returns the paging cookie whenever more rows exist; clients such as dynamics-web-api rely on it.
  if (more && !aggregate) {
    const first = String(pageRows[0]?.__pk ?? '')
    const last = String(pageRows[pageRows.length - 1]?.__pk ?? '')
    body[`@${PAGING_COOKIE}`] = makeSkipToken(page + 1, pk, first, last)
  }
  body[`@${MORE_RECORDS}`] = more
  body.value = value
  return body
}
