// Parses data_find_entities_sql's SQL with node-sql-parser (T-SQL) and reduces it to the dialect
// the official ERP server takes, refusing — before anything runs — every construct outside it,
// each named, with the rewrite that works instead.
import transactsql from 'node-sql-parser/build/transactsql.js'
import { DIALECT, invalidQuery, unsupported } from './errors.js'
import type { AggregateName, CompareOp, Expr, FromItem, SelectQuery, SubQuery } from './ir.js'

const { Parser } = transactsql
const parser = new Parser()

type Node = Record<string, any>

/** The text with comments removed and string literals and [identifiers] blanked, for keyword scans. */
function skeleton(sql: string): string {
  return sql
    .replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ')
    .replace(/N?'(?:[^']|'')*'/g, "''")
    .replace(/\[[^\]]*\]/g, 'x')
}

const WRITE_TOOLS: Record<string, string> = {
  INSERT: 'data_create_entities',
  UPDATE: 'data_update_entities',
  MERGE: 'data_create_entities or data_update_entities',
  DELETE: 'data_delete_entities',
  TRUNCATE: 'data_delete_entities',
}

function refuseStatement(keyword: string): never {
  const upper = keyword.toUpperCase()
  const tool = WRITE_TOOLS[upper]
  throw unsupported(
    `${upper} statement`,
    `${upper} statements are not allowed: data_find_entities_sql only reads (SELECT).`,
    tool
      ? `Use ${tool} to change data; use data_find_entities_sql for SELECT only.`
      : `Send a single SELECT. ${DIALECT}`,
  )
}

