// The SQLite-backed record store behind every surface of the finance & operations emulator: one
// table per entity (`erp_<EntitySet>`), text compared case-insensitively as F&O's SQL Server does,
// enums stored by value, every write validated and done in one transaction (a failed write changes nothing).
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import { type Clock, systemClock } from '../../shared/clock.js'
import { erpCatalog } from '../entities/index.js'
import type {
  ErpCompany,
  ErpCompanyScope,
  ErpEntity,
  ErpEntityCatalog,
  ErpField,
  ErpListOptionsWithFilter,
  ErpRow,
  ErpStore,
  ErpUser,
  ErpValue,
} from '../model.js'
import { ErpError } from '../model.js'
import { generateErpSeed, type SeedUser } from '../seed/index.js'
import { createAttachmentStore } from './attachments.js'
import { compileFilter, type SqlParam } from './filter.js'
import { applyDefaults, assertChangeable, documents, lineNumbers, numberSequences, type RuleContext } from './rules.js'
import {
  columnsOf,
  DATA_AREA_ID,
  emptyValue,
  fieldOf,
  fromColumn,
  quote,
  sqlType,
  tableOf,
  toColumn,
  typeName,
  unknownProperty,
} from './values.js'

export interface ErpRecordsOptions {
  db: DatabaseSync
  /** the sandbox clock: "today" for new documents, and the day the demo data's due dates are spread around */
  clock?: Clock
  /** seed of the deterministic demo-data generator (default 42) */
  seed?: number
  /** multiplies the transactional demo data (default 1) */
  scale?: number
  /** Entra users to create SystemUsers for (their oid maps a token to a user); the sandbox's default users when left out */
  users?: readonly SeedUser[]
  /** generate demo data into an empty database (default true) */
  demoData?: boolean
}

export const DEFAULT_COMPANY = 'usmf'

const META = 'erp_meta'

