// Compiles a parsed $filter to a parameterized SQL condition.

import { badRequest, ErrorCodes, querySyntaxError, unknownProperty } from '../errors.js'
import { isLookupType, type SchemaModel, type TableModel } from '../model.js'
import { type ColumnRef, type ConditionEnv, conditionSql, isTextAttribute } from '../query/conditions.js'
import { crmFunctionToOperator } from '../query/date-ranges.js'
import { quote } from '../store/columns.js'
import type { CompareOp, FilterNode, Literal, Operand } from './filter-parser.js'
import { edmType, resolveProperty } from './properties.js'

export interface FilterScope {
  model: SchemaModel
  table: TableModel
  alias: string
  env: ConditionEnv
  /** generates unique SQL aliases for subqueries */
  nextAlias: () => string
  /** lambda variable in scope: `c` in `contacts/any(c: c/fullname eq 'x')` */
  variable?: { name: string; table: TableModel; alias: string }
}

const FLIP: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' }
const OP_KIND: Record<CompareOp, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
}

export function compileFilter(node: FilterNode, scope: FilterScope): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${compileFilter(node.left, scope)} ${node.kind.toUpperCase()} ${compileFilter(node.right, scope)})`
    case 'not':
      return `NOT (${compileFilter(node.expr, scope)})`
    case 'compare':
      return compileCompare(node.op, node.left, node.right, scope)
    case 'text': {
      const col = resolveColumn(node.property, scope)
      if (!isTextAttribute(col.attr) || node.value.kind !== 'string') {
        throw querySyntaxError(`The function '${node.fn}' needs a string property and a string value.`)
      }
      const operator = node.fn === 'contains' ? 'contains' : node.fn === 'startswith' ? 'begins-with' : 'ends-with'
      return conditionSql(col, operator, [node.value.value], scope.env)
    }
    case 'function':
      return compileQueryFunction(node.name, node.args, scope)
    case 'lambda':
      return compileLambda(node, scope)
  }
}

/** Resolves `name`, `_x_value`, `nav/name` or `var/name` (inside a lambda) to a column. */
export function resolveColumn(path: string[], scope: FilterScope): ColumnRef {
  let table = scope.table
  let alias = scope.alias
  let segments = path
  if (scope.variable && path[0] === scope.variable.name) {
    table = scope.variable.table
    alias = scope.variable.alias
    segments = path.slice(1)
  }
  if (segments.length === 1) {
    const attr = resolveProperty(table, segments[0] as string)
    return { sql: `${alias}.${quote(attr.logicalName)}`, attr, table }
  }
  if (segments.length === 2) {
    const nav = table.single.get(segments[0] as string)
    if (!nav) throw unknownProperty(segments[0] as string, table.def.logicalName)
    const target = scope.model.table(nav.target)
    if (!target) throw unknownProperty(segments[0] as string, table.def.logicalName)
    const attr = resolveProperty(target, segments[1] as string)
    const sub = scope.nextAlias()
    const sql = `(SELECT ${sub}.${quote(attr.logicalName)} FROM ${quote(target.def.logicalName)} ${sub} WHERE ${sub}.${quote(target.def.primaryIdAttribute)} = ${alias}.${quote(nav.attribute)})`
    return { sql, attr, table: target }
  }
  throw querySyntaxError(`The property path '${path.join('/')}' is not supported.`)
}

function literalEdm(lit: Literal): string {
  switch (lit.kind) {
    case 'string':
      return 'Edm.String'
    case 'number':
      return lit.isInteger ? 'Edm.Int32' : 'Edm.Decimal'
    case 'boolean':
      return 'Edm.Boolean'
    case 'guid':
      return 'Edm.Guid'
    case 'datetime':
      return lit.value.length === 10 ? 'Edm.Date' : 'Edm.DateTimeOffset'
    case 'enum':
      return lit.type
    case 'null':
      return 'null'
  }
}

const NUMERIC = new Set(['Edm.Int32', 'Edm.Int64', 'Edm.Decimal', 'Edm.Double'])
const DATES = new Set(['Edm.Date', 'Edm.DateTimeOffset'])

function compatible(a: string, b: string): boolean {
  return a === b || (NUMERIC.has(a) && NUMERIC.has(b)) || (DATES.has(a) && DATES.has(b))
}

function incompatible(left: string, right: string, op: CompareOp) {
  return querySyntaxError(
    `A binary operator with incompatible types was detected. Found operand types '${left}' and '${right}' for operator kind '${OP_KIND[op]}'.`,
  )
}

function literalValue(lit: Literal): unknown {
  return lit.kind === 'null' ? null : lit.value
}

function compileCompare(op: CompareOp, left: Operand, right: Operand, scope: FilterScope): string {
  if (left.kind === 'literal' && right.kind === 'property') return compileCompare(FLIP[op], right, left, scope)
  if (left.kind !== 'property') throw querySyntaxError('A comparison needs a property on one side.')
  const col = resolveColumn(left.path, scope)
  if (right.kind === 'property') {
    const other = resolveColumn(right.path, scope)
    if (!compatible(edmType(col.attr), edmType(other.attr)))
      throw incompatible(edmType(col.attr), edmType(other.attr), op)
    const sqlOp = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' }[op]
    return `${col.sql} ${sqlOp} ${other.sql}`
  }
  if (right.kind !== 'literal') throw querySyntaxError('An array is only valid as a query function argument.')
  const lit = right.value
  if (lit.kind === 'null') {
    if (op === 'eq') return `${col.sql} IS NULL`
    if (op === 'ne') return `${col.sql} IS NOT NULL`
    throw querySyntaxError(`The operator '${op}' can't compare with null.`)
  }
  const colEdm = edmType(col.attr)
  if (!compatible(colEdm, literalEdm(lit))) throw incompatible(colEdm, literalEdm(lit), op)
  return conditionSql(col, op, [literalValue(lit)], scope.env)
}

