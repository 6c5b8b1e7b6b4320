// The finance & operations emulator's form engine and reports, through its MCP endpoint
// (`/erp/mcp`, JSON-RPC over HTTP) with real tokens from the sandbox's Entra ID. PDFs are read
// back with unpdf and checked against the store's open transactions.
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formTools } from '../src/erp/mcp/tools.js'
import type { ErpRow, ErpStore } from '../src/erp/model.js'
import { agingBucket, agingTotals } from '../src/erp/records.js'
import { type ErpMcpSandbox, erpMcpSandbox } from './erp-mcp-harness.js'

const TODAY = '2026-04-24'
let env: ErpMcpSandbox
let store: ErpStore

beforeAll(() => {
  env = erpMcpSandbox({ now: `${TODAY}T10:00:00Z` })
  store = env.store
})
afterAll(() => env.close())

interface CallResult {
  isError: boolean
  summary: string
  body: Record<string, any>
  state: Record<string, any>
  files: Array<{ uri: string; mimeType: string; blob?: string; text?: string }>
}

async function session(token?: string) {
  const bearer = token ?? (await env.appToken())
  let sessionId = ''
  let id = 0
  const post = (message: unknown, headers: Record<string, string> = {}) =>
    env.sandbox.fetch(env.mcpUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(sessionId ? { 'mcp-session-id': sessionId } : {}),
        ...headers,
      },
      body: JSON.stringify(message),
    })
  const rpc = async (method: string, params?: unknown) => {
    const response = await post({ jsonrpc: '2.0', id: ++id, method, ...(params ? { params } : {}) })
    return { status: response.status, body: (await response.json()) as Record<string, any> }
  }
  const init = await post({
    jsonrpc: '2.0',
    id: ++id,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'test', version: '1' } },
  })
  expect(init.status).toBe(200)
  sessionId = init.headers.get('mcp-session-id') ?? ''
  expect(sessionId).toMatch(/^[0-9a-f-]{36}$/)
  const initialized = await post({ jsonrpc: '2.0', method: 'notifications/initialized' })
  expect(initialized.status).toBe(202)
  const call = async (name: string, args: Record<string, unknown> = {}): Promise<CallResult> => {
    const { status, body } = await rpc('tools/call', { name, arguments: args })
    expect(status).toBe(200)
    const content = body.result.content as Array<Record<string, any>>
    const parsed = JSON.parse(content[1]!.text)
    return {
      isError: body.result.isError === true,
      summary: content[0]!.text,
      body: parsed,
      state: parsed.FormState,
      files: content.slice(2).map((block) => block.resource),
    }
  }
  const ok = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await call(name, args)
    if (result.isError) throw new Error(`${name} failed: ${result.summary}`)
    return result
  }
  const fails = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await call(name, args)
    expect(result.isError, `${name} should fail: ${result.summary}`).toBe(true)
    return result.summary
  }
  return { id: () => sessionId, post, rpc, call, ok, fails, init }
}

async function pdfText(blob: string): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(blob, 'base64')))
  const { text } = await extractText(pdf, { mergePages: true })
  return text
}

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** The store's open vendor transactions in usmf, read page by page. */
function openVendorTransactions(): ErpRow[] {
  const rows: ErpRow[] = []
  for (let skip = 0; ; skip += 500) {
    const page = store.list('VendorTransactions', { company: 'usmf' }, { top: 500, skip })
    rows.push(...page.rows.filter((row) => row.IsOpen === 'Yes' && Number(row.RemainingAmountCur) !== 0))
    if (page.rows.length < 500) return rows
  }
}

