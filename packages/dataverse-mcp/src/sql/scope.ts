// The tables of a query: FROM and its JOINs become the FetchXML entity and nested link-entity
// nodes, and every column reference is resolved against them (by alias, table name or, when
// unqualified, the one table that has the column).
import { closestNames, quoteList } from '../client/names.js'
import type { ColumnInfo, TableMetadata } from '../client/types.js'
import { invalidQuery, unsupported } from './errors.js'
import type { FetchNode } from './fetchxml.js'
import type { ColumnRefNode, FromItem, SqlNode } from './parse.js'

export type TableResolver = (name: string) => Promise<TableMetadata>

export const LOOKUP_TYPES = new Set(['Lookup', 'Customer', 'Owner'])

export interface Scope {
  /** the name the query uses for the table: its alias, or its name as written */
  name: string
  table: TableMetadata
  node: FetchNode
  root: boolean
  /** names that may qualify its columns */
  qualifiers: string[]
}

export interface ResolvedColumn {
  scope: Scope
  column: ColumnInfo
}

/** ON-clause conditions beyond the lookup equality; they filter the joined table (link-entity filter). */
export interface JoinExtra {
  scope: Scope
  condition: SqlNode
}

export function isColumnRef(node: unknown): node is ColumnRefNode {
  return (node as SqlNode | null)?.type === 'column_ref'
}

export function columnName(ref: ColumnRefNode): string {
  if (typeof ref.column === 'string') return ref.column
  return String(ref.column?.expr?.value ?? '')
}

const JOIN_TYPES: Record<string, 'inner' | 'outer'> = {
  JOIN: 'inner',
  'INNER JOIN': 'inner',
  'LEFT JOIN': 'outer',
  'LEFT OUTER JOIN': 'outer',
}

function splitAnd(node: SqlNode): SqlNode[] {
  if (node.type === 'binary_expr' && String(node.operator).toUpperCase() === 'AND')
    return [...splitAnd(node.left as SqlNode), ...splitAnd(node.right as SqlNode)]
  return [node]
}

