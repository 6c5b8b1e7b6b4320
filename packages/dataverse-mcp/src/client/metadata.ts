// EntityDefinitions JSON (labels, typed attribute casts, relationships) to the contract's types.
import type { ChildRelationship, ColumnInfo, LookupRelationship, TableInfo } from './types.js'

type Json = Record<string, unknown>

/** The user's label of a Dataverse Label object, or the first localized one. */
export function labelText(label: unknown): string | undefined {
  const l = label as { UserLocalizedLabel?: { Label?: string } | null; LocalizedLabels?: Array<{ Label?: string }> }
  return l?.UserLocalizedLabel?.Label ?? l?.LocalizedLabels?.[0]?.Label ?? undefined
}

export function toLabel(text: string) {
  return {
    '@odata.type': 'Microsoft.Dynamics.CRM.Label',
    LocalizedLabels: [{ '@odata.type': 'Microsoft.Dynamics.CRM.LocalizedLabel', Label: text, LanguageCode: 1033 }],
  }
}

export const TABLE_SELECT = [
  'LogicalName',
  'EntitySetName',
  'SchemaName',
  'DisplayName',
  'DisplayCollectionName',
  'Description',
  'PrimaryIdAttribute',
  'PrimaryNameAttribute',
  'IsCustomEntity',
  'IsActivity',
  'OwnershipType',
]

export const ATTRIBUTE_SELECT = [
  'LogicalName',
  'AttributeType',
  'DisplayName',
  'Description',
  'RequiredLevel',
  'IsPrimaryId',
  'IsPrimaryName',
  'IsValidForCreate',
  'IsValidForUpdate',
  'IsValidForRead',
  'IsCustomAttribute',
]

export const RELATIONSHIP_SELECT = [
  'SchemaName',
  'ReferencedEntity',
  'ReferencedAttribute',
  'ReferencingEntity',
  'ReferencingAttribute',
  'ReferencedEntityNavigationPropertyName',
  'ReferencingEntityNavigationPropertyName',
]

export function toTableInfo(e: Json): TableInfo {
  const logicalName = String(e.LogicalName)
  const description = labelText(e.Description)
  return {
    logicalName,
    entitySetName: String(e.EntitySetName ?? ''),
    schemaName: String(e.SchemaName ?? logicalName),
    displayName: labelText(e.DisplayName) ?? logicalName,
    displayCollectionName: labelText(e.DisplayCollectionName) ?? labelText(e.DisplayName) ?? logicalName,
    ...(description ? { description } : {}),
    primaryIdAttribute: String(e.PrimaryIdAttribute ?? ''),
    primaryNameAttribute: String(e.PrimaryNameAttribute ?? ''),
    isCustom: e.IsCustomEntity === true,
    isActivity: e.IsActivity === true,
    ownershipType: String(e.OwnershipType ?? 'None'),
    ...(typeof e.MetadataId === 'string' ? { metadataId: e.MetadataId } : {}),
  }
}

const REQUIRED_LEVELS = new Set(['None', 'Recommended', 'ApplicationRequired', 'SystemRequired'])

export function toColumnInfo(a: Json): ColumnInfo {
  const logicalName = String(a.LogicalName)
  const description = labelText(a.Description)
  const level = (a.RequiredLevel as { Value?: string } | undefined)?.Value ?? 'None'
  return {
    logicalName,
    type: String(a.AttributeType ?? 'String'),
    displayName: labelText(a.DisplayName) ?? logicalName,
    ...(description ? { description } : {}),
    isPrimaryId: a.IsPrimaryId === true,
    isPrimaryName: a.IsPrimaryName === true,
    requiredLevel: (REQUIRED_LEVELS.has(level) ? level : 'None') as ColumnInfo['requiredLevel'],
    isValidForCreate: a.IsValidForCreate !== false,
    isValidForUpdate: a.IsValidForUpdate !== false,
    isValidForRead: a.IsValidForRead !== false,
    isCustom: a.IsCustomAttribute === true,
  }
}

/** Options of an OptionSet, Boolean (TrueOption/FalseOption) included. */
export function optionsOf(optionSet: unknown): Array<{ value: number; label: string }> | undefined {
  const set = optionSet as { Options?: Json[]; TrueOption?: Json; FalseOption?: Json } | undefined
  if (!set) return undefined
  const raw = set.Options?.length ? set.Options : [set.FalseOption, set.TrueOption].filter((o): o is Json => !!o)
  const options = raw
    .filter((o) => typeof o.Value === 'number' || typeof o.Value === 'boolean')
    .map((o) => ({ value: Number(o.Value), label: labelText(o.Label) ?? String(o.Value) }))
  return options.length ? options : undefined
}

/** Adds what only the typed casts carry (targets, options, lengths) to the columns. */
export function mergeCast(columns: Map<string, ColumnInfo>, cast: Json[]): void {
  for (const a of cast) {
    const column = columns.get(String(a.LogicalName))
    if (!column) continue
    if (Array.isArray(a.Targets)) column.targets = a.Targets.map(String)
    const options = optionsOf(a.OptionSet ?? a.GlobalOptionSet)
    if (options) column.options = options
    if (typeof a.MaxLength === 'number') column.maxLength = a.MaxLength
    if (typeof a.Precision === 'number') column.precision = a.Precision
  }
}

export function toLookupRelationship(r: Json): LookupRelationship {
  return {
    schemaName: String(r.SchemaName),
    referencingAttribute: String(r.ReferencingAttribute),
    referencedEntity: String(r.ReferencedEntity),
    referencedAttribute: String(r.ReferencedAttribute),
    navigationProperty: String(r.ReferencingEntityNavigationPropertyName ?? r.ReferencingAttribute),
  }
}

export function toChildRelationship(r: Json): ChildRelationship {
  return {
    schemaName: String(r.SchemaName),
    referencingEntity: String(r.ReferencingEntity),
    referencingAttribute: String(r.ReferencingAttribute),
    navigationProperty: String(r.ReferencedEntityNavigationPropertyName ?? r.SchemaName),
  }
}

/** Attribute types whose typed cast carries something the base AttributeMetadata does not. */
export const CASTS: Record<string, { cast: string; expandOptionSet?: boolean }> = {
  Picklist: { cast: 'PicklistAttributeMetadata', expandOptionSet: true },
  State: { cast: 'StateAttributeMetadata', expandOptionSet: true },
  Status: { cast: 'StatusAttributeMetadata', expandOptionSet: true },
  Boolean: { cast: 'BooleanAttributeMetadata', expandOptionSet: true },
  Lookup: { cast: 'LookupAttributeMetadata' },
  Customer: { cast: 'LookupAttributeMetadata' },
  Owner: { cast: 'LookupAttributeMetadata' },
  String: { cast: 'StringAttributeMetadata' },
  Memo: { cast: 'MemoAttributeMetadata' },
  Decimal: { cast: 'DecimalAttributeMetadata' },
  Money: { cast: 'MoneyAttributeMetadata' },
  Double: { cast: 'DoubleAttributeMetadata' },
}