describe('the MCP endpoint', () => {
  it('needs a valid Entra token for the environment', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} })
    const none = await env.sandbox.fetch(env.mcpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /)
    const garbage = await env.sandbox.fetch(env.mcpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
      body,
    })
    expect(garbage.status).toBe(401)
  })

  it('initializes a session and lists the 13 form tools', async () => {
    const s = await session()
    const init = (await s.init.json()) as Record<string, any>
    expect(init.result.protocolVersion).toBe('2025-11-25')
    expect(init.result.capabilities.tools).toBeDefined()
    const { body } = await s.rpc('tools/list')
    expect(body.result.tools.map((t: { name: string }) => t.name).sort()).toEqual(
      [
        'form_find_menu_item',
        'form_open_menu_item',
        'form_find_controls',
        'form_set_control_values',
        'form_click_control',
        'form_filter_form',
        'form_filter_grid',
        'form_select_grid_row',
        'form_sort_grid_column',
        'form_open_or_close_tab',
        'form_open_lookup',
        'form_save_form',
        'form_close_form',
      ].sort(),
    )
    expect(formTools).toHaveLength(13)
    expect((await s.rpc('ping')).body.result).toEqual({})
    expect((await s.rpc('resources/list')).body.error.code).toBe(-32601)
    expect((await s.rpc('tools/call', { name: 'form_fly', arguments: {} })).body.error.code).toBe(-32602)
  })

  it('answers 400 without a session id, 404 for an unknown or ended session, and keeps sessions to their identity', async () => {
    const s = await session()
    const token = await env.appToken()
    const message = JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'tools/list' })
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    expect((await env.sandbox.fetch(env.mcpUrl, { method: 'POST', headers, body: message })).status).toBe(400)
    const unknown = await env.sandbox.fetch(env.mcpUrl, {
      method: 'POST',
      headers: { ...headers, 'mcp-session-id': '00000000-0000-0000-0000-000000000000' },
      body: message,
    })
    expect(unknown.status).toBe(404)
    // another identity cannot use the session
    const userToken = await env.userToken()
    const stolen = await env.sandbox.fetch(env.mcpUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${userToken}`, 'content-type': 'application/json', 'mcp-session-id': s.id() },
      body: message,
    })
    expect(stolen.status).toBe(404)
    expect((await s.rpc('tools/list')).status).toBe(200)
    const ended = await env.sandbox.fetch(env.mcpUrl, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}`, 'mcp-session-id': s.id() },
    })
    expect(ended.status).toBe(200)
    expect((await s.rpc('tools/list')).status).toBe(404)
    expect((await env.sandbox.fetch(env.mcpUrl, { headers: { authorization: `Bearer ${token}` } })).status).toBe(405)
  })

  it('keeps one open form per session, invisible to other sessions', async () => {
    const a = await session()
    const b = await session()
    await a.ok('form_open_menu_item', { name: 'CustTableListPage', type: 'Display' })
    expect((await b.ok('form_find_menu_item', { menuItemFilter: 'customers' })).state.Name).toBe('No form is open')
    expect((await a.ok('form_find_controls', { controlSearchTerm: 'credit' })).state.Name).toBe('CustTable')
    expect(await b.fails('form_save_form')).toMatch(/No form is open/)
  })
})

