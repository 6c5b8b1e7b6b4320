// D365_Sales_ListLeads and D365_Sales_QualifyLeadToOpportunity through MCP, both protocol eras.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  approve,
  decline,
  ERAS,
  errorBody,
  newLead,
  OLIVE_EMAIL,
  ok,
  oliveLeadId,
  startEnv,
  type TestEnv,
} from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

const MISSING = '0b6a3a43-5a0a-4c1e-9d55-000000000000'

for (const era of ERAS) {
  describe(`D365_Sales_ListLeads (${era})`, () => {
    it('finds the web lead by free text and by attribute value', async () => {
      const { client, close } = await env.connect({ era })
      const byText = ok(await client.callTool({ name: 'D365_Sales_ListLeads', arguments: { text: 'olive oil' } }))
      expect(byText.leads.map((l: { email: string }) => l.email)).toContain(OLIVE_EMAIL)
      const byAttribute = ok(
        await client.callTool({
          name: 'D365_Sales_ListLeads',
          arguments: { attribute: 'emailaddress1', value: OLIVE_EMAIL },
        }),
      )
      expect(byAttribute.leads).toHaveLength(1)
      expect(byAttribute.leads[0]).toMatchObject({ company: 'Verdelia Olive Oil Co.', rating: 'Hot' })
      expect(byAttribute.leads[0].status).toMatch(/^Open/)
      await close()
    })

    it('filters by status, rating, owner, campaign and dates, and pages with a cursor', async () => {
      const { client, close } = await env.connect({ era })
      const args = { status: 'open', rating: 'hot', owner: 'me', createdAfter: '2025-01-01', top: 5 }
      const first = ok(await client.callTool({ name: 'D365_Sales_ListLeads', arguments: args }))
      expect(first.leads).toHaveLength(5)
      for (const l of first.leads) expect(l).toMatchObject({ rating: 'Hot', status: expect.stringMatching(/^Open/) })
      expect(first.nextCursor).toBeTruthy()
      const second = ok(
        await client.callTool({ name: 'D365_Sales_ListLeads', arguments: { ...args, cursor: first.nextCursor } }),
      )
      const ids = new Set(first.leads.map((l: { id: string }) => l.id))
      for (const l of second.leads) expect(ids.has(l.id)).toBe(false)
      const show = ok(
        await client.callTool({
          name: 'D365_Sales_ListLeads',
          arguments: { campaign: 'Smart Plant Expo', status: 'Contacted', top: 3 },
        }),
      )
      expect(show.leads.length).toBeGreaterThan(0)
      for (const l of show.leads) expect(l.status).toBe('Open: Contacted')
      await close()
    })

    it('explains unknown columns, statuses and owners', async () => {
      const { client, close } = await env.connect({ era })
      const column = errorBody(
        await client.callTool({ name: 'D365_Sales_ListLeads', arguments: { attribute: 'emailadress1', value: 'x' } }),
      )
      expect(column.code).toBe('InvalidInput')
      expect(column.fix).toContain('emailaddress1')
      const status = errorBody(await client.callTool({ name: 'D365_Sales_ListLeads', arguments: { status: 'won' } }))
      expect(status.fix).toContain('Cannot Contact')
      const owner = errorBody(
        await client.callTool({ name: 'D365_Sales_ListLeads', arguments: { owner: 'Nobody Zzz' } }),
      )
      expect(owner.code).toBe('NotFound')
      await close()
    })
  })

  describe(`D365_Sales_QualifyLeadToOpportunity (${era})`, () => {
    it('changes nothing when the user declines', async () => {
      const id = await newLead(env.client, { companyname: `Declined ${era} Ltd`, lastname: `Decline ${era}` })
      const { client, close } = await env.connect({ era, onElicit: decline })
      const result = await client.callTool({ name: 'D365_Sales_QualifyLeadToOpportunity', arguments: { leadId: id } })
      expect(errorBody(result).code).toBe('ConsentDeclined')
      const lead = await env.client.retrieve('leads', id, { select: ['statecode'] })
      expect(lead.statecode).toBe(0)
      await close()
    })

    it('qualifies into account, contact and opportunity and returns their ids; a second call conflicts', async () => {
      const company = `Qualified ${era} GmbH`
      const id = await newLead(env.client, {
        companyname: company,
        firstname: 'Ada',
        lastname: `Q ${era}`,
        estimatedamount: 75000,
      })
      const { client, close } = await env.connect({ era, onElicit: approve })
      const out = ok(await client.callTool({ name: 'D365_Sales_QualifyLeadToOpportunity', arguments: { leadId: id } }))
      expect(out.status).toBe('Qualified')
      const tables = out.created.map((r: string) => r.split(':')[0])
      expect(tables.sort()).toEqual(['account', 'contact', 'opportunity'])
      const opportunityId = out.created.find((r: string) => r.startsWith('opportunity:')).split(':')[1]
      const opp = await env.client.retrieve('opportunities', opportunityId, {
        select: ['_originatingleadid_value', '_customerid_value', 'estimatedvalue'],
      })
      expect(opp._originatingleadid_value).toBe(id)
      expect(opp.estimatedvalue).toBe(75000)
      const lead = await env.client.retrieve('leads', id, { select: ['statecode', 'statuscode'] })
      expect(lead).toMatchObject({ statecode: 1, statuscode: 3 })
      const again = errorBody(
        await client.callTool({ name: 'D365_Sales_QualifyLeadToOpportunity', arguments: { leadId: id } }),
      )
      expect(again.code).toBe('Conflict')
      expect(again.message).toContain('already')
      await close()
    })

    it('qualifies for an existing customer without creating an account', async () => {
      const [account] = (await env.client.query('accounts', { select: ['accountid'], orderby: 'name asc', top: 1 }))
        .rows
      const id = await newLead(env.client, { companyname: `Existing ${era}`, lastname: `E ${era}` })
      const { client, close } = await env.connect({ era, onElicit: approve })
      const out = ok(
        await client.callTool({
          name: 'D365_Sales_QualifyLeadToOpportunity',
          arguments: {
            leadId: id,
            createAccount: false,
            createContact: false,
            customer: `account:${account!.accountid}`,
          },
        }),
      )
      expect(out.created).toHaveLength(1)
      const opp = await env.client.retrieve('opportunities', out.created[0].split(':')[1], {
        select: ['_customerid_value'],
      })
      expect(opp._customerid_value).toBe(account!.accountid)
      await close()
    })

    it('disqualifies with a status reason', async () => {
      const id = await newLead(env.client, { companyname: `Gone ${era}`, lastname: `D ${era}` })
      const { client, close } = await env.connect({ era, onElicit: approve })
      const out = ok(
        await client.callTool({
          name: 'D365_Sales_QualifyLeadToOpportunity',
          arguments: { leadId: id, disqualify: 'no longer interested' },
        }),
      )
      expect(out).toMatchObject({ status: 'Disqualified: no longer interested', created: [] })
      const lead = await env.client.retrieve('leads', id, { select: ['statecode', 'statuscode'] })
      expect(lead).toMatchObject({ statecode: 2, statuscode: 6 })
      await close()
    })

    it('reports unknown and malformed lead ids', async () => {
      const { client, close } = await env.connect({ era, onElicit: approve })
      const missing = errorBody(
        await client.callTool({ name: 'D365_Sales_QualifyLeadToOpportunity', arguments: { leadId: MISSING } }),
      )
      expect(missing.code).toBe('NotFound')
      expect(missing.fix).toContain('D365_Sales_ListLeads')
      const bad = errorBody(
        await client.callTool({ name: 'D365_Sales_QualifyLeadToOpportunity', arguments: { leadId: 'lead-42' } }),
      )
      expect(bad.code).toBe('InvalidInput')
      await close()
    })
  })
}

it('keeps the olive-oil lead open across the suite', async () => {
  const lead = await env.client.retrieve('leads', await oliveLeadId(env.client), { select: ['statecode'] })
  expect(lead.statecode).toBe(0)
})
