// OData query options as finance & operations takes them: $filter, $select, $orderby, $top, $skip,
// $count, $expand (first level only), cross-company, and our $skiptoken for server-driven paging.
import { type FilterNode, type Literal, type Operand, parseFilter } from '../../shared/odata/filter-parser.js'
import { splitTopLevel } from '../../shared/odata/split.js'
import type { ErpEntity, ErpEntityCatalog, ErpFilter, ErpNavigation, ErpValue } from '../model.js'
import { fieldOf, typeName, unknownProperty } from '../records/values.js'
import { odataError } from './http.js'
import { ACTION_NAMESPACE, syntaxError } from './path.js'

export interface QueryOptions {
  filter?: ErpFilter
  select?: string[]
  orderBy: Array<{ field: string; descending?: boolean }>
  top?: number
  skip?: number
  count: boolean
  expand: Array<{ navigation: ErpNavigation; options: QueryOptions }>
  crossCompany: boolean
  /** offset carried by a nextLink's $skiptoken */
  skipToken?: number
}

const SUPPORTED = new Set([
  '$filter',
  '$select',
  '$orderby',
  '$top',
  '$skip',
  '$count',
  '$expand',
  '$skiptoken',
  '$format',
])

/** Splits a query string without turning '+' into a space (OData literals such as +01:00 keep it). */
export function rawQueryParams(search: string): Array<[string, string]> {
  return search
    .replace(/^\?/, '')
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=')
      const name = eq < 0 ? part : part.slice(0, eq)
      const value = eq < 0 ? '' : part.slice(eq + 1)
      return [decode(name), decode(value)]
    })
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    throw syntaxError(`The query string has a malformed escape in '${text}'.`)
  }
}

export function parseQuery(entity: ErpEntity, catalog: ErpEntityCatalog, search: string): QueryOptions {
  const params = new Map<string, string>()
  for (const [name, value] of rawQueryParams(search)) {
    if (name.startsWith('$') && !SUPPORTED.has(name)) {
      throw syntaxError(`The query parameter '${name}' is not supported.`)
    }
    if (params.has(name)) throw syntaxError(`The query parameter '${name}' is specified more than once.`)
    params.set(name, value)
  }
  const options = parseOptions(entity, catalog, params, true)
  const crossCompany = params.get('cross-company')
  options.crossCompany = crossCompany !== undefined && crossCompany.toLowerCase() === 'true'
  const token = params.get('$skiptoken')
  if (token !== undefined) {
    const offset = Number(token)
    if (!Number.isInteger(offset) || offset < 0) throw syntaxError(`The $skiptoken '${token}' is not valid.`)
    options.skipToken = offset
  }
  return options
}

function parseOptions(
  entity: ErpEntity,
  catalog: ErpEntityCatalog,
  params: Map<string, string>,
  topLevel: boolean,
): QueryOptions {
  const options: QueryOptions = { orderBy: [], count: false, expand: [], crossCompany: false }
  const filter = params.get('$filter')
  if (filter !== undefined && filter.trim() !== '')
    options.filter = toErpFilter(entity, parseFilter(filter, { syntaxError }))
  const select = params.get('$select')
  if (select !== undefined && select.trim() !== '' && select.trim() !== '*') {
    options.select = select.split(',').map((name) => {
      const field = name.trim()
      if (!fieldOf(entity, field)) throw unknownProperty(entity, field)
      return field
    })
  }
  const orderby = params.get('$orderby')
  if (orderby !== undefined && orderby.trim() !== '') {
    options.orderBy = orderby.split(',').map((part) => {
      const [field, direction, extra] = part.trim().split(/\s+/)
      if (!field || extra || (direction && !/^(asc|desc)$/i.test(direction))) {
        throw syntaxError(`The $orderby item '${part.trim()}' is not valid; use 'Field' or 'Field desc'.`)
      }
      if (!fieldOf(entity, field)) throw unknownProperty(entity, field)
      return { field, descending: direction?.toLowerCase() === 'desc' }
    })
  }
  options.top = wholeNumber(params.get('$top'), '$top')
  options.skip = wholeNumber(params.get('$skip'), '$skip')
  const count = params.get('$count')
  if (count !== undefined) {
    if (!/^(true|false)$/i.test(count))
      throw syntaxError(`The $count value '${count}' is not valid; use true or false.`)
    options.count = count.toLowerCase() === 'true'
  }
  const expand = params.get('$expand')
  if (expand !== undefined && expand.trim() !== '') {
    for (const item of splitTopLevel(expand, ',')) {
      const open = item.indexOf('(')
      const name = (open < 0 ? item : item.slice(0, open)).trim()
      const navigation = entity.navigation?.find((nav) => nav.name === name)
      if (!navigation) {
        throw odataError(
          400,
          `Could not find a navigation property named '${name}' on type '${typeName(entity)}'.${entity.navigation?.length ? ` Navigation properties: ${entity.navigation.map((n) => n.name).join(', ')}.` : ''}`,
        )
      }
      const target = catalog.bySet(navigation.target)!
      const nested = new Map<string, string>()
      if (open >= 0) {
        if (!item.endsWith(')')) throw syntaxError(`The $expand item '${item}' is not valid.`)
        for (const option of splitTopLevel(item.slice(open + 1, -1), ';')) {
          const eq = option.indexOf('=')
          const key = option.slice(0, eq < 0 ? undefined : eq).trim()
          if (!['$select', '$filter', '$orderby', '$top'].includes(key)) {
            throw syntaxError(
              key === '$expand'
                ? 'Only first-level expansion is supported; $expand inside $expand is not.'
                : `The option '${key}' is not supported inside $expand; use $select, $filter, $orderby or $top.`,
            )
          }
          nested.set(key, eq < 0 ? '' : option.slice(eq + 1))
        }
      }
      if (!topLevel) throw syntaxError('Only first-level expansion is supported.')
      options.expand.push({ navigation, options: parseOptions(target, catalog, nested, false) })
    }
  }
  return options
}

