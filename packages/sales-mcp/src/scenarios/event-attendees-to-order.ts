// Scenario 1 of the Dynamics 365 Sales MCP server documentation: a trade show's attendees become
// leads, each is summarized and assessed, the good fits get an outreach email, the one who
// answers is qualified to an opportunity, and a quote and an order follow. The whole flow needs
// the sandbox's demo data (the Smart Plant Expo campaign); its read-only steps summarize,
// assess and read the engagement of existing open leads on any org.
import { defineScenario, type StepContext } from '@bizmcp/core/testing'
import { openLeads, runTag } from './support.js'

export interface EventAttendeesState {
  tag: string
  campaignId?: string
  /** leads this run created, by company */
  attendees?: Array<{ company: string; id?: string }>
  /** the leads the read-only steps look at */
  leadIds?: string[]
  strong?: string[]
  /** the lead that answered the outreach */
  responder?: string
  opportunityId?: string
  accountId?: string
}

type Ctx = StepContext<EventAttendeesState>

const CAMPAIGN = 'Smart Plant Expo 2026'
const idOf = (refs: string[], table: string) => refs.find((r) => r.startsWith(`${table}:`))?.split(':')[1]

export const eventAttendeesToOrder = defineScenario<EventAttendeesState>({
  name: 'sales/event-attendees-to-order',
  description: 'Event attendees → leads → summary and fit → outreach → qualify the responder → quote → order',
  products: ['sales', 'dataverse'],
  state: () => ({ tag: runTag() }),
  steps: [
    {
      name: 'find the event campaign',
      readOnly: true,
      tools: ['read_query'],
      async run({ call, state, mode, assert, note }: Ctx) {
        const found = await call('read_query', {
          query: `SELECT campaignid, name FROM campaign WHERE name LIKE '${CAMPAIGN}%'`,
        })
        const row = found.rows[0]
        if (mode === 'full') assert.ok(row, `the ${CAMPAIGN} campaign exists (sandbox demo data)`)
        if (row) state.campaignId = String(row.campaignid)
        else note(`no ${CAMPAIGN} campaign: the read-only steps use existing open leads`)
      },
    },
    {
      name: 'import the attendee list as leads',
      tools: ['create_record'],
      async run({ call, state, assert }: Ctx) {
        assert.ok(state.campaignId, 'the campaign was found')
        const campaign = { table: 'campaign', id: state.campaignId }
        const fit = {
          industrycode: 12,
          numberofemployees: 900,
          revenue: 240000000,
          address1_country: 'United States',
          budgetamount: 90000,
          purchasetimeframe: 1,
          decisionmaker: true,
        }
        const attendees = [
          {
            firstname: 'Priya',
            lastname: `Natarajan ${state.tag}`,
            companyname: `Brightmill Metals ${state.tag}`,
            ...fit,
          },
          { firstname: 'Tom', lastname: `Okafor ${state.tag}`, companyname: `Okafor Castings ${state.tag}`, ...fit },
          {
            firstname: 'Lea',
            lastname: `Weiss ${state.tag}`,
            companyname: `Weiss Design ${state.tag}`,
            industrycode: 6,
            numberofemployees: 8,
            address1_country: 'Brazil',
          },
        ]
        for (const a of attendees) {
          const email = `${a.firstname}.${state.tag}@${a.companyname.split(' ')[0]}.example`.toLowerCase()
          await call('create_record', {
            table: 'lead',
            values: {
              ...a,
              leadsourcecode: 7,
              campaignid: campaign,
              emailaddress1: email,
              subject: `Met at ${CAMPAIGN}: ${a.companyname}`,
            },
          })
        }
        state.attendees = attendees.map((a) => ({ company: a.companyname }))
      },
    },
    {
      name: 'find, summarize and assess each attendee',
      readOnly: true,
      tools: ['D365_Sales_ListLeads', 'D365_Sales_InvokeLeadSummary', 'get_lead_qualification_assessment'],
      async run(ctx: Ctx) {
        const { call, state, assert, note } = ctx
        if (state.attendees) {
          for (const attendee of state.attendees) {
            const found = await call('D365_Sales_ListLeads', { attribute: 'companyname', value: attendee.company })
            assert.equal(found.leads.length, 1, `one lead for ${attendee.company}`)
            attendee.id = found.leads[0].id
          }
        }
        const leadIds = state.attendees?.map((a) => a.id as string) ?? (await openLeads(ctx, 3))
        state.leadIds = leadIds
        const fits: string[] = []
        for (const [index, leadId] of leadIds.entries()) {
          const summary = await call('D365_Sales_InvokeLeadSummary', { leadId })
          assert.ok(typeof summary.summary === 'string' && summary.summary.length > 0, 'the summary has text')
          assert.ok(Array.isArray(summary.sources) && summary.sources.length > 0, 'the summary cites its sources')
          const company = state.attendees?.[index]?.company
          if (company) assert.ok(Object.keys(summary.facts).join(' ').includes(company), `the summary names ${company}`)
          const assessment = await call('get_lead_qualification_assessment', { LeadId: leadId })
          assert.includes(['strong', 'moderate', 'weak', 'unknown'], assessment.fit, 'the fit is graded')
          fits.push(assessment.fit)
        }
        state.strong = leadIds.filter((_, index) => fits[index] === 'strong')
        if (state.attendees) assert.equal(state.strong.length, 2, 'the two large manufacturers are strong fits')
        note(`fits: ${fits.join(', ')}`)
      },
    },
    {
      name: 'draft and send an outreach email to the strong fits',
      tools: ['D365_Sales_DraftOutreachEmail', 'D365_Sales_SendOutreachEmail'],
      async run({ call, state, assert }: Ctx) {
        for (const leadId of state.strong ?? []) {
          const draft = await call('D365_Sales_DraftOutreachEmail', { leadId })
          assert.equal(draft.subject, `Following up after ${CAMPAIGN} – Chicago`, 'the draft refers to the event')
          const sent = await call('D365_Sales_SendOutreachEmail', { leadId, emailId: draft.emailId })
          assert.equal(sent.status, 'Sent', 'the email is sent')
        }
      },
    },
    {
      name: 'record the answer of one of them',
      tools: ['create_record'],
      async run({ call, state, assert }: Ctx) {
        const responder = state.strong?.[0]
        assert.ok(responder, 'a strong fit was contacted')
        await call('create_record', {
          table: 'email',
          values: {
            subject: `RE: Following up after ${CAMPAIGN} – Chicago`,
            description: 'Thanks! Yes, we would like a proposal for two plants.',
            directioncode: false,
            regardingobjectid: { table: 'lead', id: responder },
          },
        })
        state.responder = responder
      },
    },
    {
      name: 'read the engagement summary',
      readOnly: true,
      tools: ['D365_Sales_ListLeads', 'get_engage_summary'],
      async run(ctx: Ctx) {
        const { call, state, assert } = ctx
        const leadId = state.responder ?? state.leadIds?.[0] ?? (await openLeads(ctx, 1))[0]
        const engage = await call('get_engage_summary', { msdyn_LeadId: leadId })
        assert.ok(typeof engage.responded === 'boolean' && Array.isArray(engage.signals), 'engagement is summarized')
        if (state.responder) {
          assert.equal(engage.responded, true, 'the responder answered')
          assert.match(engage.signals.join(' '), /They replied last/, 'the signals say who spoke last')
        }
      },
    },
    {
      name: 'qualify the responder to an opportunity',
      tools: ['D365_Sales_QualifyLeadToOpportunity'],
      async run({ call, state, assert }: Ctx) {
        const qualified = await call('D365_Sales_QualifyLeadToOpportunity', { leadId: state.responder })
        state.opportunityId = idOf(qualified.created, 'opportunity')
        state.accountId = idOf(qualified.created, 'account')
        assert.ok(state.opportunityId && state.accountId, 'an opportunity and an account are created')
      },
    },
    {
      name: 'create a quote, then an order, for the new customer',
      tools: ['read_query', 'create_record'],
      async run({ call, state, assert }: Ctx) {
        const prices = await call('read_query', { query: 'SELECT TOP 1 pricelevelid FROM pricelevel' })
        const priceLevel = { table: 'pricelevel', id: String(prices.rows[0].pricelevelid) }
        const customer = { table: 'account', id: state.accountId }
        const opportunity = { table: 'opportunity', id: state.opportunityId }
        const quote = await call('create_record', {
          table: 'quote',
          values: {
            name: `Vibration monitoring – ${state.tag}`,
            customerid: customer,
            opportunityid: opportunity,
            pricelevelid: priceLevel,
            quotenumber: `QUO-SC1-${state.tag}`,
          },
        })
        const order = await call('create_record', {
          table: 'salesorder',
          values: {
            name: `Order – vibration monitoring – ${state.tag}`,
            customerid: customer,
            opportunityid: opportunity,
            quoteid: { table: 'quote', id: quote.id },
            pricelevelid: priceLevel,
            ordernumber: `ORD-SC1-${state.tag}`,
          },
        })
        const check = await call('read_query', {
          query: `SELECT s.name, q.name AS quotename FROM salesorder s JOIN quote q ON q.quoteid = s.quoteid WHERE s.salesorderid = '${order.id}'`,
        })
        assert.equal(check.rows[0]?.quotename, `Vibration monitoring – ${state.tag}`, 'the order points at the quote')
      },
    },
  ],
})
