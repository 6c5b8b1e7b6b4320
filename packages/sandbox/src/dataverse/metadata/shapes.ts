// JSON shapes of EntityMetadata, AttributeMetadata, OptionSetMetadata and relationship metadata.

import { createHash } from 'node:crypto'
import { isLookupType, type TableModel } from '../model.js'
import type { AttributeDefinition, RelationshipDefinition } from '../schema/types.js'

export function metadataId(text: string): string {
  const h = createHash('sha256').update(`metadata:${text}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export function label(text: string | undefined) {
  if (text === undefined) return { LocalizedLabels: [], UserLocalizedLabel: null }
  const localized = {
    Label: text,
    LanguageCode: 1033,
    IsManaged: true,
    MetadataId: metadataId(`label:${text}`),
    HasChanged: null,
  }
  return { LocalizedLabels: [localized], UserLocalizedLabel: localized }
}

const METADATA_TYPE: Record<string, string> = {
  Uniqueidentifier: 'UniqueIdentifierAttributeMetadata',
  String: 'StringAttributeMetadata',
  Memo: 'MemoAttributeMetadata',
  Integer: 'IntegerAttributeMetadata',
  BigInt: 'BigIntAttributeMetadata',
  Decimal: 'DecimalAttributeMetadata',
  Double: 'DoubleAttributeMetadata',
  Money: 'MoneyAttributeMetadata',
  Boolean: 'BooleanAttributeMetadata',
  DateTime: 'DateTimeAttributeMetadata',
  Picklist: 'PicklistAttributeMetadata',
  State: 'StateAttributeMetadata',
  Status: 'StatusAttributeMetadata',
  Lookup: 'LookupAttributeMetadata',
  Customer: 'LookupAttributeMetadata',
  Owner: 'LookupAttributeMetadata',
  EntityName: 'EntityNameAttributeMetadata',
}

export const metadataType = (attr: AttributeDefinition) => METADATA_TYPE[attr.type] ?? 'AttributeMetadata'

export function entityShape(table: TableModel): Record<string, unknown> {
  const d = table.def
  return {
    MetadataId: metadataId(`entity:${d.logicalName}`),
    LogicalName: d.logicalName,
    SchemaName: d.schemaName,
    EntitySetName: d.entitySetName,
    LogicalCollectionName: d.entitySetName,
    CollectionSchemaName: `${d.schemaName}s`,
    PrimaryIdAttribute: d.primaryIdAttribute,
    PrimaryNameAttribute: d.primaryNameAttribute,
    OwnershipType:
      d.ownershipType === 'UserOwned'
        ? 'UserOwned'
        : d.ownershipType === 'OrganizationOwned'
          ? 'OrganizationOwned'
          : 'None',
    IsCustomEntity: d.isCustomEntity ?? false,
    IsActivity: d.isActivity ?? false,
    IsValidForAdvancedFind: true,
    DisplayName: label(d.displayName),
    DisplayCollectionName: label(d.displayCollectionName),
    Description: label(d.description),
  }
}

export function attributeShape(table: TableModel, attr: AttributeDefinition): Record<string, unknown> {
  const required = attr.requiredLevel ?? (attr.logicalName === table.def.primaryIdAttribute ? 'SystemRequired' : 'None')
  const shape: Record<string, unknown> = {
    '@odata.type': `#Microsoft.Dynamics.CRM.${metadataType(attr)}`,
    MetadataId: metadataId(`attribute:${table.def.logicalName}.${attr.logicalName}`),
    LogicalName: attr.logicalName,
    SchemaName: attr.schemaName ?? attr.logicalName,
    EntityLogicalName: table.def.logicalName,
    AttributeType: attr.type,
    AttributeTypeName: { Value: `${attr.type}Type` },
    DisplayName: label(attr.displayName),
    Description: label(attr.description),
    RequiredLevel: {
      Value: required,
      CanBeChanged: required !== 'SystemRequired',
      ManagedPropertyLogicalName: 'canmodifyrequirementlevelsettings',
    },
    IsCustomAttribute: attr.isCustomAttribute ?? false,
    IsPrimaryId: attr.logicalName === table.def.primaryIdAttribute,
    IsPrimaryName: attr.logicalName === table.def.primaryNameAttribute,
    IsValidForCreate: attr.isValidForCreate ?? true,
    IsValidForUpdate: attr.isValidForUpdate ?? true,
    IsValidForRead: true,
  }
  if (attr.maxLength !== undefined) shape.MaxLength = attr.maxLength
  if (attr.precision !== undefined) shape.Precision = attr.precision
  if (attr.minValue !== undefined) shape.MinValue = attr.minValue
  if (attr.maxValue !== undefined) shape.MaxValue = attr.maxValue
  if (attr.type === 'DateTime') shape.Format = attr.dateFormat ?? 'DateAndTime'
  if (isLookupType(attr.type)) shape.Targets = attr.targets ?? []
  return shape
}

export function optionSetShape(table: TableModel, attr: AttributeDefinition): Record<string, unknown> {
  if (attr.type === 'Boolean') return booleanOptionSetShape(table, attr)
  return {
    MetadataId: metadataId(`optionset:${table.def.logicalName}.${attr.logicalName}`),
    Name: `${table.def.logicalName}_${attr.logicalName}`,
    OptionSetType: attr.type === 'State' || attr.type === 'Status' ? attr.type : 'Picklist',
    IsGlobal: false,
    Options: (attr.options ?? []).map((o) => ({
      Value: o.value,
      Label: label(o.label),
      Description: label(undefined),
      ...(attr.type === 'Status' ? { State: o.state ?? 0 } : {}),
      ...(attr.type === 'State'
        ? {
            DefaultStatus: table.attributes.get('statuscode')?.options?.find((s) => s.state === o.value)?.value ?? null,
          }
        : {}),
    })),
  }
}

export function relationshipShape(rel: RelationshipDefinition, custom: boolean): Record<string, unknown> {
  return {
    '@odata.type': '#Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata',
    MetadataId: metadataId(`relationship:${rel.schemaName}`),
    SchemaName: rel.schemaName,
    RelationshipType: 'OneToManyRelationship',
    IsCustomRelationship: custom,
    ReferencedEntity: rel.referencedEntity,
    ReferencedAttribute: rel.referencedAttribute,
    ReferencingEntity: rel.referencingEntity,
    ReferencingAttribute: rel.referencingAttribute,
    ReferencedEntityNavigationPropertyName: rel.referencedEntityNavigationPropertyName,
    ReferencingEntityNavigationPropertyName: rel.referencingEntityNavigationPropertyName,
  }
}

/** Two-option columns describe their labels as TrueOption/FalseOption rather than an Options list. */
function booleanOptionSetShape(table: TableModel, attr: AttributeDefinition): Record<string, unknown> {
  const option = (value: 0 | 1) => ({
    Value: value,
    Label: label(attr.options?.find((o) => o.value === value)?.label ?? (value ? 'Yes' : 'No')),
    Description: label(undefined),
  })
  return {
    MetadataId: metadataId(`optionset:${table.def.logicalName}.${attr.logicalName}`),
    Name: `${table.def.logicalName}_${attr.logicalName}`,
    OptionSetType: 'Boolean',
    IsGlobal: false,
    TrueOption: option(1),
    FalseOption: option(0),
  }
}
