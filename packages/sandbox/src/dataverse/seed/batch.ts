// Rows leave the generator in bounded batches so that large scales stream instead of piling up.
import type { SeedRow } from '../schema/types.js'
import type { SeedContext } from './context.js'

export interface Batch {
  table: string
  rows: SeedRow[]
}

export function* batched(ctx: SeedContext, table: string, rows: Iterable<SeedRow>): Generator<Batch> {
  let buffer: SeedRow[] = []
  for (const row of rows) {
    buffer.push(row)
    if (buffer.length >= ctx.batchSize) {
      yield { table, rows: buffer }
      buffer = []
    }
  }
  if (buffer.length > 0) yield { table, rows: buffer }
}
