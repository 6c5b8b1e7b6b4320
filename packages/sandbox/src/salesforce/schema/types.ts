// The Salesforce schema as data: objects, fields and relationships that describe, SOQL and the
// record writer all read. Field and relationship names are Salesforce's own.

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'reference'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'double'
  | 'int'
  | 'email'
  | 'phone'
  | 'url'

export interface PicklistValue {
  value: string
  label?: string
  default?: boolean
}

export interface FieldDef {
  name: string
  label: string
  type: FieldType
  length?: number
  precision?: number
  scale?: number
  /** objects a reference field may point at; more than one makes it polymorphic (Task.WhoId) */
  referenceTo?: string[]
  /** name of the parent in SOQL paths, e.g. `Account` for Contact.AccountId */
  relationshipName?: string
  /** name of this field's children on each parent, e.g. `Contacts` for Contact.AccountId */
  childRelationshipName?: string
  cascadeDelete?: boolean
  picklistValues?: PicklistValue[]
  /** the value list only admits its own values (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST otherwise) */
  restrictedPicklist?: boolean
  /** may be null; when false and nothing defaults it, it is required on create */
  nillable?: boolean
  createable?: boolean
  updateable?: boolean
  /** set by the platform on create when left out (system fields, derived values, defaults) */
  defaultedOnCreate?: boolean
  defaultValue?: string | number | boolean
  externalId?: boolean
  unique?: boolean
  nameField?: boolean
  /** computed by the platform; never written by clients */
  calculated?: boolean
}

export interface ObjectDef {
  name: string
  label: string
  labelPlural: string
  keyPrefix: string
  fields: FieldDef[]
  createable?: boolean
  updateable?: boolean
  deletable?: boolean
}

export interface SchemaDef {
  objects: ObjectDef[]
}