describe('the vendor aging report', () => {
  it('runs as of today from its report dialog and returns a PDF with the vendors and totals of the open transactions', async () => {
    const s = await session()
    const found = await s.ok('form_find_menu_item', { menuItemFilter: 'vendor aging' })
    expect(found.body.MenuItems[0]).toMatchObject({ Name: 'VendAgingReport', Type: 'Output' })
    const opened = await s.ok('form_open_menu_item', { name: 'VendAgingReport', type: 'Output' })
    expect(opened.state).toMatchObject({ Name: 'VendAgingReport', FormStyle: 'Report' })
    expect(opened.state.Guidance.join(' ')).toMatch(/PrintButton/)
    expect(opened.state.Form.Input.AgingDate.Value).toBe(TODAY)
    await s.ok('form_set_control_values', { controlValues: [{ controlName: 'AgingDate', controlValue: TODAY }] })
    const printed = await s.ok('form_click_control', { controlName: 'PrintButton' })
    expect(printed.summary).toBe(
      "Button PrintButton was clicked. File 'VendorAgingReport_04242026.pdf' was downloaded.",
    )
    expect(printed.state.Name).toBe('No form is open')
    expect(printed.files).toHaveLength(1)
    const file = printed.files[0]!
    expect(file).toMatchObject({ uri: 'file://VendorAgingReport_04242026.pdf', mimeType: 'application/pdf' })
    expect(Buffer.from(file.blob!, 'base64').subarray(0, 5).toString()).toBe('%PDF-')

    const text = await pdfText(file.blob!)
    expect(text).toContain('Vendor aging report')
    expect(text).toContain(`Aging as of ${TODAY}`)
    expect(text).toContain('Amounts in USD')
    const open = openVendorTransactions()
    const byVendor = new Map<string, number>()
    for (const row of open) {
      byVendor.set(
        String(row.VendorAccount),
        Math.round(((byVendor.get(String(row.VendorAccount)) ?? 0) + Number(row.RemainingAmountCur)) * 100) / 100,
      )
    }
    expect(byVendor.size).toBeGreaterThan(3)
    for (const [vendor, balance] of byVendor) {
      expect(text).toMatch(new RegExp(`${vendor} .*${money(balance).replace(/[.]/g, '\\.')}`))
    }
    const totals = agingTotals(open as never, TODAY)
    const totalLine = text.split('\n').find((line) => line.startsWith('Total'))!
    expect(totalLine).toBe(
      `Total ${byVendor.size} vendors ${[totals.Total, totals.Current, totals['1-30'], totals['31-60'], totals['61-90'], totals['Over 90']].map(money).join(' ')}`,
    )
    // every bucket has amounts in the demo data
    for (const bucket of ['Current', '1-30', '31-60', '61-90', 'Over 90'] as const)
      expect(totals[bucket]).toBeGreaterThan(0)
  })

  it('filters by vendor group and ages as of an earlier date, as CSV', async () => {
    const s = await session()
    await s.ok('form_open_menu_item', { name: 'VendAgingReport' })
    const lookup = await s.ok('form_open_lookup', { controlName: 'VendorGroup' })
    const group = String(lookup.body.Lookup.Rows[0].VendorGroupId)
    const asOf = '2026-03-01'
    await s.ok('form_set_control_values', {
      controlValues: [
        { controlName: 'AgingDate', controlValue: asOf },
        { controlName: 'VendorGroup', controlValue: group },
      ],
    })
    const exported = await s.ok('form_click_control', { controlName: 'ExportCsvButton' })
    const csv = exported.files[0]!
    expect(csv).toMatchObject({ uri: 'file://VendorAgingReport_04242026.csv', mimeType: 'text/csv' })
    const lines = csv.text!.trim().split('\n')
    expect(lines[0]).toBe('VendorAccount,Name,Balance,Current,1-30 days,31-60 days,61-90 days,Over 90 days,Currency')
    const inGroup = new Set(
      store
        .list('VendorsV2', { company: 'usmf' }, { equals: { VendorGroupId: group }, top: 500 })
        .rows.map((v) => String(v.VendorAccountNumber)),
    )
    const expected = openVendorTransactions().filter(
      (row) => inGroup.has(String(row.VendorAccount)) && String(row.TransDate).slice(0, 10) <= asOf,
    )
    const vendors = lines.slice(1, -1).map((line) => line.split(',')[0])
    expect(new Set(vendors)).toEqual(new Set(expected.map((row) => String(row.VendorAccount))))
    const total = expected.reduce((sum, row) => sum + Math.round(Number(row.RemainingAmountCur) * 100), 0) / 100
    expect(lines.at(-1)).toMatch(new RegExp(`^Total,,${total.toFixed(2)},`))
    const overdue = expected.filter((row) => agingBucket(String(row.DueDate), asOf) === 'Over 90')
    const over90 = overdue.reduce((sum, row) => sum + Math.round(Number(row.RemainingAmountCur) * 100), 0) / 100
    expect(lines.at(-1)!.split(',')[7]).toBe(over90.toFixed(2))
  })

  it('refuses an invalid aging date and keeps the dialog open', async () => {
    const s = await session()
    await s.ok('form_open_menu_item', { name: 'VendAgingReport', type: 'Output' })
    expect(
      await s.fails('form_set_control_values', {
        controlValues: [{ controlName: 'AgingDate', controlValue: 'today' }],
      }),
    ).toMatch(/takes a date as YYYY-MM-DD/)
    expect(
      await s.fails('form_set_control_values', {
        controlValues: [{ controlName: 'VendorGroup', controlValue: 'NOPE' }],
      }),
    ).toMatch(/does not exist in Vendor groups/)
    expect((await s.ok('form_close_form')).state.Name).toBe('No form is open')
  })
})