/** Creates the tables when missing, seeds them when the database has no finance & operations data yet. */
export function createErpRecords(options: ErpRecordsOptions): ErpStore {
  const { db } = options
  const clock = options.clock ?? systemClock
  const catalog = erpCatalog
  ensureSchema(db, catalog)

  const statements = new Map<string, StatementSync>()
  const prepare = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }

  let depth = 0
  function transaction<T>(fn: () => T): T {
    const name = `erp_tx_${depth}`
    db.exec(`SAVEPOINT ${name}`)
    depth++
    try {
      const result = fn()
      depth--
      db.exec(`RELEASE ${name}`)
      return result
    } catch (error) {
      depth--
      db.exec(`ROLLBACK TO ${name}`)
      db.exec(`RELEASE ${name}`)
      throw error
    }
  }

  const today = () => clock().toISOString().slice(0, 10)

  const entityOf = (entitySet: string): ErpEntity => {
    const entity = catalog.bySet(entitySet)
    if (!entity)
      throw new ErpError(
        404,
        `Resource not found for the segment '${entitySet}'.`,
        'Microsoft.OData.UriParser.ODataUnrecognizedPathException',
      )
    return entity
  }

  const toRow = (entity: ErpEntity, raw: Record<string, unknown>): ErpRow => {
    const row: ErpRow = {}
    for (const field of columnsOf(entity)) row[field.name] = fromColumn(field, raw[field.name], catalog)
    return row
  }

  const selectList = (entity: ErpEntity, alias = 't') =>
    columnsOf(entity)
      .map((field) => `${alias}.${quote(field.name)}`)
      .join(', ')

  function insertRaw(entity: ErpEntity, row: ErpRow): void {
    const columns = columnsOf(entity)
    const sql = `INSERT INTO ${tableOf(entity)} (${columns.map((c) => quote(c.name)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
    prepare(sql).run(...columns.map((field) => toColumn(entity, field, row[field.name], catalog)))
  }

  // ---- demo data, once per database ----
  const seeded = db.prepare(`SELECT value FROM ${META} WHERE key = 'seeded'`).get() as { value: string } | undefined
  if (!seeded && options.demoData !== false) {
    transaction(() => {
      const data = generateErpSeed({
        seed: options.seed ?? 42,
        scale: options.scale ?? 1,
        today: today(),
        users: options.users,
      })
      for (const batch of data) {
        const entity = entityOf(batch.entitySet)
        for (const row of batch.rows) insertRaw(entity, row)
      }
      db.prepare(`INSERT OR REPLACE INTO ${META} (key, value) VALUES ('seeded', ?)`).run(today())
    })
  }

  const legalEntities = entityOf('LegalEntities')
  const companies: ErpCompany[] = (
    db
      .prepare(`SELECT ${selectList(legalEntities)} FROM ${tableOf(legalEntities)} t ORDER BY t."LegalEntityId"`)
      .all() as Record<string, unknown>[]
  ).map((raw) => {
    const row = toRow(legalEntities, raw)
    return {
      id: String(row.LegalEntityId).toLowerCase(),
      name: String(row.Name),
      currency: String(row.AccountingCurrency),
      country: String(row.AddressCountryRegionId),
    }
  })

  const companyOf = (id: string): ErpCompany | undefined => companies.find((c) => c.id === id.toLowerCase())

  function assertCompany(company: string): string {
    const found = companyOf(company)
    if (!found) {
      throw new ErpError(
        400,
        `Company '${company}' does not exist. Legal entities: ${companies.map((c) => c.id).join(', ')}.`,
      )
    }
    return found.id
  }

  // ---- reads ----

  function keyCondition(entity: ErpEntity, company: string, key: Record<string, ErpValue>, params: SqlParam[]): string {
    const parts: string[] = []
    if (entity.companySpecific) {
      parts.push(`t.${quote(DATA_AREA_ID)} = ?`)
      params.push(company.toLowerCase())
    }
    for (const name of entity.keys) {
      const field = fieldOf(entity, name)!
      if (!(name in key)) {
        throw new ErpError(
          400,
          `The key of '${typeName(entity)}' is ${[...(entity.companySpecific ? [DATA_AREA_ID] : []), ...entity.keys].join(', ')}; '${name}' is missing.`,
          'Microsoft.OData.ODataException',
        )
      }
      parts.push(`t.${quote(name)} = ?`)
      params.push(toColumn(entity, field, key[name], catalog))
    }
    for (const name of Object.keys(key)) {
      if (!entity.keys.includes(name) && name !== DATA_AREA_ID) {
        throw new ErpError(400, `'${name}' is not a key of '${typeName(entity)}'.`, 'Microsoft.OData.ODataException')
      }
    }
    return parts.join(' AND ')
  }

  function get(entitySet: string, company: string, key: Record<string, ErpValue>): ErpRow | undefined {
    const entity = entityOf(entitySet)
    const params: SqlParam[] = []
    const where = keyCondition(entity, company, key, params)
    const raw = prepare(`SELECT ${selectList(entity)} FROM ${tableOf(entity)} t WHERE ${where}`).get(...params) as
      | Record<string, unknown>
      | undefined
    return raw ? toRow(entity, raw) : undefined
  }

  function list(entitySet: string, scope: ErpCompanyScope, options: ErpListOptionsWithFilter = {}) {
    const entity = entityOf(entitySet)
    const params: SqlParam[] = []
    const where: string[] = []
    if (entity.companySpecific && 'company' in scope) {
      where.push(`t.${quote(DATA_AREA_ID)} = ?`)
      params.push(scope.company.toLowerCase())
    }
    for (const [name, value] of Object.entries(options.equals ?? {})) {
      const field = fieldOf(entity, name)
      if (!field) throw unknownProperty(entity, name)
      where.push(`t.${quote(name)} = ?`)
      params.push(
        value === null
          ? (emptyValue(field) as SqlParam)
          : toColumn(entity, { ...field, maxLength: undefined }, value, catalog),
      )
    }
    for (const [name, text] of Object.entries(options.contains ?? {})) {
      where.push(compileFilter(entity, { field: name, op: 'contains', value: text }, catalog, params))
    }
    if (options.filter) where.push(compileFilter(entity, options.filter, catalog, params))
    const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : ''
    const order: string[] = []
    const seen = new Set<string>()
    for (const item of options.orderBy ?? []) {
      if (!fieldOf(entity, item.field)) throw unknownProperty(entity, item.field)
      order.push(`t.${quote(item.field)}${item.descending ? ' DESC' : ''}`)
      seen.add(item.field)
    }
    // key order breaks ties, so that paging is stable
    for (const name of [...(entity.companySpecific ? [DATA_AREA_ID] : []), ...entity.keys]) {
      if (!seen.has(name)) order.push(`t.${quote(name)}`)
    }
    const top = options.top ?? -1
    const skip = options.skip ?? 0
    const rows = (
      prepare(
        `SELECT ${selectList(entity)} FROM ${tableOf(entity)} t${whereSql} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
      ).all(...params, top, skip) as Record<string, unknown>[]
    ).map((raw) => toRow(entity, raw))
    const total = options.noCount
      ? -1
      : Number((prepare(`SELECT COUNT(*) AS n FROM ${tableOf(entity)} t${whereSql}`).get(...params) as { n: number }).n)
    return { rows, total }
  }

  // ---- writes ----

  const ruleContext = (company: string): RuleContext => ({
    lookup: (set, key) => get(set, company, key),
    today: today(),
    companyCurrency: companyOf(company)?.currency ?? 'USD',
  })

  function assertWritable(entity: ErpEntity, verb: string): void {
    if (entity.readOnly) {
      throw new ErpError(405, `The entity '${entity.entitySet}' is read-only; ${verb} is not allowed.`)
    }
  }

  /** Validates and converts written values: unknown, read-only and key fields are refused. */
  function convertValues(entity: ErpEntity, values: ErpRow, existing: ErpRow | undefined): ErpRow {
    const out: ErpRow = {}
    for (const [name, value] of Object.entries(values)) {
      if (name.startsWith('@odata.') || name.includes('@odata.')) continue
      if (name === DATA_AREA_ID && entity.companySpecific) continue
      const field = fieldOf(entity, name)
      if (!field) throw unknownProperty(entity, name)
      const converted = fromColumn(field, toColumn(entity, field, value, catalog), catalog)
      if (existing && entity.keys.includes(name)) {
        if (String(converted).toLowerCase() !== String(existing[name]).toLowerCase()) {
          throw new ErpError(400, `The key field '${name}' of '${typeName(entity)}' can't be changed.`)
        }
        continue
      }
      if (field.readOnly) {
        // writing back the value a read returned is harmless; changing it is not
        if (existing && converted === existing[name]) continue
        throw new ErpError(400, `The field '${name}' on the entity '${entity.name}' is read-only and can't be set.`)
      }
      out[name] = converted
    }
    return out
  }

  function assertReferences(entity: ErpEntity, company: string, row: ErpRow): void {
    for (const nav of entity.navigation ?? []) {
      if (nav.many) continue
      if (documents[nav.target]?.lines === entity.entitySet && !lineNumbers[entity.entitySet]) continue
      const key: Record<string, ErpValue> = {}
      let blank = false
      for (const [from, to] of Object.entries(nav.on)) {
        const value = row[from]
        if (value === '' || value === null || value === undefined) blank = true
        key[to] = value ?? ''
      }
      if (blank) continue
      if (!get(nav.target, company, key)) {
        const [from] = Object.keys(nav.on)
        const field = fieldOf(entity, from!)!
        const target = entityOf(nav.target)
        throw new ErpError(
          400,
          `Write failed for table row of type '${entity.name}'. Infolog: Error: The value '${String(row[from!])}' in field '${field.label ?? field.name}' is not found in the relating table '${target.label}'.`,
        )
      }
    }
  }

  function nextNumber(entity: ErpEntity, company: string, field: string, prefix: string, width: number): string {
    const params: SqlParam[] = [`${prefix}%`]
    let where = `t.${quote(field)} LIKE ?`
    if (entity.companySpecific) {
      where += ` AND t.${quote(DATA_AREA_ID)} = ?`
      params.push(company)
    }
    const raw = prepare(
      `SELECT MAX(CAST(substr(t.${quote(field)}, ${prefix.length + 1}) AS INTEGER)) AS n FROM ${tableOf(entity)} t WHERE ${where}`,
    ).get(...params) as { n: number | null }
    return `${prefix}${String((raw.n ?? 0) + 1).padStart(width, '0')}`
  }

  function nextLine(entity: ErpEntity, company: string, field: string, parent: string, parentValue: ErpValue): number {
    const raw = prepare(
      `SELECT MAX(t.${quote(field)}) AS n FROM ${tableOf(entity)} t WHERE t.${quote(DATA_AREA_ID)} = ? AND t.${quote(parent)} = ?`,
    ).get(company, String(parentValue ?? '')) as { n: number | null }
    return Math.floor(raw.n ?? 0) + 1
  }

  function keyOf(entity: ErpEntity, row: ErpRow): Record<string, ErpValue> {
    return Object.fromEntries(entity.keys.map((name) => [name, row[name] ?? null]))
  }

  function describeKey(entity: ErpEntity, company: string, row: ErpRow): string {
    return [
      ...entity.keys.map((name) => String(row[name])),
      ...(entity.companySpecific ? [company.toUpperCase()] : []),
    ].join(', ')
  }

  function recomputeTotal(lineEntitySet: string, company: string, row: ErpRow): void {
    for (const [headerSet, document] of Object.entries(documents)) {
      if (document.lines !== lineEntitySet || !document.total) continue
      const header = entityOf(headerSet)
      const lines = entityOf(lineEntitySet)
      const [[headerField, lineField]] = Object.entries(document.link) as [[string, string]]
      prepare(
        `UPDATE ${tableOf(header)} SET ${quote(document.total.header)} = (SELECT ROUND(COALESCE(SUM(l.${quote(document.total.line)}), 0), 2) FROM ${tableOf(lines)} l WHERE l.${quote(DATA_AREA_ID)} = ? AND l.${quote(lineField)} = ?) WHERE ${quote(DATA_AREA_ID)} = ? AND ${quote(headerField)} = ?`,
      ).run(company, String(row[lineField]), company, String(row[lineField]))
    }
  }

  function create(entitySet: string, company: string, values: ErpRow): ErpRow {
    const entity = entityOf(entitySet)
    assertWritable(entity, 'creating records')
    const area = entity.companySpecific ? assertCompany(company) : DEFAULT_COMPANY
    if (
      entity.companySpecific &&
      typeof values[DATA_AREA_ID] === 'string' &&
      values[DATA_AREA_ID].toLowerCase() !== area
    ) {
      throw new ErpError(
        400,
        `The dataAreaId '${values[DATA_AREA_ID]}' doesn't match the company '${area}' of the request.`,
      )
    }
    return transaction(() => {
      const given = convertValues(entity, values, undefined)
      const row: ErpRow = {}
      if (entity.companySpecific) row[DATA_AREA_ID] = area
      for (const field of entity.fields) row[field.name] = fromColumn(field, emptyValue(field), catalog)
      Object.assign(row, given)
      const sequence = numberSequences[entitySet]
      if (sequence && (row[sequence.field] === '' || row[sequence.field] === null)) {
        row[sequence.field] = nextNumber(entity, area, sequence.field, sequence.prefix, sequence.width)
      }
      const lines = lineNumbers[entitySet]
      if (lines && !row[lines.field])
        row[lines.field] = nextLine(entity, area, lines.field, lines.parent, row[lines.parent] ?? '')
      const missing = entity.fields.filter(
        (field) =>
          (field.mandatory || entity.keys.includes(field.name)) &&
          (row[field.name] === '' || row[field.name] === null || row[field.name] === undefined),
      )
      if (missing.length) {
        throw new ErpError(
          400,
          `Write failed for table row of type '${entity.name}'. Infolog: ${missing.map((field) => `Warning: Field '${field.label ?? field.name}' (${field.name}) must be filled in.`).join('; ')}`,
        )
      }
      assertReferences(entity, area, row)
      const ctx = ruleContext(area)
      assertChangeable(entitySet, row, ctx)
      if (get(entitySet, area, keyOf(entity, row))) {
        throw new ErpError(
          400,
          `Write failed for table row of type '${entity.name}'. Infolog: Error: Cannot create a record in ${entity.label} (${entity.entitySet}). ${entity.keys.map((k) => fieldOf(entity, k)?.label ?? k).join(', ')}: ${describeKey(entity, area, row)}. The record already exists.`,
        )
      }
      applyDefaults(entitySet, row, ctx, true)
      insertRaw(entity, row)
      recomputeTotal(entitySet, area, row)
      return get(entitySet, area, keyOf(entity, row))!
    })
  }

  function notFound(entity: ErpEntity, company: string, key: Record<string, ErpValue>): ErpError {
    const described = [
      ...(entity.companySpecific ? [`${DATA_AREA_ID}='${company}'`] : []),
      ...entity.keys.map((name) => `${name}=${typeof key[name] === 'string' ? `'${key[name]}'` : String(key[name])}`),
    ].join(',')
    return new ErpError(404, `No ${entity.name} record with key (${described}) exists.`)
  }

  function update(entitySet: string, company: string, key: Record<string, ErpValue>, values: ErpRow): ErpRow {
    const entity = entityOf(entitySet)
    assertWritable(entity, 'updating records')
    const area = entity.companySpecific ? company.toLowerCase() : DEFAULT_COMPANY
    return transaction(() => {
      const existing = get(entitySet, area, key)
      if (!existing) throw notFound(entity, area, key)
      if (
        entity.companySpecific &&
        typeof values[DATA_AREA_ID] === 'string' &&
        values[DATA_AREA_ID].toLowerCase() !== area
      ) {
        throw new ErpError(400, `The key field '${DATA_AREA_ID}' of '${typeName(entity)}' can't be changed.`)
      }
      const changes = convertValues(entity, values, existing)
      const ctx = ruleContext(area)
      assertChangeable(entitySet, existing, ctx)
      const row: ErpRow = { ...existing, ...changes }
      for (const field of entity.fields) {
        if (field.mandatory && field.name in changes && (row[field.name] === '' || row[field.name] === null)) {
          throw new ErpError(
            400,
            `Write failed for table row of type '${entity.name}'. Infolog: Warning: Field '${field.label ?? field.name}' (${field.name}) must be filled in.`,
          )
        }
      }
      assertReferences(entity, area, row)
      applyDefaults(entitySet, row, ctx, false)
      writeRow(entity, area, row)
      recomputeTotal(entitySet, area, row)
      return get(entitySet, area, keyOf(entity, row))!
    })
  }

  /** Writes every non-key column of an existing row (rules and actions use this too). */
  function writeRow(entity: ErpEntity, company: string, row: ErpRow): void {
    const fields = entity.fields.filter((field) => !entity.keys.includes(field.name))
    const params: SqlParam[] = fields.map((field) => toColumn(entity, field, row[field.name], catalog))
    const where = keyCondition(entity, company, keyOf(entity, row), params)
    prepare(
      `UPDATE ${tableOf(entity)} AS t SET ${fields.map((field) => `${quote(field.name)} = ?`).join(', ')} WHERE ${where}`,
    ).run(...params)
  }

  function referencedBy(entity: ErpEntity, company: string, row: ErpRow): string | undefined {
    for (const other of catalog.entities) {
      if (documents[entity.entitySet]?.lines === other.entitySet) continue
      for (const nav of other.navigation ?? []) {
        if (nav.many || nav.target !== entity.entitySet) continue
        const params: SqlParam[] = []
        const parts = Object.entries(nav.on).map(([from, to]) => {
          params.push(String(row[to] ?? ''))
          return `t.${quote(from)} = ?`
        })
        if (other.companySpecific && entity.companySpecific) {
          parts.push(`t.${quote(DATA_AREA_ID)} = ?`)
          params.push(company)
        }
        const hit = prepare(`SELECT 1 AS x FROM ${tableOf(other)} t WHERE ${parts.join(' AND ')} LIMIT 1`).get(
          ...params,
        )
        if (hit) return other.label
      }
    }
    return undefined
  }

  function remove(entitySet: string, company: string, key: Record<string, ErpValue>): void {
    const entity = entityOf(entitySet)
    assertWritable(entity, 'deleting records')
    const area = entity.companySpecific ? company.toLowerCase() : DEFAULT_COMPANY
    transaction(() => {
      const existing = get(entitySet, area, key)
      if (!existing) throw notFound(entity, area, key)
      assertChangeable(entitySet, existing, ruleContext(area))
      const usedBy = referencedBy(entity, area, existing)
      if (usedBy) {
        throw new ErpError(
          400,
          `Delete failed for table row of type '${entity.name}'. Infolog: Error: The record ${describeKey(entity, area, existing)} can't be deleted; it is used in ${usedBy}.`,
        )
      }
      const document = documents[entitySet]
      if (document) {
        const lines = entityOf(document.lines)
        const params: SqlParam[] = [area]
        const parts = Object.entries(document.link).map(([from, to]) => {
          params.push(String(existing[from]))
          return `${quote(to)} = ?`
        })
        prepare(`DELETE FROM ${tableOf(lines)} WHERE ${quote(DATA_AREA_ID)} = ? AND ${parts.join(' AND ')}`).run(
          ...params,
        )
      }
      const params: SqlParam[] = []
      const where = keyCondition(entity, area, keyOf(entity, existing), params)
      prepare(`DELETE FROM ${tableOf(entity)} AS t WHERE ${where}`).run(...params)
      recomputeTotal(entitySet, area, existing)
    })
  }

  // ---- users ----
  const systemUsers = entityOf('SystemUsers')
  const toUser = (row: ErpRow): ErpUser => ({
    UserID: String(row.UserID),
    UserName: String(row.UserName),
    Email: String(row.Email),
    Company: String(row.Company),
    ObjectId: String(row.ObjectId),
    Alias: String(row.Alias),
    Language: String(row.Language),
    Enabled: row.Enabled === 'Yes',
  })
  const userBy = (field: string, value: string): ErpUser | undefined => {
    const raw = prepare(
      `SELECT ${selectList(systemUsers)} FROM ${tableOf(systemUsers)} t WHERE t.${quote(field)} = ? LIMIT 1`,
    ).get(value) as Record<string, unknown> | undefined
    return raw ? toUser(toRow(systemUsers, raw)) : undefined
  }

  return {
    catalog,
    companies,
    defaultCompany: DEFAULT_COMPANY,
    list,
    get,
    create,
    update,
    delete: remove,
    attachments: createAttachmentStore({ db, clock, entity: entityOf('DocumentAttachments') }),
    today,
    user: (userId) => userBy('UserID', userId),
    userFor({ oid, upn, appOnly }) {
      if (appOnly) return userBy('UserID', 'Admin')
      return (
        (oid ? userBy('ObjectId', oid) : undefined) ??
        (upn ? (userBy('Alias', upn) ?? userBy('Email', upn)) : undefined)
      )
    },
    transaction,
    systemUpdate(entitySet, company, key, values) {
      const entity = entityOf(entitySet)
      const area = entity.companySpecific ? company.toLowerCase() : DEFAULT_COMPANY
      return transaction(() => {
        const existing = get(entitySet, area, key)
        if (!existing) throw notFound(entity, area, key)
        const row: ErpRow = { ...existing }
        for (const [name, value] of Object.entries(values)) {
          const field = fieldOf(entity, name)
          if (!field) throw unknownProperty(entity, name)
          if (entity.keys.includes(name) || name === DATA_AREA_ID) continue
          row[name] = fromColumn(field, toColumn(entity, field, value, catalog), catalog)
        }
        writeRow(entity, area, row)
        recomputeTotal(entitySet, area, row)
        return get(entitySet, area, key)!
      })
    },
  }
}

function ensureSchema(db: DatabaseSync, catalog: ErpEntityCatalog): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${META} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`)
  for (const entity of catalog.entities) {
    const columns = columnsOf(entity).map((field: ErpField) => `${quote(field.name)} ${sqlType(field)}`)
    if (entity.entitySet === 'DocumentAttachments') columns.push('"Content" BLOB')
    const key = [...(entity.companySpecific ? [DATA_AREA_ID] : []), ...entity.keys].map(quote).join(', ')
    db.exec(`CREATE TABLE IF NOT EXISTS ${tableOf(entity)} (${columns.join(', ')}, PRIMARY KEY (${key}))`)
  }
  // indexes for navigation joins (header → lines, vendor → transactions …)
  for (const entity of catalog.entities) {
    for (const nav of entity.navigation ?? []) {
      const target = catalog.bySet(nav.target)
      if (!target || !nav.many) continue
      const fields = [...(target.companySpecific ? [DATA_AREA_ID] : []), ...Object.values(nav.on)]
      const name = quote(`erp_ix_${target.entitySet}_${Object.values(nav.on).join('_')}`)
      db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${tableOf(target)} (${fields.map(quote).join(', ')})`)
    }
  }
}
