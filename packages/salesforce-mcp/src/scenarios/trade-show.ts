// A trade show, end to end: 60 registrations imported in one call, scored and marked contacted in
// batches, the hot ones converted (readiness checked first) to the account executive, their
// opportunities moved through stages, the quarter's forecast moved by exactly those amounts, and
// the pipeline report showing the deals in negotiation. The whole flow needs the sandbox (its
// account executive, sales@bizmcp-sandbox.example); the read-only steps — hot leads, the
// forecast, the pipeline report — run on any org.
import { defineScenario, type StepContext } from '@bizmcp/core/testing'

export interface TradeShowState {
  /** the show's name: the last name of every registration of this run */
  show: string
  leadIds?: string[]
  hot?: Array<{ Id: string; Company: string }>
  /** the account executive the deals go to */
  seller?: string
  before?: Forecast
  opportunities?: string[]
  amounts?: { won: number; commit: number; bestCase: number }
}

type Ctx = StepContext<TradeShowState>
export type Category = { category: string; amount: number }
export type Forecast = { source: string; categories: Category[]; rollup: { commit: number } }

const SELLER = 'sales@bizmcp-sandbox.example'
const STAGES = ['Qualification', 'Needs Analysis', 'Proposal/Price Quote']
const amountOf = (forecast: Forecast, name: string) => forecast.categories.find((c) => c.category === name)?.amount ?? 0
const rating = (i: number) => (i % 4 === 0 ? 'Hot' : i % 4 === 1 ? 'Warm' : 'Cold')

async function forecast(ctx: Ctx): Promise<Forecast> {
  const args = ctx.state.seller ? { period: 'THIS_QUARTER', ownerIds: [ctx.state.seller] } : { period: 'THIS_QUARTER' }
  return ctx.call<Forecast>('generateForecast', args)
}

