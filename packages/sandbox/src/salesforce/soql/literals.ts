// Literal values in SOQL conditions, checked against the field they are compared with.
import { toId18 } from '../ids.js'
import type { FieldDef } from '../schema/types.js'
import { isValidDate, parseDateTime } from '../values.js'
import { dateLiteralRange, dateNLiteralRange, type Range } from './dates.js'
import { offsetOf, queryError } from './parse.js'

export type Literal =
  | { kind: 'null' }
  | { kind: 'value'; value: string | number }
  | { kind: 'range'; from: string; to: string }

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', "'": "'", '"': '"', '\\': '\\' }

/** `'it\'s'` → `it's`. `\%` and `\_` stay escaped: LIKE needs them. */
export function unquote(text: string): string {
  const inner = text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1) : text
  return inner.replace(/\\(.)/g, (whole, c: string) => ESCAPES[c] ?? whole)
}

const TEXT_TYPES = new Set(['string', 'textarea', 'picklist', 'multipicklist', 'email', 'phone', 'url'])
const NUMBER_TYPES = new Set(['int', 'double', 'currency', 'percent'])

export class LiteralReader {
  constructor(
    private readonly soql: string,
    private readonly now: Date,
  ) {}

  private mismatch(field: FieldDef, type: string, quoted: boolean) {
    return queryError(
      'INVALID_FIELD',
      this.soql,
      `value of filter criterion for field '${field.name}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
      offsetOf(this.soql, field.name),
    )
  }

  private range(field: FieldDef, range: Range): Literal {
    const format = (d: Date) => (field.type === 'date' ? d.toISOString().slice(0, 10) : d.toISOString())
    return { kind: 'range', from: format(range.from), to: format(range.to) }
  }

  read(field: FieldDef, raw: string, literalType: string, n?: number): Literal {
    if (literalType === 'NULL') return { kind: 'null' }
    const type = field.type
    if (type === 'id' || type === 'reference') {
      if (literalType !== 'STRING') throw this.mismatch(field, 'id', true)
      const text = unquote(raw)
      const id = toId18(text)
      if (!id)
        throw queryError(
          'INVALID_QUERY_FILTER_OPERATOR',
          this.soql,
          `invalid ID field: ${text}`,
          offsetOf(this.soql, field.name),
        )
      return { kind: 'value', value: id }
    }
    if (TEXT_TYPES.has(type)) {
      if (literalType !== 'STRING') throw this.mismatch(field, 'string', true)
      return { kind: 'value', value: unquote(raw) }
    }
    if (type === 'boolean') {
      if (literalType !== 'BOOLEAN') throw this.mismatch(field, 'boolean', false)
      return { kind: 'value', value: raw.toUpperCase() === 'TRUE' ? 1 : 0 }
    }
    if (NUMBER_TYPES.has(type)) {
      if (!['INTEGER', 'DECIMAL', 'INTEGER_WITH_CURRENCY_PREFIX', 'DECIMAL_WITH_CURRENCY_PREFIX'].includes(literalType))
        throw this.mismatch(field, type === 'int' ? 'integer' : 'double', false)
      return { kind: 'value', value: Number(raw.replace(/^[A-Z]{3}/, '')) }
    }
    if (type === 'date' || type === 'datetime') {
      if (literalType === 'DATE_LITERAL') {
        const range = dateLiteralRange(raw, this.now)
        if (range) return this.range(field, range)
      }
      if (literalType === 'DATE_N_LITERAL') {
        const name = raw.split(':')[0]!
        const range = dateNLiteralRange(name, n ?? Number(raw.split(':')[1]), this.now)
        if (range) return this.range(field, range)
      }
      if (type === 'date' && literalType === 'DATE' && isValidDate(raw)) return { kind: 'value', value: raw }
      if (type === 'datetime' && literalType === 'DATETIME') {
        const parsed = parseDateTime(raw)
        if (parsed) return { kind: 'value', value: parsed }
      }
      throw this.mismatch(field, type === 'date' ? 'date' : 'dateTime', false)
    }
    throw this.mismatch(field, type, false)
  }
}
