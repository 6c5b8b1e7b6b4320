import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import type { SalesforceClient } from '../client.js'
import { defineSalesforceTool } from '../define-tool.js'
import { quote, soqlId, withUsage } from './support/records.js'
import { apiUsage, dateArg, idArg } from './support/schemas.js'

type Period = 'THIS_MONTH' | 'NEXT_MONTH' | 'THIS_QUARTER' | 'NEXT_QUARTER' | 'THIS_YEAR'

/** calendar periods (orgs with a custom fiscal year: pass from/to) */
export function periodRange(period: Period, today = new Date()): { from: string; to: string } {
  const y = today.getUTCFullYear()
  const m = today.getUTCMonth()
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  const span = (startMonth: number, months: number) => ({
    from: iso(new Date(Date.UTC(y, startMonth, 1))),
    to: iso(new Date(Date.UTC(y, startMonth + months, 0))),
  })
  switch (period) {
    case 'THIS_MONTH':
      return span(m, 1)
    case 'NEXT_MONTH':
      return span(m + 1, 1)
    case 'THIS_QUARTER':
      return span(m - (m % 3), 3)
    case 'NEXT_QUARTER':
      return span(m - (m % 3) + 3, 3)
    case 'THIS_YEAR':
      return span(0, 12)
  }
}

const ORDER = ['Closed', 'Commit', 'Best Case', 'Pipeline', 'Omitted']
const category = z.record(z.string(), z.unknown())

function isMissingFeature(error: unknown) {
  return (
    error instanceof ToolError &&
    ['INVALID_TYPE', 'INVALID_FIELD', 'NOT_FOUND', 'FUNCTIONALITY_NOT_ENABLED'].includes(
      String(error.details?.errorCode),
    )
  )
}

const INDIVIDUAL = "('PipelineOnly', 'BestCaseOnly', 'CommitOnly', 'ClosedOnly')"

/**
 * Collaborative Forecasts: the org's revenue forecast type, its forecast periods inside the range,
 * and each owner's own amounts (OwnerOnlyAmount) per category, so that managers' rollups are not
 * counted twice. Undefined when the org has no such data.
 */
async function fromForecastingItems(client: SalesforceClient, from: string, to: string, owners: string[]) {
  try {
    const types = await client.queryAll(
      'SELECT Id, DeveloperName FROM ForecastingType WHERE IsActive = true AND IsAmount = true',
    )
    const type = types.find((t) => t.DeveloperName === 'OpportunityRevenue') ?? types[0]
    if (!type) return undefined
    const periods = await client.queryAll(
      `SELECT Id FROM Period WHERE IsForecastPeriod = true AND StartDate >= ${from} AND EndDate <= ${to}`,
    )
    if (!periods.length) return undefined
    const ownerClause = owners.length ? ` AND OwnerId IN (${owners.map(soqlId).join(', ')})` : ''
    const items = await client.queryAll(
      `SELECT ForecastCategoryName, OwnerOnlyAmount FROM ForecastingItem WHERE ForecastingTypeId = ${quote(String(type.Id))} AND ForecastingItemCategory IN ${INDIVIDUAL} AND PeriodId IN (${periods.map((p) => quote(String(p.Id))).join(', ')})${ownerClause}`,
    )
    if (!items.length) return undefined
    const sums = new Map<string, number>()
    for (const item of items) {
      const name = String(item.ForecastCategoryName ?? 'Unknown')
      sums.set(name, (sums.get(name) ?? 0) + Number(item.OwnerOnlyAmount ?? 0))
    }
    return [...sums].map(([c, amount]) => ({ category: c, amount }))
  } catch (error) {
    if (isMissingFeature(error)) return undefined
    throw error
  }
}

function rollup(categories: Array<{ category: string; amount: number }>) {
  const sum = (name: string) => categories.find((c) => c.category === name)?.amount ?? 0
  const closed = sum('Closed')
  const commit = closed + sum('Commit')
  return {
    closed,
    commit,
    bestCase: commit + sum('Best Case'),
    openPipeline: sum('Commit') + sum('Best Case') + sum('Pipeline'),
  }
}

export const generateForecast = defineSalesforceTool({
  name: 'generateForecast',
  title: 'Generate forecast',
  description:
    "Forecast by category for a period, for all, ownerIds, or a manager's team. From Collaborative Forecasts (ForecastingItem) when present, else Opportunity Amount by ForecastCategoryName; source says which.",
  input: z.object({
    period: z.enum(['THIS_MONTH', 'NEXT_MONTH', 'THIS_QUARTER', 'NEXT_QUARTER', 'THIS_YEAR']).default('THIS_QUARTER'),
    from: dateArg.optional(),
    to: dateArg.optional(),
    ownerIds: z.array(idArg).optional(),
    managerId: idArg.optional(),
  }),
  output: z.object({
    source: z.string(),
    from: z.string(),
    to: z.string(),
    categories: z.array(category),
    rollup: z.record(z.string(), z.number()).optional().describe('cumulative closed, commit, bestCase; openPipeline'),
    note: z.string(),
    apiUsage,
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forecasting',
  render: (out) =>
    `${out.source} ${out.from}..${out.to}: ${out.categories.map((c) => `${c.category} ${c.amount}`).join(', ')}. ${out.note}`,
  async run({ period, from, to, ownerIds, managerId }, ctx) {
    if ((from && !to) || (!from && to)) {
      throw new ToolError({
        code: 'InvalidInput',
        message: 'from and to go together.',
        fix: 'Pass both from and to, or neither (period).',
      })
    }
    const range = from && to ? { from, to } : periodRange(period)
    let owners = [...(ownerIds ?? [])]
    if (managerId) {
      const team = await ctx.client.queryAll(
        `SELECT Id FROM User WHERE ManagerId = ${soqlId(managerId)} AND IsActive = true`,
      )
      owners.push(managerId, ...team.map((u) => String(u.Id)))
    }
    owners = [...new Set(owners)]

    const items = await fromForecastingItems(ctx.client, range.from, range.to, owners)
    if (items) {
      return withUsage(ctx.client, {
        source: 'ForecastingItem' as const,
        ...range,
        categories: items.sort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category)),
        rollup: rollup(items),
        note: "Collaborative Forecasts: each owner's own ForecastingItem amounts (OwnerOnlyAmount) over the forecast periods in the range; Omitted is not forecast.",
      })
    }

    const ownerClause = owners.length ? ` AND OwnerId IN (${owners.map(soqlId).join(', ')})` : ''
    const rows = await ctx.client.queryAll(
      `SELECT ForecastCategoryName, SUM(Amount) amount, COUNT(Id) n FROM Opportunity WHERE CloseDate >= ${range.from} AND CloseDate <= ${range.to}${ownerClause} GROUP BY ForecastCategoryName`,
    )
    const categories = rows
      .map((r) => ({
        category: String(r.ForecastCategoryName ?? 'None'),
        amount: Number(r.amount ?? 0),
        count: Number(r.n ?? 0),
      }))
      .sort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category))
    return withUsage(ctx.client, {
      source: 'OpportunityAggregate' as const,
      ...range,
      categories,
      rollup: rollup(categories),
      note: 'No Collaborative Forecasts data for this period: Opportunity Amount summed by ForecastCategoryName for opportunities closing in the range (no manager adjustments).',
    })
  },
})
