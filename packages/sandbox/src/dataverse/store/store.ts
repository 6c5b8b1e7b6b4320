// SQLite storage for the tables of a SchemaModel: one SQL table per Dataverse table,
// parameterized statements only, identifiers only from the (validated) definitions.

import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite'
import type { SchemaModel, TableModel } from '../model.js'
import type { RelationshipDefinition, TableDefinition } from '../schema/types.js'
import { columnsOf, quote } from './columns.js'
import type { DbValue } from './values.js'

export type Row = Record<string, unknown>

/** `write` after a row was inserted or updated, `delete` just before it goes. */
export type RowListener = (table: TableModel, id: string, change: 'write' | 'delete') => void

export class Store {
  /** follows every row change (the search index keeps itself in sync this way) */
  rowListener?: RowListener
  private savepointDepth = 0
  private version = 0
  /** prepared statements by SQL text: preparing costs more than running, and seeding runs millions */
  private readonly statements = new Map<string, StatementSync>()
  /** a table's storable columns, keyed by its attribute count (columns can be added at run time) */
  private readonly allowedColumns = new WeakMap<TableModel, { attributes: number; names: Set<string> }>()

  constructor(
    readonly db: DatabaseSync,
    readonly model: SchemaModel,
  ) {
    db.exec('CREATE TABLE IF NOT EXISTS "__dv_meta" (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
    db.exec('CREATE TABLE IF NOT EXISTS "__dv_custom_tables" (logicalname TEXT PRIMARY KEY, definition TEXT NOT NULL)')
    this.version = Number(this.getMeta('version') ?? '1000')
  }

  /** A cached prepared statement; DDL changes the schema, so ensureTable and drops clear the cache. */
  prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  getMeta(key: string): string | undefined {
    const row = this.prepare('SELECT value FROM "__dv_meta" WHERE key = ?').get(key) as { value: string } | undefined
    return row?.value
  }

  setMeta(key: string, value: string): void {
    this.prepare(
      'INSERT INTO "__dv_meta" (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, value)
  }

  /** Creates the SQL table if missing and adds columns that a definition gained since. */
  ensureTable(table: TableModel): void {
    const name = quote(table.def.logicalName)
    const existing = this.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>
    const columns = table.def.attributes.flatMap(columnsOf)
    if (existing.length === 0) {
      const pk = table.def.primaryIdAttribute
      const defs = columns.map((c) => `${quote(c.name)} ${c.type}${c.name === pk ? ' PRIMARY KEY NOT NULL' : ''}`)
      if (!columns.some((c) => c.name === pk)) defs.unshift(`${quote(pk)} TEXT PRIMARY KEY NOT NULL`)
      this.db.exec(`CREATE TABLE ${name} (${defs.join(', ')})`)
      this.statements.clear()
      return
    }
    const have = new Set(existing.map((c) => c.name))
    for (const c of columns) {
      if (!have.has(c.name)) {
        this.db.exec(`ALTER TABLE ${name} ADD COLUMN ${quote(c.name)} ${c.type}`)
        this.statements.clear()
      }
    }
  }

  dropTable(logicalName: string): void {
    this.db.exec(`DROP TABLE IF EXISTS ${quote(logicalName)}`)
    this.statements.clear()
  }

  dropColumn(table: TableModel, attribute: string): void {
    const attr = table.attributes.get(attribute)
    if (!attr) return
    for (const c of columnsOf(attr))
      this.db.exec(`ALTER TABLE ${quote(table.def.logicalName)} DROP COLUMN ${quote(c.name)}`)
    this.statements.clear()
  }

  saveCustomTable(def: TableDefinition): void {
    this.prepare(
      'INSERT INTO "__dv_custom_tables" (logicalname, definition) VALUES (?, ?) ON CONFLICT(logicalname) DO UPDATE SET definition = excluded.definition',
    ).run(def.logicalName, JSON.stringify(def))
  }

  deleteCustomTable(logicalName: string): void {
    this.prepare('DELETE FROM "__dv_custom_tables" WHERE logicalname = ?').run(logicalName)
  }

  customTables(): TableDefinition[] {
    const rows = this.prepare('SELECT definition FROM "__dv_custom_tables"').all() as Array<{ definition: string }>
    return rows.map((r) => JSON.parse(r.definition) as TableDefinition)
  }

  /** Relationships created through the metadata API (lookup columns), kept with the custom tables. */
  customRelationships(): RelationshipDefinition[] {
    return JSON.parse(this.getMeta('custom_relationships') ?? '[]') as RelationshipDefinition[]
  }

  saveCustomRelationships(relationships: RelationshipDefinition[]): void {
    this.setMeta('custom_relationships', JSON.stringify(relationships))
  }

  nextVersion(): number {
    this.version += 1
    this.setMeta('version', String(this.version))
    return this.version
  }

  /** Runs `fn` atomically; nests through savepoints so change sets can contain actions that use transactions too. */
  transaction<T>(fn: () => T): T {
    const name = `dv_sp_${this.savepointDepth}`
    this.db.exec(`SAVEPOINT ${name}`)
    this.savepointDepth += 1
    try {
      const result = fn()
      this.savepointDepth -= 1
      this.db.exec(`RELEASE ${name}`)
      return result
    } catch (err) {
      this.savepointDepth -= 1
      this.db.exec(`ROLLBACK TO ${name}`)
      this.db.exec(`RELEASE ${name}`)
      throw err
    }
  }

  insert(table: TableModel, values: Record<string, DbValue>): void {
    const cols = Object.keys(values)
    this.assertColumns(table, cols)
    const sql = `INSERT INTO ${quote(table.def.logicalName)} (${cols.map(quote).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`
    this.prepare(sql).run(...cols.map((c) => values[c] as SQLInputValue))
    this.rowListener?.(table, String(values[table.def.primaryIdAttribute]), 'write')
  }

  update(table: TableModel, id: string, values: Record<string, DbValue>): void {
    const cols = Object.keys(values)
    if (cols.length === 0) return
    this.assertColumns(table, cols)
    const sql = `UPDATE ${quote(table.def.logicalName)} SET ${cols.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${quote(table.def.primaryIdAttribute)} = ?`
    this.prepare(sql).run(...cols.map((c) => values[c] as SQLInputValue), id)
    this.rowListener?.(table, id, 'write')
  }

  delete(table: TableModel, id: string): void {
    this.rowListener?.(table, id, 'delete')
    const sql = `DELETE FROM ${quote(table.def.logicalName)} WHERE ${quote(table.def.primaryIdAttribute)} = ?`
    this.prepare(sql).run(id)
  }

  get(table: TableModel, id: string): Row | undefined {
    const sql = `SELECT * FROM ${quote(table.def.logicalName)} WHERE ${quote(table.def.primaryIdAttribute)} = ?`
    return this.prepare(sql).get(id) as Row | undefined
  }

  all(sql: string, params: SQLInputValue[]): Row[] {
    return this.prepare(sql).all(...params) as Row[]
  }

  /** Clears lookups that point at a deleted record (the "remove link" cascade). */
  removeLinksTo(targetTable: string, id: string): void {
    for (const rel of this.model.relationships) {
      if (rel.referencedEntity !== targetTable) continue
      const many = this.model.table(rel.referencingEntity)
      if (!many?.attributes.has(rel.referencingAttribute)) continue
      const sql = `UPDATE ${quote(rel.referencingEntity)} SET ${quote(rel.referencingAttribute)} = NULL, ${quote(`${rel.referencingAttribute}__table`)} = NULL WHERE ${quote(rel.referencingAttribute)} = ?`
      this.prepare(sql).run(id)
    }
  }

  private assertColumns(table: TableModel, cols: string[]): void {
    let cached = this.allowedColumns.get(table)
    if (!cached || cached.attributes !== table.def.attributes.length) {
      const names = new Set(table.def.attributes.flatMap(columnsOf).map((c) => c.name))
      names.add(table.def.primaryIdAttribute)
      cached = { attributes: table.def.attributes.length, names }
      this.allowedColumns.set(table, cached)
    }
    for (const c of cols)
      if (!cached.names.has(c)) throw new Error(`column ${c} is not defined on ${table.def.logicalName}`)
  }
}
