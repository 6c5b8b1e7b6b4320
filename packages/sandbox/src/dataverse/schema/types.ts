// The contract between the Dataverse emulator's engine and the tables it serves.
// Tables are plain data: the engine creates SQLite storage, metadata (EntityDefinitions,
// RelationshipDefinitions, option sets) and OData/FetchXML behaviour from these definitions,
// and the demo-data generator fills them. Tables created at run time through the metadata
// API become definitions of the same shape.

/** Dataverse AttributeType values used by the emulator (as EntityDefinitions/Attributes reports them). */
export type AttributeType =
  | 'Uniqueidentifier' // primary key
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
  | 'State' // statecode
  | 'Status' // statuscode
  | 'Lookup'
  | 'Customer' // lookup to account or contact
  | 'Owner' // lookup to systemuser or team
  | 'EntityName'

export interface OptionDefinition {
  value: number
  label: string
  /** for Status options: the statecode this status reason belongs to */
  state?: number
}

export interface AttributeDefinition {
  logicalName: string
  /** as given when the column was created through the metadata API (e.g. `new_Budget`); else the logical name */
  schemaName?: string
  type: AttributeType
  displayName: string
  description?: string
  /** String/Memo max length */
  maxLength?: number
  /** Decimal/Money precision */
  precision?: number
  minValue?: number
  maxValue?: number
  /** Picklist/State/Status options */
  options?: OptionDefinition[]
  /** Lookup/Customer/Owner: the logical names of the tables it can point at */
  targets?: string[]
  requiredLevel?: 'None' | 'Recommended' | 'ApplicationRequired' | 'SystemRequired'
  /** false for columns computed or set by the platform (createdon, versionnumber ...) */
  isValidForCreate?: boolean
  isValidForUpdate?: boolean
  isCustomAttribute?: boolean
  /** DateTime: 'DateOnly' or 'DateAndTime' */
  dateFormat?: 'DateOnly' | 'DateAndTime'
}

/** A one-to-many relationship: `referencedEntity` (one) ← `referencingEntity.referencingAttribute` (many). */
export interface RelationshipDefinition {
  schemaName: string
  referencedEntity: string
  referencedAttribute: string
  referencingEntity: string
  referencingAttribute: string
  /** collection-valued navigation property on the referenced (one) side, e.g. `contact_customer_accounts` */
  referencedEntityNavigationPropertyName: string
  /** single-valued navigation property on the referencing (many) side, e.g. `parentcustomerid_account` */
  referencingEntityNavigationPropertyName: string
}

export interface TableDefinition {
  logicalName: string
  /** plural name used in Web API URLs, e.g. `accounts` */
  entitySetName: string
  schemaName: string
  displayName: string
  displayCollectionName: string
  description?: string
  primaryIdAttribute: string
  primaryNameAttribute: string
  /** 'UserOwned' tables carry ownerid/owninguser/owningteam/owningbusinessunit */
  ownershipType: 'UserOwned' | 'OrganizationOwned' | 'None'
  isActivity?: boolean
  isCustomEntity?: boolean
  /** whether an admin enabled this table for Dataverse search (relevance search, search_data) */
  searchEnabled?: boolean
  attributes: AttributeDefinition[]
}

export interface SchemaDefinition {
  tables: TableDefinition[]
  relationships: RelationshipDefinition[]
}

/** A row of demo data: attribute logical names to values; lookups as `{ table, id }`. */
export type SeedValue = string | number | boolean | null | { table: string; id: string }
export type SeedRow = Record<string, SeedValue>

export interface SeedData {
  /** table logical name → rows, in an order that satisfies lookups (referenced rows first) */
  rows: Array<{ table: string; rows: SeedRow[] }>
  /** the sandbox's signed-in user (WhoAmI), a systemuserid present in the data */
  currentUserId: string
  businessUnitId: string
  organizationId: string
}
