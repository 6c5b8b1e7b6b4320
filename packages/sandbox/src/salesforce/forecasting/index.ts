// Collaborative Forecasts for the emulated org: calendar fiscal periods (years, quarters, months),
// the Opportunity Revenue forecast type with quarterly forecasts and individual category rollups,
// demo quotas, and ForecastingItem amounts computed from opportunities along the role hierarchy.
import { createRecord, type WriteContext } from '../records/writer.js'
import { Random } from '../seed/random.js'
import type { Row, Store } from '../store.js'
import { activeType, quarterOf } from './periods.js'

export const FORECAST_TYPE_DEVELOPER_NAME = 'OpportunityRevenue'

/** ForecastCategoryName → the individual rollup of ForecastingItem (Omitted is not forecast). */
const ROLLUPS: Array<[category: string, itemCategory: string]> = [
  ['Pipeline', 'PipelineOnly'],
  ['Best Case', 'BestCaseOnly'],
  ['Commit', 'CommitOnly'],
  ['Closed', 'ClosedOnly'],
]

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10)

/** The fiscal periods of the reference year and the next one, and the forecast type. Runs once. */
export function ensureForecastingSetup(store: Store, userId: string, reference: Date): void {
  if (store.getMeta('forecasting_setup') === '1') return
  const model = store.model
  const periods = model.object('Period')
  const types = model.object('ForecastingType')
  if (!periods || !types) return
  store.transaction(() => {
    const ctx: WriteContext = { store, now: reference, userId, system: true }
    createRecord(ctx, types, {
      DeveloperName: FORECAST_TYPE_DEVELOPER_NAME,
      MasterLabel: 'Opportunity Revenue',
      IsActive: true,
      IsAmount: true,
      IsQuantity: false,
      RoleType: 'R',
      DateType: 'OpportunityCloseDate',
    })
    const first = reference.getUTCFullYear()
    for (const y of [first, first + 1]) {
      const add = (type: string, number: number, start: string, end: string, label: string, forecast = false) =>
        createRecord(ctx, periods, {
          Type: type,
          Number: number,
          StartDate: start,
          EndDate: end,
          FullyQualifiedLabel: label,
          IsForecastPeriod: forecast,
        })
      add('Year', y, day(y, 0, 1), day(y, 11, 31), `FY ${y}`)
      for (let q = 0; q < 4; q++)
        add('Quarter', q + 1, day(y, q * 3, 1), day(y, q * 3 + 3, 0), `Q${q + 1} FY ${y}`, true)
      for (let m = 0; m < 12; m++) add('Month', m + 1, day(y, m, 1), day(y, m + 1, 0), `${MONTHS[m]} FY ${y}`)
    }
    store.setMeta('forecasting_setup', '1')
  })
}

/**
 * Demo quotas for the quarter of the reference date and the next one: every opportunity owner gets
 * one, and every manager above them carries their reports' quotas on top of their own. Runs once.
 */
export function seedDemoQuotas(store: Store, userId: string, reference: Date, seed: number): void {
  if (store.getMeta('forecasting_quotas_seeded') === '1') return
  const quotas = store.model.object('ForecastingQuota')
  const type = activeType(store)
  const current = quarterOf(store, reference.toISOString().slice(0, 10))
  if (!quotas || !type || !current) return
  const next = quarterOf(store, day(reference.getUTCFullYear(), reference.getUTCMonth() + 3, 1))
  const rng = new Random(`${seed}/quotas`)
  const users = store.all('SELECT "Id", "ManagerId" FROM "sf_User" WHERE "IsDeleted" = 0 AND "IsActive" = 1')
  const managerOf = new Map(users.map((u) => [String(u.Id), u.ManagerId === null ? undefined : String(u.ManagerId)]))
  const owners = store
    .all('SELECT DISTINCT "OwnerId" FROM "sf_Opportunity" WHERE "IsDeleted" = 0 ORDER BY "OwnerId"')
    .map((r) => String(r.OwnerId))
  store.transaction(() => {
    const ctx: WriteContext = { store, now: reference, userId, system: true }
    for (const period of [current, next]) {
      if (!period) continue
      const amounts = new Map<string, number>()
      for (const owner of owners) {
        const amount = rng.int(10, 24) * 25_000
        amounts.set(owner, (amounts.get(owner) ?? 0) + amount)
        // Managers carry their reports' quotas (bounded walk up the management chain).
        let manager = managerOf.get(owner)
        for (let depth = 0; manager && depth < 10; depth++) {
          amounts.set(manager, (amounts.get(manager) ?? 0) + amount)
          manager = managerOf.get(manager)
        }
      }
      for (const [owner, amount] of amounts) {
        createRecord(ctx, quotas, {
          QuotaOwnerId: owner,
          StartDate: period.StartDate,
          QuotaAmount: amount,
          ForecastingTypeId: type.Id,
        })
      }
    }
    store.setMeta('forecasting_quotas_seeded', '1')
  })
}

