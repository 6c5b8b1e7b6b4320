// T-SQL SELECT → FetchXML. Parsing, table metadata and validation all happen here, so a query
// that is refused has run nothing; the caller executes the FetchXML and maps rows back.
import { unsupported } from './errors.js'
import { type FetchQuery, toFetchXml } from './fetchxml.js'
import { joinFilter, whereFilter } from './filter.js'
import { applyOrder, type Paging, paging } from './order.js'
import { parseSelect } from './parse.js'
import { Scopes, type TableResolver } from './scope.js'
import { buildProjection, type OutputColumn } from './select.js'

export interface Translation {
  fetchXml: string
  /** the root table's entity set, where the FetchXML is sent */
  entitySetName: string
  table: string
  columns: OutputColumn[]
  aggregate: boolean
  paging: Paging
}

export async function translateSql(sql: string, resolveTable: TableResolver): Promise<Translation> {
  const ast = parseSelect(sql)
  if (ast.having)
    throw unsupported(
      'HAVING',
      'HAVING is not supported (FetchXML cannot filter on aggregates).',
      'Filter rows before grouping in WHERE, or return the groups ordered by the aggregate and drop the ones you do not need.',
    )
  const scopes = await Scopes.build(ast.from, resolveTable)
  for (const scope of scopes.list) {
    const extras = scopes.extras.filter((e) => e.scope === scope).map((e) => e.condition)
    if (extras.length) scope.node.filter = joinFilter(extras, scopes, scope)
  }
  const projection = buildProjection(ast, scopes)
  if (ast.where) scopes.root.node.filter = whereFilter(ast.where, scopes)
  const { useRawOrderBy } = applyOrder(ast, scopes, projection)
  const page = paging(ast)
  const distinct = Boolean(ast.distinct) && !projection.aggregate
  const query: FetchQuery = {
    root: scopes.root.node,
    ...(page.top !== undefined ? { top: page.top } : {}),
    distinct,
    aggregate: projection.aggregate,
    useRawOrderBy,
  }
  return {
    fetchXml: toFetchXml(query),
    entitySetName: scopes.root.table.entitySetName,
    table: scopes.root.table.logicalName,
    columns: projection.columns,
    aggregate: projection.aggregate,
    paging: page,
  }
}
