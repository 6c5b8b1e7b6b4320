// Recursive-descent parser for $filter: or < and < not < comparison < primary. Shared by the
// emulators: Dataverse's query functions (Microsoft.Dynamics.CRM.*) and finance & operations' enum
// literals (Microsoft.Dynamics.DataEntities.NoYes'Yes') parse here; each service gives meaning to them.

import { type SyntaxErrorFactory, TokenStream } from './lexer.js'

export type Literal =
  | { kind: 'null' }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; isInteger: boolean }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'guid'; value: string }
  | { kind: 'datetime'; value: string }
  /** `Namespace.EnumType'Member'`: `type` is the qualified type name, `value` the member */
  | { kind: 'enum'; type: string; value: string }

export type Operand =
  | { kind: 'property'; path: string[] }
  | { kind: 'literal'; value: Literal }
  | { kind: 'array'; items: Literal[] }

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; expr: FilterNode }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  /** contains/startswith/endswith(property, 'text') */
  | { kind: 'text'; fn: 'contains' | 'startswith' | 'endswith'; property: string[]; value: Literal }
  /** <functionPrefix><name>(PropertyName='x',PropertyValue=…), e.g. Microsoft.Dynamics.CRM.LastXDays */
  | { kind: 'function'; name: string; args: Record<string, Operand> }
  /** nav/any(x: …) and nav/all(x: …) */
  | { kind: 'lambda'; quantifier: 'any' | 'all'; navigation: string; variable?: string; body?: FilterNode }

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le'])
const TEXT_FUNCTIONS = new Set(['contains', 'startswith', 'endswith'])
export interface ParseOptions {
  /** parameter aliases (@p1=…) from the query string */
  aliases?: Record<string, string>
  /** the error bad syntax raises (the service's own 400) */
  syntaxError?: SyntaxErrorFactory
  /** namespace of named query functions, e.g. `Microsoft.Dynamics.CRM.`; none when left out */
  functionPrefix?: string
}

export function parseFilter(source: string, options: ParseOptions = {}): FilterNode {
  const parser = new FilterParser(TokenStream.of(source, options.syntaxError), options)
  const node = parser.parseOr()
  if (!parser.stream.atEnd()) parser.stream.fail('unexpected text after the end of the expression')
  return node
}

class FilterParser {
  constructor(
    readonly stream: TokenStream,
    private readonly options: ParseOptions,
  ) {}

  parseOr(): FilterNode {
    let left = this.parseAnd()
    while (this.stream.isWord('or')) {
      this.stream.next()
      left = { kind: 'or', left, right: this.parseAnd() }
    }
    return left
  }

  private parseAnd(): FilterNode {
    let left = this.parseNot()
    while (this.stream.isWord('and')) {
      this.stream.next()
      left = { kind: 'and', left, right: this.parseNot() }
    }
    return left
  }

  private parseNot(): FilterNode {
    if (this.stream.isWord('not')) {
      this.stream.next()
      return { kind: 'not', expr: this.parseNot() }
    }
    return this.parseComparison()
  }

  private parseComparison(): FilterNode {
    const s = this.stream
    if (s.isPunct('(')) {
      s.next()
      const inner = this.parseOr()
      s.expectPunct(')')
      return inner
    }
    const t = s.peek()
    if (t.kind === 'ident' && s.isPunct('(', 1)) {
      if (TEXT_FUNCTIONS.has(t.text)) return this.parseTextFunction()
      if (this.options.functionPrefix && t.text.startsWith(this.options.functionPrefix))
        return this.parseNamedFunction()
      const lambda = /^(.+)\/(any|all)$/.exec(t.text)
      if (lambda) return this.parseLambda(lambda[1] as string, lambda[2] as 'any' | 'all')
      s.fail(`unknown function '${t.text}'`)
    }
    const left = this.parseOperand()
    const op = s.peek()
    if (op.kind !== 'ident' || !COMPARE_OPS.has(op.text))
      s.fail('a comparison operator (eq, ne, gt, ge, lt, le) was expected')
    s.next()
    const right = this.parseOperand()
    return { kind: 'compare', op: (op as { text: CompareOp }).text, left, right }
  }

