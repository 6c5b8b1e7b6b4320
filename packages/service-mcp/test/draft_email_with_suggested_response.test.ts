// draft_email_with_suggested_response through MCP: a draft on the case to its contact, sharing the
// grounded fix or asking questions; phrased by the client's model where it offers sampling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, myOpenCaseWithEmail, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
let target: Awaited<ReturnType<typeof myOpenCaseWithEmail>>
let contactEmail: string
beforeAll(async () => {
  env = await startEnv()
  target = await myOpenCaseWithEmail(env.client, env.userId)
  const contact = await env.client.retrieve('contacts', String(target.incident._primarycontactid_value), {
    select: ['emailaddress1'],
  })
  contactEmail = String(contact.emailaddress1)
})
afterAll(() => env.close())

type Draft = {
  id: string
  subject: string
  to: string
  mode: string
  confidence: number
  sources: string[]
  untrustedBody: string
}

const readEmail = (id: string) =>
  env.client.retrieve('emails', id, {
    select: [
      'subject',
      'description',
      'statecode',
      'statuscode',
      'directioncode',
      'torecipients',
      '_regardingobjectid_value',
    ],
  })

for (const era of ERAS) {
  describe(`draft_email_with_suggested_response (${era})`, () => {
    it('creates a draft on the case to its contact that shares the best-matching article steps', async () => {
      const { client, close } = await env.connect({ era })
      const out = ok<Draft>(
        await client.callTool({
          name: 'draft_email_with_suggested_response',
          arguments: { caseId: target.caseId, activityId: target.emailId },
        }),
      )
      expect(out.mode).toBe('solution')
      expect(out.confidence).toBeGreaterThanOrEqual(0.5)
      expect(out.to).toBe(contactEmail)
      expect(out.subject).toContain(String(target.incident.ticketnumber))
      const article = out.sources.find((s) => s.startsWith('knowledgearticle:'))!.slice('knowledgearticle:'.length)
      const kb = await env.client.retrieve('knowledgearticles', article, { select: ['articlepublicnumber'] })
      expect(out.untrustedBody).toContain(String(kb.articlepublicnumber))
      expect(out.untrustedBody).toMatch(/\n1\. /)
      expect(await readEmail(out.id)).toMatchObject({
        statecode: 0,
        statuscode: 1,
        directioncode: true,
        torecipients: contactEmail,
        _regardingobjectid_value: target.caseId,
        description: out.untrustedBody,
        subject: out.subject,
      })
      await close()
    })

    it('asks the questions agents asked on similar cases when told to', async () => {
      const { client, close } = await env.connect({ era })
      const out = ok<Draft>(
        await client.callTool({
          name: 'draft_email_with_suggested_response',
          arguments: { caseId: target.caseId, mode: 'questions' },
        }),
      )
      expect(out.mode).toBe('questions')
      expect(out.untrustedBody).toMatch(/\n- .+\?/)
      expect(out.sources.some((s) => s.startsWith('email:'))).toBe(true)
      await close()
    })

    it('asks general questions when nothing in the history matches (low confidence)', async () => {
      const contact = (
        await env.client.query('contacts', {
          select: ['contactid', '_parentcustomerid_value'],
          filter: 'emailaddress1 ne null and _parentcustomerid_value ne null',
          top: 1,
        })
      ).rows[0]!
      const caseId = await env.client.create('incidents', {
        title: `Zorblax quuxification ${era}`,
        description: 'Frobnicated wibbles everywhere.',
        'customerid_account@odata.bind': `/accounts(${contact._parentcustomerid_value})`,
        'primarycontactid@odata.bind': `/contacts(${contact.contactid})`,
      })
      const { client, close } = await env.connect({ era })
      const out = ok<Draft>(
        await client.callTool({ name: 'draft_email_with_suggested_response', arguments: { caseId } }),
      )
      expect(out.mode).toBe('questions')
      expect(out.sources).toEqual([])
      expect(out.untrustedBody).toContain('Which product and model is affected')
      const error = errorBody(
        await client.callTool({ name: 'draft_email_with_suggested_response', arguments: { caseId, mode: 'solution' } }),
      )
      expect(error.code).toBe('NotFound')
      expect(error.fix).toContain("mode: 'questions'")
      await close()
    })

    it('refuses a case without a contact to write to, and an unknown case', async () => {
      const account = (await env.client.query('accounts', { select: ['accountid'], top: 1 })).rows[0]!.accountid
      const caseId = await env.client.create('incidents', {
        title: `No contact ${era}`,
        'customerid_account@odata.bind': `/accounts(${account})`,
      })
      const { client, close } = await env.connect({ era })
      const error = errorBody(
        await client.callTool({ name: 'draft_email_with_suggested_response', arguments: { caseId } }),
      )
      expect(error.code).toBe('InvalidInput')
      expect(error.fix).toContain('primarycontactid')
      const drafts = await env.client.query('emails', {
        select: ['activityid'],
        filter: `_regardingobjectid_value eq ${caseId}`,
      })
      expect(drafts.rows).toHaveLength(0)
      const missing = errorBody(
        await client.callTool({
          name: 'draft_email_with_suggested_response',
          arguments: { caseId: '00000000-0000-4000-8000-00000000beef' },
        }),
      )
      expect(missing.code).toBe('NotFound')
      await close()
    })
  })
}

describe('draft_email_with_suggested_response with sampling (2025 era)', () => {
  it("lets the client's model phrase the draft from the grounded facts", async () => {
    const prompts: string[] = []
    const { client, close } = await env.connect({
      era: 'legacy',
      onSample: async (request) => {
        prompts.push(String(request.messages[0]?.content.text))
        return 'Dear customer, please follow the steps from our article. Kind regards.'
      },
    })
    const out = ok<Draft>(
      await client.callTool({ name: 'draft_email_with_suggested_response', arguments: { caseId: target.caseId } }),
    )
    expect(prompts[0]).toContain('<draft>')
    expect(prompts[0]).toContain(String(target.incident.ticketnumber))
    expect(out.untrustedBody).toBe('Dear customer, please follow the steps from our article. Kind regards.')
    expect((await readEmail(out.id)).description).toBe(out.untrustedBody)
    await close()
  })
})
