// Parses FetchXML text into a typed tree. Validation against the schema happens in compile.ts.

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { badRequest, ErrorCodes } from '../errors.js'

export interface FetchAttribute {
  name: string
  alias?: string
  aggregate?: string
  groupby: boolean
  distinct: boolean
  dategrouping?: string
}

export interface FetchCondition {
  attribute: string
  operator: string
  values: string[]
  entityname?: string
}

export interface FetchFilter {
  type: 'and' | 'or'
  conditions: FetchCondition[]
  filters: FetchFilter[]
}

export interface FetchOrder {
  attribute?: string
  alias?: string
  descending: boolean
}

export interface FetchEntityNode {
  name: string
  allAttributes: boolean
  attributes: FetchAttribute[]
  orders: FetchOrder[]
  filters: FetchFilter[]
  links: FetchLink[]
}

export interface FetchLink extends FetchEntityNode {
  from: string
  to: string
  alias?: string
  linkType: string
}

export interface FetchQuery {
  top?: number
  count?: number
  page?: number
  pagingCookie?: string
  aggregate: boolean
  distinct: boolean
  returnTotalRecordCount: boolean
  entity: FetchEntityNode
}

type XmlNode = Record<string, unknown>

const ARRAYS = new Set([
  'attribute',
  'link-entity',
  'filter',
  'condition',
  'order',
  'value',
  'entity',
  'all-attributes',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
})

const invalid = (message: string) => badRequest(ErrorCodes.invalidArgument, `Invalid FetchXML: ${message}`)

const children = (node: XmlNode, name: string) => (node[name] as XmlNode[] | undefined) ?? []
const attr = (node: XmlNode, name: string) => {
  const v = node[`@${name}`]
  return typeof v === 'string' ? v : undefined
}
const flag = (node: XmlNode, name: string) => attr(node, name)?.toLowerCase() === 'true' || attr(node, name) === '1'

function integer(node: XmlNode, name: string, min: number): number | undefined {
  const text = attr(node, name)
  if (text === undefined) return undefined
  const n = Number(text)
  if (!Number.isInteger(n) || n < min)
    throw invalid(`the '${name}' attribute must be an integer of at least ${min}, not '${text}'.`)
  return n
}

function required(node: XmlNode, name: string, element: string): string {
  const v = attr(node, name)
  if (!v) throw invalid(`the '${element}' element needs a '${name}' attribute.`)
  return v
}

function parseFilter(node: XmlNode): FetchFilter {
  const type = (attr(node, 'type') ?? 'and').toLowerCase()
  if (type !== 'and' && type !== 'or') throw invalid(`filter type '${type}' is not valid; use 'and' or 'or'.`)
  return {
    type,
    conditions: children(node, 'condition').map((c) => {
      const values = children(c, 'value').map((v) =>
        typeof v === 'string' ? v : String((v as XmlNode)['#text'] ?? ''),
      )
      const single = attr(c, 'value')
      return {
        attribute: required(c, 'attribute', 'condition'),
        operator: required(c, 'operator', 'condition'),
        values: single !== undefined ? [single, ...values] : values,
        entityname: attr(c, 'entityname'),
      }
    }),
    filters: children(node, 'filter').map(parseFilter),
  }
}

function parseEntityNode(node: XmlNode): FetchEntityNode {
  return {
    name: required(node, 'name', 'entity'),
    allAttributes: children(node, 'all-attributes').length > 0,
    attributes: children(node, 'attribute').map((a) => ({
      name: required(a, 'name', 'attribute'),
      alias: attr(a, 'alias'),
      aggregate: attr(a, 'aggregate')?.toLowerCase(),
      groupby: flag(a, 'groupby'),
      distinct: flag(a, 'distinct'),
      dategrouping: attr(a, 'dategrouping')?.toLowerCase(),
    })),
    orders: children(node, 'order').map((o) => ({
      attribute: attr(o, 'attribute'),
      alias: attr(o, 'alias'),
      descending: flag(o, 'descending'),
    })),
    filters: children(node, 'filter').map(parseFilter),
    links: children(node, 'link-entity').map((l) => ({
      ...parseEntityNode(l),
      from: required(l, 'from', 'link-entity'),
      to: required(l, 'to', 'link-entity'),
      alias: attr(l, 'alias'),
      linkType: (attr(l, 'link-type') ?? 'inner').toLowerCase(),
    })),
  }
}

export function parseFetchXml(text: string): FetchQuery {
  const valid = XMLValidator.validate(text)
  if (valid !== true) throw invalid(`${valid.err.msg} (line ${valid.err.line}).`)
  const doc = parser.parse(text) as XmlNode
  const fetch = doc.fetch as XmlNode | undefined
  if (!fetch || typeof fetch !== 'object') throw invalid("the root element must be 'fetch'.")
  const entities = children(fetch, 'entity')
  if (entities.length !== 1) throw invalid("'fetch' must contain exactly one 'entity' element.")
  const query: FetchQuery = {
    top: integer(fetch, 'top', 1),
    count: integer(fetch, 'count', 1),
    page: integer(fetch, 'page', 1),
    pagingCookie: attr(fetch, 'paging-cookie'),
    aggregate: flag(fetch, 'aggregate'),
    distinct: flag(fetch, 'distinct'),
    returnTotalRecordCount: flag(fetch, 'returntotalrecordcount'),
    entity: parseEntityNode(entities[0] as XmlNode),
  }
  if (query.top !== undefined && (query.count !== undefined || query.page !== undefined)) {
    throw invalid("the 'top' attribute can't be used together with the paging attributes 'count' and 'page'.")
  }
  if ((query.top ?? 0) > 5000) throw invalid("the 'top' attribute can't be more than 5000.")
  return query
}