describe('the customer account statement', () => {
  it('prints opening balance, transactions and closing balance for a customer and period', async () => {
    const s = await session()
    await s.ok('form_open_menu_item', { name: 'CustAccountStatement', type: 'Output' })
    expect(await s.fails('form_click_control', { controlName: 'PrintButton' })).toMatch(/Set CustomerAccount/)
    const customer = store.list('CustomersV3', { company: 'usmf' }, { top: 1 }).rows[0]!
    const account = String(customer.CustomerAccount)
    const from = '2026-01-01'
    await s.ok('form_set_control_values', {
      controlValues: [
        { controlName: 'CustomerAccount', controlValue: account },
        { controlName: 'FromDate', controlValue: from },
        { controlName: 'ToDate', controlValue: TODAY },
      ],
    })
    await s.ok('form_set_control_values', { controlValues: [{ controlName: 'FromDate', controlValue: '2026-05-01' }] })
    expect(await s.fails('form_click_control', { controlName: 'PrintButton' })).toMatch(
      /FromDate 2026-05-01 is after ToDate/,
    )
    await s.ok('form_set_control_values', { controlValues: [{ controlName: 'FromDate', controlValue: from }] })
    const printed = await s.ok('form_click_control', { controlName: 'PrintButton' })
    const file = printed.files[0]!
    expect(file.uri).toBe(`file://CustAccountStatement_${account}_04242026.pdf`)
    const text = await pdfText(file.blob!)
    const transactions = store.list(
      'CustomerTransactions',
      { company: 'usmf' },
      { equals: { CustomerAccount: account }, top: 1000 },
    ).rows
    const sum = (rows: ErpRow[]) =>
      rows.reduce((total, row) => total + Math.round(Number(row.AmountCur) * 100), 0) / 100
    const date = (row: ErpRow) => String(row.TransDate).slice(0, 10)
    const opening = sum(transactions.filter((row) => date(row) < from))
    const closing = sum(transactions.filter((row) => date(row) <= TODAY))
    expect(text).toContain('Customer account statement')
    expect(text).toContain(`Customer ${account} ${customer.OrganizationName}`)
    expect(text).toContain(`${from} Opening balance ${money(opening)}`)
    expect(text).toContain(`${TODAY} Closing balance ${money(closing)}`)
    for (const row of transactions.filter((r) => date(r) >= from && date(r) <= TODAY))
      expect(text).toContain(String(row.Voucher))
  })
})

