// The form tools end to end: MCP client → erp-mcp server → the caller's upstream MCP session →
// the sandbox environment's /mcp endpoint → its form engine and reports, in both protocol eras.
import { createServer, type HttpServerHandle, oauthResourceServer, silentLogger, startHttp } from '@bizmcp/core'
import {
  acceptConsent,
  connectHttp,
  connectInProcess,
  declineConsent,
  ERAS,
  errorBody,
  structured,
} from '@bizmcp/core/testing'
import { createStandardSandbox, sandboxConnection } from '@bizmcp/sandbox'
import { getEncoding } from 'js-tiktoken'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createErpClient, type ErpClient } from '../src/client.js'
import { resolveConnection } from '../src/connection.js'
import { createFormSessions, formsEndpoint } from '../src/forms/index.js'
import { erpModule } from '../src/product.js'
import { formTools } from '../src/tools/form-tools.js'

type Row = Record<string, string | number | boolean | null>
interface Store {
  today(): string
  list(set: string, scope: { company: string }, options?: Record<string, unknown>): { rows: Row[]; total: number }
  get(set: string, company: string, key: Row): Row | undefined
}

const sandbox = createStandardSandbox({ emulators: ['erp'] })
const store = (sandbox.emulators().find((e) => e.name === 'erp') as unknown as { records(): Store }).records()
const connection = () => resolveConnection({ env: {}, sandbox: sandboxConnection(sandbox), log: silentLogger })
let client: ErpClient

beforeAll(async () => {
  client = await erpModule.connect({ env: {}, sandbox: sandboxConnection(sandbox), log: silentLogger })
})
afterAll(async () => {
  await client.forms.close()
  sandbox.close()
})

const server = (erp: ErpClient | { forms: ErpClient['forms'] } = client) =>
  createServer([{ product: erpModule.product, client: erp as ErpClient }])

type Content = Array<{ type: string; text?: string; resource?: { uri: string; mimeType: string; blob?: string } }>

const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

async function pdfText(blob: string) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.from(blob, 'base64'))), {
    mergePages: true,
  })
  return text
}

function openVendorBalances(): Map<string, number> {
  const balances = new Map<string, number>()
  for (let skip = 0; ; skip += 500) {
    const page = store.list('VendorTransactions', { company: 'usmf' }, { top: 500, skip })
    for (const row of page.rows) {
      if (row.IsOpen !== 'Yes' || Number(row.RemainingAmountCur) === 0) continue
      const vendor = String(row.VendorAccount)
      balances.set(vendor, Math.round(((balances.get(vendor) ?? 0) + Number(row.RemainingAmountCur)) * 100) / 100)
    }
    if (page.rows.length < 500) return balances
  }
}

