// Tokenizer for OData URL expressions ($filter, $orderby, $apply, query-function arguments),
// shared by the emulators; each passes the error its service raises for bad syntax.

/** Builds the error an emulator answers bad query syntax with. */
export type SyntaxErrorFactory = (message: string) => Error

/** A plain syntax error, for callers that map it to their service's error shape themselves. */
export class ODataSyntaxError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ODataSyntaxError'
  }
}

const defaultSyntaxError: SyntaxErrorFactory = (message) => new ODataSyntaxError(message)

export type Token =
  | { kind: 'ident'; text: string; pos: number } // names, paths (a/b), keywords (eq, and, true …), Microsoft.Dynamics.CRM.In
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; value: number; isInteger: boolean; pos: number }
  | { kind: 'guid'; value: string; pos: number }
  | { kind: 'datetime'; value: string; pos: number }
  | { kind: 'punct'; text: '(' | ')' | ',' | ':' | '=' | '[' | ']' | ';'; pos: number }
  | { kind: 'eof'; pos: number }

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/
const DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?/
const IDENT = /^[A-Za-z_$@][A-Za-z0-9_.]*(\/[A-Za-z_$][A-Za-z0-9_.]*)*/

export function tokenize(input: string, syntaxError: SyntaxErrorFactory = defaultSyntaxError): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < input.length) {
    const ch = input[i] as string
    if (/\s/.test(ch)) {
      i++
      continue
    }
    if ('(),:=[];'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch as '(', pos: i })
      i++
      continue
    }
    if (ch === "'") {
      let value = ''
      let j = i + 1
      for (;;) {
        if (j >= input.length)
          throw syntaxError(`Syntax error: unterminated string literal at position ${i} in '${input}'.`)
        if (input[j] === "'") {
          if (input[j + 1] === "'") {
            value += "'"
            j += 2
            continue
          }
          break
        }
        value += input[j]
        j++
      }
      tokens.push({ kind: 'string', value, pos: i })
      i = j + 1
      continue
    }
    const rest = input.slice(i)
    const guid = GUID.exec(rest)
    if (guid && !/[0-9A-Za-z]/.test(rest[guid[0].length] ?? '')) {
      tokens.push({ kind: 'guid', value: guid[0].toLowerCase(), pos: i })
      i += guid[0].length
      continue
    }
    const date = DATETIME.exec(rest)
    if (date) {
      tokens.push({ kind: 'datetime', value: date[0], pos: i })
      i += date[0].length
      continue
    }
    const num = NUMBER.exec(rest)
    if (num) {
      const text = num[0].replace(/[mMdDfFlL]$/, '')
      tokens.push({ kind: 'number', value: Number(text), isInteger: /^-?\d+$/.test(text), pos: i })
      i += num[0].length
      continue
    }
    const ident = IDENT.exec(rest)
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], pos: i })
      i += ident[0].length
      continue
    }
    throw syntaxError(`Syntax error: character '${ch}' is not valid at position ${i} in '${input}'.`)
  }
  tokens.push({ kind: 'eof', pos: input.length })
  return tokens
}

/** A cursor over tokens with the helpers every recursive-descent parser here needs. */
export class TokenStream {
  private index = 0
  constructor(
    readonly tokens: Token[],
    readonly source: string,
    readonly syntaxError: SyntaxErrorFactory = defaultSyntaxError,
  ) {}

  static of(source: string, syntaxError: SyntaxErrorFactory = defaultSyntaxError): TokenStream {
    return new TokenStream(tokenize(source, syntaxError), source, syntaxError)
  }

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token
  }

  next(): Token {
    const token = this.peek()
    if (this.index < this.tokens.length - 1) this.index++
    return token
  }

  isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset)
    return t.kind === 'punct' && t.text === text
  }

  isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset)
    return t.kind === 'ident' && t.text === word
  }

  expectPunct(text: string): void {
    if (!this.isPunct(text)) this.fail(`'${text}' expected`)
    this.next()
  }

  expectIdent(): string {
    const t = this.next()
    if (t.kind !== 'ident') this.fail('a name was expected', t)
    return (t as { text: string }).text
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof'
  }

  fail(message: string, token: Token = this.peek()): never {
    throw this.syntaxError(`Syntax error at position ${token.pos} in '${this.source}': ${message}.`)
  }
}
