// Deterministic demo data for the Dataverse emulator: Corvane Systems, a mid-size maker of
// industrial IoT sensors, with its CRM (Sales + Customer Service) history.

import { Rng } from '../../shared/prng.js'
import type { SchemaDefinition, SeedData, SeedRow } from '../schema/types.js'
import { activityPhase } from './activities.js'
import type { Batch } from './batch.js'
import { casePhase } from './cases.js'
import { catalogPhase } from './catalog.js'
import { SeedContext, type SeedOptions } from './context.js'
import { customerPhase } from './customers.js'
import { leadPhase } from './leads.js'
import { opportunityPhase } from './opportunities.js'
import { buildUsers, orgPhase } from './org.js'
import { scenarioPhase } from './scenarios.js'

export { ICP_CRITERIA } from './catalog.js'
export type { SeedOptions } from './context.js'
export { DEFAULT_NOW } from './context.js'
export { OLIVE_OIL_SCENARIO } from './scenarios.js'

/**
 * Lookups that point at rows of a table emitted later (the data has cycles: an account's primary
 * contact belongs to the account; a qualified lead points at the opportunity it produced). Load
 * rows without these columns first, or with foreign keys unchecked, and set them afterwards.
 */
export const DEFERRED_LOOKUPS: ReadonlyArray<{ table: string; attribute: string }> = [
  { table: 'account', attribute: 'primarycontactid' },
  { table: 'lead', attribute: 'qualifyingopportunityid' },
]

export interface SandboxUser {
  systemuserid: string
  /** align Entra sandbox users with this object id (oid claim) */
  azureactivedirectoryobjectid: string
  domainname: string
  fullname: string
  title: string
  isCurrentUser: boolean
}

/** The demo organization's users, without generating the rest of the data. */
export function sandboxUsers(options: Pick<SeedOptions, 'seed'> = {}): SandboxUser[] {
  const { users, currentUserIndex } = buildUsers(new Rng(`bizmcp-seed:${options.seed ?? 42}`))
  return users.map((u, i) => ({
    systemuserid: u.id,
    azureactivedirectoryobjectid: u.aadObjectId,
    domainname: u.email,
    fullname: u.fullname,
    title: u.title,
    isCurrentUser: i === currentUserIndex,
  }))
}

function checkSchema(schema: SchemaDefinition, table: string) {
  if (!schema.tables.some((t) => t.logicalName === table)) {
    throw new Error(`The seed writes table '${table}', which the schema does not define`)
  }
}

/** Yields the demo data in batches, tables in an order that satisfies lookups (see DEFERRED_LOOKUPS). */
export function* generateSeedStream(schema: SchemaDefinition, options: SeedOptions = {}): Generator<Batch> {
  const ctx = new SeedContext(options)
  for (const phase of [
    orgPhase,
    catalogPhase,
    customerPhase,
    leadPhase,
    opportunityPhase,
    casePhase,
    activityPhase,
    scenarioPhase,
  ]) {
    for (const batch of phase(ctx)) {
      checkSchema(schema, batch.table)
      yield batch
    }
  }
}

/** All demo data in memory. For large scales prefer generateSeedStream. */
export function generateSeed(schema: SchemaDefinition, options: SeedOptions = {}): SeedData & { users: SandboxUser[] } {
  const byTable = new Map<string, SeedRow[]>()
  for (const batch of generateSeedStream(schema, options)) {
    const rows = byTable.get(batch.table)
    if (rows) for (const row of batch.rows) rows.push(row)
    else byTable.set(batch.table, batch.rows.slice())
  }
  const users = sandboxUsers(options)
  const organization = byTable.get('organization')?.[0]
  const root = byTable.get('businessunit')?.[0]
  return {
    rows: [...byTable].map(([table, rows]) => ({ table, rows })),
    currentUserId: users.find((u) => u.isCurrentUser)!.systemuserid,
    businessUnitId: String(root?.businessunitid),
    organizationId: String(organization?.organizationid),
    users,
  }
}
