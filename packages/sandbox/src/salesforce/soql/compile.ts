// SOQL → SQLite: the SELECT list, relationship joins, WHERE/HAVING trees, grouping, ordering and
// limits, with every value bound as a parameter and every identifier taken from the schema.
import type {
  FunctionExp,
  GroupByClause,
  OrderByClause,
  FieldType as ParsedField,
  Query,
  Subquery,
} from '@jetstreamapp/soql-parser-js'
import type { ObjectModel, SchemaModel } from '../schema/model.js'
import type { FieldDef } from '../schema/types.js'
import { quote } from '../store.js'
import { AGGREGATES, type CompiledFunction, compileFunction } from './functions.js'
import { type Literal, LiteralReader } from './literals.js'
import { offsetOf, queryError } from './parse.js'
import { type Fragment, type JoinNode, PathResolver } from './paths.js'
import { type BoolTree, type ConditionLeaf, conditionTree } from './where.js'

export interface QueryEnv {
  model: SchemaModel
  soql: string
  now: Date
  /** queryAll: include deleted records */
  includeDeleted: boolean
}

export type OutputColumn =
  /** a record field, possibly reached through parents (`names`) */
  | { kind: 'field'; alias: string; field: FieldDef; names: string[] }
  /** a flat value of an aggregate result */
  | { kind: 'value'; alias: string; key: string; field: FieldDef }
  | { kind: 'child'; key: string; plan: ChildPlan }

export interface ChildPlan {
  relationshipName: string
  /** the child's lookup to the parent */
  fkField: string
  query: CompiledQuery
}

export interface CompiledQuery {
  object: ObjectModel
  columns: OutputColumn[]
  /** parents used in the SELECT list: their id (and type) columns tell an empty lookup from a record */
  nodes: Array<{ node: JoinNode; idAlias: string; typeAlias?: string }>
  aggregate: boolean
  countOnly: boolean
  /** alias of the FROM object in the SQL */
  rootAlias: string
  /**
   * SQL without LIMIT/OFFSET; `extra` adds a condition and `extraColumns` hidden columns (child
   * subqueries restrict to their parents and read the lookup back).
   */
  sql(extra?: Fragment, extraColumns?: string[]): Fragment
  limit?: number
  offset?: number
}

const MAX_OFFSET = 2000

let aliasCounter = 0

export function compileQuery(env: QueryEnv, query: Query | Subquery, objectOverride?: ObjectModel): CompiledQuery {
  const object = objectOverride ?? resolveObject(env, (query as Query).sObject ?? '')
  return new Compiler(env, object, query).compile()
}