describe('record forms', () => {
  it('edits a sales order header and a line through the form and saves them to the store', async () => {
    const s = await session()
    const order = store.list(
      'SalesOrderHeadersV2',
      { company: 'usmf' },
      { equals: { SalesOrderStatus: 'Backorder' }, top: 1 },
    ).rows[0]!
    const number = String(order.SalesOrderNumber)
    const opened = await s.ok('form_open_menu_item', { name: 'SalesTableListPage', type: 'Display' })
    expect(opened.state.Form.Grid.Grid.Rows.length).toBeLessThanOrEqual(25)
    expect(opened.state.Form.Tab.TabHeader).toEqual({ Text: 'Header', IsOpen: false })
    const filtered = await s.ok('form_filter_grid', {
      gridName: 'Grid',
      gridColumnName: 'SalesTable_SalesOrderNumber',
      filterValue: number,
    })
    expect(filtered.state.Form.Grid.Grid.Rows).toHaveLength(1)
    await s.ok('form_select_grid_row', { gridName: 'Grid', rowNumber: '1' })
    expect(
      await s.fails('form_set_control_values', {
        controlValues: [{ controlName: 'SalesTable_CustomerRequisitionNumber', controlValue: 'REQ-7781' }],
      }),
    ).toMatch(/tab TabHeader \(Header\), which is closed/)
    await s.ok('form_open_or_close_tab', { tabName: 'TabHeader', tabAction: 'Open' })
    const set = await s.ok('form_set_control_values', {
      controlValues: [
        { controlName: 'SalesTable_CustomerRequisitionNumber', controlValue: 'REQ-7781' },
        { controlName: 'SalesTable_ShippingDateRequested', controlValue: '2026-05-15' },
      ],
    })
    expect(set.state.Summary).toMatch(/Unsaved SalesTable changes/)
    expect(store.get('SalesOrderHeadersV2', 'usmf', { SalesOrderNumber: number })!.CustomerRequisitionNumber).not.toBe(
      'REQ-7781',
    )
    await s.ok('form_open_or_close_tab', { tabName: 'TabLines' })
    const line = (await s.ok('form_select_grid_row', { gridName: 'LineGrid', rowNumber: 1 })).state.Form.Tab.TabLines
      .Children.Grid.LineGrid
    expect(line.Rows[0].IsSelected).toBe(true)
    await s.ok('form_set_control_values', {
      controlValues: [{ controlName: 'SalesLine_OrderedSalesQuantity', controlValue: 7 }],
    })
    const saved = await s.ok('form_save_form')
    expect(saved.body.Result).toMatch(/was saved/)
    const stored = store.get('SalesOrderHeadersV2', 'usmf', { SalesOrderNumber: number })!
    expect(stored.CustomerRequisitionNumber).toBe('REQ-7781')
    expect(String(stored.RequestedShippingDate)).toMatch(/^2026-05-15/)
    const lines = store.list(
      'SalesOrderLines',
      { company: 'usmf' },
      { equals: { SalesOrderNumber: number }, orderBy: [{ field: 'LineNumber' }] },
    ).rows
    expect(lines[0]!.OrderedSalesQuantity).toBe(7)
    expect(lines[0]!.LineAmount).toBeCloseTo(7 * Number(lines[0]!.SalesPrice) - Number(lines[0]!.LineDiscountAmount), 2)
  })

  it('confirms a sales order with its button, which is then disabled', async () => {
    const s = await session()
    const order = store.list(
      'SalesOrderHeadersV2',
      { company: 'usmf' },
      { equals: { SalesOrderStatus: 'Backorder', SalesOrderProcessingStatus: 'None' }, top: 1 },
    ).rows[0]!
    const number = String(order.SalesOrderNumber)
    await s.ok('form_open_menu_item', { name: 'SalesTableListPage' })
    await s.ok('form_filter_form', { filterValue: number })
    const confirmed = await s.ok('form_click_control', { controlName: 'buttonConfirm' })
    expect(confirmed.body.Result).toBe(`Button buttonConfirm was clicked. Sales order ${number} was confirmed.`)
    expect(store.get('SalesOrderHeadersV2', 'usmf', { SalesOrderNumber: number })!.SalesOrderProcessingStatus).toBe(
      'Confirmation',
    )
    expect(confirmed.state.Buttons.find((b: { Name: string }) => b.Name === 'buttonConfirm').IsEnabled).toBe(false)
    expect(await s.fails('form_click_control', { controlName: 'buttonConfirm' })).toMatch(/is disabled/)
  })

  it('saves nothing when validation fails, and creates a customer once the mandatory fields are filled', async () => {
    const s = await session()
    const first = store.list('CustomersV3', { company: 'usmf' }, { top: 1 }).rows[0]!
    await s.ok('form_open_menu_item', { name: 'CustTableListPage' })
    await s.ok('form_set_control_values', {
      controlValues: [{ controlName: 'CustTable_OrganizationName', controlValue: '' }],
    })
    const refused = await s.ok('form_save_form')
    expect(refused.body.Result).toBe('The form was not saved.')
    expect(refused.body.Messages).toEqual([
      { Type: 'Error', Text: "Field 'Name' (CustTable_OrganizationName) must be filled in." },
    ])
    expect(store.get('CustomersV3', 'usmf', { CustomerAccount: first.CustomerAccount! })!.OrganizationName).toBe(
      first.OrganizationName,
    )
    expect(await s.fails('form_select_grid_row', { gridName: 'Grid', rowNumber: 2 })).toMatch(/unsaved changes/)
    expect((await s.ok('form_close_form')).body.Messages).toEqual([
      { Type: 'Warning', Text: 'Unsaved changes were discarded.' },
    ])

    await s.ok('form_open_menu_item', { name: 'CustTableListPage' })
    await s.ok('form_click_control', { controlName: 'SystemDefinedNewButton' })
    const missing = await s.ok('form_save_form')
    expect(missing.body.Messages.map((m: { Text: string }) => m.Text).join(' ')).toMatch(
      /Customer account.*Name.*Customer group.*Currency/,
    )
    const before = store.list('CustomersV3', { company: 'usmf' }, { top: 1 }).total
    await s.ok('form_set_control_values', {
      controlValues: [
        { controlName: 'CustTable_CustomerAccount', controlValue: 'US-900' },
        { controlName: 'CustTable_OrganizationName', controlValue: 'Form Created Ltd' },
        { controlName: 'CustTable_CustomerGroupId', controlValue: String(first.CustomerGroupId) },
        { controlName: 'CustTable_SalesCurrencyCode', controlValue: 'USD' },
      ],
    })
    expect((await s.ok('form_save_form')).body.Result).toMatch(/was saved/)
    expect(store.get('CustomersV3', 'usmf', { CustomerAccount: 'US-900' })).toMatchObject({
      OrganizationName: 'Form Created Ltd',
    })
    expect(store.list('CustomersV3', { company: 'usmf' }, { top: 1 }).total).toBe(before + 1)
  })

  it('puts a customer on hold and removes the hold with its buttons', async () => {
    const s = await session()
    const customer = store.list('CustomersV3', { company: 'usmf' }, { equals: { OnHoldStatus: 'No' }, top: 1 }).rows[0]!
    const account = String(customer.CustomerAccount)
    await s.ok('form_open_menu_item', { name: 'CustTableListPage' })
    await s.ok('form_filter_grid', {
      gridName: 'Grid',
      gridColumnName: 'CustTable_CustomerAccount',
      filterValue: account,
    })
    expect(await s.fails('form_click_control', { controlName: 'CustReleaseHold' })).toMatch(/disabled/)
    await s.ok('form_click_control', { controlName: 'CustOnHold' })
    expect(store.get('CustomersV3', 'usmf', { CustomerAccount: account })!.OnHoldStatus).toBe('All')
    await s.ok('form_click_control', { controlName: 'CustReleaseHold' })
    expect(store.get('CustomersV3', 'usmf', { CustomerAccount: account })!.OnHoldStatus).toBe('No')
  })

  it('pages, sorts and filters grids 25 rows at a time', async () => {
    const s = await session()
    const opened = await s.ok('form_open_menu_item', { name: 'SalesTableListPage' })
    const grid = opened.state.Form.Grid.Grid
    expect(grid.Rows).toHaveLength(25)
    expect(grid.Pagination).toMatchObject({ FirstRow: 1, LastRow: 25, HasNextPage: true, HasPreviousPage: false })
    const next = (await s.ok('form_click_control', { controlName: 'Grid', actionId: 'LoadNextPage' })).state.Form.Grid
      .Grid
    expect(next.Pagination).toMatchObject({ FirstRow: 26, LastRow: 50, HasPreviousPage: true })
    expect(next.Rows[0].Values.SalesTable_SalesOrderNumber).not.toBe(grid.Rows[0].Values.SalesTable_SalesOrderNumber)
    const sorted = (
      await s.ok('form_sort_grid_column', {
        gridName: 'Grid',
        gridColumnName: 'SalesTable_TotalOrderAmount',
        isDescending: true,
      })
    ).state.Form.Grid.Grid
    const amounts = sorted.Rows.map((row: { Values: Record<string, string> }) =>
      Number(row.Values.SalesTable_TotalOrderAmount),
    )
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a))
    expect(sorted.Pagination.FirstRow).toBe(1)
    const customer = String(sorted.Rows[0].Values.SalesTable_OrderingCustomerAccountNumber)
    const filtered = (
      await s.ok('form_filter_grid', {
        gridName: 'Grid',
        gridColumnName: 'SalesTable_OrderingCustomerAccountNumber',
        filterValue: customer,
      })
    ).state.Form.Grid.Grid
    const expected = store.list(
      'SalesOrderHeadersV2',
      { company: 'usmf' },
      { contains: { OrderingCustomerAccountNumber: customer }, top: 1 },
    ).total
    expect(filtered.Pagination.TotalRowCount).toBe(expected)
    expect(filtered.Filters).toEqual({ SalesTable_OrderingCustomerAccountNumber: customer })
  })

  it('runs the credit limit adjustment action menu item from its dialog', async () => {
    const s = await session()
    const found = await s.ok('form_find_menu_item', { menuItemFilter: 'credit limit' })
    expect(found.body.MenuItems[0]).toMatchObject({ Name: 'CustCreditLimitAdjustment', Type: 'Action' })
    await s.ok('form_open_menu_item', { name: 'CustCreditLimitAdjustment', type: 'Action' })
    const group = String(store.list('CustomerGroups', { company: 'usmf' }, { top: 1 }).rows[0]!.CustomerGroupId)
    const before = store.list('CustomersV3', { company: 'usmf' }, { equals: { CustomerGroupId: group }, top: 500 }).rows
    expect(before.length).toBeGreaterThan(0)
    await s.ok('form_set_control_values', {
      controlValues: [
        { controlName: 'CustomerGroup', controlValue: group },
        { controlName: 'AdjustmentPercent', controlValue: '10' },
      ],
    })
    const done = await s.ok('form_click_control', { controlName: 'OkButton' })
    expect(done.body.Result).toBe(
      `Button OkButton was clicked. Credit limits of ${before.length} customer${before.length === 1 ? '' : 's'} in group ${group} were adjusted by 10%.`,
    )
    expect(done.state.Name).toBe('No form is open')
    for (const customer of before) {
      const after = store.get('CustomersV3', 'usmf', { CustomerAccount: customer.CustomerAccount! })!
      expect(after.CreditLimit).toBeCloseTo(Math.round(Number(customer.CreditLimit) * 110) / 100, 2)
    }
  })
})

