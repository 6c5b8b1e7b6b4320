// enrich_case through MCP: predictions grounded in the email and similar resolved cases, only empty
// fields written unless overwrite, dry runs change nothing, unknown ids are NotFound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
let contact: { id: string; email: string; account: string }
let otherAccount: string
let vx200: string
beforeAll(async () => {
  env = await startEnv()
  const c = (
    await env.client.query('contacts', {
      select: ['contactid', 'emailaddress1', '_parentcustomerid_value'],
      filter: 'emailaddress1 ne null and _parentcustomerid_value ne null and statecode eq 0',
      orderby: 'fullname asc',
      top: 1,
    })
  ).rows[0]!
  contact = { id: String(c.contactid), email: String(c.emailaddress1), account: String(c._parentcustomerid_value) }
  otherAccount = String(
    (
      await env.client.query('accounts', {
        select: ['accountid'],
        filter: `accountid ne ${contact.account}`,
        orderby: 'name asc',
        top: 1,
      })
    ).rows[0]?.accountid,
  )
  vx200 = String(
    (await env.client.query('products', { select: ['productid'], filter: "productnumber eq 'CRV-VX200'" })).rows[0]
      ?.productid,
  )
})
afterAll(() => env.close())

type Prediction = {
  field: string
  value: string
  label?: string
  confidence: number
  outcome: string
  why: string
  sources?: string[]
}

/** A case as automatic record creation leaves it: a title, a customer the user picked, a Low priority the user set. */
async function newCaseFromEmail(tag: string) {
  const caseId = await env.client.create('incidents', {
    title: `Email from ${contact.email} ${tag}`,
    'customerid_account@odata.bind': `/accounts(${otherAccount})`,
    prioritycode: 3,
  })
  const emailId = await env.client.create('emails', {
    subject: 'URGENT: VX-200 Wireless Vibration Sensor batteries draining within months',
    description: `Hello,\n\nThe battery level of our VX-200 Wireless Vibration Sensor units dropped to 30% after four months, the datasheet promises five years of battery life. The reporting interval is set to five minutes with waveform capture. Please help urgently.\n\nThanks,\nRobin`,
    directioncode: false,
    sender: contact.email,
    torecipients: 'support@corvane.com',
    'regardingobjectid_incident_email@odata.bind': `/incidents(${caseId})`,
  })
  return { caseId, emailId }
}

const readCase = (id: string) =>
  env.client.retrieve('incidents', id, {
    select: [
      'title',
      'prioritycode',
      'casetypecode',
      '_productid_value',
      '_customerid_value',
      '_primarycontactid_value',
    ],
  })

for (const era of ERAS) {
  describe(`enrich_case (${era})`, () => {
    it('predicts from the email and similar resolved cases, and fills only the empty fields', async () => {
      const { caseId, emailId } = await newCaseFromEmail(era)
      const { client, close } = await env.connect({ era })
      const out = ok<{ predictions: Prediction[] }>(
        await client.callTool({ name: 'enrich_case', arguments: { caseId, activityId: emailId } }),
      )
      const by = Object.fromEntries(out.predictions.map((p) => [p.field, p]))
      expect(by.productid).toMatchObject({ value: vx200, outcome: 'set' })
      expect(by.productid?.confidence).toBeGreaterThanOrEqual(0.85)
      expect(by.productid?.sources?.every((s) => s.startsWith('incident:'))).toBe(true)
      expect(by.casetypecode).toMatchObject({ value: '2', label: 'Problem', outcome: 'set' })
      expect(by.casetypecode?.sources?.length).toBeGreaterThan(0)
      expect(by.primarycontactid).toMatchObject({ value: contact.id, outcome: 'set', sources: [`email:${emailId}`] })
      // fields the user set are kept
      expect(by.customerid).toMatchObject({ value: contact.account, outcome: 'kept existing value' })
      expect(by.prioritycode).toMatchObject({ value: '1', outcome: 'kept existing value' })
      expect(by.prioritycode?.why).toContain('urgent')
      expect(by.title?.outcome).toBe('kept existing value')
      expect(by.category?.sources?.[0]).toMatch(/^knowledgearticle:/)
      expect(by.category?.outcome).toBe('not a case column')
      const row = await readCase(caseId)
      expect(row).toMatchObject({
        _productid_value: vx200,
        casetypecode: 2,
        _primarycontactid_value: contact.id,
        _customerid_value: otherAccount,
        prioritycode: 3,
        title: `Email from ${contact.email} ${era}`,
      })
      await close()
    })

    it('dry run changes nothing; overwrite replaces fields the user set', async () => {
      const { caseId, emailId } = await newCaseFromEmail(`${era} overwrite`)
      const { client, close } = await env.connect({ era })
      const before = await readCase(caseId)
      const dry = ok<{ predictions: Prediction[] }>(
        await client.callTool({ name: 'enrich_case', arguments: { caseId, activityId: emailId, dryRun: true } }),
      )
      expect(dry.predictions.some((p) => p.outcome === 'dry run')).toBe(true)
      expect(dry.predictions.every((p) => p.outcome !== 'set')).toBe(true)
      expect(await readCase(caseId)).toEqual(before)

      const out = ok<{ predictions: Prediction[] }>(
        await client.callTool({ name: 'enrich_case', arguments: { caseId, activityId: emailId, overwrite: true } }),
      )
      const by = Object.fromEntries(out.predictions.map((p) => [p.field, p]))
      expect(by.customerid?.outcome).toBe('set')
      expect(by.prioritycode?.outcome).toBe('set')
      const row = await readCase(caseId)
      expect(row).toMatchObject({
        _customerid_value: contact.account,
        prioritycode: 1,
        title: 'URGENT: VX-200 Wireless Vibration Sensor batteries draining within months',
      })
      await close()
    })

    it('refuses unknown and malformed ids', async () => {
      const { client, close } = await env.connect({ era })
      const missing = errorBody(
        await client.callTool({ name: 'enrich_case', arguments: { caseId: '00000000-0000-4000-8000-00000000beef' } }),
      )
      expect(missing.code).toBe('NotFound')
      expect(missing.fix).toContain('list_cases')
      const bad = errorBody(await client.callTool({ name: 'enrich_case', arguments: { caseId: 'CAS-1' } }))
      expect(bad.code).toBe('InvalidInput')
      const { caseId } = await newCaseFromEmail(`${era} bad activity`)
      const noActivity = errorBody(
        await client.callTool({
          name: 'enrich_case',
          arguments: { caseId, activityId: '00000000-0000-4000-8000-00000000beef' },
        }),
      )
      expect(noActivity.code).toBe('NotFound')
      await close()
    })
  })
}