/** Users below each user in the role hierarchy (the forecast hierarchy). */
function subordinates(store: Store): Map<string, string[]> {
  const roles = store.all('SELECT "Id", "ParentRoleId" FROM "sf_UserRole" WHERE "IsDeleted" = 0')
  const users = store.all(
    'SELECT "Id", "UserRoleId" FROM "sf_User" WHERE "IsDeleted" = 0 AND "IsActive" = 1 AND "UserRoleId" IS NOT NULL',
  )
  const childRoles = new Map<string, string[]>()
  for (const r of roles) {
    if (r.ParentRoleId === null) continue
    const list = childRoles.get(String(r.ParentRoleId)) ?? []
    list.push(String(r.Id))
    childRoles.set(String(r.ParentRoleId), list)
  }
  const usersIn = new Map<string, string[]>()
  for (const u of users) usersIn.set(String(u.UserRoleId), [...(usersIn.get(String(u.UserRoleId)) ?? []), String(u.Id)])
  const out = new Map<string, string[]>()
  for (const u of users) {
    const below: string[] = []
    const queue = [...(childRoles.get(String(u.UserRoleId)) ?? [])]
    const seen = new Set<string>()
    while (queue.length && seen.size < roles.length) {
      const role = queue.shift()!
      if (seen.has(role)) continue
      seen.add(role)
      below.push(...(usersIn.get(role) ?? []))
      queue.push(...(childRoles.get(role) ?? []))
    }
    out.set(String(u.Id), below)
  }
  return out
}

/**
 * Brings ForecastingItem up to date with the opportunities: for every user in the role hierarchy,
 * every forecast period and every forecast category, the amount of their own opportunities
 * (OwnerOnlyAmount) and with their subordinates' (ForecastAmount). Rows keep their ids.
 */
export function refreshForecastItems(store: Store, now: Date): void {
  const items = store.model.object('ForecastingItem')
  const type = activeType(store)
  if (!items || !type) return
  const periods = store.all(
    'SELECT "Id", "StartDate", "EndDate" FROM "sf_Period" WHERE "IsForecastPeriod" = 1 AND "IsDeleted" = 0',
  )
  const below = subordinates(store)
  const sums = store.all(
    `SELECT p."Id" AS period, o."OwnerId" AS owner, o."ForecastCategoryName" AS category, SUM(o."Amount") AS amount
     FROM "sf_Opportunity" o JOIN "sf_Period" p ON p."IsForecastPeriod" = 1 AND p."IsDeleted" = 0
       AND o."CloseDate" >= p."StartDate" AND o."CloseDate" <= p."EndDate"
     WHERE o."IsDeleted" = 0 GROUP BY p."Id", o."OwnerId", o."ForecastCategoryName"`,
  )
  const own = new Map<string, number>()
  for (const s of sums) own.set(`${s.period}|${s.owner}|${s.category}`, Number(s.amount ?? 0))
  const existing = new Map<string, Row>()
  for (const row of store.all('SELECT * FROM "sf_ForecastingItem" WHERE "ForecastingTypeId" = ?', [String(type.Id)]))
    existing.set(`${row.PeriodId}|${row.OwnerId}|${row.ForecastingItemCategory}`, row)
  const stamp = now.toISOString()
  store.transaction(() => {
    for (const [userId, team] of below) {
      for (const period of periods) {
        for (const [category, itemCategory] of ROLLUPS) {
          const ownerOnly = own.get(`${period.Id}|${userId}|${category}`) ?? 0
          const total = team.reduce((s, u) => s + (own.get(`${period.Id}|${u}|${category}`) ?? 0), ownerOnly)
          const key = `${period.Id}|${userId}|${itemCategory}`
          const values: Row = {
            ForecastAmount: total,
            OwnerOnlyAmount: ownerOnly,
            AmountWithoutAdjustments: total,
            AmountWithoutManagerAdjustment: total,
            AmountWithoutOwnerAdjustment: total,
          }
          const row = existing.get(key)
          if (row) {
            if (row.ForecastAmount !== total || row.OwnerOnlyAmount !== ownerOnly || row.IsDeleted === 1)
              store.update(items, String(row.Id), {
                ...values,
                IsDeleted: 0,
                LastModifiedDate: stamp,
                SystemModstamp: stamp,
              })
            continue
          }
          store.insert(items, {
            Id: store.nextId(items.def.keyPrefix),
            OwnerId: userId,
            IsDeleted: 0,
            CreatedDate: stamp,
            CreatedById: userId,
            LastModifiedDate: stamp,
            LastModifiedById: userId,
            SystemModstamp: stamp,
            PeriodId: String(period.Id),
            ForecastingTypeId: String(type.Id),
            ForecastCategoryName: category,
            ForecastingItemCategory: itemCategory,
            HasAdjustment: 0,
            HasOwnerAdjustment: 0,
            IsAmount: 1,
            IsQuantity: 0,
            IsUpToDate: 1,
            ...values,
          })
        }
      }
    }
  })
}

/** Whether a request touches ForecastingItem, whose rows are computed when read. */
export const mentionsForecastingItem = (text: string) => /forecastingitem/i.test(text)
