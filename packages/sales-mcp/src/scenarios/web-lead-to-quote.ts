// Scenario 2 of the Dynamics 365 Sales MCP server documentation: a web lead asks for olive-oil
// packaging; the seller finds it, reads its summary (a decision maker who has ordered before
// and prefers sustainable packaging), matches products and creates a quote. On an org without
// the sandbox's demo lead, the read-only steps summarize the newest open lead instead.
import { defineScenario, type StepContext } from '@bizmcp/core/testing'
import { openLeads, runTag } from './support.js'

export interface WebLeadState {
  tag: string
  leadId?: string
  /** true when the sandbox's olive-oil lead was found: its facts are known */
  demo?: boolean
  accountId?: string
  products?: string[]
}

type Ctx = StepContext<WebLeadState>

export const webLeadToQuote = defineScenario<WebLeadState>({
  name: 'sales/web-lead-to-quote',
  description: 'A web lead asks for olive-oil packaging → found, summarized, products matched, quote created',
  products: ['sales', 'dataverse'],
  state: () => ({ tag: runTag() }),
  steps: [
    {
      name: 'find the web lead',
      readOnly: true,
      tools: ['D365_Sales_ListLeads'],
      async run(ctx: Ctx) {
        const { call, state, mode, assert, note } = ctx
        const found = await call('D365_Sales_ListLeads', { text: 'olive oil', status: 'open' })
        if (mode === 'full') assert.equal(found.leads.length, 1, 'one open lead mentions olive oil')
        state.demo = found.leads.length === 1
        if (state.demo) state.leadId = found.leads[0].id
        else {
          note('no olive-oil lead (sandbox demo data): summarizing the newest open lead')
          state.leadId = (await openLeads(ctx, 1))[0]
        }
      },
    },
    {
      name: 'read its summary: role, history with us, stated preferences',
      readOnly: true,
      tools: ['D365_Sales_InvokeLeadSummary'],
      async run({ call, state, assert }: Ctx) {
        const summary = await call('D365_Sales_InvokeLeadSummary', { leadId: state.leadId })
        assert.ok(Array.isArray(summary.sources) && summary.sources.length > 0, 'the summary cites its sources')
        state.accountId = summary.sources.find((s: string) => s.startsWith('account:'))?.split(':')[1]
        if (!state.demo) return
        const facts = Object.keys(summary.facts).join('\n')
        assert.match(facts, /decision maker/, 'the lead is a decision maker')
        assert.match(facts, /1 order placed/, 'the customer has ordered before')
        assert.match(
          Object.values(summary.untrustedContent).join(' '),
          /sustainable packaging/,
          'the stated preference is passed on, as data',
        )
      },
    },
    {
      name: 'match products to the request',
      readOnly: true,
      tools: ['read_query'],
      async run({ call, state, assert }: Ctx) {
        const products = await call('read_query', {
          query:
            "SELECT productid, name, price FROM product WHERE statecode = 0 AND productstructure = 1 AND (description LIKE '%olive oil%' OR name LIKE '%olive oil%') ORDER BY name",
        })
        state.products = products.rows.map((r: { name: string }) => r.name)
        if (state.demo)
          assert.equal(
            state.products,
            ['SlimCan 250 ml Aluminium Oil Bottle', 'SmartTin 500 ml Olive Oil Tin'],
            'the catalog has two olive-oil packagings',
          )
      },
    },
    {
      name: "create a quote for the lead's account",
      tools: ['read_query', 'create_record'],
      async run({ call, state, assert }: Ctx) {
        assert.ok(state.accountId, 'the summary cites the account')
        const prices = await call('read_query', { query: 'SELECT TOP 1 pricelevelid FROM pricelevel' })
        const quote = await call('create_record', {
          table: 'quote',
          values: {
            name: `Olive-oil packaging – ${state.tag}`,
            customerid: { table: 'account', id: state.accountId },
            pricelevelid: { table: 'pricelevel', id: String(prices.rows[0].pricelevelid) },
            quotenumber: `QUO-SC2-${state.tag}`,
            description: `Proposed: ${state.products?.join(', ')}`,
          },
        })
        assert.equal(quote.table, 'quote', 'a quote is created')
      },
    },
  ],
})
