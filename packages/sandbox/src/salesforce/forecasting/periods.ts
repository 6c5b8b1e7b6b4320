// Read-only forecasting lookups: the active forecast type and the quarter a date falls in.
// Kept apart from forecasting/index.ts (which creates records through the writer) so that the
// writer's derivations can use them without importing the writer back.
import type { Row, Store } from '../store.js'

export function activeType(store: Store): Row | undefined {
  return store.get('SELECT * FROM "sf_ForecastingType" WHERE "IsActive" = 1 AND "IsDeleted" = 0 ORDER BY "Id" LIMIT 1')
}

/** The quarter that contains `date`, as a Period row. */
export function quarterOf(store: Store, date: string): Row | undefined {
  return store.get(
    'SELECT * FROM "sf_Period" WHERE "Type" = \'Quarter\' AND "StartDate" <= ? AND "EndDate" >= ? AND "IsDeleted" = 0',
    [date, date],
  )
}
