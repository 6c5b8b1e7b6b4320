// The select list (with GROUP BY) to FetchXML attributes, and the result columns the user asked
// for with the key each has in a Web API row, so that rows can be mapped back to SQL names.
import type { ColumnInfo } from '../client/types.js'
import { invalidQuery, unsupported } from './errors.js'
import type { FetchAttribute } from './fetchxml.js'
import { expressionError, functionName, isSubquery, subqueryError } from './filter.js'
import type { SelectAst, SqlNode } from './parse.js'
import {
  columnName,
  fetchAlias,
  isColumnRef,
  LOOKUP_TYPES,
  type ResolvedColumn,
  type Scope,
  type Scopes,
} from './scope.js'
import { NUMBER_TYPES } from './values.js'

export interface OutputColumn {
  name: string
  /** logical name of the table the value comes from */
  table: string
  /** Dataverse attribute type, or the type an aggregate returns */
  type: string
  /** the property holding the value in a Web API row */
  key: string
  /** what ORDER BY may match: `scope.column` or `fn(scope.column)` */
  signature: string
  /** the table column, for plain (non-aggregate) columns */
  source?: ResolvedColumn
}

export interface Projection {
  aggregate: boolean
  columns: OutputColumn[]
  /** signature → FetchXML alias of grouped columns and aggregates (aggregate queries order by alias) */
  aliases: Map<string, string>
}

type AggregateName = 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX'
const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'])

export const columnSignature = (r: ResolvedColumn) => `${r.scope.name.toLowerCase()}.${r.column.logicalName}`

/** The property a plain (non-aggregate) column has in a Web API FetchXML row. */
export function rowKey(scope: Scope, column: ColumnInfo): string {
  if (!scope.root) return `${scope.node.alias}.${column.logicalName}`
  return LOOKUP_TYPES.has(column.type) ? `_${column.logicalName}_value` : column.logicalName
}

function isStar(node: SqlNode): boolean {
  return isColumnRef(node) && columnName(node) === '*'
}

