// A finance clerk's day in finance & operations, end to end through the MCP tools: who and where
// am I, vendor balances by SQL, the vendor aging report run through its form (the PDF comes back
// as a file, and its CSV twin agrees with the open transactions read through OData), a large
// query returned as a resource and refused inline, a sales order created and changed through the
// data tools, and the aging PDF attached to a vendor invoice with the duplicate refused.
// The read-only steps use standard entities and menu items, so they run against any environment;
// the whole flow needs the sandbox's demo data (its VendorTransactions entity and report forms).
import { defineScenario, type StepContext } from '@bizmcp/core/testing'

export interface FinanceDayState {
  /** unique per run, so that repeated runs never collide on names */
  run: string
  company?: string
  /** open vendor amounts by vendor account, from the transactions */
  openByVendor?: Map<string, number>
  report?: { name: string; base64: string }
  order?: string
}

type Ctx = StepContext<FinanceDayState>
type Block = {
  type: string
  text?: string
  resource?: { uri: string; mimeType?: string; text?: string; blob?: string }
}
type Rows = { rows: Array<Record<string, any>> }

const cents = (value: unknown) => Math.round(Number(value) * 100)

/** Calls a tool through the scenario's client and returns the whole result (content blocks too). */
async function callRaw(ctx: Ctx, name: string, args: Record<string, unknown>) {
  const result = await ctx.client.callTool({ name, arguments: args })
  return { isError: result.isError === true, content: result.content as Block[], structured: result.structuredContent }
}

/** Opens the vendor aging report, keeps its default date (the environment's today) and clicks a button. */
async function runAging(ctx: Ctx, button: 'PrintButton' | 'ExportCsvButton') {
  const opened = await ctx.call('form_open_menu_item', { name: 'VendAgingReport', type: 'Output' })
  const today = opened.FormState?.Form?.Input?.AgingDate?.Value
  ctx.assert.ok(/^\d{4}-\d{2}-\d{2}$/.test(String(today)), 'the report dialog offers today as the aging date')
  await ctx.call('form_set_control_values', { controlValues: [{ controlName: 'AgingDate', controlValue: today }] })
  const clicked = await callRaw(ctx, 'form_click_control', { controlName: button })
  ctx.assert.ok(!clicked.isError, `${button} runs the report: ${clicked.content[0]?.text}`)
  const file = clicked.content.find((block) => block.type === 'resource')?.resource
  ctx.assert.ok(file?.uri.startsWith('file://VendorAgingReport_'), 'the report comes back as a file resource')
  return { today: String(today), file: file!, summary: clicked.content[0]?.text ?? '' }
}

