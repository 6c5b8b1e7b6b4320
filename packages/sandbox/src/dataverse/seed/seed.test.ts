import { describe, expect, it } from 'vitest'
import { getTable, standardSchema } from '../schema/index.js'
import type { AttributeDefinition, SeedData, SeedRow, SeedValue } from '../schema/types.js'
import { DEFERRED_LOOKUPS, generateSeed, generateSeedStream, sandboxUsers } from './index.js'

const seed1 = generateSeed(standardSchema, { scale: 1 })
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

const rowsOf = (data: SeedData, table: string): SeedRow[] => data.rows.find((b) => b.table === table)?.rows ?? []
const isRef = (v: SeedValue): v is { table: string; id: string } => typeof v === 'object' && v !== null
const count = (data: SeedData) => Object.fromEntries(data.rows.map((b) => [b.table, b.rows.length]))

function checkValue(a: AttributeDefinition, v: SeedValue): string | null {
  if (v === null) return null
  switch (a.type) {
    case 'Uniqueidentifier':
      return typeof v === 'string' && GUID.test(v) ? null : 'not a GUID'
    case 'String':
    case 'Memo':
      if (typeof v !== 'string') return 'not a string'
      return a.maxLength !== undefined && v.length > a.maxLength ? `longer than ${a.maxLength}` : null
    case 'Integer':
    case 'BigInt':
      if (!Number.isInteger(v)) return 'not an integer'
      if (a.minValue !== undefined && (v as number) < a.minValue) return 'below minimum'
      return a.maxValue !== undefined && (v as number) > a.maxValue ? 'above maximum' : null
    case 'Decimal':
    case 'Double':
    case 'Money':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'not a number'
    case 'Boolean':
      return typeof v === 'boolean' ? null : 'not a boolean'
    case 'DateTime':
      if (typeof v !== 'string') return 'not a string'
      return (a.dateFormat === 'DateOnly' ? DATE_ONLY : ISO).test(v) ? null : 'bad date format'
    case 'Picklist':
    case 'State':
    case 'Status':
      return a.options!.some((o) => o.value === v) ? null : `no option ${String(v)}`
    case 'EntityName':
      return typeof v === 'string' && standardSchema.tables.some((t) => t.logicalName === v) ? null : 'unknown table'
    case 'Lookup':
    case 'Customer':
    case 'Owner':
      return isRef(v) && a.targets!.includes(v.table) && GUID.test(v.id) ? null : 'bad lookup'
  }
}

