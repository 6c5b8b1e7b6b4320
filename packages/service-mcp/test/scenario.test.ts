// A service representative's day through one MCP client against the combined product set
// (Dataverse + Customer Service) on one standard sandbox: list my open cases, enrich one from the
// email that opened it, get suggestions, draft and send a reply, resolve the case — and check
// that the records changed as expected.
import { dataverseModule } from '@bizmcp/dataverse-mcp'
import { type DataverseTestEnv, startDataverseEnv } from '@bizmcp/dataverse-mcp/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serviceModule } from '../src/index.js'
import { approve, ERAS, ok } from './helpers.js'

let env: DataverseTestEnv
beforeAll(async () => {
  env = await startDataverseEnv([dataverseModule.product, serviceModule.product])
})
afterAll(() => env.close())

ERAS.forEach((era, round) => {
  describe(`a service representative's day (${era})`, () => {
    it('lists, enriches, gets suggestions, drafts and sends a reply, and resolves a case', async () => {
      const client = env.client
      const { client: mcp, close } = await env.connect({ era, onElicit: approve })
      const call = async <T = Record<string, any>>(name: string, args: Record<string, unknown>) =>
        ok<T>(await mcp.callTool({ name, arguments: args }))

      // "List my open cases"
      const mine = await call<{ cases: Array<{ id: string; number: string; product?: string }> }>('list_cases', {
        mine: true,
      })
      expect(mine.cases.length).toBeGreaterThan(1)

      // the first of them (this round) that has the customer's email and a contact
      let picked: { id: string; number: string; product?: string; emailId: string } | undefined
      let skip = round
      for (const c of mine.cases) {
        const q = await call<{ rows: Array<{ activityid: string }> }>('read_query', {
          query: `SELECT e.activityid FROM email e JOIN incident i ON e.regardingobjectid = i.incidentid WHERE i.incidentid = '${c.id}' AND e.directioncode = 0 AND i.primarycontactid IS NOT NULL`,
        })
        const emailId = q.rows[0]?.activityid
        if (emailId && skip-- === 0) {
          picked = { ...c, emailId }
          break
        }
      }
      expect(picked).toBeDefined()
      const { id: caseId, emailId } = picked!
      const original = await client.retrieve('incidents', caseId, { select: ['_productid_value', 'casetypecode'] })

      // the case came in by email without a case type: clear it as automatic record creation leaves it
      // (update_record cannot clear lookups, so the product stays and must be predicted as it is)
      await call('update_record', { table: 'incident', id: caseId, values: { casetypecode: null } })

      // "Enrich this case from its email"
      const enriched = await call<{ predictions: Array<{ field: string; value: string; outcome: string }> }>(
        'enrich_case',
        { caseId, activityId: emailId },
      )
      const by = Object.fromEntries(enriched.predictions.map((p) => [p.field, p]))
      expect(by.productid).toMatchObject({ value: original._productid_value, outcome: 'already set to this value' })
      expect(by.casetypecode).toMatchObject({ value: String(original.casetypecode), outcome: 'set' })
      const after = await client.retrieve('incidents', caseId, { select: ['_productid_value', 'casetypecode'] })
      expect(after).toMatchObject({ _productid_value: original._productid_value, casetypecode: original.casetypecode })

      // "Help me resolve this case"
      const next = await call<{
        suggestions: Array<{ kind: string; confidence: number; sources: string[]; untrustedText: string }>
      }>('get_next_suggestion_on_case', { caseId, activityId: emailId })
      const best = next.suggestions[0]!
      expect(['resolution', 'article']).toContain(best.kind)
      expect(best.confidence).toBeGreaterThanOrEqual(0.5)

      // "Draft an email to this customer with a resolution" and "Send this email to the customer"
      const draft = await call<{ id: string; mode: string; to: string; sources: string[] }>(
        'draft_email_with_suggested_response',
        { caseId, activityId: emailId },
      )
      expect(draft.mode).toBe('solution')
      const sent = await call<{ status: string }>('send_email', { emailId: draft.id })
      expect(sent.status).toBe('Sent')
      const email = await client.retrieve('emails', draft.id, {
        select: ['statecode', 'statuscode', 'torecipients', '_regardingobjectid_value'],
      })
      expect(email).toMatchObject({
        statecode: 1,
        statuscode: 3,
        torecipients: draft.to,
        _regardingobjectid_value: caseId,
      })

      // "Resolve this case and add the following resolution notes"
      const resolved = await call<{ status: string; resolutionId: string }>('resolve_incident', {
        caseId,
        subject: 'Shared the fix from the knowledge base',
        description: `Sent the steps of ${draft.sources.find((s) => s.startsWith('knowledgearticle:'))} to the customer.`,
      })
      expect(resolved.status).toBe('Resolved / Problem Solved')
      expect(await client.retrieve('incidents', caseId, { select: ['statecode', 'statuscode'] })).toMatchObject({
        statecode: 1,
        statuscode: 5,
      })
      const resolution = await client.retrieve('incidentresolutions', resolved.resolutionId, {
        select: ['subject', '_incidentid_value'],
      })
      expect(resolution).toMatchObject({ subject: 'Shared the fix from the knowledge base', _incidentid_value: caseId })

      // it is no longer among my open cases
      const later = await call<{ cases: Array<{ id: string }> }>('list_cases', { mine: true })
      expect(later.cases.map((c) => c.id)).not.toContain(caseId)
      await close()
    })
  })
})
