// Scores a lead against the ideal customer profile kept as data (bizmcp_idealcustomerprofile):
// criterion by criterion, with the value used, the rule, the outcome, the weight and the record
// the value came from. A criterion whose value is missing is 'unknown', never guessed.
import type { ColumnInfo, DataverseClient } from '@bizmcp/dataverse-mcp'
import { accountRef, type LeadContext } from './lead-context.js'
import { label, type Row, ref, text } from './records.js'
import type { Ref } from './schemas.js'

export type Outcome = 'met' | 'unmet' | 'unknown'

export interface CriterionResult {
  criterion: string
  column: string
  rule: string
  value?: string
  outcome: Outcome
  weight: number
  evidence: Ref[]
}

export interface Assessment {
  profile?: string
  criteria: CriterionResult[]
  score: number
  maxScore: number
  unknownWeight: number
  fit: 'strong' | 'moderate' | 'weak' | 'unknown'
  notFound: string[]
}

const OPERATORS: Record<number, string> = {
  100000000: 'equals',
  100000001: 'is one of',
  100000002: 'is between',
  100000003: 'is at least',
  100000004: 'is at most',
}

export async function assessLead(client: DataverseClient, ctx: LeadContext, signal?: AbortSignal): Promise<Assessment> {
  const page = await client.query('bizmcp_idealcustomerprofiles', {
    filter: 'statecode eq 0',
    orderby: 'bizmcp_weight desc,bizmcp_name asc',
    top: 50,
    formatted: true,
    ...(signal ? { signal } : {}),
  })
  const leadMeta = await client.table('lead', signal)
  const columns = new Map(leadMeta.columns.map((c) => [c.logicalName, c]))
  const criteria = page.rows.map((row) => evaluate(row, ctx, columns))
  const maxScore = criteria.reduce((s, c) => s + c.weight, 0)
  const score = criteria.filter((c) => c.outcome === 'met').reduce((s, c) => s + c.weight, 0)
  const unknownWeight = criteria.filter((c) => c.outcome === 'unknown').reduce((s, c) => s + c.weight, 0)
  const share = maxScore ? score / maxScore : 0
  const fit = !maxScore ? 'unknown' : share >= 0.75 ? 'strong' : share >= 0.5 ? 'moderate' : 'weak'
  const profile = text(page.rows[0], 'bizmcp_profile')
  return {
    ...(profile ? { profile } : {}),
    criteria,
    score,
    maxScore,
    unknownWeight,
    fit,
    notFound: page.rows.length
      ? []
      : ['No active ideal customer profile criteria (bizmcp_idealcustomerprofile) exist, so no score was computed.'],
  }
}

function evaluate(row: Row, ctx: LeadContext, columns: Map<string, ColumnInfo>): CriterionResult {
  const column = String(row.bizmcp_attribute ?? '').toLowerCase()
  const operator = Number(row.bizmcp_operator)
  const expected = String(row.bizmcp_value ?? '')
  const weight = typeof row.bizmcp_weight === 'number' ? row.bizmcp_weight : 0
  const criterionRef = ref(
    'bizmcp_idealcustomerprofile',
    String(row.bizmcp_idealcustomerprofileid),
    text(row, 'bizmcp_name'),
  )
  const info = columns.get(column)
  const rule = `${info?.displayName ?? column} ${OPERATORS[operator] ?? 'matches'} ${describeExpected(expected, operator, info)}`

  // the lead's own value first, then the account's column of the same name
  let raw = ctx.lead[column]
  let source: Row = ctx.lead
  let evidence: Ref = ctx.leadRef
  if (
    (raw === null || raw === undefined) &&
    ctx.account &&
    ctx.account[column] !== undefined &&
    ctx.account[column] !== null
  ) {
    raw = ctx.account[column]
    source = ctx.account
    evidence = accountRef(ctx.account)
  }
  const base = { criterion: text(row, 'bizmcp_name') ?? column, column, rule, weight }
  if (raw === null || raw === undefined || raw === '') {
    return { ...base, outcome: 'unknown', evidence: [criterionRef] }
  }
  const value = label(source, column) ?? String(raw)
  return {
    ...base,
    value,
    outcome: matches(raw, operator, expected) ? 'met' : 'unmet',
    evidence: [evidence, criterionRef],
  }
}

function describeExpected(expected: string, operator: number, info: ColumnInfo | undefined): string {
  const parts = expected.split(',').map((p) => p.trim())
  const labelOf = (p: string) => info?.options?.find((o) => String(o.value) === p)?.label ?? p
  if (operator === 100000002) return `${parts[0]} and ${parts[1]}`
  return parts.map(labelOf).join(', ')
}

function matches(raw: unknown, operator: number, expected: string): boolean {
  const parts = expected.split(',').map((p) => p.trim().toLowerCase())
  const value = String(raw).trim().toLowerCase()
  const n = Number(raw)
  switch (operator) {
    case 100000000:
      return value === parts[0]
    case 100000001:
      return parts.includes(value)
    case 100000002:
      return Number.isFinite(n) && n >= Number(parts[0]) && n <= Number(parts[1])
    case 100000003:
      return Number.isFinite(n) && n >= Number(parts[0])
    case 100000004:
      return Number.isFinite(n) && n <= Number(parts[0])
    default:
      return false
  }
}
