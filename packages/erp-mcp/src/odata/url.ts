// OData request URLs: query options in a fixed order, values percent-encoded (spaces as %20, never
// '+'), and the company scope finance & operations reads: nothing for the user's default company,
// `cross-company=true` for all, and `cross-company=true` with `dataAreaId eq '…'` for one.
import { DATA_AREA_ID } from './metadata.js'
import type { CompanyScope, EntityInfo, QueryOptions } from './types.js'

/** Characters OData expressions use that are safe unencoded in a query string. */
const encodeValue = (value: string) =>
  encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%27/gi, "'").replace(/%24/gi, '$').replace(/%3A/gi, ':')

export function queryString(params: Array<[string, string | number | boolean | undefined]>): string {
  const parts = params
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => `${name}=${encodeValue(String(value))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`

/** The filter with the company condition added, and whether cross-company is needed. */
export function scopedFilter(
  entity: Pick<EntityInfo, 'companySpecific'>,
  filter: string | undefined,
  company: CompanyScope | undefined,
): { filter: string | undefined; crossCompany: boolean } {
  const scope = company ?? { kind: 'default' }
  if (scope.kind === 'default') return { filter, crossCompany: false }
  if (scope.kind === 'cross-company' || !entity.companySpecific)
    return { filter, crossCompany: scope.kind === 'cross-company' }
  const condition = `${DATA_AREA_ID} eq ${quote(scope.id.toLowerCase())}`
  return { filter: filter?.trim() ? `(${filter}) and ${condition}` : condition, crossCompany: true }
}

/** `data/CustomersV3?$filter=…&$select=…&cross-company=true` for one query. */
export function collectionPath(entity: EntityInfo, options: QueryOptions): string {
  const { filter, crossCompany } = scopedFilter(entity, options.filter, options.company)
  return `data/${entity.entitySet}${queryString([
    ['$filter', filter],
    ['$select', options.select?.length ? options.select.join(',') : undefined],
    ['$expand', options.expand],
    ['$orderby', options.orderby],
    ['$top', options.top],
    ['$skip', options.skip || undefined],
    ['$count', options.count ? 'true' : undefined],
    ['cross-company', crossCompany ? 'true' : undefined],
  ])}`
}

/** Parses `companyId` as the tools take it: a dataAreaId, or `cross-company`. */
export function companyScope(companyId: string | undefined): CompanyScope {
  const id = companyId?.trim()
  if (!id) return { kind: 'default' }
  if (/^(cross-company|\*|all)$/i.test(id)) return { kind: 'cross-company' }
  return { kind: 'company', id: id.toLowerCase() }
}

export function describeScope(scope: CompanyScope, defaultCompany?: string): string {
  if (scope.kind === 'cross-company') return 'all companies'
  if (scope.kind === 'company') return `company ${scope.id}`
  return defaultCompany ? `company ${defaultCompany} (the default)` : "the user's default company"
}
