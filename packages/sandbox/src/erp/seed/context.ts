// Shared state of one demo-data generation run: the random streams, "today" and the rows so far.
import { Rng } from '../../shared/prng.js'
import type { ErpRow } from '../model.js'

export interface SeedUser {
  oid: string
  userPrincipalName: string
  displayName: string
}

export interface ErpSeedOptions {
  seed: number
  scale: number
  /** `YYYY-MM-DD`: dates are placed relative to it */
  today: string
  /** Entra users that get a SystemUser each */
  users?: readonly SeedUser[]
}

export interface SeedBatch {
  entitySet: string
  rows: ErpRow[]
}

export class SeedContext {
  readonly rng: Rng
  private readonly batches = new Map<string, ErpRow[]>()

  constructor(readonly options: ErpSeedOptions) {
    this.rng = new Rng(`bizmcp-erp:${options.seed}`)
  }

  add(entitySet: string, row: ErpRow): ErpRow {
    let rows = this.batches.get(entitySet)
    if (!rows) {
      rows = []
      this.batches.set(entitySet, rows)
    }
    rows.push(row)
    return row
  }

  rows(entitySet: string): ErpRow[] {
    return this.batches.get(entitySet) ?? []
  }

  all(): SeedBatch[] {
    return [...this.batches].map(([entitySet, rows]) => ({ entitySet, rows }))
  }

  /** today ± days as F&O's date value (12:00 UTC) */
  day(offset: number): string {
    const d = new Date(`${this.options.today}T12:00:00Z`)
    d.setUTCDate(d.getUTCDate() + offset)
    return `${d.toISOString().slice(0, 10)}T12:00:00Z`
  }

  /** a count scaled by the scale factor, at least 1 */
  scaled(n: number): number {
    return Math.max(1, Math.round(n * this.options.scale))
  }
}

export const round2 = (n: number) => Math.round(n * 100) / 100
