// What the platform computes when a record is written: compound names, the opportunity's stage
// facts, task and event times, price book entry and line item prices, a quota's forecast period.
import { SalesforceError, sfErrors } from '../errors.js'
import { activeType, quarterOf } from '../forecasting/periods.js'
import type { ObjectModel } from '../schema/model.js'
import { FORECAST_CATEGORY_NAMES, OPPORTUNITY_STAGES, TASK_STATUSES } from '../schema/setup-values.js'
import type { Row, Store } from '../store.js'

/** `changed`: the fields the client gave (on create, everything counts as changed for derivations). */
type Deriver = (row: Row, changed: Set<string>, store: Store, now: Date, isNew: boolean) => void

const personName: Deriver = (row) => {
  row.Name = [row.FirstName, row.LastName]
    .filter((part) => part !== null && part !== undefined && part !== '')
    .join(' ')
}

const opportunity: Deriver = (row, changed, _store, _now, isNew) => {
  const stage = OPPORTUNITY_STAGES.find((s) => s.name === row.StageName)
  if (stage && (isNew || changed.has('StageName'))) {
    row.IsClosed = stage.isClosed ? 1 : 0
    row.IsWon = stage.isWon ? 1 : 0
    if (!changed.has('Probability')) row.Probability = stage.probability
    // A closed stage fixes the forecast category; an open one may be overridden by the client.
    if (stage.isClosed || !changed.has('ForecastCategoryName')) {
      row.ForecastCategory = stage.forecastCategory
      row.ForecastCategoryName = FORECAST_CATEGORY_NAMES[stage.forecastCategory]
    }
  }
  if (changed.has('ForecastCategoryName') && !stage?.isClosed) {
    const entry = Object.entries(FORECAST_CATEGORY_NAMES).find(([, label]) => label === row.ForecastCategoryName)
    if (entry) row.ForecastCategory = entry[0]
  }
  row.ExpectedRevenue =
    typeof row.Amount === 'number' && typeof row.Probability === 'number' ? (row.Amount * row.Probability) / 100 : null
  if (typeof row.CloseDate === 'string') {
    const year = Number(row.CloseDate.slice(0, 4))
    const quarter = Math.floor((Number(row.CloseDate.slice(5, 7)) - 1) / 3) + 1
    row.FiscalYear = year
    row.FiscalQuarter = quarter
    row.Fiscal = `${year} ${quarter}`
  }
}

const task: Deriver = (row, _changed, _store, now) => {
  const closed = TASK_STATUSES.find((s) => s.value === row.Status)?.closed ?? false
  row.IsClosed = closed ? 1 : 0
  row.IsHighPriority = row.Priority === 'High' ? 1 : 0
  if (closed && !row.CompletedDateTime) row.CompletedDateTime = now.toISOString()
  if (!closed) row.CompletedDateTime = null
  row.TaskSubtype ??= 'Task'
}

const MINUTE = 60_000
const event: Deriver = (row, changed) => {
  if (row.IsAllDayEvent === 1 && typeof row.ActivityDate === 'string' && !row.StartDateTime) {
    row.StartDateTime = `${row.ActivityDate}T00:00:00.000Z`
    row.DurationInMinutes ??= 1440
  }
  const start = (row.StartDateTime ?? row.ActivityDateTime) as string | null
  if (!start) throw sfErrors.requiredMissing(['ActivityDateTime'])
  const startMs = Date.parse(start)
  // The end wins when the client changed it; otherwise the duration does.
  if (
    row.EndDateTime &&
    (changed.has('EndDateTime') || row.DurationInMinutes === null || row.DurationInMinutes === undefined)
  ) {
    const minutes = Math.round((Date.parse(row.EndDateTime as string) - startMs) / MINUTE)
    if (minutes < 0)
      throw sfErrors.invalidField("End Date Time: You can't specify an end time earlier than the start time.", [
        'EndDateTime',
      ])
    row.DurationInMinutes = minutes
  }
  if (row.DurationInMinutes === null || row.DurationInMinutes === undefined)
    throw sfErrors.requiredMissing(['DurationInMinutes'])
  row.StartDateTime = start
  row.ActivityDateTime = start
  row.ActivityDate = start.slice(0, 10)
  row.EndDateTime = new Date(startMs + Number(row.DurationInMinutes) * MINUTE).toISOString()
}

