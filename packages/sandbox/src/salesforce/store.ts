// SQLite storage: one table per sObject (`sf_Account`, ...), a column per field. Identifiers come
// only from the schema; values are always bound parameters.
import type { DatabaseSync, SQLInputValue } from 'node:sqlite'
import { makeId } from './ids.js'
import type { ObjectModel, SchemaModel } from './schema/model.js'
import type { FieldDef } from './schema/types.js'

export type DbValue = string | number | null
export type Row = Record<string, DbValue>

export const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`
export const tableOf = (object: ObjectModel | string) =>
  quote(`sf_${typeof object === 'string' ? object : object.name}`)

export function columnType(field: FieldDef): string {
  switch (field.type) {
    case 'boolean':
    case 'int':
      return 'INTEGER'
    case 'currency':
    case 'percent':
    case 'double':
      return 'REAL'
    default:
      // SOQL compares and sorts text case-insensitively.
      return 'TEXT COLLATE NOCASE'
  }
}

export class Store {
  constructor(
    readonly db: DatabaseSync,
    readonly model: SchemaModel,
  ) {
    db.exec('CREATE TABLE IF NOT EXISTS "_sf_meta" (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
    db.exec('CREATE TABLE IF NOT EXISTS "_sf_counters" (prefix TEXT PRIMARY KEY, n INTEGER NOT NULL)')
    for (const object of model.objects.values()) this.ensureTable(object)
  }

  private ensureTable(object: ObjectModel): void {
    const table = tableOf(object)
    const existing = this.db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>
    if (existing.length === 0) {
      const columns = object.def.fields.map(
        (f) => `${quote(f.name)} ${columnType(f)}${f.name === 'Id' ? ' PRIMARY KEY NOT NULL' : ''}`,
      )
      this.db.exec(`CREATE TABLE ${table} (${columns.join(', ')})`)
      // Lookups are what joins and child subqueries go through.
      for (const f of object.def.fields) {
        if (f.type === 'reference') {
          this.db.exec(
            `CREATE INDEX IF NOT EXISTS ${quote(`sf_${object.name}_${f.name}`)} ON ${table} (${quote(f.name)})`,
          )
        }
      }
      return
    }
    const have = new Set(existing.map((c) => c.name.toLowerCase()))
    for (const f of object.def.fields) {
      if (!have.has(f.name.toLowerCase()))
        this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${quote(f.name)} ${columnType(f)}`)
    }
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM "_sf_meta" WHERE key = ?').get(key) as { value: string } | undefined
    return row?.value
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO "_sf_meta" (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value)
  }

  /** A fresh id for the key prefix; counters live in the database so ids never repeat. */
  nextId(prefix: string): string {
    const row = this.db
      .prepare(
        'INSERT INTO "_sf_counters" (prefix, n) VALUES (?, 1) ON CONFLICT(prefix) DO UPDATE SET n = n + 1 RETURNING n',
      )
      .get(prefix) as { n: number }
    // Start well above zero so that ids look like real ones.
    return makeId(prefix, 1_000_000 + row.n)
  }

  all(sql: string, params: SQLInputValue[] = []): Row[] {
    return this.db.prepare(sql).all(...params) as Row[]
  }

  get(sql: string, params: SQLInputValue[] = []): Row | undefined {
    return this.db.prepare(sql).get(...params) as Row | undefined
  }

  /** The row with this id, deleted or not. */
  byId(object: ObjectModel, id: string): Row | undefined {
    return this.get(`SELECT * FROM ${tableOf(object)} WHERE "Id" = ?`, [id])
  }

  insert(object: ObjectModel, row: Row): void {
    const names = Object.keys(row).filter((name) => object.field(name))
    const sql = `INSERT INTO ${tableOf(object)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
    this.db.prepare(sql).run(...names.map((n) => row[n] ?? null))
  }

  update(object: ObjectModel, id: string, changes: Row): void {
    const names = Object.keys(changes).filter((name) => object.field(name) && name !== 'Id')
    if (names.length === 0) return
    const sql = `UPDATE ${tableOf(object)} SET ${names.map((n) => `${quote(n)} = ?`).join(', ')} WHERE "Id" = ?`
    this.db.prepare(sql).run(...names.map((n) => changes[n] ?? null), id)
  }

  transaction<T>(fn: () => T): T {
    this.db.exec('SAVEPOINT sf_tx')
    try {
      const result = fn()
      this.db.exec('RELEASE sf_tx')
      return result
    } catch (error) {
      this.db.exec('ROLLBACK TO sf_tx')
      this.db.exec('RELEASE sf_tx')
      throw error
    }
  }
}
