// Full-text index of the tables enabled for Dataverse search: one FTS5 table per Dataverse table
// over its text columns, keyed by the row's SQLite rowid. Built in bulk when missing or when the
// indexed columns changed, then kept in step with every row write (inside the same transaction).

import type { DatabaseSync, SQLInputValue } from 'node:sqlite'
import type { SchemaModel, TableModel } from '../model.js'
import { quote } from '../store/columns.js'
import type { Store } from '../store/store.js'

/** Quick Find-like columns searched when a request names none, per standard table. */
const DEFAULT_SEARCH_COLUMNS: Record<string, string[]> = {
  account: ['name', 'accountnumber', 'emailaddress1', 'telephone1', 'address1_city'],
  contact: ['fullname', 'emailaddress1', 'telephone1', 'address1_city', 'jobtitle'],
  lead: ['fullname', 'subject', 'companyname', 'emailaddress1'],
  incident: ['title', 'ticketnumber', 'description'],
  knowledgearticle: ['title', 'articlepublicnumber', 'description', 'keywords', 'content'],
}

/** Object type codes of the standard search-enabled tables. */
export const OBJECT_TYPE_CODES: Record<string, number> = {
  account: 1,
  contact: 2,
  lead: 4,
  incident: 112,
  knowledgearticle: 9953,
}

const ftsName = (table: string) => `__dv_search_${table}`

export class SearchIndex {
  /** table → the columns its FTS table was built with (columns added at run time wait for a restart) */
  private readonly built = new Map<string, string[]>()

  constructor(
    private readonly db: DatabaseSync,
    private readonly model: SchemaModel,
    store: Store,
  ) {
    store.rowListener = (table, id, change) => this.sync(table, id, change)
  }

  /** Tables enabled for search, by logical name. */
  tables(): TableModel[] {
    return [...this.model.tables.values()].filter((t) => t.def.searchEnabled)
  }

  /** The indexed text columns: the primary name first, then every String/Memo column. */
  textColumns(table: TableModel): string[] {
    const text = table.def.attributes.filter((a) => a.type === 'String' || a.type === 'Memo').map((a) => a.logicalName)
    const primary = table.def.primaryNameAttribute
    return [primary, ...text.filter((c) => c !== primary)].filter((c) => table.attributes.has(c))
  }

  defaultSearchColumns(table: TableModel): string[] {
    const indexed = new Set(this.indexedColumns(table))
    const preset = DEFAULT_SEARCH_COLUMNS[table.def.logicalName]?.filter((c) => indexed.has(c))
    return preset?.length ? preset : [...indexed]
  }

  ftsTable(table: TableModel): string {
    return ftsName(table.def.logicalName)
  }

  /** Columns of the table's FTS index (searchable and highlightable), in index order. */
  indexedColumns(table: TableModel): string[] {
    return this.built.get(table.def.logicalName) ?? []
  }

  /** Creates or rebuilds the FTS tables whose columns don't match the schema; fills them in bulk. */
  build(getMeta: (key: string) => string | undefined, setMeta: (key: string, value: string) => void): void {
    for (const table of this.tables()) {
      const name = table.def.logicalName
      const columns = this.textColumns(table)
      const signature = columns.join(',')
      const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(ftsName(name))
      if (!exists || getMeta(`search:${name}`) !== signature) {
        this.db.exec(`DROP TABLE IF EXISTS ${quote(ftsName(name))}`)
        const defs = columns.map(quote).join(', ')
        this.db.exec(
          `CREATE VIRTUAL TABLE ${quote(ftsName(name))} USING fts5(${defs}, tokenize = 'unicode61 remove_diacritics 2')`,
        )
        this.db.exec(`INSERT INTO ${quote(ftsName(name))} (rowid, ${defs}) SELECT rowid, ${defs} FROM ${quote(name)}`)
        setMeta(`search:${name}`, signature)
      }
      this.built.set(name, columns)
    }
  }

  private sync(table: TableModel, id: string, change: 'write' | 'delete'): void {
    const name = table.def.logicalName
    const columns = this.built.get(name)
    if (!columns) return
    const pk = quote(table.def.primaryIdAttribute)
    // a column dropped since the build is indexed as empty
    const select = columns.map((c) => (table.attributes.has(c) ? quote(c) : `NULL AS ${quote(c)}`))
    const row = this.db
      .prepare(`SELECT rowid AS __rowid, ${select.join(', ')} FROM ${quote(name)} WHERE ${pk} = ?`)
      .get(id) as Record<string, SQLInputValue> | undefined
    if (!row) return
    const fts = quote(ftsName(name))
    this.db.prepare(`DELETE FROM ${fts} WHERE rowid = ?`).run(row.__rowid as SQLInputValue)
    if (change === 'delete') return
    this.db
      .prepare(
        `INSERT INTO ${fts} (rowid, ${columns.map(quote).join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
      )
      .run(row.__rowid as SQLInputValue, ...columns.map((c) => row[c] ?? null))
  }
}
