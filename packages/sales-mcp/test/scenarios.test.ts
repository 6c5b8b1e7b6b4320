// The two scenarios of the Dynamics 365 Sales MCP server documentation, end to end through one MCP
// client on one standard sandbox, with the Dataverse and Sales products registered side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approve, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

const idOf = (refs: string[], table: string) => refs.find((r) => r.startsWith(`${table}:`))?.split(':')[1]

for (const era of ['legacy', 'modern'] as const) {
  describe(`scenarios (${era})`, () => {
    it('Scenario 1: event attendees → leads → summary and fit → outreach → qualify the responder → quote → order', async () => {
      const { client, close } = await env.connect({ era, onElicit: approve })
      const call = async (name: string, args: Record<string, unknown>) =>
        ok(await client.callTool({ name, arguments: args }))

      const show = await call('read_query', {
        query: "SELECT campaignid, name FROM campaign WHERE name LIKE 'Smart Plant Expo 2026%'",
      })
      const campaignId = String(show.rows[0].campaignid)
      const fit = {
        industrycode: 12,
        numberofemployees: 900,
        revenue: 240000000,
        address1_country: 'United States',
        budgetamount: 90000,
        purchasetimeframe: 1,
        decisionmaker: true,
        leadsourcecode: 7,
        campaignid: { table: 'campaign', id: campaignId },
      }
      const attendees = [
        { firstname: 'Priya', lastname: `Natarajan ${era}`, companyname: `Brightmill Metals ${era}`, ...fit },
        { firstname: 'Tom', lastname: `Okafor ${era}`, companyname: `Okafor Castings ${era}`, ...fit },
        {
          firstname: 'Lea',
          lastname: `Weiss ${era}`,
          companyname: `Weiss Design ${era}`,
          industrycode: 6,
          numberofemployees: 8,
          address1_country: 'Brazil',
          leadsourcecode: 7,
          campaignid: { table: 'campaign', id: campaignId },
        },
      ]
      // the attendee list, imported as leads with create_record (Dataverse MCP)
      for (const a of attendees) {
        const email = `${a.firstname}.${era}@${a.companyname.split(' ')[0]!.toLowerCase()}.example`.toLowerCase()
        await call('create_record', {
          table: 'lead',
          values: { ...a, emailaddress1: email, subject: `Met at Smart Plant Expo: ${a.companyname}` },
        })
      }

      // each attendee: find the lead, summarize it, assess it
      const good: string[] = []
      for (const a of attendees) {
        const found = await call('D365_Sales_ListLeads', { attribute: 'companyname', value: a.companyname })
        expect(found.leads).toHaveLength(1)
        const leadId = found.leads[0].id
        const summary = await call('D365_Sales_InvokeLeadSummary', { leadId })
        expect(Object.keys(summary.facts).join(' ')).toContain(a.companyname)
        const assessment = await call('get_lead_qualification_assessment', { LeadId: leadId })
        if (assessment.fit === 'strong') good.push(leadId)
      }
      expect(good).toHaveLength(2)

      // the good fits get an outreach email, drafted and sent (consent accepted)
      for (const leadId of good) {
        const draft = await call('D365_Sales_DraftOutreachEmail', { leadId })
        expect(draft.subject).toBe('Following up after Smart Plant Expo 2026 – Chicago')
        const sent = await call('D365_Sales_SendOutreachEmail', { leadId, emailId: draft.emailId })
        expect(sent.status).toBe('Sent')
      }

      // one of them answers
      const responder = good[0]!
      await call('create_record', {
        table: 'email',
        values: {
          subject: 'RE: Following up after Smart Plant Expo 2026 – Chicago',
          description: 'Thanks! Yes, we would like a proposal for two plants.',
          directioncode: false,
          regardingobjectid: { table: 'lead', id: responder },
        },
      })
      const engage = await call('get_engage_summary', { msdyn_LeadId: responder })
      expect(engage.responded).toBe(true)
      expect(engage.signals.join(' ')).toContain('They replied last')

      // the responder is qualified to an opportunity
      const qualified = await call('D365_Sales_QualifyLeadToOpportunity', { leadId: responder })
      const opportunityId = idOf(qualified.created, 'opportunity')!
      const accountId = idOf(qualified.created, 'account')!
      expect(opportunityId).toBeTruthy()
      expect(accountId).toBeTruthy()

      // they confirm interest: a quote, then an order, for that opportunity's customer (Dataverse MCP)
      const prices = await call('read_query', { query: 'SELECT TOP 1 pricelevelid FROM pricelevel' })
      const priceLevel = { table: 'pricelevel', id: String(prices.rows[0].pricelevelid) }
      const customer = { table: 'account', id: accountId }
      const quote = await call('create_record', {
        table: 'quote',
        values: {
          name: `Vibration monitoring – ${era}`,
          customerid: customer,
          opportunityid: { table: 'opportunity', id: opportunityId },
          pricelevelid: priceLevel,
          quotenumber: `QUO-SC1-${era}`,
        },
      })
      const order = await call('create_record', {
        table: 'salesorder',
        values: {
          name: `Order – vibration monitoring – ${era}`,
          customerid: customer,
          opportunityid: { table: 'opportunity', id: opportunityId },
          quoteid: { table: 'quote', id: quote.id },
          pricelevelid: priceLevel,
          ordernumber: `ORD-SC1-${era}`,
        },
      })
      const check = await call('read_query', {
        query: `SELECT s.name, q.name AS quotename FROM salesorder s JOIN quote q ON q.quoteid = s.quoteid WHERE s.salesorderid = '${order.id}'`,
      })
      expect(check.rows[0].quotename).toBe(`Vibration monitoring – ${era}`)
      await close()
    })

    it('Scenario 2: a web lead asks for olive-oil packaging → found, summarized, products matched, quote created', async () => {
      const { client, close } = await env.connect({ era, onElicit: approve })
      const call = async (name: string, args: Record<string, unknown>) =>
        ok(await client.callTool({ name, arguments: args }))

      const found = await call('D365_Sales_ListLeads', { text: 'olive oil', status: 'open' })
      expect(found.leads).toHaveLength(1)
      const leadId = found.leads[0].id

      const summary = await call('D365_Sales_InvokeLeadSummary', { leadId })
      const facts = Object.keys(summary.facts).join('\n')
      expect(facts).toContain('decision maker') // a decision maker
      expect(facts).toMatch(/1 order placed/) // has done business with us before
      expect(Object.values(summary.untrustedContent).join(' ')).toContain('sustainable packaging') // a preference, as data
      const accountId = summary.sources.find((s: string) => s.startsWith('account:')).split(':')[1]

      const products = await call('read_query', {
        query:
          "SELECT productid, name, price FROM product WHERE statecode = 0 AND productstructure = 1 AND (description LIKE '%olive oil%' OR name LIKE '%olive oil%') ORDER BY name",
      })
      expect(products.rows.map((r: { name: string }) => r.name)).toEqual([
        'SlimCan 250 ml Aluminium Oil Bottle',
        'SmartTin 500 ml Olive Oil Tin',
      ])

      const prices = await call('read_query', { query: 'SELECT TOP 1 pricelevelid FROM pricelevel' })
      const quote = await call('create_record', {
        table: 'quote',
        values: {
          name: `Olive-oil packaging – ${era}`,
          customerid: { table: 'account', id: accountId },
          pricelevelid: { table: 'pricelevel', id: String(prices.rows[0].pricelevelid) },
          quotenumber: `QUO-SC2-${era}`,
          description: `Proposed: ${products.rows.map((r: { name: string }) => r.name).join(', ')}`,
        },
      })
      expect(quote.table).toBe('quote')
      await close()
    })
  })
}
