// The FetchXML tree the translator builds, and its serialization. Kept separate from the SQL side
// so that the element and attribute names live in one place (FetchXML reference: fetch, entity,
// link-entity, attribute, order, filter, condition, value).
import type { TableMetadata } from '../client/types.js'

export interface FetchAttribute {
  name: string
  alias?: string
  groupby?: boolean
  aggregate?: 'count' | 'countcolumn' | 'sum' | 'avg' | 'min' | 'max'
  distinct?: boolean
}

export interface FetchOrder {
  attribute?: string
  alias?: string
  /** a link-entity alias, for an order on the root entity that sorts by a linked column first */
  entityname?: string
  descending: boolean
}

export interface FetchCondition {
  kind: 'condition'
  attribute: string
  operator: string
  values: string[]
  /** link-entity alias when the column belongs to a joined table */
  entityname?: string
}

export interface FetchFilter {
  kind: 'filter'
  type: 'and' | 'or'
  items: Array<FetchCondition | FetchFilter>
}

export interface FetchNode {
  table: TableMetadata
  /** link-entity alias; undefined for the root entity */
  alias?: string
  link?: { from: string; to: string; type: 'inner' | 'outer' }
  allAttributes: boolean
  attributes: FetchAttribute[]
  orders: FetchOrder[]
  filter?: FetchFilter
  links: FetchNode[]
}

export interface FetchQuery {
  root: FetchNode
  top?: number
  distinct: boolean
  aggregate: boolean
  /** sort choice columns by value rather than label, as SQL does */
  useRawOrderBy: boolean
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  )

function element(name: string, attrs: Record<string, string | number | boolean | undefined>, children = ''): string {
  const text = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('')
  return children ? `<${name}${text}>${children}</${name}>` : `<${name}${text} />`
}

function conditionXml(c: FetchCondition): string {
  const list =
    c.operator === 'in' || c.operator === 'not-in' || c.operator === 'between' || c.operator === 'not-between'
  const attrs = { entityname: c.entityname, attribute: c.attribute, operator: c.operator }
  if (!list) return element('condition', { ...attrs, value: c.values[0] })
  return element('condition', attrs, c.values.map((v) => `<value>${escapeXml(v)}</value>`).join(''))
}

function filterXml(f: FetchFilter): string {
  const inner = f.items.map((item) => (item.kind === 'condition' ? conditionXml(item) : filterXml(item))).join('')
  return element('filter', { type: f.type === 'or' ? 'or' : undefined }, inner)
}

function nodeXml(node: FetchNode): string {
  const parts: string[] = []
  if (node.allAttributes) parts.push('<all-attributes />')
  for (const a of node.attributes)
    parts.push(
      element('attribute', {
        name: a.name,
        alias: a.alias,
        groupby: a.groupby ? 'true' : undefined,
        aggregate: a.aggregate,
        distinct: a.distinct ? 'true' : undefined,
      }),
    )
  for (const o of node.orders)
    parts.push(
      element('order', {
        entityname: o.entityname,
        attribute: o.attribute,
        alias: o.alias,
        descending: o.descending ? 'true' : undefined,
      }),
    )
  if (node.filter?.items.length) parts.push(filterXml(node.filter))
  for (const l of node.links) parts.push(nodeXml(l))
  const body = parts.join('')
  if (!node.link) return element('entity', { name: node.table.logicalName }, body)
  return element(
    'link-entity',
    {
      name: node.table.logicalName,
      from: node.link.from,
      to: node.link.to,
      'link-type': node.link.type,
      alias: node.alias,
    },
    body,
  )
}

export function toFetchXml(query: FetchQuery): string {
  return element(
    'fetch',
    {
      top: query.top,
      distinct: query.distinct ? 'true' : undefined,
      aggregate: query.aggregate ? 'true' : undefined,
      useraworderby: query.useRawOrderBy ? 'true' : undefined,
    },
    nodeXml(query.root),
  )
}