function stringArg(args: Record<string, Operand>, name: string, fn: string): string {
  const arg = args[name]
  if (arg?.kind !== 'literal' || arg.value.kind !== 'string') {
    throw querySyntaxError(`The function 'Microsoft.Dynamics.CRM.${fn}' needs the parameter '${name}' as a string.`)
  }
  return arg.value.value
}

function argValues(arg: Operand | undefined): unknown[] {
  if (!arg) return []
  if (arg.kind === 'array') return arg.items.map(literalValue)
  if (arg.kind === 'literal') return [literalValue(arg.value)]
  throw querySyntaxError('Query function values must be literals.')
}

const SPECIAL_OPERATORS: Record<string, string> = {
  EqualUserId: 'eq-userid',
  NotEqualUserId: 'ne-userid',
  EqualBusinessId: 'eq-businessid',
  NotEqualBusinessId: 'ne-businessid',
}

function compileQueryFunction(name: string, args: Record<string, Operand>, scope: FilterScope): string {
  // Query functions name columns by logical name, lookups included ('ownerid', not '_ownerid_value').
  const propertyName = stringArg(args, 'PropertyName', name)
  const attr = scope.table.attributes.get(propertyName)
  const path = attr && isLookupType(attr.type) ? [`_${propertyName}_value`] : propertyName.split('/')
  const col = resolveColumn(path, scope)
  const operator = SPECIAL_OPERATORS[name] ?? crmFunctionToOperator(name)
  const values = args.PropertyValues ? argValues(args.PropertyValues) : argValues(args.PropertyValue)
  try {
    return conditionSql(col, operator, values, scope.env)
  } catch (err) {
    if (err instanceof Error && /is not valid/.test(err.message)) {
      throw badRequest(
        ErrorCodes.resourceNotFound,
        `The query function 'Microsoft.Dynamics.CRM.${name}' is not supported.`,
      )
    }
    throw err
  }
}

function compileLambda(node: Extract<FilterNode, { kind: 'lambda' }>, scope: FilterScope): string {
  const nav = scope.table.collection.get(node.navigation)
  if (!nav) throw unknownProperty(node.navigation, scope.table.def.logicalName)
  const target = scope.model.table(nav.target)
  if (!target) throw unknownProperty(node.navigation, scope.table.def.logicalName)
  const alias = scope.nextAlias()
  const join = `${alias}.${quote(nav.referencingAttribute)} = ${scope.alias}.${quote(scope.table.def.primaryIdAttribute)}`
  const from = `FROM ${quote(target.def.logicalName)} ${alias} WHERE ${join}`
  if (!node.body || !node.variable) return `${node.quantifier === 'any' ? '' : 'NOT '}EXISTS (SELECT 1 ${from})`
  const inner: FilterScope = { ...scope, variable: { name: node.variable, table: target, alias } }
  const body = compileFilter(node.body, inner)
  return node.quantifier === 'any'
    ? `EXISTS (SELECT 1 ${from} AND ${body})`
    : `NOT EXISTS (SELECT 1 ${from} AND NOT (${body}))`
}