export const financeDay = defineScenario<FinanceDayState>({
  name: 'erp/finance-day',
  description: 'Vendor aging report as a PDF, SQL and OData reads, a sales order, an invoice attachment',
  products: ['erp'],
  state: () => ({ run: `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}` }),
  steps: [
    {
      name: 'who am I, and in which company',
      readOnly: true,
      tools: ['get_current_user'],
      async run({ call, state, assert, note }: Ctx) {
        const user = await call('get_current_user')
        assert.ok(user.userId, 'the user has an id')
        assert.ok(user.companies.length > 0, 'the user sees at least one company')
        state.company = user.defaultCompany
        note(`user ${user.userId} in ${user.defaultCompany}`)
      },
    },
    {
      name: 'vendors per group, by SQL',
      readOnly: true,
      tools: ['data_find_entities_sql', 'data_find_entities'],
      async run({ call, assert }: Ctx) {
        const grouped = await call('data_find_entities_sql', {
          query:
            'SELECT VendorGroupId, COUNT(VendorAccountNumber) AS Vendors FROM VendorsV2 GROUP BY VendorGroupId ORDER BY VendorGroupId',
        })
        const counted = grouped.rows.reduce((sum: number, row: { Vendors: number }) => sum + Number(row.Vendors), 0)
        const direct = await call<{ count: number }>('data_find_entities', {
          entitySet: 'VendorsV2',
          select: 'VendorAccountNumber',
          top: 1,
          count: true,
        })
        assert.equal(counted, direct.count, 'the SQL groups add up to the OData count of vendors')
      },
    },
    {
      name: 'a large query comes back as a resource, and is refused inline with the fix',
      readOnly: true,
      tools: ['data_find_entities'],
      async run(ctx: Ctx) {
        const args = { entitySet: 'SalesOrderLines', top: 5000, companyId: 'cross-company' }
        const asResource = await callRaw(ctx, 'data_find_entities', { ...args, returnAsResource: true })
        ctx.assert.ok(!asResource.isError, 'the query runs in resource mode')
        const [summary, resource] = asResource.content
        ctx.assert.equal(resource?.type, 'resource', 'a summary, then the embedded resource')
        ctx.assert.ok(/embedded resource/.test(summary?.text ?? ''), 'the summary points at the resource')
        const size = resource?.resource?.text?.length ?? 0
        if (size <= 160_000) {
          ctx.note(`only ${size} characters of sales order lines here: the inline refusal is not exercised`)
          return
        }
        const inline = await callRaw(ctx, 'data_find_entities', args)
        ctx.assert.ok(inline.isError, 'the same query inline is refused')
        const error = JSON.parse(inline.content[0]?.text ?? '{}')
        ctx.assert.equal(error.code, 'ResponseTooLarge', 'refused as too large')
        ctx.assert.ok(/returnAsResource/.test(error.fix), 'the fix suggests returnAsResource')
      },
    },
    {
      name: 'find the vendor aging report, open it and close it',
      readOnly: true,
      tools: ['form_find_menu_item', 'form_open_menu_item', 'form_close_form'],
      async run({ call, assert }: Ctx) {
        const found = await call('form_find_menu_item', { menuItemFilter: 'vendor aging' })
        const item = found.MenuItems?.[0]
        assert.ok(item?.Type === 'Output', 'the vendor aging report is an output menu item')
        const opened = await call('form_open_menu_item', { name: item.Name, type: item.Type })
        assert.equal(opened.FormState?.FormStyle, 'Report', 'it opens as a report dialog')
        const closed = await call('form_close_form')
        assert.equal(closed.FormState?.Name, 'No form is open', 'and closes')
      },
    },
    {
      name: 'read the open vendor transactions',
      tools: ['data_find_entities_sql'],
      async run({ call, state }: Ctx) {
        const open = await call<Rows>('data_find_entities_sql', {
          query:
            'SELECT VendorAccount, SUM(RemainingAmountCur) AS OpenAmount FROM VendorTransactions WHERE RemainingAmountCur <> 0 GROUP BY VendorAccount',
        })
        state.openByVendor = new Map(open.rows.map((row) => [String(row.VendorAccount), cents(row.OpenAmount) / 100]))
      },
    },
    {
      name: 'run the vendor aging report as of today: a PDF, and a CSV that agrees with the transactions',
      tools: ['form_open_menu_item', 'form_set_control_values', 'form_click_control'],
      async run(ctx: Ctx) {
        const printed = await runAging(ctx, 'PrintButton')
        ctx.assert.equal(printed.file.mimeType, 'application/pdf', 'the report is a PDF')
        const pdf = Buffer.from(printed.file.blob ?? '', 'base64')
        ctx.assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'a real PDF file')
        ctx.assert.ok(/was downloaded/.test(printed.summary), 'the summary says the file was downloaded')
        ctx.state.report = { name: printed.file.uri.slice('file://'.length), base64: printed.file.blob! }

        const exported = await runAging(ctx, 'ExportCsvButton')
        const lines = (exported.file.text ?? '').trim().split('\n')
        const byVendor = new Map(lines.slice(1, -1).map((line) => [line.split(',')[0]!, Number(line.split(',')[2])]))
        const expected = ctx.state.openByVendor ?? new Map()
        ctx.assert.equal([...byVendor.keys()].sort(), [...expected.keys()].sort(), 'the report lists every vendor owed')
        for (const [vendor, amount] of expected)
          ctx.assert.equal(byVendor.get(vendor), amount, `the report's balance for ${vendor}`)
        const total = [...expected.values()].reduce((sum, amount) => sum + cents(amount), 0) / 100
        ctx.assert.equal(Number(lines.at(-1)!.split(',')[2]), total, 'the report total')
      },
    },
    {
      name: 'create a sales order with a line, change the quantity, read it back',
      tools: ['data_find_entities', 'data_create_entities', 'data_update_entities'],
      async run({ call, state, assert }: Ctx) {
        const customer = (await call<Rows>('data_find_entities', { entitySet: 'CustomersV3', top: 1 })).rows[0]!
        const item = (await call<Rows>('data_find_entities', { entitySet: 'ReleasedProductsV2', top: 1 })).rows[0]!
        const header = await call('data_create_entities', {
          entitySet: 'SalesOrderHeadersV2',
          records: [{ OrderingCustomerAccountNumber: customer.CustomerAccount, CustomersOrderReference: state.run }],
        })
        state.order = header.results[0].key.SalesOrderNumber
        const line = await call('data_create_entities', {
          entitySet: 'SalesOrderLines',
          records: [
            { SalesOrderNumber: state.order, ItemNumber: item.ItemNumber, OrderedSalesQuantity: 2, SalesPrice: 10 },
          ],
        })
        await call('data_update_entities', {
          entitySet: 'SalesOrderLines',
          updates: [{ key: line.results[0].key, values: { OrderedSalesQuantity: 5 } }],
        })
        const read = await call<Rows>('data_find_entities', {
          entitySet: 'SalesOrderLines',
          filter: `SalesOrderNumber eq '${state.order}'`,
        })
        assert.equal(read.rows.length, 1, 'the order has its one line')
        assert.equal(read.rows[0]!.OrderedSalesQuantity, 5, 'with the changed quantity')
        assert.equal(read.rows[0]!.LineAmount, 50, 'and the amount the service computed from it')
      },
    },
    {
      name: 'attach the aging report to a vendor invoice; the duplicate is refused',
      tools: ['data_find_entities', 'attachment_check', 'attachment_attach'],
      async run(ctx: Ctx) {
        const invoice = (await ctx.call<Rows>('data_find_entities', { entitySet: 'VendorInvoiceHeaders', top: 1 }))
          .rows[0]!
        const target = {
          entitySet: 'VendorInvoiceHeaders',
          key: { HeaderReference: invoice.HeaderReference },
          fileName: `${ctx.state.run}-${ctx.state.report!.name}`,
        }
        const before = await ctx.call('attachment_check', target)
        ctx.assert.equal(before.isAttached, false, 'not attached yet')
        const attached = await ctx.call('attachment_attach', { ...target, contentBase64: ctx.state.report!.base64 })
        ctx.assert.equal(attached.fileSize, Buffer.from(ctx.state.report!.base64, 'base64').byteLength, 'all of it')
        const after = await ctx.call('attachment_check', { ...target, contentBase64: ctx.state.report!.base64 })
        ctx.assert.equal(after.docuRefRecId, attached.docuRefRecId, 'the check finds the attachment')
        const again = await callRaw(ctx, 'attachment_attach', { ...target, contentBase64: ctx.state.report!.base64 })
        ctx.assert.ok(again.isError, 'attaching the same file again is refused')
        ctx.assert.equal(JSON.parse(again.content[0]?.text ?? '{}').code, 'Conflict', 'as a conflict')
      },
    },
  ],
})