/** Constructs the parser mangles or cannot read, found in the text itself. */
function refuseByText(text: string) {
  const checks: Array<[RegExp, string, string, string]> = [
    [
      /\bRIGHT\s+(OUTER\s+)?JOIN\b/i,
      'RIGHT JOIN',
      'RIGHT JOIN is not supported.',
      'Swap the two tables and use LEFT JOIN: A RIGHT JOIN B ON … is B LEFT JOIN A ON ….',
    ],
    [
      /\bFULL\s+(OUTER\s+)?JOIN\b/i,
      'FULL JOIN',
      'FULL (OUTER) JOIN is not supported.',
      'Use INNER JOIN or LEFT JOIN; for rows missing on either side run two LEFT JOIN queries.',
    ],
    [
      /\bCROSS\s+(JOIN|APPLY)\b|\bOUTER\s+APPLY\b/i,
      'CROSS JOIN',
      'CROSS JOIN and APPLY are not supported.',
      'Use INNER JOIN … ON with the fields that relate the two entity sets.',
    ],
    [
      /\bWITH\s+TIES\b/i,
      'TOP WITH TIES',
      'TOP … WITH TIES is not supported.',
      'Use TOP n with ORDER BY, asking for a few more rows if ties matter.',
    ],
    [
      /\bOVER\s*\(/i,
      'window function',
      'Window functions (… OVER (…)) are not supported.',
      'Use GROUP BY with COUNT/SUM/AVG/MIN/MAX, or ORDER BY with TOP for rankings.',
    ],
    [
      /\bOFFSET\s+\S+\s+ROWS?\b|\bFETCH\s+(NEXT|FIRST)\b/i,
      'OFFSET/FETCH',
      'OFFSET … FETCH is not supported.',
      'Use TOP n; to page through rows use data_find_entities with skip or its nextCursor.',
    ],
  ]
  for (const [pattern, construct, message, fix] of checks) {
    if (pattern.test(text)) throw unsupported(construct, message, fix)
  }
  const setOp = /\b(UNION|EXCEPT|INTERSECT)\b/i.exec(text)?.[1]?.toUpperCase()
  if (setOp) {
    throw unsupported(
      setOp,
      `${setOp} is not supported.`,
      'Run each SELECT separately and combine the results, or use OR in one WHERE clause.',
    )
  }
}

function parseFailure(sql: string, error: unknown): never {
  const message = error instanceof Error ? error.message : String(error)
  const where = (error as { location?: { start?: { line?: number; column?: number } } }).location?.start
  const at = where?.line ? ` (line ${where.line}, column ${where.column})` : ''
  if (/\bLIMIT\s+\d+/i.test(sql)) refuseLimit()
  throw invalidQuery(
    `The SQL could not be parsed${at}: ${message.slice(0, 300)}`,
    `Correct the syntax (T-SQL). ${DIALECT}`,
  )
}

function refuseLimit(): never {
  throw unsupported('LIMIT', 'LIMIT is not T-SQL.', 'Use SELECT TOP n … instead.')
}

export function parseSql(sql: string): SelectQuery {
  const text = skeleton(sql)
  const keyword = /^\s*([A-Za-z]+)/.exec(text)?.[1] ?? ''
  if (/^with$/i.test(keyword)) {
    throw unsupported(
      'WITH (CTE)',
      'Common table expressions (WITH … AS) are not supported.',
      'Inline the CTE: query its entity sets directly with JOINs and WHERE conditions, or use [NOT] EXISTS.',
    )
  }
  if (keyword && !/^select$/i.test(keyword)) refuseStatement(keyword)
  refuseByText(text)
  let ast: unknown
  try {
    ast = parser.astify(sql, { database: 'transactsql' })
  } catch (error) {
    parseFailure(sql, error)
  }
  const statements = (Array.isArray(ast) ? ast : [ast]) as Node[]
  if (statements.length !== 1) {
    throw unsupported(
      'multiple statements',
      `data_find_entities_sql runs one statement; this text has ${statements.length}.`,
      'Send one SELECT per call, without a separating semicolon.',
    )
  }
  const statement = statements[0]!
  if (statement.type !== 'select') refuseStatement(String(statement.type ?? keyword))
  return toSelect(statement)
}

function toSelect(node: Node): SelectQuery {
  checkStatementShape(node)
  if (node.columns === '*' || !Array.isArray(node.columns)) refuseStar()
  const columns = (node.columns as Node[]).map((item) => {
    if (item.expr?.type === 'column_ref' && columnName(item.expr) === '*') refuseStar()
    return { expr: toExpr(item.expr, 'select'), ...(item.as ? { alias: identifier(item.as) } : {}) }
  })
  const top = node.top ? topOf(node.top) : undefined
  return {
    distinct: Boolean(node.distinct),
    ...(top !== undefined ? { top } : {}),
    columns,
    from: fromItems(node.from),
    ...(node.where ? { where: toExpr(node.where, 'where') } : {}),
    groupBy: ((node.groupby?.columns ?? []) as Node[]).map((g) => toExpr(g, 'group')),
    orderBy: ((node.orderby ?? []) as Node[]).map((o) => ({
      expr: toExpr(o.expr, 'order'),
      desc: String(o.type ?? '').toUpperCase() === 'DESC',
    })),
  }
}

function checkStatementShape(node: Node, inExists = false) {
  if (node.with)
    throw unsupported('WITH (CTE)', 'Common table expressions (WITH … AS) are not supported.', 'Inline the CTE.')
  if (node._next || node.set_op) {
    const op = String(node.set_op ?? 'union').toUpperCase()
    throw unsupported(op, `${op} is not supported.`, 'Run each SELECT separately and combine the results.')
  }
  if (node.having) {
    throw unsupported(
      'HAVING',
      'HAVING is not supported.',
      'Filter rows before grouping in WHERE, or ORDER BY the aggregate and read the groups you need (TOP n).',
    )
  }
  if (node.limit?.offset || node.limit?.fetch) {
    throw unsupported(
      'OFFSET/FETCH',
      'OFFSET … FETCH is not supported.',
      'Use TOP n; to page through rows use data_find_entities with skip or its nextCursor.',
    )
  }
  if (Array.isArray(node.limit?.value) && node.limit.value.length) refuseLimit()
  if (node.into?.expr)
    throw unsupported('SELECT INTO', 'SELECT INTO is not allowed: the tool only reads.', 'Remove INTO.')
  if (node.top?.percent) {
    throw unsupported('TOP PERCENT', 'TOP … PERCENT is not supported.', 'Use TOP n with a number of rows.')
  }
  if (inExists && node.groupby?.columns?.length) {
    throw unsupported(
      'GROUP BY in EXISTS',
      'GROUP BY inside EXISTS is not supported.',
      'Remove the GROUP BY from the subquery.',
    )
  }
}

function refuseStar(): never {
  throw unsupported(
    'SELECT *',
    'SELECT * is not supported: list the columns you need.',
    'Name the fields, e.g. SELECT c.CustomerAccount, c.OrganizationName FROM CustomersV3 c; data_get_entity_metadata lists an entity set’s fields.',
  )
}

function topOf(top: Node): number {
  const value = Number(typeof top.value === 'object' ? top.value?.value : top.value)
  if (!Number.isInteger(value) || value < 0)
    throw invalidQuery(`TOP needs a whole number; got ${JSON.stringify(top.value)}.`, 'Write TOP 10 (or TOP (10)).')
  return value
}

function fromItems(from: unknown): FromItem[] {
  const items = (Array.isArray(from) ? from : []) as Node[]
  if (!items.length)
    throw invalidQuery(
      'The query has no FROM clause.',
      `Add FROM with an entity set, e.g. FROM CustomersV3 c. ${DIALECT}`,
    )
  return items.map((item, index): FromItem => {
    if (item.expr || !item.table) {
      throw unsupported(
        'derived table',
        'Subqueries in FROM (derived tables) are not supported.',
        'Query the entity sets directly with JOINs, or filter with [NOT] EXISTS.',
      )
    }
    const join = index === 0 ? 'root' : joinKind(item.join)
    if (join !== 'root' && !item.on) {
      throw invalidQuery(
        `The join of ${item.table} has no ON condition.`,
        'Add ON with the fields that relate the two entity sets.',
      )
    }
    return {
      table: String(item.table),
      ...(item.as ? { alias: identifier(item.as) } : {}),
      join,
      ...(item.on ? { on: toExpr(item.on, 'on') } : {}),
    }
  })
}

function joinKind(join: unknown): 'inner' | 'left' {
  const text = String(join ?? '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
  if (text === 'JOIN' || text === 'INNER JOIN') return 'inner'
  if (text === 'LEFT JOIN' || text === 'LEFT OUTER JOIN') return 'left'
  if (text.startsWith('RIGHT'))
    throw unsupported('RIGHT JOIN', 'RIGHT JOIN is not supported.', 'Swap the two tables and use LEFT JOIN.')
  if (text.startsWith('FULL'))
    throw unsupported('FULL JOIN', 'FULL (OUTER) JOIN is not supported.', 'Use INNER JOIN or LEFT JOIN.')
  throw unsupported(text || 'join', `${text || 'This join'} is not supported.`, 'Use INNER JOIN or LEFT JOIN … ON.')
}

const identifier = (value: unknown): string =>
  typeof value === 'string' ? value : String((value as Node)?.value ?? (value as Node)?.expr?.value ?? value)

function columnName(node: Node): string {
  const column = node.column
  if (typeof column === 'string') return column
  return String(column?.expr?.value ?? column?.value ?? '')
}

const COMPARE: Record<string, CompareOp> = {
  '=': '=',
  '<>': '<>',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
}
const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'])

type Clause = 'select' | 'where' | 'on' | 'group' | 'order' | 'exists'

function subqueryOf(node: Node): Node | undefined {
  if (node?.ast) return node.ast
  if (node?.type === 'expr_list' && Array.isArray(node.value) && node.value.length === 1 && node.value[0]?.ast)
    return node.value[0].ast
  return undefined
}

function toExists(node: Node | undefined, negated: boolean): Expr {
  if (node?.type !== 'select') {
    throw invalidQuery(
      'EXISTS needs a subquery: EXISTS (SELECT 1 FROM … WHERE …).',
      'Write the subquery in parentheses.',
    )
  }
  checkStatementShape(node, true)
  const query: SubQuery = {
    from: fromItems(node.from),
    ...(node.where ? { where: toExpr(node.where, 'exists') } : {}),
  }
  return { kind: 'exists', query, negated }
}

function toExpr(node: Node, clause: Clause): Expr {
  if (!node || typeof node !== 'object') throw invalidQuery(`Unexpected ${String(node)} in the query.`, DIALECT)
  if (node.ast) {
    throw unsupported(
      'subquery',
      'Subqueries are only supported inside [NOT] EXISTS.',
      'Rewrite with [NOT] EXISTS (SELECT 1 FROM … WHERE …) or with a JOIN.',
    )
  }
  switch (node.type) {
    case 'column_ref': {
      const name = columnName(node)
      if (name === '*') {
        if (clause === 'exists') return { kind: 'literal', value: 1 }
        refuseStar()
      }
      if (name.startsWith('@')) {
        throw unsupported(
          'variable',
          `Variables such as ${name} are not supported.`,
          'Write the value into the query as a literal.',
        )
      }
      return { kind: 'column', ...(node.table ? { table: String(node.table) } : {}), name }
    }
    case 'number':
      return { kind: 'literal', value: Number(node.value) }
    case 'single_quote_string':
    case 'var_string':
    case 'natural_string':
    case 'string':
    case 'double_quote_string':
      return { kind: 'literal', value: String(node.value).replace(/''/g, "'") }
    case 'null':
      return { kind: 'literal', value: null }
    case 'bool':
    case 'boolean':
      return { kind: 'literal', value: node.value ? 1 : 0 }
    case 'unary_expr': {
      const op = String(node.operator).toUpperCase()
      if (op === 'NOT EXISTS' || op === 'EXISTS') return toExists(subqueryOf(node.expr), op === 'NOT EXISTS')
      if (op === 'NOT') return { kind: 'not', expr: toExpr(node.expr, clause) }
      if (op === '-') return { kind: 'negate', expr: toExpr(node.expr, clause) }
      if (op === '+') return toExpr(node.expr, clause)
      throw unsupported(op, `The operator ${op} is not supported.`, DIALECT)
    }
    case 'binary_expr':
      return binary(node, clause)
    case 'aggr_func': {
      const name = String(node.name).toUpperCase()
      if (node.over) refuseWindow()
      if (!AGGREGATES.has(name))
        throw unsupported(name, `The aggregate ${name} is not supported.`, 'Use COUNT, SUM, AVG, MIN or MAX.')
      if (clause === 'where' || clause === 'on' || clause === 'group' || clause === 'exists') {
        throw invalidQuery(
          `${name}(…) cannot be used in ${clause === 'group' ? 'GROUP BY' : clause === 'on' ? 'ON' : 'WHERE'}.`,
          'Aggregates go in the SELECT list (or ORDER BY); filter rows in WHERE before they are grouped.',
        )
      }
      const argNode = node.args?.expr
      const arg: Expr | '*' = !argNode || argNode.type === 'star' ? '*' : toExpr(argNode, 'group')
      if (arg === '*' && name !== 'COUNT') throw invalidQuery(`${name}(*) is not valid.`, `Write ${name}(field).`)
      return { kind: 'aggregate', name: name as AggregateName, arg, distinct: Boolean(node.args?.distinct) }
    }
    case 'function': {
      const name = String(node.name?.name?.[0]?.value ?? node.name ?? '').toUpperCase()
      const args = (node.args?.value ?? []) as Node[]
      if (node.over) refuseWindow()
      if (name === 'EXISTS') return toExists(subqueryOf(node.args) ?? subqueryOf(args[0] ?? {}), false)
      if (name === 'NOT' && args.length === 1) {
        const inner = args[0]!
        const sub = subqueryOf(inner)
        if (sub)
          throw unsupported('subquery', 'Subqueries are only supported inside [NOT] EXISTS.', 'Use NOT EXISTS (…).')
        return { kind: 'not', expr: toExpr(inner, clause) }
      }
      if (AGGREGATES.has(name)) return toExpr({ type: 'aggr_func', name, args: { expr: args[0] } }, clause)
      throw unsupported(
        `function ${name}`,
        `The function ${name}() is not supported.`,
        'Compare fields with constants directly (e.g. a date range instead of YEAR(…)); only COUNT, SUM, AVG, MIN and MAX are available.',
      )
    }
    case 'case':
      throw unsupported(
        'CASE',
        'CASE expressions are not supported.',
        'Return the raw fields and interpret them in your answer, or run one query per case.',
      )
    case 'cast':
      throw unsupported(
        'CAST',
        'CAST/CONVERT is not supported.',
        'Compare with a literal of the field’s type (text in quotes, numbers bare).',
      )
    case 'expr_list': {
      const values = (node.value ?? []) as Node[]
      if (values.length === 1) return toExpr({ ...values[0], parentheses: true }, clause)
      throw invalidQuery('A list of values is only valid after IN.', DIALECT)
    }
    default:
      throw unsupported(String(node.type), `The construct '${String(node.type)}' is not supported.`, DIALECT)
  }
}

function refuseWindow(): never {
  throw unsupported(
    'window function',
    'Window functions (… OVER (…)) are not supported.',
    'Use GROUP BY with COUNT/SUM/AVG/MIN/MAX, or ORDER BY with TOP for rankings.',
  )
}

function binary(node: Node, clause: Clause): Expr {
  const op = String(node.operator).toUpperCase()
  if (op === 'AND' || op === 'OR') {
    const left = toExpr(node.left, clause)
    const right = toExpr(node.right, clause)
    const kind = op === 'AND' ? 'and' : 'or'
    const items = [left, right].flatMap((e) => (e.kind === kind ? e.items : [e]))
    return { kind, items } as Expr
  }
  if (COMPARE[op])
    return { kind: 'compare', op: COMPARE[op]!, left: toExpr(node.left, clause), right: toExpr(node.right, clause) }
  if (op === '+' || op === '-' || op === '*' || op === '/' || op === '%') {
    return { kind: 'arithmetic', op, left: toExpr(node.left, clause), right: toExpr(node.right, clause) }
  }
  if (op === '||') {
    throw unsupported('||', '|| is not T-SQL string concatenation.', 'Return the fields separately.')
  }
  if (op === 'LIKE' || op === 'NOT LIKE') {
    return {
      kind: 'like',
      expr: toExpr(node.left, clause),
      pattern: toExpr(node.right, clause),
      negated: op === 'NOT LIKE',
    }
  }
  if (op === 'IN' || op === 'NOT IN') {
    if (subqueryOf(node.right)) {
      throw unsupported(
        'IN (subquery)',
        `${op} (SELECT …) is not supported.`,
        `Rewrite it as ${op === 'NOT IN' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM … WHERE <inner field> = <outer field>), or as a JOIN.`,
      )
    }
    const list = ((node.right?.value ?? []) as Node[]).map((v) => toExpr(v, clause))
    if (!list.length) throw invalidQuery(`${op} needs at least one value.`, "Write IN ('a', 'b').")
    return { kind: 'in', expr: toExpr(node.left, clause), list, negated: op === 'NOT IN' }
  }
  if (op === 'BETWEEN' || op === 'NOT BETWEEN') {
    const [low, high] = (node.right?.value ?? []) as Node[]
    if (!low || !high) throw invalidQuery(`${op} needs two values.`, 'Write BETWEEN low AND high.')
    return {
      kind: 'between',
      expr: toExpr(node.left, clause),
      low: toExpr(low, clause),
      high: toExpr(high, clause),
      negated: op === 'NOT BETWEEN',
    }
  }
  if (op === 'IS' || op === 'IS NOT') {
    if (node.right?.type !== 'null')
      throw unsupported(
        `${op} ${String(node.right?.value)}`,
        `Only ${op} NULL is supported.`,
        `Write ${op} NULL, or compare with =.`,
      )
    return { kind: 'isNull', expr: toExpr(node.left, clause), negated: op === 'IS NOT' }
  }
  throw unsupported(op, `The operator ${op} is not supported.`, DIALECT)
}
