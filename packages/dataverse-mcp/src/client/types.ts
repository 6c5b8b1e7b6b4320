// The contract between the Dataverse tools and the Dataverse client. The client speaks the
// real Web API v9.2 (an org or the sandbox, nothing else differs); tools only use this interface.

/** Column (attribute) metadata as the tools need it, from EntityDefinitions/Attributes. */
export interface ColumnInfo {
  logicalName: string
  /** Dataverse AttributeType: String, Memo, Integer, BigInt, Decimal, Double, Money, Boolean, DateTime, Picklist, State, Status, Lookup, Customer, Owner, Uniqueidentifier, EntityName, ... */
  type: string
  displayName: string
  description?: string
  maxLength?: number
  precision?: number
  /** Lookup/Customer/Owner: tables it can point at */
  targets?: string[]
  /** Picklist/State/Status/Boolean choices */
  options?: Array<{ value: number; label: string }>
  isPrimaryId: boolean
  isPrimaryName: boolean
  requiredLevel: 'None' | 'Recommended' | 'ApplicationRequired' | 'SystemRequired'
  isValidForCreate: boolean
  isValidForUpdate: boolean
  isValidForRead: boolean
  isCustom: boolean
}

/** A many-to-one relationship seen from the referencing (many) table. */
export interface LookupRelationship {
  schemaName: string
  /** the lookup column on this table, e.g. parentcustomerid */
  referencingAttribute: string
  /** the table it points at, e.g. account */
  referencedEntity: string
  referencedAttribute: string
  /** single-valued navigation property on this table, e.g. parentcustomerid_account (for @odata.bind and $expand) */
  navigationProperty: string
}

/** A one-to-many relationship seen from the referenced (one) table. */
export interface ChildRelationship {
  schemaName: string
  referencingEntity: string
  referencingAttribute: string
  /** collection-valued navigation property on this table, e.g. contact_customer_accounts */
  navigationProperty: string
}

export interface TableInfo {
  logicalName: string
  entitySetName: string
  schemaName: string
  displayName: string
  displayCollectionName: string
  description?: string
  primaryIdAttribute: string
  primaryNameAttribute: string
  isCustom: boolean
  isActivity: boolean
  ownershipType: string
  metadataId?: string
}

export interface TableMetadata extends TableInfo {
  columns: ColumnInfo[]
  manyToOne: LookupRelationship[]
  oneToMany: ChildRelationship[]
}

export interface FetchXmlOptions {
  /** stop after this many rows (the tool's row cap); the result says whether more existed */
  maxRows: number
  /** rows per Web API page (count attribute), default 5000 */
  pageSize?: number
  /** ask for formatted values (labels of choices, lookups' names) */
  formatted?: boolean
  signal?: AbortSignal
}

export interface FetchXmlResult {
  /** rows as the Web API returns them (aliased link-entity columns as `alias.column`), annotations included when formatted */
  rows: Array<Record<string, unknown>>
  /** true when rows were left out because of maxRows */
  truncated: boolean
  /** Web API pages fetched */
  pages: number
}

export interface QueryOptions {
  select?: string[]
  filter?: string
  orderby?: string
  top?: number
  expand?: string
  /** rows per page (Prefer: odata.maxpagesize) */
  pageSize?: number
  formatted?: boolean
  count?: boolean
  signal?: AbortSignal
}

export interface QueryPage {
  rows: Array<Record<string, unknown>>
  /** the Web API's @odata.nextLink, to be followed unchanged */
  nextLink?: string
  count?: number
}

export interface WhoAmI {
  userId: string
  businessUnitId: string
  organizationId: string
}

export interface SearchOptions {
  /** table logical names to search; all search-enabled tables when left out */
  tables?: string[]
  top?: number
  /** results to skip (paging) */
  skip?: number
  /** columns to search in (all of `tables`), default: the tables' search columns */
  searchColumns?: string[]
  /** columns to return (all of `tables`), default: the primary name */
  selectColumns?: string[]
  /** OData-style filter the search API accepts */
  filter?: string
  signal?: AbortSignal
}

export interface SearchHit {
  table: string
  id: string
  score: number
  /** the record's primary name */
  name?: string
  attributes: Record<string, unknown>
  /** matched fragments per column, with the match marked */
  highlights?: Record<string, string[]>
}

/** A table enabled for Dataverse search, from GET /api/search/v2.0/status. */
export interface SearchSource {
  table: string
  primaryName?: string
  /** the columns indexed for search */
  columns: string[]
}

