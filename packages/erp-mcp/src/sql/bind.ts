// Binds the parsed query to $metadata: tables to entity sets, aliases to sources, every column to a
// field of one source (canonical spelling and EDM type), ORDER BY to output columns where it names
// them, and checks GROUP BY the way SQL Server does. Unknown names are refused with close matches.

import { closestNames } from '../names.js'
import { findField } from '../odata/metadata.js'
import type { EntityInfo, ErpMetadata } from '../odata/types.js'
import { invalidQuery } from './errors.js'
import { type ColumnExpr, type Expr, type FromItem, hasAggregate, type SelectQuery, walk } from './ir.js'

export interface Source {
  index: number
  /** the alias as written, or the entity set name */
  alias: string
  entity: EntityInfo
  join: 'root' | 'inner' | 'left'
  /** 0 for the main query; each EXISTS subquery has its own */
  scope: number
  on?: Expr
  /** fields this query reads from the source */
  fields: Set<string>
}

export interface OutputColumn {
  name: string
  type: string
  expr: Expr
}

export interface BoundQuery {
  query: SelectQuery
  sources: Source[]
  outputs: OutputColumn[]
  aggregate: boolean
}

export function bindQuery(query: SelectQuery, metadata: ErpMetadata): BoundQuery {
  const sources: Source[] = []
  const aliases = new Map<string, Source>()
  let scopes = 0

  const addSources = (items: FromItem[], scope: number) =>
    items.map((item) => {
      const entity = metadata.find(item.table)
      if (!entity) {
        const close = closestNames(
          item.table,
          metadata.entities.map((e) => e.entitySet),
        )
        throw invalidQuery(
          `There is no entity set '${item.table}'.${close.length ? ` Close names: ${close.join(', ')}.` : ''}`,
          'Tables are entity sets (plural, e.g. CustomersV3); find them with data_find_entity_type.',
          { table: item.table, suggestions: close },
        )
      }
      const alias = item.alias ?? item.table
      if (aliases.has(alias.toLowerCase())) {
        throw invalidQuery(
          `The name '${alias}' is used for more than one table in the query.`,
          'Give each table, including those in EXISTS subqueries, its own alias, e.g. FROM CustomersV3 c JOIN CustomersV3 c2 ON ….',
        )
      }
      const source: Source = {
        index: sources.length,
        alias,
        entity,
        join: item.join,
        scope,
        ...(item.on ? { on: item.on } : {}),
        fields: new Set(),
      }
      sources.push(source)
      aliases.set(alias.toLowerCase(), source)
      return source
    })

  /** visible scopes, innermost first */
  const bindExpr = (expr: Expr, visible: number[]) => {
    walk(
      expr,
      (node) => {
        if (node.kind === 'column') bindColumn(node, visible)
        if (node.kind === 'exists') {
          const scope = ++scopes
          addSources(node.query.from, scope)
          const inner = [scope, ...visible]
          for (const item of node.query.from) if (item.on) bindExpr(item.on, inner)
          if (node.query.where) bindExpr(node.query.where, inner)
        }
      },
      false,
    )
  }

  const bindColumn = (column: ColumnExpr, visible: number[]) => {
    if (column.source !== undefined || column.output !== undefined) return
    let source: Source | undefined
    if (column.table) {
      source = aliases.get(column.table.toLowerCase())
      if (!source || !visible.includes(source.scope)) {
        const byTable = sources.find(
          (s) => visible.includes(s.scope) && s.entity.entitySet.toLowerCase() === column.table!.toLowerCase(),
        )
        throw invalidQuery(
          byTable
            ? `'${column.table}.${column.name}' names the table; it is aliased as ${byTable.alias}.`
            : `'${column.table}' in ${column.table}.${column.name} is not a table or alias of the query${source ? ' visible here' : ''}.`,
          byTable
            ? `Write ${byTable.alias}.${column.name}.`
            : `Qualify columns with an alias from FROM or JOIN: ${sources
                .filter((s) => visible.includes(s.scope))
                .map((s) => s.alias)
                .join(', ')}.`,
        )
      }
    } else {
      for (const scope of visible) {
        const candidates = sources.filter((s) => s.scope === scope && findField(s.entity, column.name))
        if (candidates.length > 1) {
          throw invalidQuery(
            `The column '${column.name}' is ambiguous: ${candidates.map((s) => `${s.alias}.${findField(s.entity, column.name)!.name}`).join(', ')}.`,
            'Qualify it with the table alias.',
          )
        }
        if (candidates.length === 1) {
          source = candidates[0]!
          break
        }
      }
      if (!source) {
        const visibleSources = sources.filter((s) => visible.includes(s.scope))
        const close = closestNames(
          column.name,
          visibleSources.flatMap((s) => s.entity.fields.map((f) => f.name)),
        )
        throw invalidQuery(
          `No table of the query has a field '${column.name}'.${close.length ? ` Close names: ${close.join(', ')}.` : ''}`,
          `Use field names from data_get_entity_metadata for ${visibleSources.map((s) => s.entity.entitySet).join(', ')}.`,
          { column: column.name, suggestions: close },
        )
      }
    }
    const field = findField(source.entity, column.name)
    if (!field) {
      const close = closestNames(
        column.name,
        source.entity.fields.map((f) => f.name),
      )
      throw invalidQuery(
        `${source.entity.entitySet} has no field '${column.name}'.${close.length ? ` Close names: ${close.join(', ')}.` : ''}`,
        `Use field names from data_get_entity_metadata for ${source.entity.entitySet}.`,
        { entitySet: source.entity.entitySet, column: column.name, suggestions: close },
      )
    }
    column.source = source.index
    column.field = field.name
    column.type = field.type === 'Enum' ? 'Enum' : field.type
    source.fields.add(field.name)
  }

  addSources(query.from, 0)
  const main = [0]
  for (const source of sources.filter((s) => s.scope === 0)) if (source.on) bindExpr(source.on, main)
  if (query.where) bindExpr(query.where, main)
  for (const column of query.columns) bindExpr(column.expr, main)
  for (const group of query.groupBy) bindExpr(group, main)

  const outputs = outputColumns(query)
  for (const item of query.orderBy) {
    const ref = outputReference(item.expr, query, outputs)
    if (ref !== undefined) {
      item.expr = { kind: 'column', name: outputs[ref]!.name, output: ref, type: outputs[ref]!.type }
    } else {
      bindExpr(item.expr, main)
    }
  }

  const aggregate = query.groupBy.length > 0 || query.columns.some((c) => hasAggregate(c.expr))
  if (aggregate) checkGrouping(query, sources)
  if (query.distinct && query.orderBy.some((o) => o.expr.kind !== 'column' || o.expr.output === undefined)) {
    const listed = new Set(query.columns.map((c) => key(c.expr)))
    const missing = query.orderBy.find(
      (o) => (o.expr.kind !== 'column' || o.expr.output === undefined) && !listed.has(key(o.expr)),
    )
    if (missing) {
      throw invalidQuery(
        'With SELECT DISTINCT, ORDER BY may only use columns of the SELECT list.',
        'Add the ORDER BY column to the SELECT list or order by an output column.',
      )
    }
  }
  return { query, sources, outputs, aggregate }
}

