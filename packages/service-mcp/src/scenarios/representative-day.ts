// A service representative's day: list my open cases, pick one that came in by email, enrich it
// from that email, get suggestions, draft and send a reply, resolve the case — and check through
// the Dataverse tools that the records changed as expected. The read-only steps (my cases, the
// email that opened one, the suggestions) run on any org.
import { defineScenario, type StepContext } from '@bizmcp/core/testing'

export interface RepresentativeDayState {
  cases?: Array<{ id: string; number: string }>
  caseId?: string
  emailId?: string
  /** the case's product and type before enrichment */
  original?: { productid: unknown; casetypecode: unknown }
  draft?: { id: string; to: string; sources: string[] }
}

type Ctx = StepContext<RepresentativeDayState>

const one = async (ctx: Ctx, query: string) =>
  (await ctx.call<{ rows: Array<Record<string, unknown>> }>('read_query', { query })).rows[0]

export const representativeDay = defineScenario<RepresentativeDayState>({
  name: 'service/representative-day',
  description: "A service representative's day: list, enrich, suggest, reply, send and resolve a case",
  products: ['service', 'dataverse'],
  steps: [
    {
      name: 'list my open cases',
      readOnly: true,
      tools: ['list_cases'],
      async run({ call, state, mode, assert, skip }: Ctx) {
        const mine = await call('list_cases', { mine: true })
        if (mode === 'full') assert.ok(mine.cases.length > 1, 'the signed-in user has open cases')
        if (mine.cases.length === 0) skip('no open cases are assigned to the signed-in user')
        state.cases = mine.cases
      },
    },
    {
      name: 'pick one that came in by email',
      readOnly: true,
      tools: ['read_query'],
      async run(ctx: Ctx) {
        const { state, mode, assert, note, skip } = ctx
        for (const c of state.cases ?? []) {
          const email = await one(
            ctx,
            `SELECT e.activityid FROM email e JOIN incident i ON e.regardingobjectid = i.incidentid WHERE i.incidentid = '${c.id}' AND e.directioncode = 0 AND i.primarycontactid IS NOT NULL`,
          )
          if (email) {
            state.caseId = c.id
            state.emailId = String(email.activityid)
            note(`case ${c.number}`)
            break
          }
        }
        if (mode === 'full') assert.ok(state.caseId, 'one of my cases came in by email from its contact')
        if (!state.caseId) skip('none of my open cases has an incoming email from its contact')
        const original = await one(
          ctx,
          `SELECT productid, casetypecode FROM incident WHERE incidentid = '${state.caseId}'`,
        )
        state.original = { productid: original?.productid, casetypecode: original?.casetypecode }
      },
    },
    {
      name: 'clear its case type, as email-to-case leaves it',
      tools: ['update_record'],
      async run({ call, state }: Ctx) {
        // update_record cannot clear lookups, so the product stays and must be predicted as it is
        await call('update_record', { table: 'incident', id: state.caseId, values: { casetypecode: null } })
      },
    },
    {
      name: 'enrich the case from its email',
      tools: ['enrich_case', 'read_query'],
      async run(ctx: Ctx) {
        const { call, state, assert } = ctx
        const enriched = await call('enrich_case', { caseId: state.caseId, activityId: state.emailId })
        const by = Object.fromEntries(
          (enriched.predictions as Array<{ field: string; value: string; outcome: string }>).map((p) => [p.field, p]),
        )
        assert.equal(
          { value: by.productid?.value, outcome: by.productid?.outcome },
          { value: state.original?.productid, outcome: 'already set to this value' },
          'the product is predicted as it is',
        )
        assert.equal(
          { value: by.casetypecode?.value, outcome: by.casetypecode?.outcome },
          { value: String(state.original?.casetypecode), outcome: 'set' },
          'the case type is predicted and set',
        )
        const after = await one(
          ctx,
          `SELECT productid, casetypecode FROM incident WHERE incidentid = '${state.caseId}'`,
        )
        assert.equal(after, state.original, 'the case has its product and type again')
      },
    },
    {
      name: 'get suggestions to resolve it',
      readOnly: true,
      tools: ['get_next_suggestion_on_case'],
      async run({ call, state, mode, assert }: Ctx) {
        const next = await call('get_next_suggestion_on_case', { caseId: state.caseId, activityId: state.emailId })
        const suggestions = next.suggestions as Array<{ kind: string; confidence: number; sources: string[] }>
        for (const s of suggestions)
          assert.ok(
            s.confidence >= 0 && s.confidence <= 1 && Array.isArray(s.sources),
            'suggestions are graded and cited',
          )
        if (mode === 'full') {
          assert.includes(['resolution', 'article'], suggestions[0]?.kind, 'the best suggestion is a known fix')
          assert.ok((suggestions[0]?.confidence ?? 0) >= 0.5, 'the best suggestion is confident')
        }
      },
    },
    {
      name: 'draft a reply with the resolution, and send it',
      tools: ['draft_email_with_suggested_response', 'send_email', 'read_query'],
      async run(ctx: Ctx) {
        const { call, state, assert } = ctx
        const draft = await call('draft_email_with_suggested_response', {
          caseId: state.caseId,
          activityId: state.emailId,
        })
        assert.equal(draft.mode, 'solution', 'the draft proposes the solution')
        state.draft = draft as RepresentativeDayState['draft']
        const sent = await call('send_email', { emailId: draft.id })
        assert.equal(sent.status, 'Sent', 'the reply is sent')
        const email = await one(
          ctx,
          `SELECT statecode, statuscode, torecipients, regardingobjectid FROM email WHERE activityid = '${draft.id}'`,
        )
        assert.equal(
          email,
          { statecode: 1, statuscode: 3, torecipients: draft.to, regardingobjectid: state.caseId },
          'the email is completed and sent, to the customer, about the case',
        )
      },
    },
    {
      name: 'resolve the case with notes',
      tools: ['resolve_incident', 'read_query', 'list_cases'],
      async run(ctx: Ctx) {
        const { call, state, assert } = ctx
        const article = state.draft?.sources.find((s) => s.startsWith('knowledgearticle:'))
        const resolved = await call('resolve_incident', {
          caseId: state.caseId,
          subject: 'Shared the fix from the knowledge base',
          description: `Sent the steps of ${article} to the customer.`,
        })
        assert.equal(resolved.status, 'Resolved / Problem Solved', 'the case is resolved')
        assert.equal(
          await one(ctx, `SELECT statecode, statuscode FROM incident WHERE incidentid = '${state.caseId}'`),
          { statecode: 1, statuscode: 5 },
          'the case is closed as problem solved',
        )
        assert.equal(
          await one(
            ctx,
            `SELECT subject, incidentid FROM incidentresolution WHERE activityid = '${resolved.resolutionId}'`,
          ),
          { subject: 'Shared the fix from the knowledge base', incidentid: state.caseId },
          'the resolution is recorded on the case',
        )
        const later = await call('list_cases', { mine: true })
        assert.ok(
          !later.cases.some((c: { id: string }) => c.id === state.caseId),
          'the case is no longer among my open cases',
        )
      },
    },
  ],
})