  private parseTextFunction(): FilterNode {
    const s = this.stream
    const fn = s.expectIdent() as 'contains'
    s.expectPunct('(')
    const property = this.parseOperand()
    s.expectPunct(',')
    const value = this.parseOperand()
    s.expectPunct(')')
    if (property.kind !== 'property') s.fail(`the first argument of ${fn} must be a property`)
    if (value.kind !== 'literal') s.fail(`the second argument of ${fn} must be a literal`)
    return {
      kind: 'text',
      fn,
      property: (property as { path: string[] }).path,
      value: (value as { value: Literal }).value,
    }
  }

  private parseNamedFunction(): FilterNode {
    const s = this.stream
    const name = s.expectIdent().slice(this.options.functionPrefix?.length ?? 0)
    s.expectPunct('(')
    const args: Record<string, Operand> = {}
    while (!s.isPunct(')')) {
      const argName = s.expectIdent()
      s.expectPunct('=')
      args[argName] = this.parseOperand()
      if (!s.isPunct(')')) s.expectPunct(',')
    }
    s.expectPunct(')')
    return { kind: 'function', name, args }
  }

  private parseLambda(navigation: string, quantifier: 'any' | 'all'): FilterNode {
    const s = this.stream
    s.next()
    s.expectPunct('(')
    if (s.isPunct(')')) {
      s.next()
      return { kind: 'lambda', quantifier, navigation }
    }
    const variable = s.expectIdent()
    s.expectPunct(':')
    const body = this.parseOr()
    s.expectPunct(')')
    return { kind: 'lambda', quantifier, navigation, variable, body }
  }

  parseOperand(): Operand {
    const s = this.stream
    const t = s.next()
    switch (t.kind) {
      case 'string':
        return { kind: 'literal', value: { kind: 'string', value: t.value } }
      case 'number':
        return { kind: 'literal', value: { kind: 'number', value: t.value, isInteger: t.isInteger } }
      case 'guid':
        return { kind: 'literal', value: { kind: 'guid', value: t.value } }
      case 'datetime':
        return { kind: 'literal', value: { kind: 'datetime', value: t.value } }
      case 'punct':
        if (t.text === '[') return this.parseArray()
        return s.fail(`unexpected '${t.text}'`, t)
      case 'ident': {
        if (t.text === 'null') return { kind: 'literal', value: { kind: 'null' } }
        if (t.text === 'true' || t.text === 'false')
          return { kind: 'literal', value: { kind: 'boolean', value: t.text === 'true' } }
        if (t.text.startsWith('@')) return this.resolveAlias(t.text)
        // an enum literal: a qualified type name directly followed by the quoted member
        const quoted = s.peek()
        if (quoted.kind === 'string' && quoted.pos === t.pos + t.text.length && t.text.includes('.')) {
          s.next()
          return { kind: 'literal', value: { kind: 'enum', type: t.text, value: quoted.value } }
        }
        return { kind: 'property', path: t.text.split('/') }
      }
      default:
        return s.fail('an operand was expected', t)
    }
  }

  private parseArray(): Operand {
    const s = this.stream
    const items: Literal[] = []
    while (!s.isPunct(']')) {
      const item = this.parseOperand()
      if (item.kind !== 'literal') s.fail('array items must be literals')
      items.push((item as { value: Literal }).value)
      if (!s.isPunct(']')) s.expectPunct(',')
    }
    s.expectPunct(']')
    return { kind: 'array', items }
  }

  // Parameter aliases hold either a property name or a literal; unassigned aliases are null.
  private resolveAlias(name: string): Operand {
    const text = this.options.aliases?.[name]
    if (text === undefined) return { kind: 'literal', value: { kind: 'null' } }
    const inner = new FilterParser(TokenStream.of(text, this.options.syntaxError), {
      syntaxError: this.options.syntaxError,
      functionPrefix: this.options.functionPrefix,
    })
    const operand = inner.parseOperand()
    if (!inner.stream.atEnd()) inner.stream.fail(`the value of parameter alias ${name} is not a single operand`)
    return operand
  }
}