/** ORDER BY 2, or ORDER BY total where total is an output alias. */
function outputReference(expr: Expr, query: SelectQuery, outputs: OutputColumn[]): number | undefined {
  if (expr.kind === 'literal' && typeof expr.value === 'number') {
    if (!Number.isInteger(expr.value) || expr.value < 1 || expr.value > outputs.length) {
      throw invalidQuery(
        `ORDER BY ${expr.value} is out of range: the query has ${outputs.length} column${outputs.length === 1 ? '' : 's'}.`,
        'Order by a column position from 1, a column alias or a field.',
      )
    }
    return expr.value - 1
  }
  if (expr.kind === 'column' && !expr.table) {
    const index = query.columns.findIndex((c) => c.alias?.toLowerCase() === expr.name.toLowerCase())
    if (index >= 0) return index
  }
  return undefined
}

/** A stable text for comparing expressions (GROUP BY matching). */
export function key(expr: Expr): string {
  return JSON.stringify(expr, (_k, v) =>
    v && typeof v === 'object' && v.kind === 'column' ? { column: `${v.source}.${v.field}`, output: v.output } : v,
  )
}

function checkGrouping(query: SelectQuery, sources: Source[]) {
  const groups = new Set(query.groupBy.map(key))
  const check = (expr: Expr, where: string) => {
    if (groups.has(key(expr)) || expr.kind === 'aggregate' || expr.kind === 'literal') return
    if (expr.kind === 'column') {
      if (expr.output !== undefined) return
      const source = sources[expr.source!]!
      throw invalidQuery(
        `${source.alias}.${expr.field} in ${where} is neither grouped nor aggregated.`,
        `Add ${source.alias}.${expr.field} to GROUP BY, or wrap it in an aggregate such as MIN(${source.alias}.${expr.field}).`,
      )
    }
    if (expr.kind === 'exists') return
    walkChildren(expr, (child) => check(child, where))
  }
  for (const column of query.columns) check(column.expr, 'the SELECT list')
  for (const order of query.orderBy) check(order.expr, 'ORDER BY')
}

function walkChildren(expr: Expr, visit: (child: Expr) => void) {
  let first = true
  walk(
    expr,
    (node) => {
      if (first) {
        first = false
        return
      }
      visit(node)
    },
    false,
  )
}

function outputColumns(query: SelectQuery): OutputColumn[] {
  const used = new Map<string, number>()
  return query.columns.map(({ expr, alias }) => {
    const base = alias ?? describe(expr)
    const seen = used.get(base.toLowerCase()) ?? 0
    used.set(base.toLowerCase(), seen + 1)
    return { name: seen ? `${base}_${seen + 1}` : base, type: typeOf(expr), expr }
  })
}

/** A readable name for an unaliased output column: the field, or the expression as written. */
export function describe(expr: Expr): string {
  switch (expr.kind) {
    case 'column':
      return expr.field ?? expr.name
    case 'literal':
      return expr.value === null ? 'NULL' : String(expr.value)
    case 'aggregate':
      return `${expr.name}(${expr.distinct ? 'DISTINCT ' : ''}${expr.arg === '*' ? '*' : describe(expr.arg)})`
    case 'arithmetic':
      return `${describe(expr.left)} ${expr.op} ${describe(expr.right)}`
    case 'negate':
      return `-${describe(expr.expr)}`
    default:
      return 'expr'
  }
}

export function typeOf(expr: Expr): string {
  switch (expr.kind) {
    case 'column':
      return expr.type ?? 'String'
    case 'literal':
      return typeof expr.value === 'number' ? 'Decimal' : 'String'
    case 'aggregate':
      if (expr.name === 'COUNT') return 'Int64'
      if (expr.name === 'MIN' || expr.name === 'MAX') return expr.arg === '*' ? 'Int64' : typeOf(expr.arg)
      return 'Decimal'
    case 'arithmetic':
    case 'negate':
      return 'Decimal'
    default:
      return 'Boolean'
  }
}
