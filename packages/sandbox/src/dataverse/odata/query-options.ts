// Parsers for $select, $orderby, $top, $expand and $apply.

import { splitTopLevel } from '../../shared/odata/split.js'
import { querySyntaxError } from '../errors.js'
import { type FilterNode, type ParseOptions, parseFilter } from './filter-parser.js'

export interface OrderItem {
  property: string
  descending: boolean
}

export interface ExpandItem {
  navigation: string
  select?: string[]
  filter?: FilterNode
  orderby?: OrderItem[]
  top?: number
  expand?: ExpandItem[]
}

export interface QueryOptions {
  select?: string[]
  filter?: FilterNode
  orderby?: OrderItem[]
  top?: number
  count: boolean
  expand?: ExpandItem[]
  apply?: ApplyStep[]
  skiptoken?: string
}

export type AggregateMethod = 'sum' | 'average' | 'min' | 'max' | 'countdistinct' | 'count'

export interface AggregateItem {
  /** undefined for `$count as alias` */
  property?: string
  method: AggregateMethod
  alias: string
}

export type ApplyStep =
  | { kind: 'filter'; filter: FilterNode }
  | { kind: 'groupby'; properties: string[]; aggregates: AggregateItem[] }
  | { kind: 'aggregate'; aggregates: AggregateItem[] }

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export function parseSelect(text: string): string[] {
  const names = text.split(',').map((s) => s.trim())
  for (const n of names)
    if (!NAME.test(n)) throw querySyntaxError(`Syntax error in $select: '${n}' is not a property name.`)
  return names
}

export function parseOrderBy(text: string, aliases?: Record<string, string>): OrderItem[] {
  return text.split(',').map((part) => {
    const [rawName, direction, ...rest] = part.trim().split(/\s+/)
    const name = rawName?.startsWith('@') ? aliases?.[rawName] : rawName
    if (!name || !NAME.test(name) || rest.length > 0 || (direction && direction !== 'asc' && direction !== 'desc')) {
      throw querySyntaxError(`Syntax error in $orderby: '${part.trim()}'.`)
    }
    return { property: name, descending: direction === 'desc' }
  })
}

export function parseTop(text: string): number {
  if (!/^\d+$/.test(text.trim())) {
    throw querySyntaxError(
      `Invalid value '${text}' for $top query option found. The $top query option requires a non-negative integer value.`,
    )
  }
  return Number(text)
}

export function parseExpand(text: string): ExpandItem[] {
  return splitTopLevel(text, ',').map((part) => {
    const open = part.indexOf('(')
    const navigation = (open < 0 ? part : part.slice(0, open)).trim()
    if (!NAME.test(navigation)) throw querySyntaxError(`Syntax error in $expand: '${part}'.`)
    const item: ExpandItem = { navigation }
    if (open < 0) return item
    if (!part.endsWith(')')) throw querySyntaxError(`Syntax error in $expand: '${part}' is missing ')'.`)
    for (const option of splitTopLevel(part.slice(open + 1, -1), ';')) {
      const eq = option.indexOf('=')
      const key = option.slice(0, eq).trim()
      const value = option.slice(eq + 1).trim()
      if (eq < 0) throw querySyntaxError(`Syntax error in $expand options: '${option}'.`)
      if (key === '$select') item.select = parseSelect(value)
      else if (key === '$filter') item.filter = parseFilter(value)
      else if (key === '$orderby') item.orderby = parseOrderBy(value)
      else if (key === '$top') item.top = parseTop(value)
      else if (key === '$expand') item.expand = parseExpand(value)
      else throw querySyntaxError(`The query option '${key}' is not supported inside $expand.`)
    }
    return item
  })
}

export function parseApply(text: string, options: ParseOptions = {}): ApplyStep[] {
  return splitTopLevel(text, '/').map((step) => {
    const open = step.indexOf('(')
    const name = step.slice(0, open).trim()
    if (open < 0 || !step.endsWith(')')) throw querySyntaxError(`Syntax error in $apply: '${step}'.`)
    const inner = step.slice(open + 1, -1)
    if (name === 'filter') return { kind: 'filter', filter: parseFilter(inner, options) }
    if (name === 'aggregate') return { kind: 'aggregate', aggregates: parseAggregates(inner) }
    if (name === 'groupby') {
      const [group, ...rest] = splitTopLevel(inner, ',')
      if (!group?.startsWith('(') || !group.endsWith(')'))
        throw querySyntaxError(`Syntax error in $apply groupby: '${inner}'.`)
      const properties = group
        .slice(1, -1)
        .split(',')
        .map((p) => p.trim())
      for (const p of properties)
        if (!NAME.test(p)) throw querySyntaxError(`Syntax error in $apply groupby: '${p}' is not a property name.`)
      let aggregates: AggregateItem[] = []
      if (rest.length > 1) throw querySyntaxError(`Syntax error in $apply groupby: '${inner}'.`)
      const agg = rest[0]
      if (agg) {
        const m = /^aggregate\((.*)\)$/s.exec(agg)
        if (!m) throw querySyntaxError(`Syntax error in $apply groupby: '${agg}' is not an aggregate().`)
        aggregates = parseAggregates(m[1] as string)
      }
      return { kind: 'groupby', properties, aggregates }
    }
    throw querySyntaxError(`The $apply transformation '${name}' is not supported.`)
  })
}

const METHODS = new Set(['sum', 'average', 'min', 'max', 'countdistinct'])

function parseAggregates(text: string): AggregateItem[] {
  return splitTopLevel(text, ',').map((item) => {
    const count = /^\$count\s+as\s+([A-Za-z_][A-Za-z0-9_]*)$/.exec(item)
    if (count) return { method: 'count', alias: count[1] as string }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s+with\s+([A-Za-z]+)\s+as\s+([A-Za-z_][A-Za-z0-9_]*)$/.exec(item)
    if (!m || !METHODS.has(m[2] as string)) throw querySyntaxError(`Syntax error in $apply aggregate: '${item}'.`)
    return { property: m[1] as string, method: m[2] as AggregateMethod, alias: m[3] as string }
  })
}

const KNOWN = new Set([
  '$select',
  '$filter',
  '$orderby',
  '$top',
  '$count',
  '$expand',
  '$apply',
  '$skiptoken',
  '$format',
  '$skip',
  '$search',
])

export function parseQueryOptions(params: URLSearchParams): QueryOptions {
  const aliases: Record<string, string> = {}
  for (const [k, v] of params) if (k.startsWith('@')) aliases[k] = v
  const options: QueryOptions = { count: false }
  for (const [key, value] of params) {
    if (key.startsWith('$') && !KNOWN.has(key)) throw querySyntaxError(`The query parameter '${key}' is not supported.`)
    if (key === '$skip' || key === '$search' || key === '$format')
      throw querySyntaxError(`The query parameter ${key} is not supported.`)
    if (key === '$select') options.select = parseSelect(value)
    else if (key === '$filter') options.filter = parseFilter(value, { aliases })
    else if (key === '$orderby') options.orderby = parseOrderBy(value, aliases)
    else if (key === '$top') options.top = parseTop(value)
    else if (key === '$count') {
      if (value !== 'true' && value !== 'false') throw querySyntaxError(`'${value}' is not a valid count option.`)
      options.count = value === 'true'
    } else if (key === '$expand') options.expand = parseExpand(value)
    else if (key === '$apply') options.apply = parseApply(value, { aliases })
    else if (key === '$skiptoken') options.skiptoken = value
  }
  return options
}