describe('generateSeed', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateSeed(standardSchema, { scale: 1 })
    expect(JSON.stringify(again)).toBe(JSON.stringify(seed1))
    const other = generateSeed(standardSchema, { scale: 1, seed: 7 })
    expect(rowsOf(other, 'account')[0]!.accountid).not.toBe(rowsOf(seed1, 'account')[0]!.accountid)
    expect(rowsOf(other, 'account')[0]!.name).not.toBe(rowsOf(seed1, 'account')[0]!.name)
  })

  it('writes only schema columns, with values of the right type, and fills required columns', () => {
    const problems: string[] = []
    for (const { table, rows } of seed1.rows) {
      const def = getTable(standardSchema, table)
      const attrs = new Map(def.attributes.map((a) => [a.logicalName, a]))
      const required = def.attributes.filter(
        (a) =>
          (a.requiredLevel === 'SystemRequired' || a.requiredLevel === 'ApplicationRequired') &&
          a.isValidForCreate !== false,
      )
      for (const row of rows) {
        for (const [k, v] of Object.entries(row)) {
          const a = attrs.get(k)
          if (!a) problems.push(`${table}.${k} is not in the schema`)
          else {
            const err = checkValue(a, v)
            if (err) problems.push(`${table}.${k} = ${JSON.stringify(v)}: ${err}`)
          }
        }
        for (const a of required)
          if (row[a.logicalName] === null || row[a.logicalName] === undefined)
            problems.push(`${table}.${a.logicalName} missing`)
        const status = def.attributes.find((a) => a.logicalName === 'statuscode')
        if (status && row.statuscode !== null) {
          const opt = status.options!.find((o) => o.value === row.statuscode)
          if (opt?.state !== row.statecode)
            problems.push(`${table} status ${String(row.statuscode)} not in state ${String(row.statecode)}`)
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([])
  })

  it('points every lookup at an existing row emitted earlier (except the documented back-references)', () => {
    const seen = new Set<string>()
    const all = new Set(
      seed1.rows.flatMap(({ table, rows }) =>
        rows.map((r) => `${table}:${String(r[getTable(standardSchema, table).primaryIdAttribute])}`),
      ),
    )
    const deferred = new Set(DEFERRED_LOOKUPS.map((d) => `${d.table}.${d.attribute}`))
    const problems: string[] = []
    for (const { table, rows } of seed1.rows) {
      const def = getTable(standardSchema, table)
      for (const row of rows) {
        for (const [k, v] of Object.entries(row)) {
          if (!isRef(v)) continue
          const key = `${v.table}:${v.id}`
          if (!all.has(key)) problems.push(`${table}.${k} → missing ${key}`)
          else if (!seen.has(key) && !deferred.has(`${table}.${k}`)) problems.push(`${table}.${k} → later ${key}`)
        }
        seen.add(`${table}:${String(row[def.primaryIdAttribute])}`)
      }
    }
    expect(problems.slice(0, 20)).toEqual([])
    expect(all.size).toBe(seed1.rows.reduce((n, b) => n + b.rows.length, 0))
  })

  it('keeps dates coherent', () => {
    const problems: string[] = []
    for (const { table, rows } of seed1.rows) {
      for (const r of rows) {
        if (String(r.createdon) > String(r.modifiedon)) problems.push(`${table} modified before created`)
        if (String(r.modifiedon) > '2026-10-31T12:00:00Z') problems.push(`${table} modified in the future`)
      }
    }
    const cases = new Map(rowsOf(seed1, 'incident').map((c) => [c.incidentid as string, c]))
    const resolutions = rowsOf(seed1, 'incidentresolution')
    for (const res of resolutions) {
      const c = cases.get((res.incidentid as { id: string }).id)!
      expect(c.statecode).toBe(1)
      expect(String(res.actualend) >= String(c.createdon)).toBe(true)
    }
    const resolved = [...cases.values()].filter((c) => c.statecode === 1)
    expect(resolutions.length).toBe(resolved.length)
    expect(resolved.length / cases.size).toBeGreaterThan(0.5)
    for (const o of rowsOf(seed1, 'opportunity')) {
      if (o.statecode === 1) {
        expect(o.actualclosedate).not.toBeNull()
        expect(o.actualvalue).toBeGreaterThan(0)
      }
      if (o.statecode !== 0)
        expect(
          rowsOf(seed1, 'opportunityclose').some((c) => (c.opportunityid as { id: string }).id === o.opportunityid),
        ).toBe(true)
    }
    expect(problems.slice(0, 10)).toEqual([])
  })

  it('qualified leads point at their opportunity, account and contact', () => {
    const opps = new Map(rowsOf(seed1, 'opportunity').map((o) => [o.opportunityid as string, o]))
    const qualified = rowsOf(seed1, 'lead').filter((l) => l.statecode === 1)
    expect(qualified.length).toBeGreaterThan(30)
    for (const l of qualified) {
      const opp = opps.get((l.qualifyingopportunityid as { id: string }).id)!
      expect((opp.originatingleadid as { id: string }).id).toBe(l.leadid)
      expect(opp.parentaccountid).toEqual(l.parentaccountid)
    }
    const show = rowsOf(seed1, 'lead').filter((l) => l.leadsourcecode === 7 && l.campaignid !== null)
    expect(show.length).toBeGreaterThan(80)
  })

  it('gives the signed-in user a share of leads, opportunities and open cases', () => {
    const mine = (table: string) =>
      rowsOf(seed1, table).filter((r) => (r.ownerid as { id: string }).id === seed1.currentUserId)
    expect(mine('lead').length).toBeGreaterThan(60)
    expect(mine('opportunity').length).toBeGreaterThan(30)
    expect(mine('incident').filter((c) => c.statecode === 0).length).toBeGreaterThan(3)
    const users = sandboxUsers()
    expect(users.find((u) => u.isCurrentUser)?.systemuserid).toBe(seed1.currentUserId)
    const aad = rowsOf(seed1, 'systemuser').map((u) => u.azureactivedirectoryobjectid)
    expect(users.map((u) => u.azureactivedirectoryobjectid)).toEqual(aad)
  })

  it('has an ideal customer profile and knowledge articles that cover the products in cases', () => {
    const icp = rowsOf(seed1, 'bizmcp_idealcustomerprofile')
    expect(icp.map((r) => r.bizmcp_attribute)).toEqual(
      expect.arrayContaining([
        'industrycode',
        'numberofemployees',
        'revenue',
        'address1_country',
        'budgetamount',
        'purchasetimeframe',
      ]),
    )
    expect(icp.reduce((s, r) => s + (r.bizmcp_weight as number), 0)).toBe(100)
    const products = new Map(rowsOf(seed1, 'product').map((p) => [p.productid as string, p.name as string]))
    const articles = rowsOf(seed1, 'knowledgearticle')
    expect(articles.length).toBeGreaterThanOrEqual(35)
    for (const c of rowsOf(seed1, 'incident')) {
      const name = products.get((c.productid as { id: string }).id)!
      expect(
        articles.some((a) => String(a.content).includes(name)),
        name,
      ).toBe(true)
    }
  })

  it('grows with scale and streams in bounded batches', () => {
    const seed3 = generateSeed(standardSchema, { scale: 3 })
    const [c1, c3] = [count(seed1), count(seed3)]
    for (const t of ['account', 'contact', 'lead', 'opportunity', 'incident', 'email', 'task']) {
      expect(c3[t]! / c1[t]!, t).toBeGreaterThan(2.5)
    }
    expect(c3.product).toBe(c1.product)
    expect(c3.systemuser).toBe(c1.systemuser)
    for (const b of generateSeedStream(standardSchema, { scale: 1, batchSize: 100 }))
      expect(b.rows.length).toBeLessThanOrEqual(100)
  })
})