export const tradeShow = defineScenario<TradeShowState>({
  name: 'salesforce/trade-show',
  description: 'Trade-show leads imported, scored, converted, advanced through stages, forecast and reported',
  products: ['salesforce'],
  state: () => ({ show: `Expo ${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}` }),
  steps: [
    {
      name: 'import 60 registrations in one call',
      tools: ['createLead'],
      async run({ call, state, assert }: Ctx) {
        const registrations = Array.from({ length: 60 }, (_, i) => ({
          FirstName: `Visitor${i}`,
          LastName: state.show,
          Company: `${state.show} Company ${i}`,
          Email: `visitor${i}@expo.example`,
          LeadSource: 'Trade Show',
          NumberOfEmployees: 10 + i * 37,
        }))
        const imported = await call('createLead', { lead: registrations })
        assert.equal(imported.ids.length, 60, 'every registration is a lead')
        assert.equal(imported.failed, undefined, 'none failed')
        state.leadIds = imported.ids
      },
    },
    {
      name: 'score them and mark them contacted, 25 per batch',
      tools: ['executeBatch', 'updateLead'],
      async run({ call, state, assert }: Ctx) {
        const ops = (state.leadIds ?? []).map((id, i) => ({
          method: 'PATCH',
          url: `sobjects/Lead/${id}`,
          body: { Rating: rating(i), Status: 'Working - Contacted' },
        }))
        for (let i = 0; i < ops.length; i += 25) {
          const batch = await call('executeBatch', { operations: ops.slice(i, i + 25) })
          assert.ok(
            batch.results.every((r: { outcome: string }) => r.outcome === 'applied'),
            'every update of the batch is applied',
          )
        }
        await call('updateLead', { id: state.leadIds?.[1], fields: { Rating: 'Hot', Title: 'CTO' } })
      },
    },
    {
      name: 'find the hot leads',
      readOnly: true,
      tools: ['executeQuery'],
      async run({ call, state, assert, note }: Ctx) {
        const where = state.leadIds ? `LastName = '${state.show}'` : 'IsConverted = false'
        const hot = await call('executeQuery', {
          soql: `SELECT Id, Company FROM Lead WHERE ${where} AND Rating = 'Hot' ORDER BY Company LIMIT 200`,
        })
        state.hot = hot.records
        if (state.leadIds) assert.equal(hot.totalSize, 16, 'every fourth registration, and the CTO, are hot')
        else note(`${hot.totalSize} unconverted hot leads`)
      },
    },
    {
      name: "read this quarter's forecast",
      readOnly: true,
      tools: ['executeQuery', 'generateForecast'],
      async run(ctx: Ctx) {
        const { call, state, mode, assert, note } = ctx
        const users = await call('executeQuery', { soql: `SELECT Id FROM User WHERE Username = '${SELLER}'` })
        if (mode === 'full') assert.equal(users.totalSize, 1, `the account executive ${SELLER} exists (sandbox)`)
        state.seller = users.records[0]?.Id
        state.before = await forecast(ctx)
        assert.ok(Array.isArray(state.before.categories), 'the forecast has categories')
        note(`forecast from ${state.before.source}`)
      },
    },
    {
      name: 'convert the hot leads to the account executive, checking readiness first',
      tools: ['convertLead'],
      async run({ call, state, assert }: Ctx) {
        const opportunities: string[] = []
        for (const lead of state.hot ?? []) {
          const check = await call('convertLead', { leadId: lead.Id, checkOnly: true })
          assert.equal(check.ready, true, `${lead.Company} is ready to convert`)
          const done = await call('convertLead', {
            leadId: lead.Id,
            ownerId: state.seller,
            opportunityName: `${lead.Company} - Expo deal`,
          })
          opportunities.push(done.converted.opportunityId)
        }
        assert.equal(new Set(opportunities).size, 16, 'each conversion made its own opportunity')
        state.opportunities = opportunities
      },
    },
    {
      name: 'move the opportunities through stages: 4 won, 6 in negotiation, 6 proposing',
      tools: ['updateOpportunity', 'getOpportunity'],
      async run({ call, state, assert }: Ctx) {
        const today = new Date().toISOString().slice(0, 10)
        const amounts = { won: 0, commit: 0, bestCase: 0 }
        for (const [i, id] of (state.opportunities ?? []).entries()) {
          const amount = 10_000 + i * 1_000
          for (const stage of STAGES)
            await call('updateOpportunity', { id, fields: { StageName: stage, Amount: amount, CloseDate: today } })
          const final = i < 4 ? 'Closed Won' : i < 10 ? 'Negotiation/Review' : 'Proposal/Price Quote'
          if (final !== 'Proposal/Price Quote') {
            const moved = await call('updateOpportunity', { id, fields: { StageName: final } })
            assert.equal(moved.stage, { from: 'Proposal/Price Quote', to: final }, 'the stage change is reported')
          }
          if (i < 4) amounts.won += amount
          else if (i < 10) amounts.commit += amount
          else amounts.bestCase += amount
        }
        state.amounts = amounts
        const sample = await call('getOpportunity', {
          id: state.opportunities?.[0],
          fields: ['StageName', 'IsWon', 'ForecastCategoryName', 'OwnerId', 'CloseDate'],
        })
        const { StageName, IsWon, ForecastCategoryName, OwnerId, CloseDate } = sample.record
        assert.equal(
          { StageName, IsWon, ForecastCategoryName, OwnerId, CloseDate },
          {
            StageName: 'Closed Won',
            IsWon: true,
            ForecastCategoryName: 'Closed',
            OwnerId: state.seller,
            CloseDate: today,
          },
          'a won deal is closed, in the Closed category, owned by the account executive',
        )
      },
    },
    {
      name: 'the forecast moved by exactly those amounts',
      tools: ['generateForecast'],
      async run(ctx: Ctx) {
        const { state, assert } = ctx
        const before = state.before as Forecast
        const amounts = state.amounts ?? { won: 0, commit: 0, bestCase: 0 }
        const after = await forecast(ctx)
        assert.equal(after.source, before.source, 'the same forecast source')
        assert.equal(
          amountOf(after, 'Closed') - amountOf(before, 'Closed'),
          amounts.won,
          'Closed moved by the won deals',
        )
        assert.equal(amountOf(after, 'Commit') - amountOf(before, 'Commit'), amounts.commit, 'Commit moved')
        assert.equal(amountOf(after, 'Best Case') - amountOf(before, 'Best Case'), amounts.bestCase, 'Best Case moved')
        assert.equal(
          after.rollup.commit - before.rollup.commit,
          amounts.won + amounts.commit,
          'the commit rollup moved',
        )
      },
    },
    {
      name: 'run the pipeline report',
      readOnly: true,
      tools: ['listReports', 'getReport'],
      async run({ call, state, mode, assert, note, skip }: Ctx) {
        const { reports } = await call('listReports', { search: 'Pipeline' })
        const pipeline = reports.find((r: { name: string }) => r.name === 'Pipeline by Stage') ?? reports[0]
        if (mode === 'full') assert.equal(pipeline?.name, 'Pipeline by Stage', 'the org has the pipeline report')
        if (!pipeline) skip('the org has no report named like Pipeline')
        const report = await call('getReport', { reportId: pipeline.id, maxRows: 2000 })
        assert.ok(Array.isArray(report.rows), 'the report returns rows')
        note(`${pipeline.name}: ${report.rows.length} rows`)
        if (!state.opportunities) return
        const negotiating = report.rows.filter(
          (r: Record<string, string>) =>
            r.group === 'Negotiation/Review' && String(r['Opportunity Name']).includes(state.show),
        )
        assert.equal(negotiating.length, 6, 'the six deals in negotiation are in the report')
      },
    },
  ],
})
