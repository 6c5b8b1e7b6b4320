// The SQL dialect as a small tree of its own: what node-sql-parser produced, checked and reduced
// to the constructs data_find_entities_sql runs. Planning and SQL generation read only this.

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>='
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%'
export type AggregateName = 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX'

export interface ColumnExpr {
  kind: 'column'
  /** the qualifier as written (alias or entity set), if any */
  table?: string
  name: string
  /** set by binding: the source (by index) and the field's canonical name and type */
  source?: number
  field?: string
  type?: string
  /** set by binding for ORDER BY: a reference to an output column by alias or position */
  output?: number
}

export type Expr =
  | ColumnExpr
  | { kind: 'literal'; value: string | number | null }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr }
  | { kind: 'arithmetic'; op: ArithmeticOp; left: Expr; right: Expr }
  | { kind: 'negate'; expr: Expr }
  | { kind: 'and'; items: Expr[] }
  | { kind: 'or'; items: Expr[] }
  | { kind: 'not'; expr: Expr }
  | { kind: 'like'; expr: Expr; pattern: Expr; negated: boolean }
  | { kind: 'in'; expr: Expr; list: Expr[]; negated: boolean }
  | { kind: 'between'; expr: Expr; low: Expr; high: Expr; negated: boolean }
  | { kind: 'isNull'; expr: Expr; negated: boolean }
  | { kind: 'exists'; query: SubQuery; negated: boolean }
  | { kind: 'aggregate'; name: AggregateName; arg: Expr | '*'; distinct: boolean }

export interface FromItem {
  /** the entity set as written */
  table: string
  alias?: string
  join: 'root' | 'inner' | 'left'
  on?: Expr
}

export interface SubQuery {
  from: FromItem[]
  where?: Expr
}

export interface SelectQuery {
  distinct: boolean
  top?: number
  columns: Array<{ expr: Expr; alias?: string }>
  from: FromItem[]
  where?: Expr
  groupBy: Expr[]
  orderBy: Array<{ expr: Expr; desc: boolean }>
}

/** Calls `visit` on every expression node below `expr`, descending into EXISTS subqueries when asked. */
export function walk(expr: Expr, visit: (node: Expr) => void, intoSubqueries = true): void {
  visit(expr)
  switch (expr.kind) {
    case 'compare':
    case 'arithmetic':
      walk(expr.left, visit, intoSubqueries)
      walk(expr.right, visit, intoSubqueries)
      break
    case 'negate':
    case 'not':
      walk(expr.expr, visit, intoSubqueries)
      break
    case 'and':
    case 'or':
      for (const item of expr.items) walk(item, visit, intoSubqueries)
      break
    case 'like':
      walk(expr.expr, visit, intoSubqueries)
      walk(expr.pattern, visit, intoSubqueries)
      break
    case 'in':
      walk(expr.expr, visit, intoSubqueries)
      for (const item of expr.list) walk(item, visit, intoSubqueries)
      break
    case 'between':
      walk(expr.expr, visit, intoSubqueries)
      walk(expr.low, visit, intoSubqueries)
      walk(expr.high, visit, intoSubqueries)
      break
    case 'isNull':
      walk(expr.expr, visit, intoSubqueries)
      break
    case 'aggregate':
      if (expr.arg !== '*') walk(expr.arg, visit, intoSubqueries)
      break
    case 'exists':
      if (intoSubqueries) {
        for (const item of expr.query.from) if (item.on) walk(item.on, visit, intoSubqueries)
        if (expr.query.where) walk(expr.query.where, visit, intoSubqueries)
      }
      break
  }
}

/** The AND-ed parts of a condition. */
export function conjuncts(expr: Expr | undefined): Expr[] {
  if (!expr) return []
  return expr.kind === 'and' ? expr.items.flatMap(conjuncts) : [expr]
}

export function hasAggregate(expr: Expr): boolean {
  let found = false
  walk(
    expr,
    (node) => {
      if (node.kind === 'aggregate') found = true
    },
    false,
  )
  return found
}
