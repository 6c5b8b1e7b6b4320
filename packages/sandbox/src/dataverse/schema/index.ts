// The standard Dataverse tables the sandbox serves: platform, Sales, Customer Service, activities,
// knowledge, and the bizmcp ideal customer profile.
import { buildRelationships } from './relationships.js'
import { activityTables } from './tables/activities.js'
import { coreTables } from './tables/core.js'
import { customerTables } from './tables/customers.js'
import { knowledgeTables } from './tables/knowledge.js'
import { salesTables } from './tables/sales.js'
import { serviceTables } from './tables/service.js'
import type { AttributeDefinition, RelationshipDefinition, SchemaDefinition, TableDefinition } from './types.js'

export type { StateModel } from './builders.js'
export { defaultStatus } from './builders.js'
export { buildRelationships } from './relationships.js'
export * from './types.js'

const tables: TableDefinition[] = [
  ...coreTables,
  ...customerTables,
  ...salesTables,
  ...serviceTables,
  ...activityTables,
  ...knowledgeTables,
]

export const standardSchema: SchemaDefinition = { tables, relationships: buildRelationships(tables) }

export function findTable(schema: SchemaDefinition, logicalName: string): TableDefinition | undefined {
  return schema.tables.find((t) => t.logicalName === logicalName)
}

/** The table with this logical name; throws when the schema has none. */
export function getTable(schema: SchemaDefinition, logicalName: string): TableDefinition {
  const table = findTable(schema, logicalName)
  if (!table) throw new Error(`Table '${logicalName}' is not in the schema`)
  return table
}

export function getTableBySetName(schema: SchemaDefinition, entitySetName: string): TableDefinition | undefined {
  return schema.tables.find((t) => t.entitySetName === entitySetName)
}

export function getAttribute(table: TableDefinition, logicalName: string): AttributeDefinition | undefined {
  return table.attributes.find((a) => a.logicalName === logicalName)
}

/** Relationships in which the table is the referencing (many) side. */
export function manyToOne(schema: SchemaDefinition, logicalName: string): RelationshipDefinition[] {
  return schema.relationships.filter((r) => r.referencingEntity === logicalName)
}

/** Relationships in which the table is the referenced (one) side. */
export function oneToMany(schema: SchemaDefinition, logicalName: string): RelationshipDefinition[] {
  return schema.relationships.filter((r) => r.referencedEntity === logicalName)
}

/** The label of a choice value, or undefined when the attribute has no such option. */
export function optionLabel(attribute: AttributeDefinition, value: number): string | undefined {
  return attribute.options?.find((o) => o.value === value)?.label
}
