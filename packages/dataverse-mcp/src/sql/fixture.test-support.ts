// Table metadata for translator unit tests, taken from the sandbox's standard schema so that the
// tables look like the ones the end-to-end tests query; no client or server involved.
import { ToolError } from '@bizmcp/core'
import { standardSchema } from '@bizmcp/sandbox'
import { closestNames } from '../client/names.js'
import type { TableMetadata } from '../client/types.js'
import type { TableResolver } from './scope.js'

function toMetadata(logicalName: string): TableMetadata {
  const def = standardSchema.tables.find((t) => t.logicalName === logicalName)
  if (!def) throw new Error(`no table ${logicalName}`)
  return {
    logicalName: def.logicalName,
    entitySetName: def.entitySetName,
    schemaName: def.schemaName,
    displayName: def.displayName,
    displayCollectionName: def.displayCollectionName,
    primaryIdAttribute: def.primaryIdAttribute,
    primaryNameAttribute: def.primaryNameAttribute,
    isCustom: Boolean(def.isCustomEntity),
    isActivity: Boolean(def.isActivity),
    ownershipType: def.ownershipType,
    columns: def.attributes.map((a) => ({
      logicalName: a.logicalName,
      type: a.type,
      displayName: a.displayName,
      ...(a.targets ? { targets: a.targets } : {}),
      ...(a.options ? { options: a.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
      isPrimaryId: a.logicalName === def.primaryIdAttribute,
      isPrimaryName: a.logicalName === def.primaryNameAttribute,
      requiredLevel: a.requiredLevel ?? 'None',
      isValidForCreate: a.isValidForCreate ?? true,
      isValidForUpdate: a.isValidForUpdate ?? true,
      isValidForRead: true,
      isCustom: Boolean(a.isCustomAttribute),
    })),
    manyToOne: standardSchema.relationships
      .filter((r) => r.referencingEntity === logicalName)
      .map((r) => ({
        schemaName: r.schemaName,
        referencingAttribute: r.referencingAttribute,
        referencedEntity: r.referencedEntity,
        referencedAttribute: r.referencedAttribute,
        navigationProperty: r.referencingEntityNavigationPropertyName,
      })),
    oneToMany: [],
  }
}

/** Resolves logical or entity set names, like the client's `table()`. */
export const fixtureTables: TableResolver = async (name) => {
  const wanted = name.toLowerCase()
  const def = standardSchema.tables.find((t) => t.logicalName === wanted || t.entitySetName === wanted)
  if (!def) {
    const close = closestNames(
      name,
      standardSchema.tables.map((t) => t.logicalName),
    )
    throw new ToolError({
      code: 'NotFound',
      message: `Dataverse has no table '${name}'. Closest: ${close.join(', ')}.`,
      fix: 'Use list_tables.',
      details: { suggestions: close },
    })
  }
  return toMetadata(def.logicalName)
}