describe('action menu items', () => {
  it('confirms a customer’s open sales orders from the Confirm sales orders dialog', async () => {
    const s = await session()
    const open = (account: string) =>
      store
        .list(
          'SalesOrderHeadersV2',
          { company: 'usmf' },
          { equals: { OrderingCustomerAccountNumber: account }, top: 500 },
        )
        .rows.filter((o) => o.SalesOrderStatus === 'Backorder' && o.SalesOrderProcessingStatus === 'None')
    const account = store
      .list('CustomersV3', { company: 'usmf' }, { top: 100 })
      .rows.map((c) => String(c.CustomerAccount))
      .find((candidate) => open(candidate).length > 0)!
    const orders = open(account).map((o) => String(o.SalesOrderNumber))
    const found = await s.ok('form_find_menu_item', { menuItemFilter: 'confirm sales' })
    expect(found.body.MenuItems[0]).toMatchObject({ Name: 'SalesConfirmOrders', Type: 'Action' })
    await s.ok('form_open_menu_item', { name: 'SalesConfirmOrders', type: 'Action' })
    expect(await s.fails('form_click_control', { controlName: 'OkButton' })).toMatch(/Set CustomerAccount/)
    await s.ok('form_set_control_values', {
      controlValues: [{ controlName: 'CustomerAccount', controlValue: account }],
    })
    const done = await s.ok('form_click_control', { controlName: 'OkButton' })
    expect(done.body.Result).toMatch(new RegExp(`confirmed for customer ${account}: ${orders.join(', ')}\\.$`))
    expect(open(account)).toEqual([])
    for (const number of orders) {
      expect(store.get('SalesOrderHeadersV2', 'usmf', { SalesOrderNumber: number })!.SalesOrderProcessingStatus).toBe(
        'Confirmation',
      )
    }
  })
})