/** An erp client whose upstream requests go through `wrap` (to hold, slow down or alter them). */
function clientWith(
  wrap: (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>,
  timeouts = {},
) {
  const base = connection()
  const forms = createFormSessions({
    url: formsEndpoint(base.url),
    token: base.token,
    fetch: (request) => wrap(request, (r) => sandbox.fetch(r)),
    ...timeouts,
  })
  return { ...createErpClient(base), forms }
}

const isCall = async (request: Request, tool: string) =>
  request.method === 'POST' && (await request.clone().text()).includes(`"name":"${tool}"`)

for (const era of ERAS) {
  describe(`form tools over the ${era} protocol`, () => {
    it('runs the vendor aging report as of today and returns the PDF as an embedded resource', async () => {
      const { client: mcp, close } = await connectInProcess(server(), { era, onElicit: acceptConsent })
      const today = store.today()
      const found = structured(
        await mcp.callTool({ name: 'form_find_menu_item', arguments: { menuItemFilter: 'vendor aging' } }),
      )
      const item = found.MenuItems[0]
      expect(item).toMatchObject({ Name: 'VendAgingReport', Type: 'Output' })
      const opened = structured(
        await mcp.callTool({ name: 'form_open_menu_item', arguments: { name: item.Name, type: item.Type } }),
      )
      expect(opened.FormState).toMatchObject({ Name: 'VendAgingReport', FormStyle: 'Report' })
      expect(opened.FormState.Guidance.join(' ')).toMatch(/PrintButton/)
      structured(
        await mcp.callTool({
          name: 'form_set_control_values',
          arguments: { controlValues: [{ controlName: 'AgingDate', controlValue: today }] },
        }),
      )
      const printed = await mcp.callTool({ name: 'form_click_control', arguments: { controlName: 'PrintButton' } })
      const content = printed.content as Content
      const fileName = `VendorAgingReport_${today.slice(5, 7)}${today.slice(8, 10)}${today.slice(0, 4)}.pdf`
      expect(content.map((block) => block.type)).toEqual(['text', 'text', 'resource'])
      expect(content[0]!.text).toBe(`Button PrintButton was clicked. File '${fileName}' was downloaded.`)
      expect(JSON.parse(content[1]!.text!).FormState.Name).toBe('No form is open')
      const resource = content[2]!.resource!
      expect(resource).toMatchObject({ uri: `file://${fileName}`, mimeType: 'application/pdf' })
      expect(structured(printed).Files).toEqual([
        { Name: fileName, MimeType: 'application/pdf', Bytes: Buffer.from(resource.blob!, 'base64').byteLength },
      ])

      const text = await pdfText(resource.blob!)
      expect(text).toContain(`Aging as of ${today}`)
      const balances = openVendorBalances()
      expect(balances.size).toBeGreaterThan(3)
      for (const [vendor, balance] of balances) expect(text).toMatch(new RegExp(`${vendor} .* ${money(balance)}`))
      const total = [...balances.values()].reduce((sum, b) => sum + Math.round(b * 100), 0) / 100
      expect(text).toMatch(new RegExp(`Total ${balances.size} vendors ${money(total)} `))
      await close()
    })

    it('edits a sales order through its form and saves it to the environment', async () => {
      const { client: mcp, close } = await connectInProcess(server(), { era })
      const order = store.list(
        'SalesOrderHeadersV2',
        { company: 'usmf' },
        {
          equals: { SalesOrderStatus: 'Backorder' },
          top: 1,
          skip: era === 'legacy' ? 0 : 1,
        },
      ).rows[0]!
      const number = String(order.SalesOrderNumber)
      const reference = `FORM-${era}`
      const call = async (name: string, args: Record<string, unknown> = {}) =>
        structured(await mcp.callTool({ name, arguments: args }))
      await call('form_open_menu_item', { name: 'SalesTableListPage' })
      const filtered = await call('form_filter_grid', {
        gridName: 'Grid',
        gridColumnName: 'SalesTable_SalesOrderNumber',
        filterValue: number,
      })
      expect(filtered.FormState.Form.Grid.Grid.Rows).toHaveLength(1)
      await call('form_select_grid_row', { gridName: 'Grid', rowNumber: 1 })
      const hidden = errorBody(
        await mcp.callTool({
          name: 'form_set_control_values',
          arguments: {
            controlValues: [{ controlName: 'SalesTable_CustomersOrderReference', controlValue: reference }],
          },
        }),
      )
      expect(hidden).toMatchObject({ code: 'FormError' })
      expect(hidden.message).toMatch(/which is closed/)
      expect(hidden.fix).toMatch(/open the control's tab first/)
      await call('form_open_or_close_tab', { tabName: 'TabHeader' })
      await call('form_set_control_values', {
        controlValues: [
          { controlName: 'SalesTable_CustomersOrderReference', controlValue: reference },
          { controlName: 'SalesTable_ShippingDateRequested', controlValue: '2026-12-01' },
        ],
      })
      expect(store.get('SalesOrderHeadersV2', 'usmf', { SalesOrderNumber: number })!.CustomersOrderReference).not.toBe(
        reference,
      )
      const saved = await mcp.callTool({ name: 'form_save_form', arguments: {} })
      expect((saved.content as Content)[0]!.text).toBe('The form was saved (SalesTable).')
      const stored = store.get('SalesOrderHeadersV2', 'usmf', { SalesOrderNumber: number })!
      expect(stored.CustomersOrderReference).toBe(reference)
      expect(String(stored.RequestedShippingDate)).toMatch(/^2026-12-01/)
      await call('form_close_form')
      await close()
    })

    it('reports validation errors of a save in Messages, and form errors with a fix', async () => {
      const { client: mcp, close } = await connectInProcess(server(), { era })
      const noForm = errorBody(await mcp.callTool({ name: 'form_save_form', arguments: {} }))
      expect(noForm.code).toBe('NoFormOpen')
      expect(noForm.fix).toMatch(/form_open_menu_item/)
      const unknown = errorBody(await mcp.callTool({ name: 'form_open_menu_item', arguments: { name: 'NoSuchItem' } }))
      expect(unknown).toMatchObject({ code: 'FormError' })
      expect(unknown.fix).toMatch(/form_find_menu_item/)
      expect(
        errorBody(await mcp.callTool({ name: 'form_select_grid_row', arguments: { gridName: 'Grid', rowNumber: 26 } }))
          .code,
      ).toBe('InvalidInput')
      await mcp.callTool({ name: 'form_open_menu_item', arguments: { name: 'CustTableListPage' } })
      const name = store.list('CustomersV3', { company: 'usmf' }, { top: 1 }).rows[0]!.OrganizationName
      await mcp.callTool({
        name: 'form_set_control_values',
        arguments: { controlValues: [{ controlName: 'CustTable_OrganizationName', controlValue: '' }] },
      })
      const refused = await mcp.callTool({ name: 'form_save_form', arguments: {} })
      expect(refused.isError).toBeFalsy()
      expect((refused.content as Content)[0]!.text).toBe(
        "The form was not saved. Error: Field 'Name' (CustTable_OrganizationName) must be filled in.",
      )
      expect(store.list('CustomersV3', { company: 'usmf' }, { top: 1 }).rows[0]!.OrganizationName).toBe(name)
      await mcp.callTool({ name: 'form_close_form', arguments: {} })
      await close()
    })
  })
}

describe('one form per caller', () => {
  it('refuses a second call while the caller’s form call is running', async () => {
    let arrived!: () => void
    const held = new Promise<void>((resolve) => {
      arrived = resolve
    })
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const gated = clientWith(async (request, next) => {
      if (await isCall(request, 'form_open_menu_item')) {
        arrived()
        await gate
      }
      return next(request)
    })
    const { client: mcp, close } = await connectInProcess(server(gated), { era: 'legacy' })
    const first = mcp.callTool({ name: 'form_open_menu_item', arguments: { name: 'VendTableListPage' } })
    await held
    const second = errorBody(
      await mcp.callTool({ name: 'form_find_menu_item', arguments: { menuItemFilter: 'vendors' } }),
    )
    expect(second.code).toBe('FormBusy')
    expect(second.message).toMatch(/form_open_menu_item\) is still running/)
    expect(second.fix).toMatch(/Wait for the form_open_menu_item call to finish/)
    release()
    expect(structured(await first).FormState.Name).toBe('VendTable')
    // once it finished, the caller can go on
    expect(
      structured(await mcp.callTool({ name: 'form_find_controls', arguments: { controlSearchTerm: 'group' } }))
        .FormState.Name,
    ).toBe('VendTable')
    await close()
    await gated.forms.close()
  })

  it('keeps each HTTP caller’s form to themselves', async () => {
    const resourceServer = oauthResourceServer({
      issuer: sandbox.entra.issuer(),
      audience: sandbox.entra.clientId,
      resourceUrl: 'http://127.0.0.1',
      fetch: (input, init) => sandbox.fetch(new Request(input, init)),
    })
    const http: HttpServerHandle = await startHttp({
      routes: [{ path: '/mcp', server: server() }],
      authenticate: resourceServer.authenticate,
    })
    try {
      const as = async (index: number) => {
        const user = sandbox.entra.users[index]!
        const token = await sandbox.entra.requestToken({
          scope: `${sandbox.entra.clientId}/.default`,
          username: user.userPrincipalName,
          password: user.password,
        })
        return connectHttp(`${http.url}/mcp`, { era: 'modern', headers: { authorization: `Bearer ${token}` } })
      }
      const alice = await as(0)
      const bob = await as(1)
      expect(
        structured(
          await alice.client.callTool({ name: 'form_open_menu_item', arguments: { name: 'CustTableListPage' } }),
        ).FormState.Name,
      ).toBe('CustTable')
      const bobSees = errorBody(
        await bob.client.callTool({ name: 'form_find_controls', arguments: { controlSearchTerm: 'name' } }),
      )
      expect(bobSees.code).toBe('NoFormOpen')
      await bob.client.callTool({ name: 'form_open_menu_item', arguments: { name: 'VendTableListPage' } })
      const aliceSees = structured(
        await alice.client.callTool({ name: 'form_find_controls', arguments: { controlSearchTerm: 'credit' } }),
      )
      expect(aliceSees.FormState.Name).toBe('CustTable')
      expect(aliceSees.Controls.map((c: { Name: string }) => c.Name)).toContain('CustTable_CreditLimit')
      await alice.close()
      await bob.close()
    } finally {
      await http.close()
    }
  })

  it('starts a new session when the environment forgot the caller’s, and says the form was closed', async () => {
    const { client: mcp, close } = await connectInProcess(server(), { era: 'legacy' })
    const opened = structured(
      await mcp.callTool({ name: 'form_open_menu_item', arguments: { name: 'CustTableListPage' } }),
    )
    const token = (await connection().token.getToken()).token
    const ended = await sandbox.fetch(formsEndpoint(connection().url), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}`, 'mcp-session-id': opened.SessionId },
    })
    expect(ended.status).toBe(200)
    const closed = errorBody(
      await mcp.callTool({ name: 'form_find_controls', arguments: { controlSearchTerm: 'name' } }),
    )
    expect(closed.code).toBe('FormClosed')
    expect(closed.fix).toMatch(/form_open_menu_item/)
    const again = structured(
      await mcp.callTool({ name: 'form_open_menu_item', arguments: { name: 'CustTableListPage' } }),
    )
    expect(again.SessionId).not.toBe(opened.SessionId)
    expect(again.Messages).toEqual([])
    // a tool that needs no form runs again at once, with a warning
    await sandbox.fetch(formsEndpoint(connection().url), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}`, 'mcp-session-id': again.SessionId },
    })
    const found = await mcp.callTool({ name: 'form_find_menu_item', arguments: { menuItemFilter: 'customers' } })
    expect(structured(found).Messages[0]).toMatchObject({ Type: 'Warning' })
    expect((found.content as Content)[0]!.text).toMatch(/Warning: Your form session had expired/)
    await close()
  })
})

