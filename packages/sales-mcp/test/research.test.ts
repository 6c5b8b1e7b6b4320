// The grounded research tools through MCP, both eras: every fact cites records, free text comes
// back as untrusted data, and gaps are reported in notFound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, newLead, ok, oliveLeadId, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
let olive: string
let rival: string
beforeAll(async () => {
  env = await startEnv()
  olive = await oliveLeadId(env.client)
  // a lead at an account that lost a deal to a competitor
  const closes = await env.client.query('opportunitycloses', {
    select: ['_opportunityid_value'],
    filter: '_competitorid_value ne null',
    top: 1,
  })
  const opp = await env.client.retrieve('opportunities', String(closes.rows[0]!._opportunityid_value), {
    select: ['_parentaccountid_value'],
  })
  rival = await newLead(env.client, {
    lastname: 'Rival',
    companyname: 'Rival test',
    emailaddress1: 'rival@example.com',
    'parentaccountid@odata.bind': `/accounts(${opp._parentaccountid_value})`,
  })
})
afterAll(() => env.close())

const refPattern = /^[a-z_]+:[0-9a-f-]{36}$/

for (const era of ERAS) {
  describe(`research tools (${era})`, () => {
    it('D365_Sales_InvokeLeadSummary: who, role, history, interests, with sources and untrusted notes', async () => {
      const { client, close } = await env.connect({ era })
      const out = ok(await client.callTool({ name: 'D365_Sales_InvokeLeadSummary', arguments: { leadId: olive } }))
      const facts = Object.entries(out.facts as Record<string, string[]>)
      for (const [, sources] of facts) {
        expect(sources.length).toBeGreaterThan(0)
        for (const s of sources) expect(s).toMatch(refPattern)
      }
      const text = Object.keys(out.facts).join('\n')
      expect(text).toContain('[who] Sofia Marin, Managing Director at Verdelia Olive Oil Co.')
      expect(text).toContain('[role] Marked as a decision maker')
      expect(text).toContain('Contact role: Decision Maker')
      expect(text).toMatch(/\[history\] 1 won opportunity/)
      expect(text).toMatch(/\[history\] 1 order placed \(USD 48,000\)/)
      expect(text).toContain('Metal packaging for cold-pressed olive oil')
      const untrusted = Object.values(out.untrustedContent as Record<string, string>).join('\n')
      expect(untrusted).toContain('sustainable packaging')
      expect(untrusted).toContain('olive oil')
      expect(Object.keys(out.untrustedContent).every((k) => /^[a-z]+:[0-9a-f-]{36}\/\w+$/.test(k))).toBe(true)
      expect(out.sources).toContain(`lead:${olive}`)
      expect(out.summary).toContain('Sofia Marin')
      await close()
    })

    it('get_lead_qualification_assessment scores every ICP criterion with evidence', async () => {
      const { client, close } = await env.connect({ era })
      const out = ok(await client.callTool({ name: 'get_lead_qualification_assessment', arguments: { LeadId: olive } }))
      expect(out.criteria).toHaveLength(7)
      expect(out).toMatchObject({ score: 100, maxScore: 100, fit: 'strong' })
      const industry = out.criteria.find((c: { rule: string }) => c.rule.startsWith('Target industry'))
      expect(industry).toMatchObject({ outcome: 'met', weight: 25, value: 'Food and Tobacco Processing' })
      expect(industry.rule).toContain('Food and Tobacco Processing')
      expect(industry.evidence[0]).toBe(`lead:${olive}`)
      expect(industry.evidence[1]).toMatch(/^bizmcp_idealcustomerprofile:/)

      const thin = await newLead(env.client, { lastname: 'Thin', address1_country: 'Atlantis', numberofemployees: 12 })
      const weak = ok(await client.callTool({ name: 'get_lead_qualification_assessment', arguments: { LeadId: thin } }))
      expect(weak.fit).toBe('weak')
      const outcomes = Object.fromEntries(
        weak.criteria.map((c: { rule: string; outcome: string }) => [c.rule.split(':')[0], c.outcome]),
      )
      expect(outcomes).toMatchObject({ Geography: 'unmet', 'Company size': 'unmet', Budget: 'unknown' })
      expect(weak.notFound.join(' ')).toContain('budgetamount')
      await close()
    })

    it('get_account_research, get_lead_research and get_engage_summary', async () => {
      const { client, close } = await env.connect({ era })
      const account = ok(await client.callTool({ name: 'get_account_research', arguments: { msdyn_LeadId: olive } }))
      expect(account.account).toMatch(/^account:/)
      const accountText = Object.keys(account.facts).join('\n')
      expect(accountText).toContain('[profile] Verdelia Olive Oil Co.: Food and Tobacco Processing; 420 employees')
      expect(accountText).toContain('[contacts] Sofia Marin, Managing Director — Decision Maker')
      expect(account.notFound.join(' ')).toContain('No parent or child accounts')

      const research = ok(await client.callTool({ name: 'get_lead_research', arguments: { msdyn_LeadId: olive } }))
      expect(Object.keys(research.facts).join('\n')).toContain(`Reach: sofia.marin@verdelia-oliveoil.com`)

      const engage = ok(await client.callTool({ name: 'get_engage_summary', arguments: { msdyn_LeadId: olive } }))
      expect(engage.responded).toBe(false)
      expect(engage.notFound.join(' ')).toContain('No completed emails')

      const fresh = await newLead(env.client, { lastname: 'Fresh', companyname: 'Nowhere Known Inc' })
      const none = ok(await client.callTool({ name: 'get_account_research', arguments: { msdyn_LeadId: fresh } }))
      expect(none.account).toBeUndefined()
      expect(none.notFound.join(' ')).toContain("No account for 'Nowhere Known Inc'")
      await close()
    })

    it('get_competitor_research lists competitors from the account’s closed deals', async () => {
      const { client, close } = await env.connect({ era })
      const out = ok(await client.callTool({ name: 'get_competitor_research', arguments: { msdyn_LeadId: rival } }))
      const facts = Object.entries(out.facts as Record<string, string[]>)
      expect(facts.length).toBeGreaterThan(0)
      for (const [, sources] of facts) expect(sources[0]).toMatch(/^competitor:/)
      expect(Object.keys(out.untrustedContent).some((k) => k.endsWith('/strengths'))).toBe(true)
      const olives = ok(await client.callTool({ name: 'get_competitor_research', arguments: { msdyn_LeadId: olive } }))
      expect(olives.notFound.join(' ')).toContain('No competitor is recorded')
      await close()
    })

    it('reports an unknown lead', async () => {
      const { client, close } = await env.connect({ era })
      const err = errorBody(
        await client.callTool({
          name: 'get_lead_research',
          arguments: { msdyn_LeadId: '11111111-2222-3333-4444-555555555555' },
        }),
      )
      expect(err.code).toBe('NotFound')
      await close()
    })
  })
}