describe('bad input', () => {
  it('names what is wrong and changes nothing', async () => {
    const s = await session()
    expect(
      await s.fails('form_set_control_values', { controlValues: [{ controlName: 'X', controlValue: 1 }] }),
    ).toMatch(/No form is open/)
    expect(await s.fails('form_open_menu_item', { name: 'NoSuchMenuItem' })).toMatch(
      /was not found.*form_find_menu_item/,
    )
    expect(await s.fails('form_open_menu_item', { name: 'VendAgingReport', type: 'Display' })).toMatch(
      /is a Output menu item/,
    )
    expect(await s.fails('form_open_menu_item', { name: 'CustTableListPage', companyId: 'zz99' })).toMatch(
      /Company 'zz99' does not exist/,
    )
    expect(await s.fails('form_open_menu_item', { name: 'CustTableListPage', colour: 'red' })).toMatch(
      /no argument colour/,
    )
    await s.ok('form_open_menu_item', { name: 'CustTableListPage', companyId: 'DEMF' })
    expect(
      await s.fails('form_set_control_values', { controlValues: [{ controlName: 'Nope', controlValue: 'x' }] }),
    ).toMatch(/no control 'Nope'.*form_find_controls/)
    await s.ok('form_open_or_close_tab', { tabName: 'TabCredit' })
    expect(
      await s.fails('form_set_control_values', {
        controlValues: [{ controlName: 'CustTable_CreditLimit', controlValue: 'lots' }],
      }),
    ).toMatch(/takes a number/)
    expect(
      await s.fails('form_set_control_values', {
        controlValues: [{ controlName: 'CustTable_OnHold', controlValue: 'Maybe' }],
      }),
    ).toMatch(/takes one of: No, Invoice, All/)
    expect(
      await s.fails('form_set_control_values', {
        controlValues: [{ controlName: 'CustTable_CustomerAccount', controlValue: 'DE-999' }],
      }),
    ).toMatch(/cannot be edited on an existing record/)
    expect(await s.fails('form_select_grid_row', { gridName: 'Grid', rowNumber: 26 })).toMatch(
      /Row 26 is out of range: grid Grid shows rows 1 to/,
    )
    expect(await s.fails('form_select_grid_row', { gridName: 'Grid', rowNumber: 0 })).toMatch(/counts from 1/)
    expect(await s.fails('form_select_grid_row', { gridName: 'Lines', rowNumber: 1 })).toMatch(/no grid 'Lines'/)
    expect(await s.fails('form_filter_grid', { gridName: 'Grid', gridColumnName: 'Colour', filterValue: 'x' })).toMatch(
      /no column 'Colour'/,
    )
    expect(await s.fails('form_click_control', { controlName: 'CustTable_CreditLimit' })).toMatch(/is not a button/)
    expect(await s.fails('form_click_control', { controlName: 'Grid', actionId: 'Explode' })).toMatch(
      /takes an actionId/,
    )
    expect(await s.fails('form_open_or_close_tab', { tabName: 'TabNope' })).toMatch(/no tab 'TabNope'/)
    expect(await s.fails('form_open_lookup', { controlName: 'CustTable_CreditLimit' })).toMatch(/has no lookup/)
    expect(await s.fails('form_set_control_values', { controlValues: [] })).toMatch(/controlValues/)
    const state = (await s.ok('form_find_controls', { controlSearchTerm: 'credit' })).state
    expect(state).toMatchObject({ Name: 'CustTable', Company: 'demf' })
    expect(state.Summary).not.toMatch(/Unsaved/)
  })
})