describe('report downloads', () => {
  it('abandons a download after the time limit with a clear error, and the caller can go on', async () => {
    const slow = clientWith(
      async (request, next) => {
        if (await isCall(request, 'form_click_control')) await new Promise((resolve) => setTimeout(resolve, 1_000))
        return next(request)
      },
      { downloadTimeoutMs: 150 },
    )
    const { client: mcp, close } = await connectInProcess(server(slow), { era: 'legacy', onElicit: acceptConsent })
    await mcp.callTool({ name: 'form_open_menu_item', arguments: { name: 'VendAgingReport' } })
    const timedOut = errorBody(
      await mcp.callTool({ name: 'form_click_control', arguments: { controlName: 'PrintButton' } }),
    )
    expect(timedOut.code).toBe('Timeout')
    expect(timedOut.message).toMatch(/a report download is abandoned after 0.15 s/)
    expect(timedOut.fix).toMatch(/Narrow the report/)
    expect(
      structured(await mcp.callTool({ name: 'form_find_menu_item', arguments: { menuItemFilter: 'aging' } })).Result,
    ).toMatch(/Found/)
    await close()
    await slow.forms.close()
  })

  it('refuses a file over 5 MB with ResponseTooLarge', async () => {
    const huge = clientWith(async (request, next) => {
      const click = await isCall(request, 'form_click_control')
      const response = await next(request)
      if (!click) return response
      const body = (await response.json()) as { result: { content: Array<{ resource?: { blob?: string } }> } }
      for (const block of body.result.content)
        if (block.resource) block.resource.blob = Buffer.alloc(6 * 1024 * 1024).toString('base64')
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
    })
    const { client: mcp, close } = await connectInProcess(server(huge), { era: 'legacy', onElicit: acceptConsent })
    await mcp.callTool({ name: 'form_open_menu_item', arguments: { name: 'VendAgingReport' } })
    const refused = errorBody(
      await mcp.callTool({ name: 'form_click_control', arguments: { controlName: 'PrintButton' } }),
    )
    expect(refused.code).toBe('ResponseTooLarge')
    expect(refused.message).toMatch(/VendorAgingReport_\d{8}\.pdf/)
    await close()
    await huge.forms.close()
  })
})

