// The parser gives WHERE and HAVING as a right-leaning chain with parenthesis counts on each
// condition; this rebuilds the boolean tree (NOT binds tightest, then AND, then OR).
import type { HavingClause, WhereClause } from '@jetstreamapp/soql-parser-js'

export type ConditionLeaf = Record<string, unknown> & { operator: string }

export type BoolTree =
  | { kind: 'leaf'; condition: ConditionLeaf }
  | { kind: 'not'; operand: BoolTree }
  | { kind: 'and' | 'or'; operands: BoolTree[] }

type Token = '(' | ')' | 'AND' | 'OR' | 'NOT' | { leaf: ConditionLeaf }

function tokenize(clause: WhereClause | HavingClause): Token[] {
  const tokens: Token[] = []
  let node: (WhereClause | HavingClause) | undefined = clause
  // Bounded by the length of the chain, which the parser built from finite text.
  while (node) {
    const { left, operator, right } = node as {
      left: Record<string, unknown> | null
      operator?: string
      right?: WhereClause
    }
    const open = Number(left?.openParen ?? 0)
    const close = Number(left?.closeParen ?? 0)
    for (let i = 0; i < open; i++) tokens.push('(')
    if (operator === 'NOT') {
      tokens.push('NOT')
      node = right
      continue
    }
    if (left && 'operator' in left) tokens.push({ leaf: left as ConditionLeaf })
    for (let i = 0; i < close; i++) tokens.push(')')
    if (operator === 'AND' || operator === 'OR') tokens.push(operator)
    node = right
  }
  return tokens
}

export function conditionTree(clause: WhereClause | HavingClause): BoolTree {
  const tokens = tokenize(clause)
  let pos = 0
  const peek = () => tokens[pos]
  const fail = (): never => {
    throw new Error('unbalanced condition')
  }

  function orExpr(): BoolTree {
    const operands = [andExpr()]
    while (peek() === 'OR') {
      pos++
      operands.push(andExpr())
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands }
  }
  function andExpr(): BoolTree {
    const operands = [unary()]
    while (peek() === 'AND') {
      pos++
      operands.push(unary())
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands }
  }
  function unary(): BoolTree {
    const token = tokens[pos++]
    if (token === 'NOT') return { kind: 'not', operand: unary() }
    if (token === '(') {
      const inner = orExpr()
      if (tokens[pos++] !== ')') fail()
      return inner
    }
    if (token && typeof token === 'object') return { kind: 'leaf', condition: token.leaf }
    return fail()
  }

  const tree = orExpr()
  if (pos !== tokens.length) fail()
  return tree
}