function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw syntaxError(`The value '${value}' of ${name} is not valid; it must be a whole number of at least 0.`)
  }
  return n
}

const FLIP = { eq: 'eq', ne: 'ne', gt: 'lt', ge: 'le', lt: 'gt', le: 'ge' } as const

/** The parsed $filter → the store's filter, checking properties and literal types against the entity. */
export function toErpFilter(entity: ErpEntity, node: FilterNode): ErpFilter {
  switch (node.kind) {
    case 'and':
      return { and: [toErpFilter(entity, node.left), toErpFilter(entity, node.right)] }
    case 'or':
      return { or: [toErpFilter(entity, node.left), toErpFilter(entity, node.right)] }
    case 'not':
      return { not: toErpFilter(entity, node.expr) }
    case 'text': {
      const field = property(entity, node.property)
      if (node.value.kind !== 'string') throw syntaxError(`The second argument of ${node.fn} must be a string.`)
      return { field, op: node.fn, value: node.value.value }
    }
    case 'compare': {
      let { left, right } = node
      let op: keyof typeof FLIP = node.op
      if (left.kind !== 'property' && right.kind === 'property') {
        ;[left, right] = [right, left]
        op = FLIP[op]
      }
      if (left.kind !== 'property') throw syntaxError('A comparison needs a property on one side.')
      const field = property(entity, left.path)
      if (right.kind === 'property') return { field, op, otherField: property(entity, right.path) }
      if (right.kind !== 'literal')
        throw syntaxError('Arrays are not supported in $filter; the operator in is not supported.')
      return compare(entity, field, op, right.value)
    }
    case 'function':
    case 'lambda':
      throw syntaxError(
        `The $filter construct '${node.kind === 'function' ? node.name : `${node.navigation}/${node.quantifier}`}' is not supported.`,
      )
  }
}

function property(entity: ErpEntity, path: string[]): string {
  if (path.length !== 1) {
    throw syntaxError(
      `The property path '${path.join('/')}' is not supported in $filter; filter on the entity's own properties.`,
    )
  }
  const name = path[0]!
  if (!fieldOf(entity, name)) throw unknownProperty(entity, name)
  return name
}

function compare(entity: ErpEntity, name: string, op: keyof typeof FLIP, lit: Literal): ErpFilter {
  const field = fieldOf(entity, name)!
  if (field.type === 'Enum' && op !== 'eq' && op !== 'ne') {
    throw syntaxError(`Enum properties can only be compared with eq and ne; '${name}' was compared with ${op}.`)
  }
  if (lit.kind === 'enum') {
    const expected = `${ACTION_NAMESPACE}${field.enumType}`
    if (field.type !== 'Enum' || lit.type !== expected) {
      throw odataError(
        400,
        `A binary operator with incompatible types was detected. Found operand types '${field.type === 'Enum' ? expected : `Edm.${field.type}`}' and '${lit.type}' for operator kind '${op}'.`,
      )
    }
  }
  if (lit.kind === 'string' && field.type === 'String' && lit.value.includes('*') && (op === 'eq' || op === 'ne')) {
    // F&O's wildcard: Name eq '*retail*'
    return { field: name, op: op === 'eq' ? 'like' : 'notlike', value: lit.value }
  }
  const value: ErpValue = lit.kind === 'null' ? null : lit.value
  return { field: name, op, value }
}

export type { Operand }
