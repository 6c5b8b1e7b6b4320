// Query locators: a query's result is kept, and nextRecordsUrl (`/query/{id}-{offset}`) pages
// through it, as Salesforce's server-side cursors do. Kept in memory, oldest dropped first.
import { randomBytes } from 'node:crypto'
import { sfErrors } from '../errors.js'
import { caseSafeSuffix } from '../ids.js'
import type { ApiRecord, QueryResult } from './execute.js'

export const DEFAULT_BATCH = 2000
export const MIN_BATCH = 200
export const MAX_BATCH = 2000
const MAX_CURSORS = 200

interface Cursor {
  records: ApiRecord[]
  batch: number
}

export interface QueryPage {
  totalSize: number
  done: boolean
  nextRecordsUrl?: string
  records: ApiRecord[]
}

/** `Sforce-Query-Options: batchSize=N`, held to Salesforce's 200–2000. */
export function batchSizeOf(header: string | null): number {
  const match = header?.match(/batchSize\s*=\s*(\d+)/i)
  if (!match) return DEFAULT_BATCH
  return Math.min(MAX_BATCH, Math.max(MIN_BATCH, Number(match[1])))
}

export class QueryCursors {
  private readonly cursors = new Map<string, Cursor>()

  /** The first page of a result; a locator is kept only when there is more. */
  firstPage(result: QueryResult, batch: number, version: string): QueryPage {
    if (result.records.length <= batch) return { totalSize: result.totalSize, done: true, records: result.records }
    const head = `01g8d0${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 9)}`
    const id = head + caseSafeSuffix(head)
    this.cursors.set(id, { records: result.records, batch })
    while (this.cursors.size > MAX_CURSORS) this.cursors.delete(this.cursors.keys().next().value!)
    return this.page(id, 0, result.totalSize, version)
  }

  /** The page at `{id}-{offset}`, as nextRecordsUrl names it. */
  next(locator: string, version: string): QueryPage {
    const match = locator.match(/^([A-Za-z0-9]{18})-(\d+)$/)
    const cursor = match ? this.cursors.get(match[1]!) : undefined
    if (!match || !cursor) throw sfErrors.invalidQueryLocator()
    const offset = Number(match[2])
    if (offset > cursor.records.length) throw sfErrors.invalidQueryLocator()
    return this.page(match[1]!, offset, cursor.records.length, version)
  }

  private page(id: string, offset: number, totalSize: number, version: string): QueryPage {
    const cursor = this.cursors.get(id)!
    const end = offset + cursor.batch
    const done = end >= cursor.records.length
    // A spent cursor is freed, as Salesforce closes it after the last batch.
    if (done) this.cursors.delete(id)
    return {
      totalSize,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${id}-${end}` }),
      records: cursor.records.slice(offset, end),
    }
  }
}
