// Bulk lead creation (sObject Collections), composite and batch requests, and lead conversion
// (SOAP convertLead) with consent, both eras.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptConsent, declineConsent, ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

const count = async (soql: string) => (await env.client.query(soql)).totalSize

for (const era of ERAS) {
  describe(`bulk tools (${era})`, () => {
    it('creates leads from an array in 200-record chunks and reports each failure by index', async () => {
      const { client, close } = await env.connect({ era })
      const tag = `Bulk ${era}`
      const leads = Array.from({ length: 230 }, (_, i) => ({ LastName: `L${i}`, Company: tag }))
      leads[201] = { LastName: 'No company' } as never
      const created = ok(await client.callTool({ name: 'createLead', arguments: { lead: leads } }))
      expect(created.ids).toHaveLength(229)
      expect(created.failed).toEqual([
        expect.objectContaining({ index: 201, errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Company'] }),
      ])
      expect(await count(`SELECT Id FROM Lead WHERE Company = '${tag}'`)).toBe(229)
      const atomic = ok(
        await client.callTool({
          name: 'createLead',
          arguments: { lead: [{ LastName: 'A', Company: `${tag} atomic` }, { LastName: 'B' }], allOrNone: true },
        }),
      )
      expect(atomic.ids).toEqual([])
      expect(atomic.failed).toHaveLength(2)
      expect(await count(`SELECT Id FROM Lead WHERE Company = '${tag} atomic'`)).toBe(0)
      await close()
    })

    it('runs a composite request with references, and rolls back all of it with allOrNone', async () => {
      const { client, close } = await env.connect({ era, onElicit: acceptConsent })
      const name = `Composite ${era}`
      const done = ok(
        await client.callTool({
          name: 'executeComposite',
          arguments: {
            operations: [
              { method: 'POST', url: 'sobjects/Account', referenceId: 'acct', body: { Name: name } },
              {
                method: 'POST',
                url: 'sobjects/Contact',
                referenceId: 'ct',
                body: { LastName: 'Ref', AccountId: '@{acct.id}' },
              },
              { method: 'GET', url: 'sobjects/Account/@{acct.id}?fields=Name', referenceId: 'read' },
            ],
          },
        }),
      )
      expect(done.results.map((r: { outcome: string }) => r.outcome)).toEqual(['applied', 'applied', 'read'])
      expect(done.summary).toMatch(/^Applied 2 of 2 writes; 1 reads succeeded\.$/)
      expect(done.results[2].body).toMatchObject({ Name: name })
      const rolled = ok(
        await client.callTool({
          name: 'executeComposite',
          arguments: {
            allOrNone: true,
            operations: [
              {
                method: 'POST',
                url: '/services/data/v62.0/sobjects/Account',
                referenceId: 'a',
                body: { Name: `${name} rollback` },
              },
              { method: 'POST', url: 'sobjects/Contact', referenceId: 'bad', body: { FirstName: 'No last name' } },
            ],
          },
        }),
      )
      expect(rolled.summary).toMatch(/^Nothing was applied: allOrNone rolled back all 2 operations/)
      expect(rolled.results.map((r: { outcome: string }) => r.outcome)).toEqual(['rolledBack', 'failed'])
      expect(await count(`SELECT Id FROM Account WHERE Name = '${name} rollback'`)).toBe(0)
      const tooMany = errorBody(
        await client.callTool({
          name: 'executeComposite',
          arguments: {
            operations: Array.from({ length: 26 }, (_, i) => ({ method: 'GET', url: 'limits', referenceId: `r${i}` })),
          },
        }),
      )
      expect(tooMany.code).toBe('InvalidInput')
      await close()
    })

    it('runs independent batch operations, says which failed, and halts on error when asked', async () => {
      const { client, close } = await env.connect({ era, onElicit: acceptConsent })
      const { ids } = ok(
        await client.callTool({
          name: 'createLead',
          arguments: {
            lead: [
              { LastName: 'B1', Company: 'Batch' },
              { LastName: 'B2', Company: 'Batch' },
            ],
          },
        }),
      )
      const batch = ok(
        await client.callTool({
          name: 'executeBatch',
          arguments: {
            operations: [
              { method: 'PATCH', url: `sobjects/Lead/${ids[0]}`, body: { Rating: 'Hot' } },
              { method: 'PATCH', url: `sobjects/Lead/${ids[1]}`, body: { Status: 'Not a status' } },
              { method: 'GET', url: `sobjects/Lead/${ids[0]}?fields=Rating` },
            ],
          },
        }),
      )
      expect(batch.results.map((r: { outcome: string }) => r.outcome)).toEqual(['applied', 'failed', 'read'])
      expect(batch.summary).toContain('Applied 1 of 2 writes')
      expect(batch.summary).toContain('1 failed and changed nothing')
      expect(batch.results[1].errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST')
      const halted = ok(
        await client.callTool({
          name: 'executeBatch',
          arguments: {
            haltOnError: true,
            operations: [
              { method: 'PATCH', url: `sobjects/Lead/${ids[1]}`, body: { Status: 'Not a status' } },
              { method: 'PATCH', url: `sobjects/Lead/${ids[1]}`, body: { Rating: 'Cold' } },
            ],
          },
        }),
      )
      expect(halted.results.map((r: { outcome: string }) => r.outcome)).toEqual(['failed', 'notRun'])
      expect(halted.summary).toContain('1 not run')
      expect(await count(`SELECT Id FROM Lead WHERE Id = '${ids[1]}' AND Rating = 'Cold'`)).toBe(0)
      await close()
    })

    it('changes nothing when the user declines consent', async () => {
      const { client, close } = await env.connect({ era, onElicit: declineConsent })
      const { ids } = ok(
        await client.callTool({
          name: 'createLead',
          arguments: { lead: { LastName: 'Decline', Company: `Declined ${era}` } },
        }),
      )
      const batch = errorBody(
        await client.callTool({
          name: 'executeBatch',
          arguments: { operations: [{ method: 'DELETE', url: `sobjects/Lead/${ids[0]}` }] },
        }),
      )
      expect(batch.code).toBe('ConsentDeclined')
      const convert = errorBody(await client.callTool({ name: 'convertLead', arguments: { leadId: ids[0] } }))
      expect(convert.code).toBe('ConsentDeclined')
      expect(await count(`SELECT Id FROM Lead WHERE Id = '${ids[0]}' AND IsConverted = false`)).toBe(1)
      await close()
    })

    it('checks a lead’s readiness, then converts it into an account, contact and opportunity', async () => {
      const { client, close } = await env.connect({ era, onElicit: acceptConsent })
      const company = `Convert Co ${era}`
      const { ids } = ok(
        await client.callTool({
          name: 'createLead',
          arguments: { lead: { FirstName: 'Grace', LastName: 'Hopper', Company: company } },
        }),
      )
      const check = ok(await client.callTool({ name: 'convertLead', arguments: { leadId: ids[0], checkOnly: true } }))
      expect(check).toMatchObject({
        ready: true,
        issues: [],
        plan: {
          convertedStatus: 'Closed - Converted',
          account: { action: 'create', name: company },
          opportunity: { action: 'create' },
        },
      })
      expect(check.converted).toBeUndefined()
      expect(await count(`SELECT Id FROM Lead WHERE Id = '${ids[0]}' AND IsConverted = false`)).toBe(1)
      const badStatus = errorBody(
        await client.callTool({
          name: 'convertLead',
          arguments: { leadId: ids[0], convertedStatus: 'Open - Not Contacted' },
        }),
      )
      expect(badStatus.code).toBe('NotReady')
      expect(badStatus.message).toContain('Closed - Converted')
      const done = ok(
        await client.callTool({
          name: 'convertLead',
          arguments: { leadId: ids[0], opportunityName: `${company} deal` },
        }),
      )
      expect(done.converted).toMatchObject({
        accountId: expect.stringMatching(/^001/),
        contactId: expect.stringMatching(/^003/),
        opportunityId: expect.stringMatching(/^006/),
      })
      const lead = ok(
        await client.callTool({
          name: 'getLead',
          arguments: { id: ids[0], fields: ['IsConverted', 'ConvertedAccountId'] },
        }),
      )
      expect(lead.record).toMatchObject({ IsConverted: true, ConvertedAccountId: done.converted.accountId })
      const again = errorBody(await client.callTool({ name: 'convertLead', arguments: { leadId: ids[0] } }))
      expect(again.code).toBe('NotReady')
      expect(again.message).toContain('already converted')
      // a second lead from the same company attaches to the account the first one created
      const { ids: second } = ok(
        await client.callTool({ name: 'createLead', arguments: { lead: { LastName: 'Two', Company: company } } }),
      )
      const plan = ok(
        await client.callTool({
          name: 'convertLead',
          arguments: { leadId: second[0], checkOnly: true, createOpportunity: false },
        }),
      )
      expect(plan.plan.account).toEqual({ action: 'existing', id: done.converted.accountId, name: company })
      const attached = ok(
        await client.callTool({ name: 'convertLead', arguments: { leadId: second[0], createOpportunity: false } }),
      )
      expect(attached.converted.accountId).toBe(done.converted.accountId)
      expect(attached.converted.opportunityId).toBeUndefined()
      const missing = errorBody(
        await client.callTool({ name: 'convertLead', arguments: { leadId: '00Q8d0000009ZZZAAA' } }),
      )
      expect(missing.code).toBe('NotFound')
      await close()
    })
  })
}
