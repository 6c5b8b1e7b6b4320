// What the OData client knows about an environment: its data entities, enums and actions as
// $metadata describes them, and the shapes of query pages.

/** A property of a data entity. `type` is the EDM type without `Edm.` (`String`, `Decimal` …) or `Enum`. */
export interface FieldInfo {
  name: string
  type: string
  /** for `Enum`: the enum type's name, e.g. `NoYes` */
  enumType?: string
  maxLength?: number
  /** a value is needed on create */
  mandatory: boolean
  /** cannot be set on update (and, with `readOnlyOnCreate`, not on create either) */
  readOnly: boolean
  readOnlyOnCreate: boolean
  label?: string
}

export interface NavigationInfo {
  name: string
  /** entity set of the related entity, when $metadata names one */
  target: string
  many: boolean
}

export interface ActionParameter {
  name: string
  type: string
  optional: boolean
}

/** An OData action: bound to one record, to an entity set, or unbound (an action import). */
export interface ActionInfo {
  name: string
  boundTo: 'entity' | 'collection' | 'none'
  /** the entity set of bound actions */
  entitySet?: string
  parameters: ActionParameter[]
  returns?: string
  description?: string
}

export interface EntityInfo {
  /** the entity type, e.g. `CustomerV3` */
  name: string
  /** the collection name used in URLs and SQL, e.g. `CustomersV3` */
  entitySet: string
  label?: string
  /** keyed by `dataAreaId` (company-specific) or global */
  companySpecific: boolean
  /** key fields without dataAreaId, in key order */
  keys: string[]
  fields: FieldInfo[]
  navigation: NavigationInfo[]
  actions: ActionInfo[]
  readOnly: boolean
}

export interface ErpMetadata {
  entities: EntityInfo[]
  enums: ReadonlyMap<string, readonly string[]>
  /** unbound actions (action imports) */
  unboundActions: ActionInfo[]
  /** exact entity set name (F&O names are case-sensitive) */
  bySet(entitySet: string): EntityInfo | undefined
  /** entity set by name ignoring case, or by entity type name: what a person or a model means */
  find(name: string): EntityInfo | undefined
}

export type Row = Record<string, unknown>

/** Which legal entities a request reads: the user's default company, one company, or all. */
export type CompanyScope = { kind: 'default' } | { kind: 'company'; id: string } | { kind: 'cross-company' }

export interface QueryOptions {
  filter?: string
  select?: string[]
  orderby?: string
  top?: number
  skip?: number
  expand?: string
  count?: boolean
  company?: CompanyScope
  signal?: AbortSignal
}

export interface QueryPage {
  rows: Row[]
  nextLink?: string
  count?: number
}
