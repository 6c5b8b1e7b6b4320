// ORDER BY, TOP and OFFSET/FETCH. Orders go where FetchXML applies them in the requested
// sequence. TOP n and FETCH NEXT without OFFSET become FetchXML top; OFFSET is served by
// fetching from the first row (paging cookie) and skipping OFFSET rows here.
import { invalidQuery, unsupported } from './errors.js'
import type { FetchNode, FetchOrder } from './fetchxml.js'
import { expressionError } from './filter.js'
import type { OrderItem, SelectAst, SqlNode } from './parse.js'
import { columnName, isColumnRef, type ResolvedColumn, type Scopes } from './scope.js'
import { aggregateCall, columnSignature, isAggregate, type Projection } from './select.js'

const CHOICE_TYPES = new Set(['Picklist', 'State', 'Status'])
/** the most rows Dataverse returns in one FetchXML page, and the largest `top` */
export const PAGE_LIMIT = 5000
/** OFFSET is served by skipping fetched rows; this bounds that scan (10 pages) */
export const MAX_SKIP_SCAN = 50_000

export interface OrderResult {
  useRawOrderBy: boolean
}

export interface Paging {
  top?: number
  /** rows to drop from the start of the fetched rows (OFFSET) */
  skip: number
  /** rows the query asks for (TOP or FETCH NEXT); undefined for all */
  want?: number
}

function orderTarget(item: OrderItem, ast: SelectAst, scopes: Scopes, projection: Projection) {
  const { expr } = item
  if (expr.type === 'number') {
    const position = Number(expr.value)
    const column = projection.columns[position - 1]
    if (!Number.isInteger(position) || !column)
      throw invalidQuery(
        `ORDER BY ${position} is not a position in the select list (1 to ${projection.columns.length}).`,
        'Order by a column name or a position within the select list.',
      )
    return column
  }
  if (isColumnRef(expr) && !expr.table) {
    const name = columnName(expr).toLowerCase()
    const byAlias = ast.columns !== '*' && ast.columns.some((c) => c.as?.toLowerCase() === name)
    const column = byAlias ? projection.columns.find((c) => c.name.toLowerCase() === name) : undefined
    if (column) return column
  }
  if (isColumnRef(expr)) {
    const r = scopes.resolveColumn(expr)
    return { signature: columnSignature(r), source: r, name: `${r.scope.name}.${r.column.logicalName}` }
  }
  if (isAggregate(expr)) {
    const call = aggregateCall(expr, scopes)
    return { signature: call.signature, name: call.signature }
  }
  throw expressionError(expr, 'in ORDER BY')
}

/** Scopes in the order FetchXML applies their orders: the entity, then link-entities depth first. */
function nodeOrder(root: FetchNode): FetchNode[] {
  const out: FetchNode[] = []
  const walk = (node: FetchNode) => {
    out.push(node)
    node.links.forEach(walk)
  }
  walk(root)
  return out
}

export function applyOrder(ast: SelectAst, scopes: Scopes, projection: Projection): OrderResult {
  const items = ast.orderby ?? []
  let useRawOrderBy = false
  if (projection.aggregate) {
    for (const item of items) {
      const target = orderTarget(item, ast, scopes, projection)
      const alias = projection.aliases.get(target.signature)
      if (!alias)
        throw invalidQuery(
          `ORDER BY ${target.name}: a grouped query can only be ordered by its grouped columns and its aggregates.`,
          'Order by a GROUP BY column, or select the aggregate with an alias and order by that alias.',
        )
      const type = 'source' in target ? target.source?.column.type : undefined
      if (type && CHOICE_TYPES.has(type)) useRawOrderBy = true
      scopes.root.node.orders.push({ alias, descending: item.type?.toUpperCase() === 'DESC' })
    }
    return { useRawOrderBy }
  }
  const resolved: Array<{ source: ResolvedColumn; descending: boolean }> = []
  for (const item of items) {
    const target = orderTarget(item, ast, scopes, projection)
    const source = 'source' in target ? target.source : undefined
    if (!source)
      throw invalidQuery(
        `ORDER BY ${target.name} needs GROUP BY or an aggregate in the select list.`,
        'Order by a column.',
      )
    if (CHOICE_TYPES.has(source.column.type)) useRawOrderBy = true
    resolved.push({ source, descending: item.type?.toUpperCase() === 'DESC' })
  }
  // FetchXML applies link-entity orders after the entity's; when the SQL wants otherwise, all orders
  // go on the entity with entityname naming the link-entity alias (documented for this purpose).
  const sequence = nodeOrder(scopes.root.node)
  const ranks = resolved.map((r) => sequence.indexOf(r.source.scope.node))
  const natural = ranks.every((rank, i) => i === 0 || rank >= (ranks[i - 1] as number))
  for (const { source, descending } of resolved) {
    const order: FetchOrder = { attribute: source.column.logicalName, descending }
    if (natural || source.scope.root) source.scope.node.orders.push(order)
    else scopes.root.node.orders.push({ ...order, entityname: source.scope.node.alias })
  }
  return { useRawOrderBy }
}