function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted}_${i}`
  taken.add(name.toLowerCase())
  return name
}

function addAttribute(scope: Scope, attribute: FetchAttribute): void {
  const same = scope.node.attributes.some((a) => a.name === attribute.name && a.alias === attribute.alias)
  if (!same) scope.node.attributes.push(attribute)
}

class ProjectionBuilder {
  readonly columns: OutputColumn[] = []
  readonly aliases = new Map<string, string>()
  private readonly names = new Set<string>()

  constructor(private readonly scopes: Scopes) {}

  private output(wanted: string, qualified: string, column: Omit<OutputColumn, 'name'>): void {
    const taken = this.names.has(wanted.toLowerCase())
    this.columns.push({ ...column, name: uniqueName(taken ? qualified : wanted, this.names) })
  }

  plainColumn(node: SqlNode, as: string | null | undefined): void {
    if (isStar(node)) {
      const table = (node as { table?: string | null }).table
      for (const scope of table ? [this.scopes.scopeFor(table)] : this.scopes.list) this.star(scope)
      return
    }
    const r = this.scopes.resolveColumn(node as never)
    addAttribute(r.scope, { name: r.column.logicalName })
    this.output(as ?? r.column.logicalName, `${r.scope.name}.${r.column.logicalName}`, {
      table: r.scope.table.logicalName,
      type: r.column.type,
      key: rowKey(r.scope, r.column),
      signature: columnSignature(r),
      source: r,
    })
  }

  private star(scope: Scope): void {
    scope.node.allAttributes = true
    for (const column of scope.table.columns) {
      if (!column.isValidForRead) continue
      this.output(column.logicalName, `${scope.name}.${column.logicalName}`, {
        table: scope.table.logicalName,
        type: column.type,
        key: rowKey(scope, column),
        signature: columnSignature({ scope, column }),
        source: { scope, column },
      })
    }
  }

  /** GROUP BY columns become groupby attributes, selected or not (FetchXML needs each listed). */
  groupBy(node: SqlNode): void {
    if (!isColumnRef(node) || isStar(node)) throw expressionError(node, 'in GROUP BY')
    const r = this.scopes.resolveColumn(node)
    const signature = columnSignature(r)
    if (this.aliases.has(signature)) return
    const alias = fetchAlias(r.column.logicalName, this.scopes.aliases)
    this.aliases.set(signature, alias)
    addAttribute(r.scope, { name: r.column.logicalName, alias, groupby: true })
  }

  groupedColumn(node: SqlNode, as: string | null | undefined): void {
    if (isStar(node))
      throw unsupported(
        'SELECT * with GROUP BY',
        'SELECT * cannot be combined with GROUP BY or aggregates.',
        'List the grouped columns and the aggregates.',
      )
    const r = this.scopes.resolveColumn(node as never)
    const signature = columnSignature(r)
    const alias = this.aliases.get(signature)
    if (!alias)
      throw invalidQuery(
        `'${r.scope.name}.${r.column.logicalName}' is selected but neither grouped nor aggregated.`,
        `Add ${r.scope.root ? '' : `${r.scope.name}.`}${r.column.logicalName} to GROUP BY, or wrap it in an aggregate such as MAX(${r.column.logicalName}).`,
        { column: r.column.logicalName },
      )
    this.output(as ?? r.column.logicalName, `${r.scope.name}.${r.column.logicalName}`, {
      table: r.scope.table.logicalName,
      type: r.column.type,
      key: alias,
      signature,
    })
  }

  aggregateColumn(node: SqlNode, as: string | null | undefined): void {
    const { name, distinct, countAll, target, signature } = aggregateCall(node, this.scopes)
    const { column } = target
    if ((name === 'SUM' || name === 'AVG') && !NUMBER_TYPES.has(column.type))
      throw invalidQuery(
        `${name}(${column.logicalName}) needs a number column; '${column.logicalName}' is ${column.type}.`,
        `Use ${name} on an Integer, Decimal, Double or Money column, or COUNT(${column.logicalName}).`,
      )
    if ((name === 'MIN' || name === 'MAX') && !NUMBER_TYPES.has(column.type) && column.type !== 'DateTime')
      throw invalidQuery(
        `${name}(${column.logicalName}) needs a number or date column; '${column.logicalName}' is ${column.type}.`,
        'Use MIN/MAX on a number or date column, or GROUP BY this column to list its values.',
      )
    if (distinct && name !== 'COUNT')
      throw unsupported(
        `${name}(DISTINCT …)`,
        `${name}(DISTINCT …) is not supported; FetchXML has DISTINCT only for COUNT.`,
        `Use ${name}(${column.logicalName}) or COUNT(DISTINCT ${column.logicalName}).`,
      )
    const aggregate = countAll
      ? 'count'
      : name === 'COUNT'
        ? 'countcolumn'
        : (name.toLowerCase() as FetchAttribute['aggregate'])
    const fallback = countAll ? 'count' : `${name.toLowerCase()}${distinct ? '_distinct' : ''}_${column.logicalName}`
    let alias = this.aliases.get(signature)
    if (!alias) {
      alias = fetchAlias(as ?? fallback, this.scopes.aliases)
      this.aliases.set(signature, alias)
      addAttribute(target.scope, {
        name: column.logicalName,
        alias,
        aggregate,
        ...(distinct ? { distinct: true } : {}),
      })
    }
    const type =
      name === 'COUNT'
        ? 'Integer'
        : name === 'AVG' && !['Money', 'Decimal'].includes(column.type)
          ? 'Double'
          : column.type
    this.output(as ?? fallback, `${target.scope.name}.${fallback}`, {
      table: target.scope.table.logicalName,
      type,
      key: alias,
      signature,
    })
  }
}

interface AggregateCall {
  name: AggregateName
  distinct: boolean
  /** COUNT(*) or COUNT(1): counted on the root table's primary id */
  countAll: boolean
  target: ResolvedColumn
  signature: string
}

/** What an aggregate call counts or sums; shared by the select list and ORDER BY. */
export function aggregateCall(node: SqlNode, scopes: Scopes): AggregateCall {
  const name = functionName(node) as AggregateName
  const args = (node.args ?? {}) as { expr?: SqlNode; distinct?: string | null }
  if (node.over)
    throw unsupported(
      'OVER (window function)',
      `${name}() OVER (…) window functions are not supported.`,
      'Use GROUP BY with the aggregate instead.',
    )
  const distinct = Boolean(args.distinct)
  const arg = args.expr ?? ({} as SqlNode)
  if (isSubquery(arg)) throw subqueryError()
  const countAll = name === 'COUNT' && !distinct && (arg.type === 'star' || arg.type === 'number')
  let target: ResolvedColumn
  if (countAll) {
    const root = scopes.root
    const pk = root.table.columns.find((c) => c.logicalName === root.table.primaryIdAttribute)
    if (!pk)
      throw invalidQuery(`Table '${root.table.logicalName}' has no primary id column.`, 'Use COUNT(column) instead.')
    target = { scope: root, column: pk }
  } else {
    if (!isColumnRef(arg) || isStar(arg)) throw expressionError(arg, `inside ${name}()`)
    target = scopes.resolveColumn(arg)
  }
  const signature = `${name}(${distinct ? 'distinct ' : ''}${countAll ? '*' : columnSignature(target)})`
  return { name, distinct, countAll, target, signature }
}

export function isAggregate(node: SqlNode): boolean {
  return node.type === 'aggr_func' && AGGREGATES.has(functionName(node))
}

export function buildProjection(ast: SelectAst, scopes: Scopes): Projection {
  const items = ast.columns === '*' ? [{ expr: { type: 'column_ref', column: '*' } as SqlNode, as: null }] : ast.columns
  let groups = ast.groupby?.columns ?? []
  // DISTINCT over joined columns only: the root entity would have to return a column (its id),
  // which makes every row distinct, so group by the selected columns instead.
  const onlyJoined =
    Boolean(ast.distinct) &&
    groups.length === 0 &&
    items.every((i) => isColumnRef(i.expr) && !isStar(i.expr) && !scopes.resolveColumn(i.expr).scope.root)
  if (onlyJoined) groups = items.map((i) => i.expr)
  const aggregate = groups.length > 0 || items.some((i) => isAggregate(i.expr))
  const builder = new ProjectionBuilder(scopes)
  for (const group of groups) builder.groupBy(group)
  for (const { expr, as } of items) {
    if (isAggregate(expr)) builder.aggregateColumn(expr, as)
    else if (isColumnRef(expr)) aggregate ? builder.groupedColumn(expr, as) : builder.plainColumn(expr, as)
    else if (expr.type === 'aggr_func')
      throw unsupported(
        `${functionName(expr)}()`,
        `The aggregate ${functionName(expr)}() is not supported.`,
        'Use COUNT, SUM, AVG, MIN or MAX.',
      )
    else throw expressionError(expr, 'in the select list')
  }
  // Without attributes the root entity would return every column.
  const root = scopes.root.node
  if (!aggregate && !root.allAttributes && root.attributes.length === 0)
    root.attributes.push({ name: scopes.root.table.primaryIdAttribute })
  return { aggregate, columns: builder.columns, aliases: builder.aliases }
}
