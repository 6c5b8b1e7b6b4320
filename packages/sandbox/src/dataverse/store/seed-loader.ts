// Loads demo data in one transaction, filling the platform columns the generator left out.

import type { SchemaModel } from '../model.js'
import { isLookupType } from '../model.js'
import { convertValue } from '../records/payload.js'
import { defaultStatus } from '../records/writer.js'
import type { SeedData } from '../schema/types.js'
import { lookupTableColumn } from './columns.js'
import type { Store } from './store.js'
import { canonicalDateTime, type DbValue } from './values.js'

export function loadSeed(store: Store, model: SchemaModel, seed: SeedData, now: Date): void {
  const created = canonicalDateTime(now)
  store.transaction(() => {
    for (const block of seed.rows) {
      const table = model.table(block.table)
      if (!table) throw new Error(`seed data names table '${block.table}', which the schema doesn't define`)
      for (const row of block.rows) {
        const values: Record<string, DbValue> = {}
        for (const [name, value] of Object.entries(row)) {
          const attr = table.attributes.get(name)
          if (!attr) throw new Error(`seed data for '${block.table}' sets unknown attribute '${name}'`)
          if (isLookupType(attr.type)) {
            if (value === null) continue
            if (typeof value !== 'object') throw new Error(`seed lookup ${block.table}.${name} must be { table, id }`)
            values[name] = value.id.toLowerCase()
            values[lookupTableColumn(name)] = value.table
          } else {
            values[name] = convertValue(table, { ...attr, maxLength: undefined }, value)
          }
        }
        const pk = table.def.primaryIdAttribute
        if (typeof values[pk] !== 'string') throw new Error(`seed row of '${block.table}' has no ${pk}`)
        values[pk] = (values[pk] as string).toLowerCase()
        const fill = (name: string, value: DbValue, lookupTarget?: string) => {
          if (!table.attributes.has(name) || values[name] !== undefined) return
          values[name] = value
          if (lookupTarget) values[lookupTableColumn(name)] = lookupTarget
        }
        fill('createdon', created)
        fill('modifiedon', (values.createdon as string | undefined) ?? created)
        if (model.tables.has('systemuser')) {
          fill('createdby', seed.currentUserId, 'systemuser')
          fill('modifiedby', seed.currentUserId, 'systemuser')
        }
        if (table.def.ownershipType === 'UserOwned') {
          fill('ownerid', seed.currentUserId, 'systemuser')
          fill('owningbusinessunit', seed.businessUnitId, 'businessunit')
        }
        if (table.attributes.has('statecode')) fill('statecode', 0)
        const status = defaultStatus(table, (values.statecode as number | undefined) ?? 0)
        if (status !== undefined) fill('statuscode', status)
        values.versionnumber = store.nextVersion()
        store.insert(table, values)
      }
    }
  })
}
