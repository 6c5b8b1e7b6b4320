// Resource paths under /data: `EntitySet`, `EntitySet(keys)`, then a navigation property, a
// property, `$count` or a bound action (`Microsoft.Dynamics.DataEntities.Name`).
import { TokenStream } from '../../shared/odata/lexer.js'
import { splitTopLevel } from '../../shared/odata/split.js'
import type { ErpEntity, ErpValue } from '../model.js'
import { DATA_AREA_ID, typeName } from '../records/values.js'
import { odataError } from './http.js'

export const ACTION_NAMESPACE = 'Microsoft.Dynamics.DataEntities.'

export interface Segment {
  name: string
  /** text between the parentheses, when the segment has a key predicate */
  key?: string
}

export const syntaxError = (message: string) => odataError(400, message, 'Microsoft.OData.ODataException')

export function parseSegments(path: string): Segment[] {
  const trimmed = path.replace(/^\/+|\/+$/g, '')
  if (!trimmed) return []
  return splitTopLevel(trimmed, '/').map((raw) => {
    const text = safeDecode(raw)
    const open = text.indexOf('(')
    if (open < 0) return { name: text }
    if (!text.endsWith(')'))
      throw syntaxError(`Bad Request - Error in query syntax: the segment '${text}' is not valid.`)
    return { name: text.slice(0, open), key: text.slice(open + 1, -1) }
  })
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The company and key of `(dataAreaId='usmf',CustomerAccount='US-001')` (all key fields are required). */
export function parseKey(entity: ErpEntity, text: string): { company?: string; key: Record<string, ErpValue> } {
  const stream = TokenStream.of(text, syntaxError)
  const values: Record<string, ErpValue> = {}
  const all = [...(entity.companySpecific ? [DATA_AREA_ID] : []), ...entity.keys]
  if (stream.peek().kind !== 'ident' || !stream.isPunct('=', 1)) {
    // a bare value: only for an entity with a single key field
    const value = literal(stream)
    if (!stream.atEnd()) stream.fail('unexpected text after the key value')
    if (all.length !== 1) throw keyError(entity, all)
    values[all[0]!] = value
  } else {
    while (!stream.atEnd()) {
      const name = stream.expectIdent()
      stream.expectPunct('=')
      values[name] = literal(stream)
      if (!stream.atEnd()) stream.expectPunct(',')
    }
  }
  const names = Object.keys(values)
  if (names.length !== all.length || !all.every((name) => name in values)) throw keyError(entity, all)
  const company = entity.companySpecific ? String(values[DATA_AREA_ID]).toLowerCase() : undefined
  delete values[DATA_AREA_ID]
  return { company, key: values }
}

function keyError(entity: ErpEntity, all: string[]) {
  return syntaxError(
    `The key of '${typeName(entity)}' is (${all.join(', ')}); every key field must be given, e.g. ${entity.entitySet}(${all.map((k) => `${k}='…'`).join(',')}).`,
  )
}

function literal(stream: TokenStream): ErpValue {
  const token = stream.next()
  switch (token.kind) {
    case 'string':
      return token.value
    case 'number':
      return token.value
    case 'guid':
    case 'datetime':
      return token.value
    case 'ident':
      if (stream.peek().kind === 'string') {
        const member = stream.next()
        return member.kind === 'string' ? member.value : null
      }
      if (token.text === 'true' || token.text === 'false') return token.text === 'true'
      return stream.fail('a key value was expected', token)
    default:
      return stream.fail('a key value was expected', token)
  }
}

/** `(dataAreaId='usmf',CustomerAccount='US-001')` for a row, as URLs and @odata.id name it. */
export function keyPredicate(entity: ErpEntity, row: Record<string, ErpValue>): string {
  const fields = [...(entity.companySpecific ? [DATA_AREA_ID] : []), ...entity.keys]
  return `(${fields
    .map((name) => {
      const value = row[name]
      return `${name}=${typeof value === 'number' ? value : `'${String(value ?? '').replace(/'/g, "''")}'`}`
    })
    .join(',')})`
}
