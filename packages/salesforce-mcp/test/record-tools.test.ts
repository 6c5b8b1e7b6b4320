// Lead, account, contact and opportunity tools through MCP, both protocol eras, on the real path:
// MCP client → server → jsforce → loopback HTTP → Salesforce emulator → SQLite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

const MISSING_LEAD = '00Q8d0000009ZZZAAA'

for (const era of ERAS) {
  describe(`record tools (${era})`, () => {
    it('creates, reads with field selection and updates a lead', async () => {
      const { client, close } = await env.connect({ era })
      const { ids } = ok(
        await client.callTool({
          name: 'createLead',
          arguments: {
            lead: {
              FirstName: 'Ada',
              LastName: `Lovelace ${era}`,
              Company: 'Analytical Engines',
              LeadSource: 'Trade Show',
            },
          },
        }),
      )
      expect(ids).toHaveLength(1)
      const id = ids[0]
      const lead = ok(await client.callTool({ name: 'getLead', arguments: { id } }))
      expect(lead.record).toMatchObject({
        Id: id,
        Company: 'Analytical Engines',
        Status: 'Open - Not Contacted',
        IsConverted: false,
      })
      const some = ok(await client.callTool({ name: 'getLead', arguments: { id, fields: ['Company', 'Owner.Name'] } }))
      expect(Object.keys(some.record).sort()).toEqual(['Company', 'Id', 'Owner'])
      const updated = ok(
        await client.callTool({
          name: 'updateLead',
          arguments: { id, fields: { Status: 'Working - Contacted', Rating: 'Hot' } },
        }),
      )
      expect(updated.updated).toEqual(['Status', 'Rating'])
      const reread = await env.client.query(`SELECT Status, Rating FROM Lead WHERE Id = '${id}'`)
      expect(reread.records[0]).toMatchObject({ Status: 'Working - Contacted', Rating: 'Hot' })
      await close()
    })

    it('reports bad input with the org’s error and a fix', async () => {
      const { client, close } = await env.connect({ era })
      const missing = errorBody(await client.callTool({ name: 'getLead', arguments: { id: MISSING_LEAD } }))
      expect(missing.code).toBe('NotFound')
      const badField = errorBody(
        await client.callTool({ name: 'getLead', arguments: { id: MISSING_LEAD, fields: ['NoSuchField__c'] } }),
      )
      expect(badField).toMatchObject({ code: 'InvalidInput', details: { errorCode: 'INVALID_FIELD' } })
      expect(badField.message).toContain('NoSuchField__c')
      const required = errorBody(
        await client.callTool({ name: 'createLead', arguments: { lead: { FirstName: 'No' } } }),
      )
      expect(required).toMatchObject({ code: 'InvalidInput', details: { errorCode: 'REQUIRED_FIELD_MISSING' } })
      expect(required.fix).toMatch(/LastName|Company/)
      const picklist = errorBody(
        await client.callTool({ name: 'updateLead', arguments: { id: MISSING_LEAD, fields: { Status: 'Bogus' } } }),
      )
      expect(['NotFound', 'InvalidInput']).toContain(picklist.code)
      const badId = errorBody(await client.callTool({ name: 'getAccount', arguments: { id: 'not-an-id' } }))
      expect(badId.code).toBe('InvalidInput')
      await close()
    })

    it('creates an account with addresses and hierarchy, reads its relationships, updates it', async () => {
      const { client, close } = await env.connect({ era })
      const parent = ok(
        await client.callTool({ name: 'createAccount', arguments: { fields: { Name: `Globex ${era}` } } }),
      )
      const child = ok(
        await client.callTool({
          name: 'createAccount',
          arguments: {
            fields: {
              Name: `Globex EMEA ${era}`,
              ParentId: parent.id,
              BillingCity: 'Dublin',
              BillingCountry: 'Ireland',
              ShippingCity: 'Cork',
            },
          },
        }),
      )
      const contact = ok(
        await client.callTool({
          name: 'createContact',
          arguments: {
            fields: {
              LastName: 'Simpson',
              FirstName: 'Homer',
              AccountId: parent.id,
              Title: 'Safety Inspector',
              DoNotCall: true,
            },
          },
        }),
      )
      const account = ok(await client.callTool({ name: 'getAccount', arguments: { id: parent.id } }))
      expect(account.record.Name).toBe(`Globex ${era}`)
      expect(account.related.ChildAccounts.map((a: { Id: string }) => a.Id)).toEqual([child.id])
      expect(account.related.Contacts.map((c: { Id: string }) => c.Id)).toEqual([contact.id])
      const childRead = ok(
        await client.callTool({
          name: 'getAccount',
          arguments: { id: child.id, related: false, fields: ['Parent.Name', 'BillingCity'] },
        }),
      )
      expect(childRead.record).toMatchObject({ Parent: { Name: `Globex ${era}` }, BillingCity: 'Dublin' })
      expect(childRead.related).toBeUndefined()
      ok(
        await client.callTool({
          name: 'updateAccount',
          arguments: {
            id: parent.id,
            fields: { AnnualRevenue: 5e6, NumberOfEmployees: 120, Type: 'Customer - Direct' },
          },
        }),
      )
      const updated = ok(
        await client.callTool({
          name: 'getAccount',
          arguments: { id: parent.id, fields: ['AnnualRevenue', 'NumberOfEmployees', 'Type'], related: false },
        }),
      )
      expect(updated.record).toMatchObject({ AnnualRevenue: 5e6, NumberOfEmployees: 120, Type: 'Customer - Direct' })
      await close()
    })

    it('reads a contact with its activity history and moves it to another account', async () => {
      const { client, close } = await env.connect({ era })
      const [task] = (
        await env.client.query("SELECT WhoId FROM Task WHERE WhoId != null AND Who.Type = 'Contact' LIMIT 1")
      ).records
      const contactId = String(task?.WhoId)
      const contact = ok(await client.callTool({ name: 'getContact', arguments: { id: contactId } }))
      expect(contact.record.Id).toBe(contactId)
      expect(contact.related.Tasks.length).toBeGreaterThan(0)
      expect(contact.related).toHaveProperty('Events')
      const { id: accountId } = ok(
        await client.callTool({ name: 'createAccount', arguments: { fields: { Name: `Moved To ${era}` } } }),
      )
      ok(
        await client.callTool({
          name: 'updateContact',
          arguments: { id: contactId, fields: { AccountId: accountId, HasOptedOutOfEmail: true } },
        }),
      )
      const moved = ok(
        await client.callTool({
          name: 'getContact',
          arguments: { id: contactId, fields: ['Account.Name', 'HasOptedOutOfEmail'], related: false },
        }),
      )
      expect(moved.record).toMatchObject({ Account: { Name: `Moved To ${era}` }, HasOptedOutOfEmail: true })
      await close()
    })

    it('creates an opportunity from a lead, reads products and forecast fields, and moves its stage', async () => {
      const { client, close } = await env.connect({ era })
      const { ids } = ok(
        await client.callTool({
          name: 'createLead',
          arguments: { lead: { LastName: 'Prospect', Company: `Initech ${era}`, LeadSource: 'Web' } },
        }),
      )
      const created = ok(
        await client.callTool({
          name: 'createOpportunity',
          arguments: { leadId: ids[0], fields: { StageName: 'Prospecting', CloseDate: '2026-03-31', Amount: 50000 } },
        }),
      )
      expect(created.fromLead).toMatchObject({ LeadSource: 'Web', Name: `Initech ${era}` })
      const moved = ok(
        await client.callTool({
          name: 'updateOpportunity',
          arguments: { id: created.id, fields: { StageName: 'Negotiation/Review', Probability: 90 } },
        }),
      )
      expect(moved.stage).toEqual({ from: 'Prospecting', to: 'Negotiation/Review' })
      const opp = ok(await client.callTool({ name: 'getOpportunity', arguments: { id: created.id } }))
      expect(opp.record).toMatchObject({
        StageName: 'Negotiation/Review',
        LeadSource: 'Web',
        ForecastCategoryName: 'Commit',
      })
      expect(opp.related.OpportunityLineItems).toEqual([])
      const refused = errorBody(
        await client.callTool({
          name: 'updateOpportunity',
          arguments: { id: created.id, fields: { StageName: 'Signed in blood' } },
        }),
      )
      expect(refused.code).toBe('InvalidInput')
      expect(refused.message).toContain("from 'Negotiation/Review' to 'Signed in blood'")
      expect(refused.message).toContain('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST')
      const [withProducts] = (
        await env.client.query('SELECT Id FROM Opportunity WHERE HasOpportunityLineItem = true LIMIT 1')
      ).records
      const products = ok(
        await client.callTool({ name: 'getOpportunity', arguments: { id: String(withProducts?.Id) } }),
      )
      expect(products.related.OpportunityLineItems[0]).toMatchObject({
        Product2: { Name: expect.any(String) },
        Quantity: expect.any(Number),
      })
      await close()
    })
  })
}