const pricebookEntry: Deriver = (row, _changed, store) => {
  const product = store.byId(store.model.object('Product2')!, String(row.Product2Id))
  row.Name = product?.Name ?? null
  row.ProductCode = product?.ProductCode ?? null
}

const lineItem: Deriver = (row, changed, store) => {
  const entries = store.model.object('PricebookEntry')!
  if (!row.PricebookEntryId && row.Product2Id) {
    const opp = store.byId(store.model.object('Opportunity')!, String(row.OpportunityId))
    const entry = store.get(
      'SELECT e."Id" FROM "sf_PricebookEntry" e JOIN "sf_Pricebook2" p ON p."Id" = e."Pricebook2Id" WHERE e."Product2Id" = ? AND e."IsDeleted" = 0 AND (p."Id" = ? OR p."IsStandard" = 1) ORDER BY p."IsStandard" LIMIT 1',
      [String(row.Product2Id), String(opp?.Pricebook2Id ?? '')],
    )
    row.PricebookEntryId = entry?.Id ?? null
  }
  if (!row.PricebookEntryId) throw sfErrors.requiredMissing(['PricebookEntryId'])
  const entry = store.byId(entries, String(row.PricebookEntryId))
  if (!entry) throw sfErrors.crossReference('PricebookEntryId')
  row.Product2Id = entry.Product2Id ?? null
  row.ListPrice = entry.UnitPrice ?? null
  row.ProductCode = entry.ProductCode ?? null
  const opp = store.byId(store.model.object('Opportunity')!, String(row.OpportunityId))
  row.Name = [opp?.Name, entry.Name].filter(Boolean).join(' ')
  const quantity = Number(row.Quantity ?? 0)
  const discount = Number(row.Discount ?? 0)
  if (changed.has('TotalPrice') && !changed.has('UnitPrice') && quantity) {
    row.UnitPrice = Number(row.TotalPrice) / quantity / (1 - discount / 100)
  }
  row.UnitPrice ??= entry.UnitPrice ?? null
  row.TotalPrice = Math.round(quantity * Number(row.UnitPrice ?? 0) * (1 - discount / 100) * 100) / 100
}

/** ForecastingQuota: its period from the start date, and the forecast type when left out. */
const quota: Deriver = (row, _changed, store) => {
  row.ForecastingTypeId ??= activeType(store)?.Id ?? null
  const period = typeof row.StartDate === 'string' ? quarterOf(store, row.StartDate) : undefined
  if (!period || period.StartDate !== row.StartDate)
    throw new SalesforceError(
      400,
      'FIELD_INTEGRITY_EXCEPTION',
      'Start Date: the start date must be the first day of a forecast period',
      ['StartDate'],
    )
  row.PeriodId = period.Id ?? null
  row.IsAmount = row.QuotaAmount === null || row.QuotaAmount === undefined ? 0 : 1
  row.IsQuantity = row.QuotaQuantity === null || row.QuotaQuantity === undefined ? 0 : 1
}

const derivers: Record<string, Deriver> = {
  User: personName,
  Contact: personName,
  Lead: personName,
  Opportunity: opportunity,
  Task: task,
  Event: event,
  PricebookEntry: pricebookEntry,
  OpportunityLineItem: lineItem,
  ForecastingQuota: quota,
}

export function derive(
  object: ObjectModel,
  row: Row,
  changed: Set<string>,
  store: Store,
  now: Date,
  isNew: boolean,
): void {
  derivers[object.name]?.(row, changed, store, now, isNew)
}

/** An opportunity with products is worth the sum of their totals. */
export function rollUpLineItems(store: Store, opportunityId: string, now: Date): void {
  const opportunities = store.model.object('Opportunity')!
  const totals = store.get(
    'SELECT COUNT(*) AS n, SUM("TotalPrice") AS total FROM "sf_OpportunityLineItem" WHERE "OpportunityId" = ? AND "IsDeleted" = 0',
    [opportunityId],
  )
  const opp = store.byId(opportunities, opportunityId)
  if (!opp) return
  const n = Number(totals?.n ?? 0)
  const changes: Row = { HasOpportunityLineItem: n > 0 ? 1 : 0, SystemModstamp: now.toISOString() }
  if (n > 0) {
    changes.Amount = Number(totals?.total ?? 0)
    const probability = typeof opp.Probability === 'number' ? opp.Probability : null
    changes.ExpectedRevenue = probability === null ? null : (Number(changes.Amount) * probability) / 100
  }
  store.update(opportunities, opportunityId, changes)
}
