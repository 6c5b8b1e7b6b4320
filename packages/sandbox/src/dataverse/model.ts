// An indexed, mutable view of the schema: tables by logical name and entity set, attributes,
// navigation properties. Platform columns (createdon, ownerid, versionnumber …) are added here
// so that storage, metadata and serialization all see the same effective definitions.

import type { AttributeDefinition, RelationshipDefinition, SchemaDefinition, TableDefinition } from './schema/types.js'

export interface SingleNavigation {
  name: string
  attribute: string
  target: string
  relationship: RelationshipDefinition
}

export interface CollectionNavigation {
  name: string
  /** the many-side table */
  target: string
  /** the lookup column on the many side that points back here */
  referencingAttribute: string
  relationship: RelationshipDefinition
}

export interface TableModel {
  def: TableDefinition
  attributes: Map<string, AttributeDefinition>
  single: Map<string, SingleNavigation>
  collection: Map<string, CollectionNavigation>
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/

export const isLookupType = (type: AttributeDefinition['type']) =>
  type === 'Lookup' || type === 'Customer' || type === 'Owner'

export function assertIdentifier(name: string, what: string): void {
  if (!IDENTIFIER.test(name) || name.includes('__')) throw new Error(`invalid ${what} name '${name}'`)
}

function platformAttributes(table: TableDefinition): AttributeDefinition[] {
  const readOnly = { isValidForCreate: false, isValidForUpdate: false, requiredLevel: 'None' as const }
  const attrs: AttributeDefinition[] = [
    { logicalName: 'createdon', type: 'DateTime', displayName: 'Created On', dateFormat: 'DateAndTime', ...readOnly },
    { logicalName: 'modifiedon', type: 'DateTime', displayName: 'Modified On', dateFormat: 'DateAndTime', ...readOnly },
    { logicalName: 'createdby', type: 'Lookup', displayName: 'Created By', targets: ['systemuser'], ...readOnly },
    { logicalName: 'modifiedby', type: 'Lookup', displayName: 'Modified By', targets: ['systemuser'], ...readOnly },
    { logicalName: 'versionnumber', type: 'BigInt', displayName: 'Version Number', ...readOnly },
  ]
  if (table.ownershipType === 'UserOwned') {
    attrs.push(
      {
        logicalName: 'ownerid',
        type: 'Owner',
        displayName: 'Owner',
        targets: ['systemuser', 'team'],
        requiredLevel: 'SystemRequired',
      },
      {
        logicalName: 'owningbusinessunit',
        type: 'Lookup',
        displayName: 'Owning Business Unit',
        targets: ['businessunit'],
        ...readOnly,
      },
    )
  }
  return attrs
}

export class SchemaModel {
  readonly tables = new Map<string, TableModel>()
  readonly bySet = new Map<string, TableModel>()
  readonly relationships: RelationshipDefinition[] = []

  constructor(schema: SchemaDefinition) {
    for (const table of schema.tables) this.addTable(table)
    for (const rel of schema.relationships) this.addRelationship(rel)
    for (const table of schema.tables) this.addPlatformRelationships(table.logicalName)
  }

  /** Adds a table with its platform columns; returns the effective definition. */
  addTable(input: TableDefinition): TableModel {
    assertIdentifier(input.logicalName, 'table')
    assertIdentifier(input.entitySetName, 'entity set')
    const present = new Set(input.attributes.map((a) => a.logicalName))
    const extra = platformAttributes(input).filter((a) => !present.has(a.logicalName))
    const def: TableDefinition = { ...input, attributes: [...input.attributes, ...extra] }
    const model: TableModel = { def, attributes: new Map(), single: new Map(), collection: new Map() }
    for (const attr of def.attributes) {
      assertIdentifier(attr.logicalName, 'attribute')
      model.attributes.set(attr.logicalName, attr)
    }
    this.tables.set(def.logicalName, model)
    this.bySet.set(def.entitySetName, model)
    return model
  }

  removeTable(logicalName: string): void {
    const model = this.tables.get(logicalName)
    if (!model) return
    this.tables.delete(logicalName)
    this.bySet.delete(model.def.entitySetName)
    for (let i = this.relationships.length - 1; i >= 0; i--) {
      const rel = this.relationships[i]
      if (rel && (rel.referencedEntity === logicalName || rel.referencingEntity === logicalName))
        this.removeRelationshipAt(i)
    }
  }

  addAttribute(table: TableModel, attr: AttributeDefinition): void {
    assertIdentifier(attr.logicalName, 'attribute')
    table.def.attributes.push(attr)
    table.attributes.set(attr.logicalName, attr)
  }

  removeAttribute(table: TableModel, logicalName: string): void {
    table.def.attributes = table.def.attributes.filter((a) => a.logicalName !== logicalName)
    table.attributes.delete(logicalName)
    for (let i = this.relationships.length - 1; i >= 0; i--) {
      const rel = this.relationships[i]
      if (rel && rel.referencingEntity === table.def.logicalName && rel.referencingAttribute === logicalName) {
        this.removeRelationshipAt(i)
      }
    }
  }

  addRelationship(rel: RelationshipDefinition): void {
    const many = this.tables.get(rel.referencingEntity)
    const one = this.tables.get(rel.referencedEntity)
    if (!many || !one) return // a relationship to a table this schema doesn't have is left out
    this.relationships.push(rel)
    many.single.set(rel.referencingEntityNavigationPropertyName, {
      name: rel.referencingEntityNavigationPropertyName,
      attribute: rel.referencingAttribute,
      target: rel.referencedEntity,
      relationship: rel,
    })
    one.collection.set(rel.referencedEntityNavigationPropertyName, {
      name: rel.referencedEntityNavigationPropertyName,
      target: rel.referencingEntity,
      referencingAttribute: rel.referencingAttribute,
      relationship: rel,
    })
  }

  private removeRelationshipAt(index: number): void {
    const [rel] = this.relationships.splice(index, 1)
    if (!rel) return
    this.tables.get(rel.referencingEntity)?.single.delete(rel.referencingEntityNavigationPropertyName)
    this.tables.get(rel.referencedEntity)?.collection.delete(rel.referencedEntityNavigationPropertyName)
  }

  /** createdby/modifiedby relationships to systemuser, as every Dataverse table has them. */
  addPlatformRelationships(logicalName: string): void {
    const table = this.tables.get(logicalName)
    if (!table || !this.tables.has('systemuser')) return
    for (const attr of ['createdby', 'modifiedby']) {
      const exists = this.relationships.some(
        (r) => r.referencingEntity === logicalName && r.referencingAttribute === attr,
      )
      if (exists || table.single.has(attr)) continue
      const schemaName = `lk_${logicalName}_${attr}`
      this.addRelationship({
        schemaName,
        referencedEntity: 'systemuser',
        referencedAttribute: 'systemuserid',
        referencingEntity: logicalName,
        referencingAttribute: attr,
        referencedEntityNavigationPropertyName: schemaName,
        referencingEntityNavigationPropertyName: attr,
      })
    }
  }

  table(logicalName: string): TableModel | undefined {
    return this.tables.get(logicalName)
  }

  /** The single-valued navigation property that reads a lookup value pointing at `target`. */
  navigationFor(table: TableModel, attribute: string, target: string | null): SingleNavigation | undefined {
    let fallback: SingleNavigation | undefined
    for (const nav of table.single.values()) {
      if (nav.attribute !== attribute) continue
      if (nav.target === target) return nav
      fallback ??= nav
    }
    return target === null ? fallback : undefined
  }
}
