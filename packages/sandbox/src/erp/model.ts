// The finance & operations emulator's data model, shared by its OData endpoint, its form engine
// and its reports: data entities described as data, and the record store they all read and write.
// One store behind every surface, so a row saved through a form is the row OData returns.

/** EDM types the emulator's entities use (as `$metadata` names them, without the `Edm.` prefix). */
export type ErpFieldType = 'String' | 'Int32' | 'Int64' | 'Decimal' | 'Date' | 'DateTimeOffset' | 'Guid' | 'Enum'

export interface ErpField {
  name: string
  type: ErpFieldType
  /** for `Enum`: the enum type's name, e.g. `NoYes`, `SalesStatus` (members in ErpEntityCatalog.enums) */
  enumType?: string
  /** strings: the longest value accepted */
  maxLength?: number
  /** a value is needed on create (keys always are) */
  mandatory?: boolean
  /** computed or system-maintained: refused on create and update */
  readOnly?: boolean
  /** a user-facing label, as forms show it */
  label?: string
}

export interface ErpNavigation {
  name: string
  /** entity set of the related entity */
  target: string
  /** this entity's field → the target's field; dataAreaId is matched implicitly for company data */
  on: Record<string, string>
  /** true for a collection (header → lines), false for a single related record */
  many: boolean
}

export interface ErpEntity {
  /** public entity name, e.g. `CustomerV3` (the EDM entity type) */
  name: string
  /** public collection name, e.g. `CustomersV3` (the URL segment) */
  entitySet: string
  label: string
  /** company-specific entities carry `dataAreaId` as their first key */
  companySpecific: boolean
  /** key fields, without dataAreaId */
  keys: string[]
  fields: ErpField[]
  navigation?: ErpNavigation[]
  /** true for entities that cannot be written through OData (e.g. transaction history) */
  readOnly?: boolean
  /** bound OData actions (see ErpAction) */
  actions?: ErpAction[]
}

export interface ErpEntityCatalog {
  entities: readonly ErpEntity[]
  /** enum type → member names in value order */
  enums: Readonly<Record<string, readonly string[]>>
  /** by entity set name, case-sensitive as F&O is */
  bySet(entitySet: string): ErpEntity | undefined
}

export type ErpValue = string | number | boolean | null
export type ErpRow = Record<string, ErpValue>

export interface ErpCompany {
  /** dataAreaId, lowercase as F&O stores it, e.g. `usmf` */
  id: string
  name: string
  currency: string
  country: string
}

/** Which legal entity a read or write is in. */
export type ErpCompanyScope = { company: string } | { crossCompany: true }

export interface ErpListOptions {
  /** equality on fields (null matches empty) */
  equals?: Record<string, ErpValue>
  /** case-insensitive substring match on string fields, as a grid's filter does */
  contains?: Record<string, string>
  orderBy?: Array<{ field: string; descending?: boolean }>
  top?: number
  skip?: number
}

/**
 * The record store. Errors are ErpError (status + code + message as the real service words them),
 * and a failed write changes nothing.
 */
export interface ErpRecords {
  readonly catalog: ErpEntityCatalog
  readonly companies: readonly ErpCompany[]
  /** the default company of the emulated user (F&O's "current company") */
  readonly defaultCompany: string
  list(entitySet: string, scope: ErpCompanyScope, options?: ErpListOptions): { rows: ErpRow[]; total: number }
  /** `key` holds the entity's keys (without dataAreaId, which comes from `company`) */
  get(entitySet: string, company: string, key: Record<string, ErpValue>): ErpRow | undefined
  create(entitySet: string, company: string, values: ErpRow): ErpRow
  update(entitySet: string, company: string, key: Record<string, ErpValue>, values: ErpRow): ErpRow
  delete(entitySet: string, company: string, key: Record<string, ErpValue>): void
}

export class ErpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** F&O's error bodies carry an empty `code` and the detail in `innererror`; kept for the type name */
    readonly innerType = 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataException',
  ) {
    super(message)
    this.name = 'ErpError'
  }
}