describe('consent for clicks', () => {
  it('prints a report without asking, and asks before a button of a business form, naming it', async () => {
    // the user declines every question: a click that needs consent changes nothing
    const asked: string[] = []
    const { client: mcp, close } = await connectInProcess(server(), {
      era: 'legacy',
      onElicit: async (request) => {
        asked.push(request.message)
        return declineConsent()
      },
    })
    await mcp.callTool({ name: 'form_open_menu_item', arguments: { name: 'VendAgingReport', type: 'Output' } })
    const printed = await mcp.callTool({ name: 'form_click_control', arguments: { controlName: 'PrintButton' } })
    expect(printed.isError).toBeFalsy()
    expect((printed.content as Content).map((block) => block.type)).toEqual(['text', 'text', 'resource'])
    expect(asked).toEqual([])

    const order = store.list(
      'SalesOrderHeadersV2',
      { company: 'usmf' },
      { equals: { SalesOrderStatus: 'Backorder' }, top: 1 },
    ).rows[0]!
    await mcp.callTool({ name: 'form_open_menu_item', arguments: { name: 'SalesTableListPage' } })
    await mcp.callTool({
      name: 'form_filter_form',
      arguments: { filterValue: String(order.SalesOrderNumber), controlName: 'SalesOrderNumber' },
    })
    const refused = errorBody(
      await mcp.callTool({ name: 'form_click_control', arguments: { controlName: 'buttonConfirm' } }),
    )
    expect(refused.code).toBe('ConsentDeclined')
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatch(/Click 'buttonConfirm' on the form SalesTable/)
    const after = store.get('SalesOrderHeadersV2', 'usmf', { SalesOrderNumber: order.SalesOrderNumber! })
    expect(after?.SalesOrderStatus).toBe(order.SalesOrderStatus)
    await mcp.callTool({ name: 'form_close_form', arguments: {} })
    await close()
  })
})

