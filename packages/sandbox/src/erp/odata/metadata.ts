// $metadata: the catalogue as an EDMX (CSDL 4.0) document — entity types with keys, properties
// (mandatory ones not nullable), navigation properties, enum types, bound actions, entity sets.
import type { ErpAction, ErpEntity, ErpEntityCatalog, ErpField } from '../model.js'
import { columnsOf } from '../records/values.js'
import { ACTION_NAMESPACE } from './path.js'

const NS = ACTION_NAMESPACE.slice(0, -1)

const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const edmType = (field: Pick<ErpField, 'type' | 'enumType'>) =>
  field.type === 'Enum' ? `${NS}.${field.enumType}` : `Edm.${field.type}`

function property(entity: ErpEntity, field: ErpField): string {
  const isKey = field.name === 'dataAreaId' || entity.keys.includes(field.name)
  const attrs = [
    `Name="${esc(field.name)}"`,
    `Type="${edmType(field)}"`,
    ...(isKey || field.mandatory ? ['Nullable="false"'] : []),
    ...(field.maxLength !== undefined ? [`MaxLength="${field.maxLength}"`] : []),
    ...(field.type === 'Decimal' ? ['Precision="32"', 'Scale="6"'] : []),
  ]
  const annotations = [
    ...(field.label ? [`<Annotation Term="Core.Description" String="${esc(field.label)}"/>`] : []),
    ...(field.readOnly ? ['<Annotation Term="Core.Computed" Bool="true"/>'] : []),
  ]
  return annotations.length
    ? `<Property ${attrs.join(' ')}>${annotations.join('')}</Property>`
    : `<Property ${attrs.join(' ')}/>`
}

function entityType(entity: ErpEntity, catalog: ErpEntityCatalog): string {
  const keys = [...(entity.companySpecific ? ['dataAreaId'] : []), ...entity.keys]
  const navigation = (entity.navigation ?? []).map((nav) => {
    const target = catalog.bySet(nav.target)!
    const type = `${NS}.${target.name}`
    if (nav.many) return `<NavigationProperty Name="${nav.name}" Type="Collection(${type})"/>`
    const constraints = Object.entries(nav.on)
      .map(([from, to]) => `<ReferentialConstraint Property="${from}" ReferencedProperty="${to}"/>`)
      .join('')
    return `<NavigationProperty Name="${nav.name}" Type="${type}">${constraints}</NavigationProperty>`
  })
  return [
    `<EntityType Name="${entity.name}">`,
    `<Key>${keys.map((k) => `<PropertyRef Name="${k}"/>`).join('')}</Key>`,
    ...columnsOf(entity).map((field) => property(entity, field)),
    ...navigation,
    `<Annotation Term="Core.Description" String="${esc(entity.label)}"/>`,
    ...(entity.readOnly
      ? [
          '<Annotation Term="Org.OData.Capabilities.V1.InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false"/></Record></Annotation>',
        ]
      : []),
    '</EntityType>',
  ].join('')
}

function action(entity: ErpEntity, definition: ErpAction): string {
  const binding = definition.boundTo === 'entity' ? `${NS}.${entity.name}` : `Collection(${NS}.${entity.name})`
  const parameters = definition.parameters.map(
    (p) => `<Parameter Name="${p.name}" Type="${edmType(p)}"${p.optional ? '' : ' Nullable="false"'}/>`,
  )
  const returns =
    definition.returns === undefined
      ? ''
      : typeof definition.returns === 'string'
        ? `<ReturnType Type="Edm.${definition.returns}"/>`
        : `<ReturnType Type="${definition.returns.many ? `Collection(${NS}.${definition.returns.entityType})` : `${NS}.${definition.returns.entityType}`}"/>`
  return `<Action Name="${definition.name}" IsBound="true"><Parameter Name="_bindingParameter" Type="${binding}"/>${parameters.join('')}${returns}<Annotation Term="Core.Description" String="${esc(definition.description)}"/></Action>`
}

export function metadataDocument(catalog: ErpEntityCatalog): string {
  const enums = Object.entries(catalog.enums).map(
    ([name, members]) =>
      `<EnumType Name="${name}">${members.map((member, i) => `<Member Name="${member}" Value="${i}"/>`).join('')}</EnumType>`,
  )
  const sets = catalog.entities.map((entity) => {
    const bindings = (entity.navigation ?? [])
      .map((nav) => `<NavigationPropertyBinding Path="${nav.name}" Target="${nav.target}"/>`)
      .join('')
    return `<EntitySet Name="${entity.entitySet}" EntityType="${NS}.${entity.name}">${bindings}</EntitySet>`
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/></edmx:Reference>',
    '<edmx:DataServices>',
    `<Schema Namespace="${NS}" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    ...catalog.entities.map((entity) => entityType(entity, catalog)),
    ...enums,
    ...catalog.entities.flatMap((entity) => (entity.actions ?? []).map((a) => action(entity, a))),
    '<EntityContainer Name="Resources">',
    ...sets,
    '</EntityContainer>',
    '</Schema>',
    '</edmx:DataServices>',
    '</edmx:Edmx>',
  ].join('\n')
}