// ---- Additions for the OData surface, attachments and users (added after the first cut; nothing above changed). ----

/** A bound OData action of an entity: `POST /data/{EntitySet}(keys)/Microsoft.Dynamics.DataEntities.{name}`. */
export interface ErpAction {
  name: string
  description: string
  /** bound to one record (keys in the URL) or to the entity set (no keys) */
  boundTo: 'entity' | 'collection'
  parameters: Array<{ name: string; type: ErpFieldType; enumType?: string; optional?: boolean }>
  /** EDM type of the result (`String`, `Decimal`, …, or an entity type name for a record); none for void */
  returns?: ErpFieldType | { entityType: string; many: boolean }
}

/** A structured filter the store compiles to SQL (OData's $filter is translated into this). */
export type ErpFilter =
  | { and: ErpFilter[] }
  | { or: ErpFilter[] }
  | { not: ErpFilter }
  | { field: string; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; value: ErpValue }
  | { field: string; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; otherField: string }
  /** case-insensitive text match, as F&O's SQL collation does */
  | { field: string; op: 'contains' | 'startswith' | 'endswith'; value: string }
  /** F&O's wildcard equality: `*` matches any text (`Name eq '*retail*'`); `notlike` for `ne` */
  | { field: string; op: 'like' | 'notlike'; value: string }

export interface ErpListOptionsWithFilter extends ErpListOptions {
  filter?: ErpFilter
  /** skip counting the total when the caller does not need it (total is then -1) */
  noCount?: boolean
}

/** A user of the emulated environment (SystemUsers), with the Entra identity a token maps to. */
export interface ErpUser {
  UserID: string
  UserName: string
  Email: string
  /** default company */
  Company: string
  /** Entra object id, when the user signs in with Entra ID */
  ObjectId: string
  Alias: string
  Language: string
  Enabled: boolean
}

/** A document reference (DocuRef) with its file. */
export interface ErpAttachment {
  DocuRefRecId: number
  /** entity set the record belongs to, e.g. VendorInvoiceHeaders */
  EntityName: string
  /** JSON of the record's key fields without dataAreaId, keys in catalogue order */
  RecordKey: string
  /** company the document reference is stored in ('dat' for global tables) */
  RefCompanyId: string
  FileName: string
  FileType: string
  FileSize: number
  FileId: string
  /** SHA-256 of the content, hex */
  ContentHash: string
  Notes: string
  CreatedBy: string
  CreatedDateTime: string
}

export interface ErpAttachmentStore {
  /** 15 MB, DocuParameters' file-system limit */
  readonly maxFileSize: number
  add(input: {
    entityName: string
    recordKey: string
    refCompanyId: string
    fileName: string
    content: Uint8Array
    notes?: string
    createdBy: string
  }): ErpAttachment
  /** attachments of one record (by entity, company and normalized key), newest last */
  forRecord(entityName: string, refCompanyId: string, recordKey: string): ErpAttachment[]
  get(docuRefRecId: number): ErpAttachment | undefined
  content(docuRefRecId: number): Uint8Array | undefined
}

/** ErpRecords plus what the emulator's surfaces share: users, attachments, the clock and transactions. */
export interface ErpStore extends ErpRecords {
  list(entitySet: string, scope: ErpCompanyScope, options?: ErpListOptionsWithFilter): { rows: ErpRow[]; total: number }
  readonly attachments: ErpAttachmentStore
  /** the sandbox clock's date, `YYYY-MM-DD` (UTC) */
  today(): string
  /** the user a token is for: by Entra object id, then by user principal name; app-only tokens are `Admin` */
  userFor(identity: { oid?: string; upn?: string; appOnly: boolean }): ErpUser | undefined
  user(userId: string): ErpUser | undefined
  /** runs `fn` in one SQLite transaction: everything or nothing */
  transaction<T>(fn: () => T): T
  /**
   * A system write for actions and posting logic: sets fields (read-only ones included, keys
   * excluded) of an existing record without the user-facing checks; types are still validated.
   */
  systemUpdate(entitySet: string, company: string, key: Record<string, ErpValue>, values: ErpRow): ErpRow
}
