// WHERE (and extra ON conditions) to a FetchXML filter. FetchXML has no NOT, so negations are
// pushed down to the conditions (De Morgan; eq ↔ ne, like ↔ not-like, in ↔ not-in …).
import { invalidQuery, unsupported } from './errors.js'
import type { FetchCondition, FetchFilter } from './fetchxml.js'
import type { SqlNode } from './parse.js'
import { columnName, isColumnRef, type ResolvedColumn, type Scope, type Scopes } from './scope.js'
import { conditionValue, describeLiteral, type Literal, literalOf, TEXT_TYPES } from './values.js'

type Predicate =
  | { kind: 'and' | 'or'; items: Predicate[] }
  | { kind: 'cond'; target: ResolvedColumn; operator: string; values: string[] }

const COMPARISONS: Record<string, string> = {
  '=': 'eq',
  '<>': 'ne',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
}
const FLIPPED: Record<string, string> = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' }
const NEGATED: Record<string, string> = {
  eq: 'ne',
  ne: 'eq',
  lt: 'ge',
  ge: 'lt',
  gt: 'le',
  le: 'gt',
  like: 'not-like',
  'not-like': 'like',
  in: 'not-in',
  'not-in': 'in',
  between: 'not-between',
  'not-between': 'between',
  null: 'not-null',
  'not-null': 'null',
}

export function isSubquery(node: unknown): boolean {
  return typeof node === 'object' && node !== null && 'ast' in node
}

export const subqueryError = () =>
  unsupported(
    'subquery',
    'Subqueries are not supported.',
    'Use a JOIN on a lookup column with a WHERE condition on the joined table, or run two read_query calls.',
  )

/** A refusal for any expression that is not a plain column, literal or supported predicate. */
export function expressionError(node: SqlNode, where: string) {
  if (isSubquery(node)) return subqueryError()
  if (node.type === 'function' || node.type === 'aggr_func') {
    const name = functionName(node)
    if (name === 'EXISTS') return subqueryError()
    return unsupported(
      `${name}()`,
      `The function ${name}() is not supported ${where}.`,
      'Only COUNT, SUM, AVG, MIN and MAX are supported, in the select list. Select the plain column and transform the values yourself.',
    )
  }
  if (literalOf(node))
    return unsupported(
      'literal value',
      `Literal values are not supported ${where}.`,
      'Select columns by name, bare or in [brackets]; \'…\' and "…" are strings in T-SQL.',
    )
  if (node.type === 'case')
    return unsupported(
      'CASE',
      `CASE expressions are not supported ${where}.`,
      'Select the plain column and map the values yourself.',
    )
  if (node.type === 'cast' || node.type === 'convert')
    return unsupported(
      'CAST',
      `CAST/CONVERT is not supported ${where}.`,
      "Write the literal in the column's type, e.g. '2024-05-01' for a date.",
    )
  if (node.type === 'binary_expr' && ['+', '-', '*', '/', '%'].includes(String(node.operator)))
    return unsupported(
      `arithmetic (${String(node.operator)})`,
      `Arithmetic expressions are not supported ${where}.`,
      'Compare plain columns with literal values, and compute derived values from the returned rows.',
    )
  return unsupported(
    String(node.type ?? 'expression'),
    `This ${String(node.type ?? 'expression')} is not supported ${where}.`,
    'Use plain columns and literal values.',
  )
}

export function functionName(node: SqlNode): string {
  const name = node.name as unknown
  if (typeof name === 'string') return name.toUpperCase()
  const parts = (name as { name?: Array<{ value?: unknown }> } | undefined)?.name
  return String(parts?.map((p) => p.value).join('.') ?? 'function').toUpperCase()
}

class FilterBuilder {
  constructor(
    private readonly scopes: Scopes,
    /** ON conditions: every column must belong to this table */
    private readonly within?: Scope,
  ) {}

  predicate(node: SqlNode, negated: boolean): Predicate {
    if (isSubquery(node)) throw subqueryError()
    const op = String(node.operator ?? '').toUpperCase()
    if (node.type === 'binary_expr' && (op === 'AND' || op === 'OR')) {
      const kind = (op === 'AND') !== negated ? 'and' : 'or'
      const items = [this.predicate(node.left as SqlNode, negated), this.predicate(node.right as SqlNode, negated)]
      return { kind, items: items.flatMap((i) => (i.kind === kind ? i.items : [i])) }
    }
    if (node.type === 'unary_expr' && op === 'NOT') return this.predicate(node.expr as SqlNode, !negated)
    if (node.type === 'function' && functionName(node) === 'NOT') {
      const inner = (node.args as { value?: SqlNode[] } | undefined)?.value
      if (inner?.length === 1) return this.predicate(inner[0] as SqlNode, !negated)
    }
    if (node.type === 'binary_expr') return this.condition(node, op, negated)
    if (isColumnRef(node))
      throw invalidQuery(
        `'${columnName(node)}' alone is not a condition.`,
        `Compare it with a value, e.g. ${columnName(node)} = 1 for a yes/no column.`,
      )
    throw expressionError(node, 'in WHERE')
  }

  private column(node: SqlNode): ResolvedColumn {
    if (!isColumnRef(node)) throw expressionError(node, 'in WHERE')
    const resolved = this.scopes.resolveColumn(node)
    if (this.within && resolved.scope !== this.within)
      throw unsupported(
        'ON condition on another table',
        `The ON clause of '${this.within.name}' can only add conditions on '${this.within.name}'; '${resolved.scope.name}.${resolved.column.logicalName}' belongs to another table.`,
        'Move that condition to WHERE.',
      )
    return resolved
  }

