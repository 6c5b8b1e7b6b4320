// How a bound query runs through OData: one read per source (entity set in FROM, JOIN or EXISTS)
// with the conditions that source can apply itself pushed into its $filter and only the fields the
// query uses in $select. A single entity set without aggregates, DISTINCT or EXISTS, whose whole
// WHERE was pushed, also gets ORDER BY and TOP pushed ("direct"); everything else is evaluated in
// memory over the fetched rows.
//
// Pushing a condition into a source's read is safe when it can only remove rows that would not
// reach the result: any condition on the FROM table or an INNER-joined table; ON conditions of a
// LEFT JOIN on the joined table (they only decide which rows match); WHERE conditions on a
// LEFT-joined table only when they reject NULL (a removed row would have been discarded anyway);
// conditions inside EXISTS on the subquery's own tables. The in-memory query re-applies every
// condition, so a pushed filter never has to be exact — only never wider than the truth.
import { DATA_AREA_ID } from '../odata/metadata.js'
import type { CompanyScope, ErpMetadata } from '../odata/types.js'
import type { BoundQuery, Source } from './bind.js'
import { type FilterContext, toODataFilter } from './filter.js'
import { conjuncts, type Expr, walk } from './ir.js'

export interface Fetch {
  source: Source
  select: string[]
  /** OData conditions pushed into the read, AND-ed */
  filters: string[]
  orderby?: string
  top?: number
}

export interface Plan {
  bound: BoundQuery
  fetches: Fetch[]
  /** ORDER BY and TOP went to the service: the single read is the answer */
  direct: boolean
  notices: string[]
}

/** The sources a condition reads, or 'subquery' when it contains EXISTS. */
function refsOf(expr: Expr): Set<number> | 'subquery' {
  const refs = new Set<number>()
  let subquery = false
  walk(
    expr,
    (node) => {
      if (node.kind === 'column' && node.source !== undefined) refs.add(node.source)
      if (node.kind === 'exists') subquery = true
    },
    false,
  )
  return subquery ? 'subquery' : refs
}

/** True when the condition is never true for a row whose fields of `source` are all NULL. */
function rejectsNull(expr: Expr, source: number): boolean {
  const touches = (e: Expr) => {
    let found = false
    walk(
      e,
      (node) => {
        if (node.kind === 'column' && node.source === source) found = true
      },
      false,
    )
    return found
  }
  switch (expr.kind) {
    case 'compare':
    case 'like':
    case 'in':
    case 'between':
      return touches(expr)
    case 'not':
      return expr.expr.kind !== 'isNull' && rejectsNull(expr.expr, source)
    case 'and':
      return expr.items.some((item) => rejectsNull(item, source))
    case 'or':
      return expr.items.every((item) => rejectsNull(item, source))
    default:
      return false
  }
}

export function planQuery(
  bound: BoundQuery,
  metadata: ErpMetadata,
  company: CompanyScope,
  caps: { maxRows: number },
): Plan {
  const { query, sources } = bound
  const filters = new Map<number, string[]>(sources.map((s) => [s.index, []]))
  const pushedAll = { where: true }

  const tryPush = (condition: Expr, source: Source) => {
    const ctx: FilterContext = { source: source.index, entity: source.entity, enums: metadata.enums }
    const odata = toODataFilter(condition, ctx)
    if (odata === undefined) return false
    filters.get(source.index)!.push(odata)
    return true
  }

  /** WHERE-like conditions of one scope (the main query or an EXISTS subquery). */
  const pushWhere = (where: Expr | undefined, scope: number) => {
    for (const condition of conjuncts(where)) {
      const refs = refsOf(condition)
      let pushed = false
      if (refs !== 'subquery' && refs.size === 1) {
        const source = sources[[...refs][0]!]!
        // a subquery's condition on an outer table is a correlation, not a filter of that table
        if (source.scope === scope && (source.join !== 'left' || rejectsNull(condition, source.index)))
          pushed = tryPush(condition, source)
      }
      if (scope === 0 && !pushed) pushedAll.where = false
    }
  }
  const scopeOf = (item: { table: string; alias?: string }) =>
    sources.find((s) => s.alias.toLowerCase() === (item.alias ?? item.table).toLowerCase())!.scope

  const pushOn = (source: Source) => {
    for (const condition of conjuncts(source.on)) {
      const refs = refsOf(condition)
      if (refs === 'subquery' || refs.size !== 1) continue
      const target = sources[[...refs][0]!]!
      if (target.scope !== source.scope) continue
      if (target === source) tryPush(condition, source)
      else if (source.join === 'inner' && (target.join !== 'left' || rejectsNull(condition, target.index)))
        tryPush(condition, target)
    }
  }

  pushWhere(query.where, 0)
  for (const source of sources) if (source.on) pushOn(source)
  // EXISTS subqueries anywhere: their own WHERE conditions go to their own sources
  const visitExists = (expr: Expr | undefined) => {
    if (!expr) return
    walk(expr, (node) => {
      if (node.kind === 'exists') pushWhere(node.query.where, scopeOf(node.query.from[0]!))
    })
  }
  visitExists(query.where)
  for (const source of sources) visitExists(source.on)
  for (const column of query.columns) visitExists(column.expr)

  const single = sources.length === 1
  const root = sources[0]!
  const orderable = query.orderBy.every((o) => {
    const expr = o.expr.kind === 'column' && o.expr.output !== undefined ? query.columns[o.expr.output]!.expr : o.expr
    return expr.kind === 'column' && expr.source === root.index
  })
  const direct = single && !bound.aggregate && !query.distinct && pushedAll.where && orderable

  const fetches: Fetch[] = sources.map((source) => {
    const select = [...source.fields]
    // a read needs at least one field, e.g. for SELECT COUNT(*)
    if (!select.length) select.push(source.entity.keys[0] ?? source.entity.fields[0]?.name ?? DATA_AREA_ID)
    const fetch: Fetch = { source, select, filters: filters.get(source.index)! }
    if (direct) {
      const orderby = query.orderBy
        .map((o) => {
          const expr =
            o.expr.kind === 'column' && o.expr.output !== undefined ? query.columns[o.expr.output]!.expr : o.expr
          return `${(expr as { field: string }).field}${o.desc ? ' desc' : ''}`
        })
        .join(',')
      if (orderby) fetch.orderby = orderby
      fetch.top = Math.min(query.top ?? caps.maxRows + 1, caps.maxRows + 1)
    }
    return fetch
  })

  const notices: string[] = []
  if (company.kind === 'cross-company') {
    for (const source of sources) {
      if (source.join === 'root' || !source.entity.companySpecific) continue
      const partner = sources.filter((s) => s.scope === source.scope && s !== source && s.entity.companySpecific)
      if (!partner.length) continue
      let matchesCompany = false
      if (source.on)
        walk(source.on, (node) => {
          if (node.kind === 'column' && node.source === source.index && node.field === DATA_AREA_ID)
            matchesCompany = true
        })
      if (!matchesCompany)
        notices.push(
          `Across companies, ${source.alias} is joined without dataAreaId: add AND ${source.alias}.dataAreaId = <other alias>.dataAreaId to its ON so that rows only match within a company.`,
        )
    }
  }
  return { bound, fetches, direct, notices }
}
