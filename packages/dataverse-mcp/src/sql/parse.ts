// Parses read_query's SQL with node-sql-parser (T-SQL dialect) and refuses, before anything
// else happens, whatever is not a single plain SELECT: other statements, several statements,
// CTEs, set operations, SELECT INTO.
// The per-dialect build loads a tenth of the full parser.
import transactsql from 'node-sql-parser/build/transactsql.js'
import { invalidQuery, SUPPORTED_HINT, unsupported } from './errors.js'

const { Parser } = transactsql

/** The parts of node-sql-parser's AST that the translator reads; everything else stays `unknown`. */
export interface SqlNode {
  type?: string
  [key: string]: unknown
}

export interface ColumnRefNode {
  type: 'column_ref'
  table?: string | null
  column: string | { expr?: { value?: unknown } }
}

export interface FromItem {
  db?: string | null
  table?: string
  as?: string | null
  join?: string
  on?: SqlNode | null
  expr?: unknown
}

export interface SelectItem {
  expr: SqlNode
  as?: string | null
}

export interface OrderItem {
  expr: SqlNode
  type?: string | null
}

export interface SelectAst {
  type: 'select'
  with?: unknown
  distinct?: string | null
  columns: SelectItem[] | '*'
  into?: { expr?: unknown; position?: unknown } | null
  from?: FromItem[] | null
  where?: SqlNode | null
  groupby?: { columns?: SqlNode[] | null } | null
  having?: unknown
  orderby?: OrderItem[] | null
  top?: { value: number | string; percent?: string | null } | null
  limit?: { value?: unknown; offset?: { value?: SqlNode }; fetch?: { value?: SqlNode } } | null
  _next?: unknown
  set_op?: string | null
}

const parser = new Parser()

const WRITES = /^(insert|update|delete|merge|upsert|replace)$/i
const DDL = /^(create|alter|drop|truncate|rename)$/i

function refuseStatement(keyword: string) {
  const upper = keyword.toUpperCase()
  if (WRITES.test(keyword))
    return unsupported(
      upper,
      `${upper} statements are not allowed: read_query only reads.`,
      'Use create_record, update_record or delete_record to change data; use read_query for SELECT only.',
    )
  if (DDL.test(keyword))
    return unsupported(
      upper,
      `${upper} statements are not allowed: read_query only reads.`,
      'Use create_table, update_table or delete_table to change tables; use read_query for SELECT only.',
    )
  return unsupported(upper, `${upper} statements are not allowed: read_query only reads.`, SUPPORTED_HINT)
}

/** The first keyword, ignoring comments, so that writes are refused even where the parser has no grammar for them. */
function firstKeyword(sql: string): string {
  const text = sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').trimStart()
  return /^[A-Za-z]+/.exec(text)?.[0] ?? ''
}

function parseError(sql: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error)
  const where = (error as { location?: { start?: { line?: number; column?: number } } }).location?.start
  const at = where?.line ? ` (line ${where.line}, column ${where.column})` : ''
  if (/\blimit\s+\d+/i.test(sql))
    return unsupported(
      'LIMIT',
      'LIMIT is not T-SQL.',
      'Use SELECT TOP n …, or ORDER BY … OFFSET n ROWS FETCH NEXT m ROWS ONLY.',
    )
  if (/\boffset\s+\d+\s+rows?\b/i.test(sql) && !/\border\s+by\b/i.test(sql))
    return invalidQuery('OFFSET/FETCH needs ORDER BY.', 'Add ORDER BY (e.g. the primary name column) before OFFSET.')
  if (/\boffset\s+\d+\s+rows?\s*;?\s*$/i.test(sql))
    return unsupported(
      'OFFSET',
      'OFFSET needs FETCH NEXT in read_query.',
      'Write ORDER BY … OFFSET n ROWS FETCH NEXT m ROWS ONLY.',
    )
  return invalidQuery(`The SQL could not be parsed${at}: ${message}`, `Correct the syntax. ${SUPPORTED_HINT}`)
}

export function parseSelect(sql: string): SelectAst {
  const keyword = firstKeyword(sql)
  if (keyword && !/^(select|with)$/i.test(keyword)) throw refuseStatement(keyword)
  let ast: unknown
  try {
    ast = parser.astify(sql, { database: 'transactsql' })
  } catch (error) {
    throw parseError(sql, error)
  }
  const statements = (Array.isArray(ast) ? ast : [ast]) as SqlNode[]
  if (statements.length !== 1) {
    const kinds = statements.map((s) => String(s.type ?? '?').toUpperCase()).join(', ')
    throw unsupported(
      'multiple statements',
      `read_query runs one statement; this text has ${statements.length} (${kinds}).`,
      'Send one SELECT per call, without a separating semicolon.',
    )
  }
  const statement = statements[0] as SqlNode
  if (statement.type !== 'select') throw refuseStatement(String(statement.type ?? keyword))
  const select = statement as unknown as SelectAst
  if (select.with)
    throw unsupported(
      'WITH (CTE)',
      'Common table expressions (WITH … AS) are not supported.',
      'Inline the CTE: query its table directly with JOINs on lookup columns and WHERE conditions.',
    )
  if (select._next || select.set_op)
    throw unsupported(
      String(select.set_op ?? 'UNION').toUpperCase(),
      `${String(select.set_op ?? 'UNION').toUpperCase()} is not supported.`,
      'Run each SELECT as its own read_query call and combine the results, or use OR / IN in one WHERE clause.',
    )
  if (select.into?.expr)
    throw unsupported('SELECT INTO', 'SELECT INTO is not allowed: read_query only reads.', 'Remove the INTO clause.')
  return select
}