/** Column kinds accepted when creating tables and columns (Dataverse AttributeType names). */
export type NewColumnType =
  | 'String'
  | 'Memo'
  | 'Integer'
  | 'BigInt'
  | 'Decimal'
  | 'Double'
  | 'Money'
  | 'Boolean'
  | 'DateTime'
  | 'Picklist'
  | 'Lookup'

export interface NewColumn {
  /** e.g. new_DueDate; the logical name is its lower case */
  schemaName: string
  displayName: string
  description?: string
  type: NewColumnType
  required?: boolean
  /** String/Memo */
  maxLength?: number
  /** Decimal/Money/Double */
  precision?: number
  /** DateTime: date only instead of date and time */
  dateOnly?: boolean
  /** Picklist: option labels, values assigned by Dataverse */
  options?: string[]
  /** Lookup: the logical name of the table it points at */
  target?: string
}

export interface NewTable {
  /** e.g. new_Project; the logical name is its lower case */
  schemaName: string
  displayName: string
  pluralDisplayName: string
  description?: string
  ownership: 'UserOwned' | 'OrganizationOwned'
  primaryName: { schemaName: string; displayName: string; maxLength?: number }
}

/** Names and descriptions of every table's columns, for metadata search. */
export interface ColumnCatalogEntry {
  table: string
  columns: Array<{ logicalName: string; displayName: string; description?: string }>
}

export interface DataverseClient {
  /** e.g. https://contoso.crm.dynamics.com or the sandbox's dataverse URL */
  readonly orgUrl: string
  whoAmI(signal?: AbortSignal): Promise<WhoAmI>
  /** every table, cached after the first call */
  listTables(signal?: AbortSignal): Promise<TableInfo[]>
  /**
   * One table's columns and relationships, by logical name or entity set name, cached.
   * Throws a ToolError NotFound naming the closest table names when it does not exist.
   */
  table(name: string, signal?: AbortSignal): Promise<TableMetadata>
  /** runs FetchXML against the table's entity set, following the paging cookie until maxRows or the end */
  fetchXml(entitySetName: string, fetchXml: string, options: FetchXmlOptions): Promise<FetchXmlResult>
  /** one page of an OData query; pass the nextLink to `nextPage` for the following page */
  query(entitySetName: string, options: QueryOptions): Promise<QueryPage>
  nextPage(nextLink: string, options?: Pick<QueryOptions, 'pageSize' | 'formatted' | 'signal'>): Promise<QueryPage>
  retrieve(
    entitySetName: string,
    id: string,
    options?: Pick<QueryOptions, 'select' | 'expand' | 'formatted' | 'signal'>,
  ): Promise<Record<string, unknown>>
  /** returns the new record's id */
  create(entitySetName: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<string>
  update(
    entitySetName: string,
    id: string,
    body: Record<string, unknown>,
    options?: { ifMatch?: string; signal?: AbortSignal },
  ): Promise<void>
  delete(entitySetName: string, id: string, signal?: AbortSignal): Promise<void>
  /** a bound (`{ entitySetName, id }`) or unbound action; returns the response body */
  action(
    name: string,
    body: Record<string, unknown>,
    options?: { bound?: { entitySetName: string; id: string }; signal?: AbortSignal },
  ): Promise<unknown>
  /** Dataverse search (relevance search, POST /api/search/v2.0/query) over search-enabled tables */
  search(query: string, options?: SearchOptions): Promise<{ hits: SearchHit[]; total?: number }>
  /** forgets cached metadata (after creating or changing tables) */
  invalidateMetadata(): void
  /** the tables enabled for Dataverse search and their indexed columns (GET /api/search/v2.0/status), cached */
  searchSources(signal?: AbortSignal): Promise<SearchSource[]>
  /** every table's column names and descriptions, cached (for metadata search) */
  columnCatalog(signal?: AbortSignal): Promise<ColumnCatalogEntry[]>
  /** POST EntityDefinitions; returns the new table's metadata */
  createTable(table: NewTable, signal?: AbortSignal): Promise<TableInfo>
  /** POST EntityDefinitions(LogicalName=…)/Attributes, or RelationshipDefinitions for lookups; returns the logical name */
  createColumn(table: string, column: NewColumn, signal?: AbortSignal): Promise<string>
  /** DELETE EntityDefinitions(LogicalName=…) */
  deleteTable(table: string, signal?: AbortSignal): Promise<void>
}