  private literal(node: SqlNode, target: ResolvedColumn): Literal {
    if (isColumnRef(node))
      throw unsupported(
        'column comparison',
        `Comparing two columns ('${target.column.logicalName}' and '${columnName(node)}') is not supported.`,
        'Compare each column with a literal value; to relate two tables, JOIN them on a lookup column.',
      )
    if (node.type === 'null')
      throw invalidQuery(
        `'${target.column.logicalName}' is compared with NULL using an operator; that is never true in SQL.`,
        `Write ${target.column.logicalName} IS NULL or IS NOT NULL.`,
      )
    const literal = literalOf(node)
    if (!literal) throw expressionError(node, 'in WHERE')
    return literal
  }

  private condition(node: SqlNode, op: string, negated: boolean): Predicate {
    const cond = (target: ResolvedColumn, operator: string, values: string[]): Predicate => ({
      kind: 'cond',
      target,
      operator: negated ? (NEGATED[operator] as string) : operator,
      values,
    })
    const left = node.left as SqlNode
    const right = node.right as SqlNode
    if (Object.hasOwn(COMPARISONS, op)) {
      const base = COMPARISONS[op] as string
      if (!isColumnRef(left) && isColumnRef(right)) {
        const target = this.column(right)
        return cond(target, FLIPPED[base] as string, [conditionValue(target.column, this.literal(left, target))])
      }
      const target = this.column(left)
      return cond(target, base, [conditionValue(target.column, this.literal(right, target))])
    }
    if (op === 'LIKE' || op === 'NOT LIKE') {
      const target = this.column(left)
      const literal = this.literal(right, target)
      if (!TEXT_TYPES.has(target.column.type) || literal.kind !== 'string')
        throw invalidQuery(
          `LIKE needs a text column and a quoted pattern; '${target.column.logicalName}' is ${target.column.type} and the pattern is ${describeLiteral(literal)}.`,
          TEXT_TYPES.has(target.column.type)
            ? `Quote the pattern, e.g. ${target.column.logicalName} LIKE 'Contoso%'.`
            : `Use = or IN for '${target.column.logicalName}', or LIKE on a text column.`,
        )
      // FetchXML like takes SQL patterns: % and _ mean the same there.
      return cond(target, op === 'LIKE' ? 'like' : 'not-like', [literal.value])
    }
    if (op === 'IN' || op === 'NOT IN') {
      const target = this.column(left)
      const list = (right as { value?: SqlNode[] }).value ?? []
      if (list.some(isSubquery)) throw subqueryError()
      const values = list.map((v) => conditionValue(target.column, this.literal(v, target)))
      return cond(target, op === 'IN' ? 'in' : 'not-in', values)
    }
    if (op === 'BETWEEN' || op === 'NOT BETWEEN') {
      const target = this.column(left)
      const bounds = (right as { value?: SqlNode[] }).value ?? []
      const values = bounds.map((v) => conditionValue(target.column, this.literal(v, target)))
      return cond(target, op === 'BETWEEN' ? 'between' : 'not-between', values)
    }
    if ((op === 'IS' || op === 'IS NOT') && right?.type === 'null') {
      const target = this.column(left)
      return cond(target, op === 'IS' ? 'null' : 'not-null', [])
    }
    if (op === 'IS' || op === 'IS NOT')
      throw invalidQuery('IS only compares with NULL.', 'Write IS NULL or IS NOT NULL, or use = for values.')
    throw expressionError(node, 'in WHERE')
  }
}

function emit(predicate: Predicate, within?: Scope): FetchCondition | FetchFilter {
  if (predicate.kind !== 'cond')
    return { kind: 'filter', type: predicate.kind, items: predicate.items.map((p) => emit(p, within)) }
  const { target, operator, values } = predicate
  const condition: FetchCondition = {
    kind: 'condition',
    attribute: target.column.logicalName,
    operator,
    values,
    ...(!within && !target.scope.root ? { entityname: target.scope.node.alias } : {}),
  }
  // SQL's NOT LIKE is never true for NULL; say so explicitly rather than rely on the server.
  if (operator === 'not-like')
    return { kind: 'filter', type: 'and', items: [condition, { ...condition, operator: 'not-null', values: [] }] }
  return condition
}

function asFilter(item: FetchCondition | FetchFilter): FetchFilter {
  return item.kind === 'filter' ? item : { kind: 'filter', type: 'and', items: [item] }
}

/** WHERE → the root entity's filter; columns of joined tables carry entityname="alias". */
export function whereFilter(where: SqlNode, scopes: Scopes): FetchFilter {
  return asFilter(emit(new FilterBuilder(scopes).predicate(where, false)))
}

/** Extra ON conditions → the link-entity's own filter (for LEFT JOIN they restrict the joined rows only). */
export function joinFilter(conditions: SqlNode[], scopes: Scopes, scope: Scope): FetchFilter {
  const builder = new FilterBuilder(scopes, scope)
  const items = conditions.map((c) => emit(builder.predicate(c, false), scope))
  return {
    kind: 'filter',
    type: 'and',
    items: items.flatMap((i) => (i.kind === 'filter' && i.type === 'and' ? i.items : [i])),
  }
}