function resolveObject(env: QueryEnv, name: string): ObjectModel {
  const object = env.model.object(name)
  if (!object)
    throw queryError(
      'INVALID_TYPE',
      env.soql,
      `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
      offsetOf(env.soql, name),
    )
  return object
}

const and = (parts: Fragment[]): Fragment => ({
  sql: parts.map((p) => `(${p.sql})`).join(' AND '),
  params: parts.flatMap((p) => p.params),
})

class Compiler {
  private readonly paths: PathResolver
  private readonly literals: LiteralReader
  private readonly prefix = `q${++aliasCounter % 1_000_000}`
  private readonly select: string[] = []
  private readonly columns: OutputColumn[] = []
  private readonly nodes: CompiledQuery['nodes'] = []
  private exprCount = 0

  constructor(
    private readonly env: QueryEnv,
    private readonly object: ObjectModel,
    private readonly query: Query | Subquery,
  ) {
    this.paths = new PathResolver(env.model, object, `${this.prefix}t0`, env.soql, query.sObjectAlias)
    this.literals = new LiteralReader(env.soql, env.now)
  }

  private malformed(message: string, near?: string) {
    return queryError('MALFORMED_QUERY', this.env.soql, message, near ? offsetOf(this.env.soql, near) : undefined)
  }

  private column(expr: string): string {
    const alias = `c${this.select.length}`
    this.select.push(`${expr} AS ${quote(alias)}`)
    return alias
  }

  private fn(fn: FunctionExp, allowAggregate: boolean): CompiledFunction {
    const [param] = fn.parameters ?? []
    if (param !== undefined && typeof param !== 'string')
      throw this.malformed(`Nested functions are not supported: ${fn.rawValue ?? fn.functionName}`, fn.functionName)
    const arg = param === undefined ? undefined : this.paths.resolve(param)
    const compiled = compileFunction(this.env.soql, fn.functionName ?? '', arg, fn.rawValue ?? fn.functionName ?? '')
    if (compiled.aggregate && !allowAggregate)
      throw this.malformed('Aggregate functions are not allowed here', fn.functionName)
    return compiled
  }

  compile(): CompiledQuery {
    const q = this.query
    const fields = q.fields ?? []
    const isAggregateFn = (f: ParsedField) =>
      f.type === 'FieldFunctionExpression' && AGGREGATES.has(f.functionName.toUpperCase())
    const groupBy = q.groupBy ? (Array.isArray(q.groupBy) ? q.groupBy : [q.groupBy]) : []
    const countOnly =
      fields.length === 1 &&
      fields[0]!.type === 'FieldFunctionExpression' &&
      fields[0]!.functionName.toUpperCase() === 'COUNT' &&
      !fields[0]!.parameters?.length
    if (
      !countOnly &&
      fields.some(
        (f) =>
          f.type === 'FieldFunctionExpression' && f.functionName.toUpperCase() === 'COUNT' && !f.parameters?.length,
      )
    )
      throw this.malformed('COUNT() must be the only element in the SELECT list', 'COUNT')
    const aggregate = !countOnly && (groupBy.length > 0 || fields.some(isAggregateFn))

    const groupExprs = groupBy.map((g) => this.groupExpr(g))
    if (!countOnly) this.selectList(fields, aggregate, new Set(groupExprs))

    const where = q.where ? this.tree(conditionTree(q.where), false) : undefined
    const having = q.having ? this.tree(conditionTree(q.having), true) : undefined
    if (having && !aggregate) throw this.malformed('HAVING needs GROUP BY or an aggregate function', 'HAVING')
    const orderBy = (q.orderBy ? (Array.isArray(q.orderBy) ? q.orderBy : [q.orderBy]) : []).map((o) =>
      this.order(o, aggregate),
    )

    if (q.offset !== undefined && q.offset > MAX_OFFSET)
      throw queryError(
        'NUMBER_OUTSIDE_VALID_RANGE',
        this.env.soql,
        `Maximum SOQL offset allowed is ${MAX_OFFSET}`,
        offsetOf(this.env.soql, 'OFFSET'),
      )

    const deleted = this.env.includeDeleted ? [] : [{ sql: `${this.prefix}t0."IsDeleted" = 0`, params: [] }]
    const rowOrder = `${this.prefix}t0.rowid`
    const from = () => this.paths.fromClause()
    const select = this.select.length ? this.select : [`${this.prefix}t0."Id" AS "c0"`]
    // Hidden columns come last so that aliases c0.. match the SELECT list.
    const idColumn = `${this.prefix}t0."Id" AS "__id"`

    return {
      object: this.object,
      columns: this.columns,
      nodes: this.nodes,
      aggregate,
      countOnly,
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
      ...(q.offset !== undefined ? { offset: q.offset } : {}),
      rootAlias: `${this.prefix}t0`,
      sql: (extra?: Fragment, extraColumns: string[] = []): Fragment => {
        const conditions = [...deleted, ...(where ? [where] : []), ...(extra ? [extra] : [])]
        const whereSql = conditions.length ? and(conditions) : { sql: '', params: [] }
        const parts = [
          `SELECT ${countOnly ? '1 AS "c0"' : [...select, ...(aggregate ? [] : [idColumn]), ...extraColumns].join(', ')} FROM ${from()}`,
          whereSql.sql ? `WHERE ${whereSql.sql}` : '',
          groupExprs.length ? `GROUP BY ${groupExprs.join(', ')}` : '',
          having ? `HAVING ${having.sql}` : '',
          orderBy.length ? `ORDER BY ${orderBy.join(', ')}` : aggregate || countOnly ? '' : `ORDER BY ${rowOrder}`,
        ]
        return { sql: parts.filter(Boolean).join(' '), params: [...whereSql.params, ...(having?.params ?? [])] }
      },
    }
  }

  private groupExpr(g: GroupByClause): string {
    if ('field' in g && g.field) return this.paths.resolve(g.field).expr
    if ('fn' in g && g.fn) {
      const name = (g.fn.functionName ?? '').toUpperCase()
      if (name === 'ROLLUP' || name === 'CUBE')
        throw this.malformed(`GROUP BY ${name} is not supported by the sandbox`, name)
      return this.fn(g.fn, false).expr
    }
    throw this.malformed('Unsupported GROUP BY')
  }

  private nextExprKey(alias?: string): string {
    return alias ?? `expr${this.exprCount++}`
  }

  private selectList(fields: ParsedField[], aggregate: boolean, groupExprs: Set<string>): void {
    const seen = new Set<string>()
    for (const item of fields) {
      switch (item.type) {
        case 'Field':
        case 'FieldRelationship': {
          const path = item.type === 'Field' ? item.field : [...item.relationships, item.field].join('.')
          this.addField(
            path,
            aggregate,
            groupExprs,
            seen,
            'alias' in item ? (item.alias as string | undefined) : undefined,
          )
          break
        }
        case 'FieldFunctionExpression': {
          const name = item.functionName.toUpperCase()
          if (name === 'FIELDS') {
            this.fieldsFunction(item, aggregate, groupExprs, seen)
            break
          }
          const compiled = this.fn(item, true)
          if (aggregate && !compiled.aggregate && !groupExprs.has(compiled.expr))
            throw this.malformed(`Field must be grouped or aggregated: ${item.rawValue}`, item.functionName)
          const passThrough = !compiled.aggregate && compiled.field.name !== 'expr'
          if (passThrough && !aggregate) {
            this.addField(String(item.parameters[0]), aggregate, groupExprs, seen, item.alias)
            break
          }
          const key = passThrough ? (item.alias ?? compiled.field.name) : this.nextExprKey(item.alias)
          this.columns.push({ kind: 'value', alias: this.column(compiled.expr), key, field: compiled.field })
          break
        }
        case 'FieldSubquery':
          if (aggregate)
            throw this.malformed('Subqueries are not allowed in aggregate queries', item.subquery.relationshipName)
          this.childQuery(item.subquery)
          break
        default:
          throw this.malformed(
            'TYPEOF is not supported by the sandbox; select the polymorphic fields (Who.Name, What.Type) instead',
            'TYPEOF',
          )
      }
    }
  }

  private fieldsFunction(item: FunctionExp, aggregate: boolean, groupExprs: Set<string>, seen: Set<string>): void {
    const which = String(item.parameters?.[0] ?? '').toUpperCase()
    if (aggregate) throw this.malformed('FIELDS() is not allowed in aggregate queries', 'FIELDS')
    if (which === 'ALL' && (this.query.limit === undefined || this.query.limit > 200))
      throw this.malformed('The SOQL FIELDS function must have a LIMIT of at most 200', 'FIELDS')
    // The emulated org has no custom fields, so CUSTOM adds nothing and ALL equals STANDARD.
    if (which === 'CUSTOM') throw this.malformed('FIELDS(CUSTOM): the object has no custom fields', 'FIELDS')
    for (const f of this.object.def.fields) this.addField(f.name, aggregate, groupExprs, seen)
  }

  private addField(path: string, aggregate: boolean, groupExprs: Set<string>, seen: Set<string>, alias?: string): void {
    const resolved = this.paths.resolve(path)
    const names = resolved.node?.names ?? []
    const dedupeKey = [...names, resolved.field.name].join('.').toLowerCase()
    if (seen.has(dedupeKey)) throw this.malformed(`duplicate field selected: ${path}`, path.split('.').pop())
    seen.add(dedupeKey)
    if (aggregate) {
      if (!groupExprs.has(resolved.expr))
        throw this.malformed(`Field must be grouped or aggregated: ${path}`, path.split('.').pop())
      this.columns.push({
        kind: 'value',
        alias: this.column(resolved.expr),
        key: alias ?? resolved.field.name,
        field: resolved.field,
      })
      return
    }
    if (resolved.node) this.trackNodes(resolved.node)
    this.columns.push({ kind: 'field', alias: this.column(resolved.expr), field: resolved.field, names })
  }

  /** Every parent on the path gets an id column, so that shaping knows when a lookup is empty. */
  private trackNodes(node: JoinNode): void {
    for (let depth = 1; depth <= node.names.length; depth++) {
      const key = node.names.slice(0, depth).join('.').toLowerCase()
      if (this.nodes.some((n) => n.node.key === key)) continue
      const current = this.paths.joins.get(key)!
      this.nodes.push({
        node: current,
        idAlias: this.column(current.idExpr),
        ...(current.typeExpr ? { typeAlias: this.column(current.typeExpr) } : {}),
      })
    }
  }

  private childQuery(sub: Subquery): void {
    const rel = this.object.child(sub.relationshipName)
    if (!rel)
      throw queryError(
        'INVALID_TYPE',
        this.env.soql,
        `Didn't understand relationship '${sub.relationshipName}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
        offsetOf(this.env.soql, sub.relationshipName),
      )
    const child = this.env.model.object(rel.childSObject)!
    const query = compileQuery(this.env, sub, child)
    if (query.aggregate || query.countOnly)
      throw this.malformed('Aggregate functions are not allowed in subqueries', sub.relationshipName)
    this.columns.push({
      kind: 'child',
      key: rel.relationshipName,
      plan: { relationshipName: rel.relationshipName, fkField: rel.field, query },
    })
  }

  private order(o: OrderByClause, aggregate: boolean): string {
    let expr: string
    if ('field' in o && o.field) {
      expr = this.paths.resolve(o.field).expr
    } else if ('fn' in o && o.fn) {
      expr = this.fn(o.fn, aggregate).expr
    } else throw this.malformed('Unsupported ORDER BY')
    const direction = o.order === 'DESC' ? 'DESC' : 'ASC'
    const nulls = o.nulls ?? (direction === 'ASC' ? 'FIRST' : 'LAST')
    return `${expr} ${direction} NULLS ${nulls}`
  }

  private tree(tree: BoolTree, having: boolean): Fragment {
    switch (tree.kind) {
      case 'leaf':
        return this.condition(tree.condition, having)
      case 'not': {
        const inner = this.tree(tree.operand, having)
        return { sql: `NOT (${inner.sql})`, params: inner.params }
      }
      default: {
        const parts = tree.operands.map((t) => this.tree(t, having))
        return {
          sql: parts.map((p) => `(${p.sql})`).join(tree.kind === 'and' ? ' AND ' : ' OR '),
          params: parts.flatMap((p) => p.params),
        }
      }
    }
  }

  private condition(c: ConditionLeaf, having: boolean): Fragment {
    const operator = String(c.operator).toUpperCase()
    let target: { expr: string; field: FieldDef }
    if (c.fn) {
      target = this.fn(c.fn as FunctionExp, having)
    } else {
      target = this.paths.resolve(String(c.field))
    }
    if (c.valueQuery) return this.semiJoin(target, operator, c.valueQuery as Query)
    const values = Array.isArray(c.value) ? (c.value as string[]) : [String(c.value)]
    const types = Array.isArray(c.literalType) ? (c.literalType as string[]) : values.map(() => String(c.literalType))
    const ns = Array.isArray(c.dateLiteralVariable)
      ? (c.dateLiteralVariable as number[])
      : [c.dateLiteralVariable as number]
    const literals = values.map((v, i) =>
      this.literals.read(target.field, v, types[i] ?? types[0]!, ns[i] ?? undefined),
    )
    return this.comparison(target.expr, target.field, operator, literals, values)
  }

  private comparison(expr: string, field: FieldDef, operator: string, literals: Literal[], raw: string[]): Fragment {
    const one = literals[0]!
    if (operator === 'IN' || operator === 'NOT IN') {
      const parts = literals.map((l) => this.comparison(expr, field, '=', [l], raw))
      const any = { sql: parts.map((p) => `(${p.sql})`).join(' OR '), params: parts.flatMap((p) => p.params) }
      // SOQL's NOT IN keeps records whose value is null.
      return operator === 'IN' ? any : { sql: `${expr} IS NULL OR NOT (${any.sql})`, params: any.params }
    }
    if (operator === 'INCLUDES' || operator === 'EXCLUDES') {
      if (field.type !== 'multipicklist')
        throw queryError(
          'INVALID_FIELD',
          this.env.soql,
          `${operator} operator is only valid on multi-select picklist fields`,
          offsetOf(this.env.soql, field.name),
        )
      const groups = literals.map((l) => {
        const wanted = String(l.kind === 'value' ? l.value : '')
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)
        const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`)
        return {
          sql: wanted.map(() => `(';' || ${expr} || ';') LIKE ? ESCAPE '\\'`).join(' AND ') || '0',
          params: wanted.map((w) => `%;${escapeLike(w)};%`),
        }
      })
      const any = { sql: groups.map((g) => `(${g.sql})`).join(' OR '), params: groups.flatMap((g) => g.params) }
      return operator === 'INCLUDES'
        ? { sql: `${expr} IS NOT NULL AND (${any.sql})`, params: any.params }
        : { sql: `${expr} IS NULL OR NOT (${any.sql})`, params: any.params }
    }
    if (operator === 'LIKE') {
      if (one.kind !== 'value' || typeof one.value !== 'string')
        throw queryError(
          'INVALID_FIELD',
          this.env.soql,
          `invalid operator on field ${field.name}: LIKE`,
          offsetOf(this.env.soql, field.name),
        )
      return { sql: `${expr} LIKE ? ESCAPE '\\'`, params: [one.value] }
    }
    if (one.kind === 'null') {
      if (operator === '=') return { sql: `${expr} IS NULL`, params: [] }
      if (operator === '!=') return { sql: `${expr} IS NOT NULL`, params: [] }
      throw this.malformed(`null can only be compared with = or !=`, raw[0])
    }
    if (one.kind === 'range') {
      switch (operator) {
        case '=':
          return { sql: `${expr} >= ? AND ${expr} < ?`, params: [one.from, one.to] }
        case '!=':
          return { sql: `${expr} IS NULL OR ${expr} < ? OR ${expr} >= ?`, params: [one.from, one.to] }
        case '<':
          return { sql: `${expr} < ?`, params: [one.from] }
        case '<=':
          return { sql: `${expr} < ?`, params: [one.to] }
        case '>':
          return { sql: `${expr} >= ?`, params: [one.to] }
        case '>=':
          return { sql: `${expr} >= ?`, params: [one.from] }
      }
    }
    const value = (one as { value: string | number }).value
    switch (operator) {
      case '=':
        return { sql: `${expr} = ?`, params: [value] }
      case '!=':
        return { sql: `${expr} IS NULL OR ${expr} <> ?`, params: [value] }
      case '<':
      case '<=':
      case '>':
      case '>=':
        return { sql: `${expr} ${operator} ?`, params: [value] }
    }
    throw this.malformed(`unexpected operator: ${operator}`, operator)
  }

  private semiJoin(target: { expr: string; field: FieldDef }, operator: string, sub: Query): Fragment {
    if (operator !== 'IN' && operator !== 'NOT IN') throw this.malformed('A subquery needs IN or NOT IN', sub.sObject)
    if (target.field.type !== 'id' && target.field.type !== 'reference')
      throw queryError(
        'INVALID_FIELD',
        this.env.soql,
        `${target.field.name}: only ID and reference fields can be compared with a subquery`,
        offsetOf(this.env.soql, target.field.name),
      )
    const object = resolveObject(this.env, sub.sObject ?? '')
    const inner = new Compiler(this.env, object, { ...sub, orderBy: undefined } as Query)
    const fields = sub.fields ?? []
    const only = fields[0]
    if (fields.length !== 1 || !only || (only.type !== 'Field' && only.type !== 'FieldRelationship'))
      throw this.malformed('A semi-join subquery selects exactly one Id or reference field', sub.sObject)
    const compiled = inner.compile()
    const sql = compiled.sql()
    // The inner SELECT list is the one field (c0) and the hidden record id; keep only the field.
    const selectSql = `SELECT "c0" FROM (${sql.sql}) WHERE "c0" IS NOT NULL`
    return operator === 'IN'
      ? { sql: `${target.expr} IN (${selectSql})`, params: sql.params }
      : { sql: `${target.expr} IS NULL OR ${target.expr} NOT IN (${selectSql})`, params: sql.params }
  }
}