describe('form tool listings', () => {
  const listed = server().tools.filter((t) => t.tool.toolset === 'forms')

  it('lists the 13 form tools under their official names, read-only except save and click', () => {
    expect(listed.map((t) => t.tool.name).sort()).toEqual(formTools.map((t) => t.name).sort())
    expect(listed).toHaveLength(13)
    const writes = listed.filter((t) => t.tool.annotations.readOnlyHint !== true).map((t) => t.tool.name)
    expect(writes.sort()).toEqual(['form_click_control', 'form_save_form'])
    expect(listed.filter((t) => t.tool.annotations.destructiveHint).map((t) => t.tool.name)).toEqual([
      'form_click_control',
    ])
    const click = formTools.find((t) => t.name === 'form_click_control')!
    const ctx = { client, caller: { id: 'nobody-yet' } }
    expect(click.consent!({ controlName: 'Grid', actionId: 'LoadNextPage' }, ctx)).toBeUndefined()
    expect(click.consent!({ controlName: 'PrintButton' }, ctx)).toMatch(/^Click 'PrintButton' in finance/)
  })

  it('keeps form tool listings under 200 o200k tokens on average', () => {
    const encoder = getEncoding('o200k_base')
    const tokens = listed.map((t) => encoder.encode(JSON.stringify(t.listing)).length)
    const average = tokens.reduce((sum, n) => sum + n, 0) / tokens.length
    expect(average).toBeLessThan(200)
  })

  it('a read-only server lists no form tool that can change data', () => {
    const readOnly = createServer([{ product: erpModule.product, client }], { readOnly: true })
    const names = readOnly.tools.map((t) => t.tool.name)
    expect(names).toContain('form_set_control_values')
    expect(names).not.toContain('form_save_form')
    expect(names).not.toContain('form_click_control')
  })
})
