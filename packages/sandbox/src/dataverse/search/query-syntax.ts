// Dataverse search's simple query syntax (`+` and, `|` or, `-` not, "phrases", trailing `*`,
// parentheses, `\` escapes) compiled to an SQLite FTS5 MATCH expression. Every term is quoted,
// so FTS5 operators and punctuation in user text are never interpreted.

type Node =
  | { kind: 'term'; text: string; prefix: boolean; phrase: boolean }
  | { kind: 'and' | 'or'; items: Node[] }
  | { kind: 'not'; item: Node }

type Token = { kind: 'word' | 'phrase'; text: string; prefix: boolean } | { kind: '+' | '|' | '-' | '(' | ')' }

const OPERATORS = new Set(['+', '|', '-', '(', ')'])

export class SearchSyntaxError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i] as string
    if (/\s/.test(ch)) {
      i++
    } else if (ch === '"') {
      const end = text.indexOf('"', i + 1)
      const body = end < 0 ? text.slice(i + 1) : text.slice(i + 1, end)
      tokens.push({ kind: 'phrase', text: body, prefix: false })
      i = end < 0 ? text.length : end + 1
    } else if (ch === '-' ? i === 0 || /[\s(+|]/.test(text[i - 1] as string) : OPERATORS.has(ch)) {
      // a `-` inside a word (e-mail) is text; only a leading one negates
      tokens.push({ kind: ch as '+' | '|' | '-' | '(' | ')' })
      i++
    } else {
      let word = ''
      while (i < text.length && !/\s/.test(text[i] as string) && !'+|()"'.includes(text[i] as string)) {
        if (text[i] === '\\' && i + 1 < text.length) i++
        word += text[i]
        i++
      }
      const prefix = word.endsWith('*')
      tokens.push({ kind: 'word', text: prefix ? word.replace(/\*+$/, '') : word, prefix })
    }
  }
  return tokens
}

/** Parses with `|` binding loosest, then `+` or juxtaposition (`mode` decides what a space means), then `-`. */
function parse(tokens: Token[], mode: 'any' | 'all'): Node | undefined {
  let pos = 0
  const peek = () => tokens[pos]
  const unary = (): Node | undefined => {
    const token = peek()
    if (!token) return undefined
    if (token.kind === '-') {
      pos++
      const item = unary()
      return item ? { kind: 'not', item } : undefined
    }
    if (token.kind === '(') {
      pos++
      const inner = disjunction()
      if (peek()?.kind === ')') pos++
      return inner
    }
    if (token.kind === 'word' || token.kind === 'phrase') {
      pos++
      return { kind: 'term', text: token.text, prefix: token.prefix, phrase: token.kind === 'phrase' }
    }
    return undefined
  }
  const group = (items: Node[], kind: 'and' | 'or'): Node | undefined =>
    items.length === 0 ? undefined : items.length === 1 ? items[0] : { kind, items }
  const conjunction = (): Node | undefined => {
    const anded: Node[] = []
    const spaced: Node[] = []
    let joinNext: 'and' | 'space' = 'space'
    while (pos < tokens.length) {
      const token = peek()
      if (token?.kind === '|' || token?.kind === ')') break
      if (token?.kind === '+') {
        pos++
        joinNext = 'and'
        continue
      }
      const item = unary()
      if (!item) {
        pos++
        continue
      }
      if (joinNext === 'and' && spaced.length) anded.push(spaced.pop() as Node, item)
      else spaced.push(item)
      joinNext = 'space'
    }
    // negations always restrict; plain terms join by the search mode
    const positives = spaced.filter((n) => n.kind !== 'not')
    const negatives = spaced.filter((n) => n.kind === 'not')
    const rest = group(positives, mode === 'all' ? 'and' : 'or')
    return group([...anded, ...(rest ? [rest] : []), ...negatives], 'and')
  }
  const disjunction = (): Node | undefined => {
    const items: Node[] = []
    for (;;) {
      const item = conjunction()
      if (item) items.push(item)
      if (peek()?.kind !== '|') break
      pos++
    }
    return group(items, 'or')
  }
  return disjunction()
}

const quoteTerm = (text: string) => `"${text.replace(/"/g, '""')}"`

function compile(node: Node): string {
  switch (node.kind) {
    case 'term':
      return node.prefix && !node.phrase ? `${quoteTerm(node.text)} *` : quoteTerm(node.text)
    case 'or':
      return `(${node.items.map(compile).join(' OR ')})`
    case 'not':
      throw new SearchSyntaxError('A negated term needs a term to restrict.')
    case 'and': {
      const positives = node.items.filter((n) => n.kind !== 'not')
      const negatives = node.items.flatMap((n) => (n.kind === 'not' ? [n.item] : []))
      if (positives.length === 0) throw new SearchSyntaxError('The search needs at least one term that is not negated.')
      const base = positives.length === 1 ? compile(positives[0] as Node) : `(${positives.map(compile).join(' AND ')})`
      return negatives.length ? `(${base} NOT (${negatives.map(compile).join(' OR ')}))` : base
    }
  }
}

/** True when a term has something FTS5 can match (letters or digits). */
const meaningful = (node: Node): boolean =>
  node.kind === 'term'
    ? /[\p{L}\p{N}]/u.test(node.text)
    : node.kind === 'not'
      ? meaningful(node.item)
      : node.items.some(meaningful)

function prune(node: Node): Node | undefined {
  if (node.kind === 'term') return meaningful(node) ? node : undefined
  if (node.kind === 'not') {
    const item = prune(node.item)
    return item ? { kind: 'not', item } : undefined
  }
  const items = node.items.map(prune).filter((n): n is Node => n !== undefined)
  return items.length === 0 ? undefined : items.length === 1 ? items[0] : { kind: node.kind, items }
}

/** The FTS5 expression for a search text; `*` alone matches everything (undefined). */
export function toFtsQuery(search: string, mode: 'any' | 'all'): string | undefined {
  if (search.trim() === '*') return undefined
  const tree = parse(tokenize(search), mode)
  const pruned = tree ? prune(tree) : undefined
  if (!pruned) throw new SearchSyntaxError('The search text has no words to look for.')
  if (pruned.kind === 'not') throw new SearchSyntaxError('The search needs at least one term that is not negated.')
  return compile(pruned)
}

/** The plain words of a search text, for suggestions. */
export function searchWords(search: string): string[] {
  return tokenize(search).flatMap((t) => (t.kind === 'word' || t.kind === 'phrase' ? [t.text] : []))
}