/** A FetchXML-safe alias (a letter, then letters, digits, underscores), unique in `taken`. */
export function fetchAlias(name: string, taken: Set<string>): string {
  let alias = name.replace(/[^A-Za-z0-9_]/g, '_')
  if (!/^[A-Za-z]/.test(alias)) alias = `t_${alias}`
  let candidate = alias
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${alias}${i}`
  taken.add(candidate.toLowerCase())
  return candidate
}

export class Scopes {
  readonly list: Scope[] = []
  readonly extras: JoinExtra[] = []
  /** aliases used in the FetchXML (link-entities and aggregate columns share one namespace) */
  readonly aliases = new Set<string>()

  get root(): Scope {
    return this.list[0] as Scope
  }

  static async build(from: FromItem[] | null | undefined, resolve: TableResolver): Promise<Scopes> {
    if (!from?.length)
      throw invalidQuery(
        'The query has no FROM clause.',
        'Name a table: SELECT … FROM account (logical or entity set name).',
      )
    const scopes = new Scopes()
    for (const [index, item] of from.entries()) {
      if (item.expr !== undefined || !item.table)
        throw unsupported(
          'subquery',
          'Subqueries (derived tables in FROM) are not supported.',
          'Query the table directly; JOIN tables on their lookup columns and filter with WHERE.',
        )
      const table = await resolve(item.table)
      const name = item.as ?? item.table
      if (scopes.list.some((s) => s.name.toLowerCase() === name.toLowerCase()))
        throw invalidQuery(
          `The name '${name}' is used for two tables.`,
          'Give each joined table its own alias, e.g. JOIN systemuser owner ON …',
        )
      const qualifiers = item.as ? [item.as] : [item.table, table.logicalName, table.entitySetName]
      if (index === 0) {
        if (item.join)
          throw invalidQuery(`The FROM clause starts with ${item.join}.`, 'Write SELECT … FROM table1 JOIN table2 ON …')
        const node: FetchNode = { table, allAttributes: false, attributes: [], orders: [], links: [] }
        scopes.list.push({ name, table, node, root: true, qualifiers })
        continue
      }
      const kind = item.join ? JOIN_TYPES[item.join.toUpperCase()] : undefined
      if (!kind) {
        const construct = item.join ? item.join.toUpperCase() : 'comma join'
        throw unsupported(
          construct,
          `${item.join ? item.join.toUpperCase() : 'A comma-separated FROM list (implicit join)'} is not supported.`,
          `Use INNER JOIN or LEFT JOIN … ON ${name}.<lookup> = <table>.<id> (or the reverse), with the FROM table first.`,
        )
      }
      await scopes.addJoin(item, name, table, qualifiers, kind)
    }
    return scopes
  }

  private async addJoin(
    item: FromItem,
    name: string,
    table: TableMetadata,
    qualifiers: string[],
    kind: 'inner' | 'outer',
  ) {
    const node: FetchNode = { table, allAttributes: false, attributes: [], orders: [], links: [] }
    node.alias = fetchAlias(name, this.aliases)
    const scope: Scope = { name, table, node, root: false, qualifiers }
    if (!item.on)
      throw invalidQuery(
        `The JOIN of '${name}' has no ON clause.`,
        `Add ON with a lookup column, e.g. ${this.suggestOn(scope)}.`,
      )
    this.list.push(scope)
    const conjuncts = splitAnd(item.on)
    let linked = false
    for (const condition of conjuncts) {
      if (!linked && this.tryLink(condition, scope, kind)) {
        linked = true
        continue
      }
      this.extras.push({ scope, condition })
    }
    if (!linked) {
      this.list.pop()
      throw invalidQuery(
        `The JOIN of '${name}' is not on a lookup relationship.`,
        `Join on a lookup column: ${this.suggestOn(scope)}.`,
        { table: table.logicalName },
      )
    }
  }

  /** Links the new scope under the scope its ON equality names, when that equality follows a lookup. */
  private tryLink(condition: SqlNode, scope: Scope, kind: 'inner' | 'outer'): boolean {
    if (condition.type !== 'binary_expr' || condition.operator !== '=') return false
    const { left, right } = condition
    if (!isColumnRef(left) || !isColumnRef(right)) return false
    const a = this.resolveColumn(left)
    const b = this.resolveColumn(right)
    const [mine, other] = a.scope === scope ? [a, b] : b.scope === scope ? [b, a] : [undefined, undefined]
    if (!mine || !other || other.scope === scope) return false
    if (
      !lookupBetween(other.scope.table, other.column, mine.scope.table, mine.column) &&
      !lookupBetween(mine.scope.table, mine.column, other.scope.table, other.column)
    )
      throw invalidQuery(
        `${left.table ?? ''}${left.table ? '.' : ''}${columnName(left)} = ${right.table ?? ''}${right.table ? '.' : ''}${columnName(right)} is not a lookup relationship between '${other.scope.table.logicalName}' and '${scope.table.logicalName}'.`,
        `Join on a lookup column: ${this.suggestOn(scope, other.scope)}.`,
      )
    scope.node.link = { from: mine.column.logicalName, to: other.column.logicalName, type: kind }
    other.scope.node.links.push(scope.node)
    return true
  }

  /** ON clauses that would work between the new table and the tables already in the query. */
  private suggestOn(scope: Scope, only?: Scope): string {
    const options: string[] = []
    for (const other of only ? [only] : this.list) {
      if (other === scope) continue
      for (const r of other.table.manyToOne)
        if (r.referencedEntity === scope.table.logicalName)
          options.push(`${other.name}.${r.referencingAttribute} = ${scope.name}.${r.referencedAttribute}`)
      for (const r of scope.table.manyToOne)
        if (r.referencedEntity === other.table.logicalName)
          options.push(`${scope.name}.${r.referencingAttribute} = ${other.name}.${r.referencedAttribute}`)
    }
    if (!options.length)
      return `no lookup column links '${scope.table.logicalName}' with ${only ? `'${only.table.logicalName}'` : 'the other tables'}; join through a table both have lookups to`
    const shown = options.slice(0, 6)
    return `ON ${shown.join(', or ON ')}${options.length > shown.length ? ` (${options.length - shown.length} more)` : ''}`
  }

  scopeFor(qualifier: string): Scope {
    const wanted = qualifier.toLowerCase()
    const found = this.list.find((s) => s.qualifiers.some((q) => q.toLowerCase() === wanted))
    if (found) return found
    const names = this.list.map((s) => s.name)
    throw invalidQuery(
      `'${qualifier}' is not a table or alias in this query.`,
      `Qualify columns with one of ${quoteList(names)}.`,
      { qualifier },
    )
  }

  resolveColumn(ref: ColumnRefNode): ResolvedColumn {
    const name = columnName(ref)
    if (name.startsWith('@'))
      throw unsupported(
        'variable',
        `Variables and parameters such as ${name} are not supported.`,
        'Write the value inline as a literal.',
      )
    if (ref.table) {
      const scope = this.scopeFor(ref.table)
      return { scope, column: findColumn(scope, name) }
    }
    const hits: ResolvedColumn[] = []
    for (const scope of this.list) {
      const column = lookupColumn(scope.table, name)
      if (column) hits.push({ scope, column })
    }
    if (hits.length === 1) return hits[0] as ResolvedColumn
    if (hits.length > 1)
      throw invalidQuery(
        `The column '${name}' is ambiguous: ${hits.map((h) => `'${h.scope.name}'`).join(' and ')} both have it.`,
        `Qualify it, e.g. ${hits.map((h) => `${h.scope.name}.${h.column.logicalName}`).join(' or ')}.`,
      )
    return { scope: this.root, column: findColumn(this.root, name, this.list.length > 1 ? this.list : undefined) }
  }
}

/** `name` or the Web API form `_name_value`, case-insensitively. */
function lookupColumn(table: TableMetadata, name: string): ColumnInfo | undefined {
  const wanted = name.toLowerCase()
  const plain = /^_(.+)_value$/.exec(wanted)?.[1]
  return table.columns.find(
    (c) => c.logicalName === wanted || (plain !== undefined && c.logicalName === plain && LOOKUP_TYPES.has(c.type)),
  )
}

function findColumn(scope: Scope, name: string, all?: Scope[]): ColumnInfo {
  const column = lookupColumn(scope.table, name)
  if (column) return column
  const candidates = (all ?? [scope]).flatMap((s) =>
    s.table.columns.map((c) => (all && !s.root ? `${s.name}.${c.logicalName}` : c.logicalName)),
  )
  const close = closestNames(name, candidates)
  const where = all ? 'any table of this query' : `'${scope.table.logicalName}'`
  throw invalidQuery(
    `Column '${name}' does not exist in ${where}.${close.length ? ` Closest: ${quoteList(close)}.` : ''}`,
    `Use a column logical name${close.length ? ` such as ${quoteList(close)}` : ''}; describe_table lists the columns of '${scope.table.logicalName}'.`,
    { column: name, table: scope.table.logicalName, suggestions: close },
  )
}

/** True when `column` of `from` is a lookup to `to` whose referenced column is `target`. */
function lookupBetween(from: TableMetadata, column: ColumnInfo, to: TableMetadata, target: ColumnInfo): boolean {
  const viaRelationship = from.manyToOne.some(
    (r) =>
      r.referencingAttribute === column.logicalName &&
      r.referencedEntity === to.logicalName &&
      r.referencedAttribute === target.logicalName,
  )
  if (viaRelationship) return true
  return (
    LOOKUP_TYPES.has(column.type) &&
    (column.targets ?? []).includes(to.logicalName) &&
    target.logicalName === to.primaryIdAttribute
  )
}
