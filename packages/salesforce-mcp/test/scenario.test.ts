// A trade show, end to end through MCP: 60 leads imported in bulk, scored and updated in batches,
// the qualified ones converted (with consent), their opportunities moved through stages, the
// quarter's forecast generated and the pipeline report run. Both protocol eras.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptConsent, ERAS, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

type Category = { category: string; amount: number }
const amountOf = (cats: Category[], name: string) => cats.find((c) => c.category === name)?.amount ?? 0

for (const era of ERAS) {
  describe(`trade-show scenario (${era})`, () => {
    it('imports, scores, converts, advances, forecasts and reports', async () => {
      const { client, close } = await env.connect({ era, onElicit: acceptConsent })
      const show = `Expo ${era}`
      const today = new Date().toISOString().slice(0, 10)

      // 1. 60 registrations in one call (sObject Collections)
      const registrations = Array.from({ length: 60 }, (_, i) => ({
        FirstName: `Visitor${i}`,
        LastName: show,
        Company: `${show} Company ${i}`,
        Email: `visitor${i}@expo.example`,
        LeadSource: 'Trade Show',
        NumberOfEmployees: 10 + i * 37,
      }))
      const imported = ok(await client.callTool({ name: 'createLead', arguments: { lead: registrations } }))
      expect(imported.ids).toHaveLength(60)
      expect(imported.failed).toBeUndefined()

      // 2. score by company size and mark as contacted, 25 updates per batch
      const rating = (i: number) => (i % 4 === 0 ? 'Hot' : i % 4 === 1 ? 'Warm' : 'Cold')
      const ops = imported.ids.map((id: string, i: number) => ({
        method: 'PATCH',
        url: `sobjects/Lead/${id}`,
        body: { Rating: rating(i), Status: 'Working - Contacted' },
      }))
      for (let i = 0; i < ops.length; i += 25) {
        const batch = ok(
          await client.callTool({ name: 'executeBatch', arguments: { operations: ops.slice(i, i + 25) } }),
        )
        expect(batch.results.every((r: { outcome: string }) => r.outcome === 'applied')).toBe(true)
      }
      ok(
        await client.callTool({
          name: 'updateLead',
          arguments: { id: imported.ids[1], fields: { Rating: 'Hot', Title: 'CTO' } },
        }),
      )
      const hot = ok(
        await client.callTool({
          name: 'executeQuery',
          arguments: {
            soql: `SELECT Id, Company FROM Lead WHERE LastName = '${show}' AND Rating = 'Hot' ORDER BY Company`,
          },
        }),
      )
      expect(hot.totalSize).toBe(16)

      // 3. convert the qualified (hot) leads, checking readiness first
      // the deals go to the account executive, whose forecast then moves
      const seller = env.emulator.users.find((u: { username: string }) => u.username.startsWith('sales@')).userId
      const before = ok(
        await client.callTool({ name: 'generateForecast', arguments: { period: 'THIS_QUARTER', ownerIds: [seller] } }),
      )
      const opportunities: string[] = []
      for (const lead of hot.records as Array<{ Id: string; Company: string }>) {
        const check = ok(
          await client.callTool({ name: 'convertLead', arguments: { leadId: lead.Id, checkOnly: true } }),
        )
        expect(check.ready).toBe(true)
        const done = ok(
          await client.callTool({
            name: 'convertLead',
            arguments: { leadId: lead.Id, ownerId: seller, opportunityName: `${lead.Company} - Expo deal` },
          }),
        )
        opportunities.push(done.converted.opportunityId)
      }
      expect(new Set(opportunities).size).toBe(16)

      // 4. move the opportunities through stages: 4 won, 6 in negotiation, 6 proposing
      const stages = ['Qualification', 'Needs Analysis', 'Proposal/Price Quote']
      let won = 0
      let commit = 0
      let bestCase = 0
      for (const [i, id] of opportunities.entries()) {
        const amount = 10_000 + i * 1_000
        for (const stage of stages) {
          ok(
            await client.callTool({
              name: 'updateOpportunity',
              arguments: { id, fields: { StageName: stage, Amount: amount, CloseDate: today } },
            }),
          )
        }
        const final = i < 4 ? 'Closed Won' : i < 10 ? 'Negotiation/Review' : 'Proposal/Price Quote'
        if (final !== 'Proposal/Price Quote') {
          const moved = ok(
            await client.callTool({ name: 'updateOpportunity', arguments: { id, fields: { StageName: final } } }),
          )
          expect(moved.stage).toEqual({ from: 'Proposal/Price Quote', to: final })
        }
        if (i < 4) won += amount
        else if (i < 10) commit += amount
        else bestCase += amount
      }
      const sample = ok(
        await client.callTool({
          name: 'getOpportunity',
          arguments: {
            id: opportunities[0],
            fields: ['StageName', 'IsWon', 'ForecastCategoryName', 'OwnerId', 'CloseDate'],
          },
        }),
      )
      expect(sample.record).toMatchObject({
        StageName: 'Closed Won',
        IsWon: true,
        ForecastCategoryName: 'Closed',
        OwnerId: seller,
        CloseDate: today,
      })

      // 5. the quarter's forecast moved by exactly the amounts above
      const after = ok(
        await client.callTool({ name: 'generateForecast', arguments: { period: 'THIS_QUARTER', ownerIds: [seller] } }),
      )
      expect(after.source).toBe(before.source)
      expect(amountOf(after.categories, 'Closed') - amountOf(before.categories, 'Closed')).toBe(won)
      expect(amountOf(after.categories, 'Commit') - amountOf(before.categories, 'Commit')).toBe(commit)
      expect(amountOf(after.categories, 'Best Case') - amountOf(before.categories, 'Best Case')).toBe(bestCase)
      expect(after.rollup.commit - before.rollup.commit).toBe(won + commit)

      // 6. the pipeline report shows the deals in negotiation
      const { reports } = ok(await client.callTool({ name: 'listReports', arguments: { search: 'Pipeline' } }))
      const pipeline = reports.find((r: { name: string }) => r.name === 'Pipeline by Stage')
      const report = ok(
        await client.callTool({ name: 'getReport', arguments: { reportId: pipeline.id, maxRows: 2000 } }),
      )
      const negotiating = report.rows.filter(
        (r: Record<string, string>) => r.group === 'Negotiation/Review' && String(r['Opportunity Name']).includes(show),
      )
      expect(negotiating).toHaveLength(6)
      await close()
    }, 60_000)
  })
}