function positiveInteger(node: SqlNode | undefined, clause: string, allowZero: boolean): number {
  const value = node?.type === 'number' ? Number(node.value) : Number.NaN
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1))
    throw invalidQuery(
      `${clause} needs a ${allowZero ? 'non-negative' : 'positive'} whole number.`,
      `Write ${clause} with a literal number, e.g. ${clause === 'TOP' ? 'SELECT TOP 10 …' : `${clause} 10`}.`,
    )
  return value
}

export function paging(ast: SelectAst): Paging {
  const top = ast.top
  const limit = ast.limit
  if (limit && Array.isArray(limit.value) && limit.value.length)
    throw unsupported(
      'LIMIT',
      'LIMIT is not T-SQL.',
      'Use SELECT TOP n …, or ORDER BY … OFFSET n ROWS FETCH NEXT m ROWS ONLY.',
    )
  const offsetNode = limit?.offset?.value
  if (top) {
    if (top.percent)
      throw unsupported('TOP … PERCENT', 'TOP … PERCENT is not supported.', 'Use TOP n with a row count.')
    if (offsetNode)
      throw invalidQuery(
        'TOP cannot be combined with OFFSET/FETCH.',
        'Use either TOP n or ORDER BY … OFFSET n ROWS FETCH NEXT m ROWS ONLY.',
      )
    const n = positiveInteger({ type: 'number', value: top.value }, 'TOP', false)
    return n <= PAGE_LIMIT ? { top: n, skip: 0, want: n } : { skip: 0, want: n }
  }
  if (!offsetNode) return { skip: 0 }
  if (!ast.orderby?.length)
    throw invalidQuery('OFFSET/FETCH needs ORDER BY.', 'Add ORDER BY (e.g. the primary name column) before OFFSET.')
  const offset = positiveInteger(offsetNode, 'OFFSET', true)
  const fetchNode = limit?.fetch?.value
  const want = fetchNode ? positiveInteger(fetchNode, 'FETCH NEXT', false) : undefined
  if (want === undefined)
    throw unsupported(
      'OFFSET without FETCH',
      'OFFSET needs FETCH NEXT in read_query.',
      'Write OFFSET n ROWS FETCH NEXT m ROWS ONLY.',
    )
  if (offset === 0) return want <= PAGE_LIMIT ? { top: want, skip: 0, want } : { skip: 0, want }
  // The client pages with the paging cookie from the first page on, so rows before OFFSET are
  // fetched and skipped here; that scan is bounded.
  if (offset + want > MAX_SKIP_SCAN)
    throw unsupported(
      'OFFSET beyond the scan limit',
      `OFFSET ${offset} + FETCH NEXT ${want} is over the ${MAX_SKIP_SCAN.toLocaleString('en-US')}-row paging limit of read_query.`,
      'Narrow the WHERE clause instead (e.g. a range on the ORDER BY column after the last row you have).',
    )
  return { skip: offset, want }
}
