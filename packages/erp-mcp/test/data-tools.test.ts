// The data tools end to end: MCP client → server → erp client → sandbox fetch → emulator → SQLite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptConsent, declineConsent, ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

type Rows = { rows: Array<Record<string, any>>; count?: number; nextCursor?: string }

describe('finding and describing entities', () => {
  it('finds entity sets by keywords and describes one', async () => {
    const { client, close } = await env.connect()
    const found = ok(
      await client.callTool({ name: 'data_find_entity_type', arguments: { keywords: 'vendor invoices' } }),
    )
    expect(found.entities.slice(0, 2).map((e: { entitySet: string }) => e.entitySet)).toContain('VendorInvoiceHeaders')
    const meta = ok(
      await client.callTool({ name: 'data_get_entity_metadata', arguments: { entitySet: 'salesorderheadersv2' } }),
    )
    expect(meta).toMatchObject({
      entitySet: 'SalesOrderHeadersV2',
      companySpecific: true,
      keys: ['dataAreaId', 'SalesOrderNumber'],
    })
    expect(meta.fields).toContainEqual(
      expect.objectContaining({ name: 'OrderingCustomerAccountNumber', mandatory: true }),
    )
    expect(meta.fields).toContainEqual(
      expect.objectContaining({
        name: 'SalesOrderStatus',
        readOnly: true,
        values: expect.arrayContaining(['Backorder']),
      }),
    )
    expect(meta.navigation).toContainEqual({ name: 'SalesOrderLines', target: 'SalesOrderLines', many: true })
    expect(meta.actions.map((a: { name: string }) => a.name)).toContain('SalesOrderHeadersV2.ConfirmSalesOrder')
    const global = ok(
      await client.callTool({ name: 'data_get_entity_metadata', arguments: { entitySet: 'LegalEntities' } }),
    )
    expect(global).toMatchObject({ companySpecific: false, readOnly: true, keys: ['LegalEntityId'] })
    await close()
  })

  it('answers an unknown entity set or field with the tool that finds the right name', async () => {
    const { client, close } = await env.connect()
    const set = errorBody(
      await client.callTool({ name: 'data_get_entity_metadata', arguments: { entitySet: 'Customers' } }),
    )
    expect(set.code).toBe('NotFound')
    expect(set.message).toMatch(/CustomersV3/)
    expect(set.fix).toMatch(/data_find_entity_type/)
    const field = errorBody(
      await client.callTool({
        name: 'data_find_entities',
        arguments: { entitySet: 'CustomersV3', select: 'CustomerAccount,Nmae' },
      }),
    )
    expect(field.code).toBe('InvalidInput')
    expect(field.fix).toMatch(/data_get_entity_metadata/)
    // a wrong field inside $filter is reported by finance & operations itself
    const filter = errorBody(
      await client.callTool({
        name: 'data_find_entities',
        arguments: { entitySet: 'CustomersV3', filter: "Nmae eq 'x'" },
      }),
    )
    expect(filter.code).toBe('InvalidInput')
    expect(filter.message).toMatch(/Nmae/)
    expect(filter.fix).toMatch(/data_get_entity_metadata with entitySet 'CustomersV3'/)
    await close()
  })
})

describe('data_find_entities', () => {
  it('filters, selects, orders, counts and pages with a cursor', async () => {
    const { client, close } = await env.connect()
    const args = {
      entitySet: 'CustomersV3',
      filter: "CustomerGroupId eq '10'",
      select: 'CustomerAccount,OrganizationName,CustomerGroupId',
      orderby: 'CustomerAccount desc',
      top: 4,
      count: true,
    }
    const first = ok<Rows>(await client.callTool({ name: 'data_find_entities', arguments: args }))
    expect(first.rows).toHaveLength(4)
    expect(Object.keys(first.rows[0]!).sort()).toEqual(['CustomerAccount', 'CustomerGroupId', 'OrganizationName'])
    expect(first.rows.every((r) => r.CustomerGroupId === '10')).toBe(true)
    const accounts = first.rows.map((r) => r.CustomerAccount)
    expect(accounts).toEqual([...accounts].sort().reverse())
    const all: string[] = [...accounts]
    let cursor = first.nextCursor
    while (cursor) {
      const page = ok<Rows>(await client.callTool({ name: 'data_find_entities', arguments: { ...args, cursor } }))
      all.push(...page.rows.map((r) => r.CustomerAccount))
      cursor = page.nextCursor
    }
    expect(all).toHaveLength(first.count!)
    expect(new Set(all).size).toBe(all.length)
    await close()
  })

  it('reads one company, all companies, or the default one', async () => {
    const { client, close } = await env.connect()
    const read = async (companyId?: string) =>
      ok<Rows>(
        await client.callTool({
          name: 'data_find_entities',
          arguments: {
            entitySet: 'CustomersV3',
            select: 'dataAreaId,CustomerAccount',
            top: 1000,
            ...(companyId ? { companyId } : {}),
          },
        }),
      ).rows
    const mine = await read()
    const demf = await read('DEMF')
    const all = await read('cross-company')
    expect(new Set(mine.map((r) => r.dataAreaId))).toEqual(new Set(['usmf']))
    expect(new Set(demf.map((r) => r.dataAreaId))).toEqual(new Set(['demf']))
    expect(new Set(all.map((r) => r.dataAreaId))).toEqual(new Set(['usmf', 'demf', 'gbsi']))
    expect(all.length).toBeGreaterThan(mine.length + demf.length - 1)
    await close()
  })

  for (const era of ERAS) {
    it(`returns a large result as an embedded resource and refuses it inline (${era})`, async () => {
      const { client, close } = await env.connect({ era })
      const args = { entitySet: 'SalesOrderLines', companyId: 'cross-company', top: 5000 }
      const inline = errorBody(await client.callTool({ name: 'data_find_entities', arguments: args }))
      expect(inline.code).toBe('ResponseTooLarge')
      expect(inline.fix).toMatch(/returnAsResource: true/)
      const result = await client.callTool({
        name: 'data_find_entities',
        arguments: { ...args, returnAsResource: true },
      })
      expect(result.isError).toBeFalsy()
      const content = result.content as Array<{
        type: string
        text?: string
        resource?: { uri: string; mimeType: string; text: string }
      }>
      expect(content.map((c) => c.type)).toEqual(['text', 'resource'])
      expect(content[0]!.text).toMatch(/embedded resource/)
      const full = JSON.parse(content[1]!.resource!.text) as Rows
      expect(full.rows.length).toBeGreaterThan(1000)
      expect(content[1]!.resource!.text.length).toBeGreaterThan(160_000)
      expect(content[1]!.resource!.mimeType).toBe('application/json')
      const direct = await env.client.odata.queryAll(await env.client.odata.entity('SalesOrderLines'), {
        company: { kind: 'cross-company' },
        maxRows: 5000,
      })
      expect(full.rows.length).toBe(direct.rows.length)
      await close()
    })
  }
})

describe('a sales order through the data tools', () => {
  it('creates a header and lines, updates them and reads them back', async () => {
    const { client, close } = await env.connect()
    const customer = ok<Rows>(
      await client.callTool({
        name: 'data_find_entities',
        arguments: { entitySet: 'CustomersV3', top: 1, select: 'CustomerAccount' },
      }),
    ).rows[0]!.CustomerAccount
    const item = ok<Rows>(
      await client.callTool({
        name: 'data_find_entities',
        arguments: { entitySet: 'ReleasedProductsV2', top: 1, select: 'ItemNumber' },
      }),
    ).rows[0]!.ItemNumber
    const header = ok(
      await client.callTool({
        name: 'data_create_entities',
        arguments: {
          entitySet: 'SalesOrderHeadersV2',
          records: [{ OrderingCustomerAccountNumber: customer, CustomersOrderReference: 'MCP-TEST-1' }],
        },
      }),
    )
    expect(header.results).toEqual([
      { index: 0, status: 'created', key: { dataAreaId: 'usmf', SalesOrderNumber: expect.stringMatching(/^SO-/) } },
    ])
    const order = header.results[0].key.SalesOrderNumber as string
    const lines = ok(
      await client.callTool({
        name: 'data_create_entities',
        arguments: {
          entitySet: 'SalesOrderLines',
          records: [
            { SalesOrderNumber: order, ItemNumber: item, OrderedSalesQuantity: 2, SalesPrice: 10 },
            { SalesOrderNumber: order, ItemNumber: item, OrderedSalesQuantity: 1, SalesPrice: 5 },
          ],
        },
      }),
    )
    expect(lines.results.map((r: { status: string }) => r.status)).toEqual(['created', 'created'])
    const updated = ok(
      await client.callTool({
        name: 'data_update_entities',
        arguments: {
          entitySet: 'SalesOrderLines',
          updates: [{ key: lines.results[0].key, values: { OrderedSalesQuantity: 3 } }],
        },
      }),
    )
    expect(updated.results).toEqual([{ index: 0, status: 'updated', key: lines.results[0].key }])
    ok(
      await client.callTool({
        name: 'data_update_entities',
        arguments: {
          entitySet: 'SalesOrderHeadersV2',
          updates: [{ key: { SalesOrderNumber: order }, values: { CustomersOrderReference: 'MCP-TEST-1b' } }],
        },
      }),
    )
    const back = ok<Rows>(
      await client.callTool({
        name: 'data_find_entities',
        arguments: {
          entitySet: 'SalesOrderHeadersV2',
          filter: `SalesOrderNumber eq '${order}'`,
          expand: 'SalesOrderLines',
        },
      }),
    ).rows[0]!
    expect(back.CustomersOrderReference).toBe('MCP-TEST-1b')
    expect(back.SalesOrderLines.map((l: { OrderedSalesQuantity: number }) => l.OrderedSalesQuantity).sort()).toEqual([
      1, 3,
    ])
    expect(back.TotalOrderAmount).toBe(35)
    await close()
  })

  it('validates every record before writing any, and reports per record after a failure', async () => {
    const { client, close } = await env.connect()
    const count = async () =>
      (await env.client.odata.queryAll(await env.client.odata.entity('CustomerGroups'), { maxRows: 1000 })).rows.length
    const before = await count()
    const refused = errorBody(
      await client.callTool({
        name: 'data_create_entities',
        arguments: {
          entitySet: 'CustomerGroups',
          records: [
            { CustomerGroupId: 'T1', Description: 'fine' },
            { CustomerGroupId: 'T2', Descripton: 'typo' },
            { CustomerGroupId: 'T3', IsSalesTaxIncludedInPrice: 'Maybe' },
          ],
        },
      }),
    )
    expect(refused.code).toBe('InvalidInput')
    expect(refused.message).toMatch(/changed nothing: 2 records are invalid/)
    expect(refused.message).toMatch(/record 1: no field 'Descripton' \(close: Description\)/)
    expect(refused.message).toMatch(/record 2: IsSalesTaxIncludedInPrice is one of No, Yes/)
    expect(await count()).toBe(before)
    // the second record is refused by finance & operations (a duplicate key): the first stays, the third is not tried
    const partial = ok(
      await client.callTool({
        name: 'data_create_entities',
        arguments: {
          entitySet: 'CustomerGroups',
          records: [
            { CustomerGroupId: 'T4', Description: 'first' },
            { CustomerGroupId: 'T4', Description: 'again' },
            { CustomerGroupId: 'T5', Description: 'third' },
          ],
        },
      }),
    )
    expect(partial.results.map((r: { status: string }) => r.status)).toEqual(['created', 'failed', 'notAttempted'])
    expect(partial.results[1].error).toBeTruthy()
    expect(await count()).toBe(before + 1)
    // updates: a missing record fails the whole batch before anything changes
    const missing = errorBody(
      await client.callTool({
        name: 'data_update_entities',
        arguments: {
          entitySet: 'CustomerGroups',
          updates: [
            { key: { CustomerGroupId: 'T4' }, values: { Description: 'changed' } },
            { key: { CustomerGroupId: 'NOPE' }, values: { Description: 'x' } },
          ],
        },
      }),
    )
    expect(missing.message).toMatch(/record 1: No CustomerGroups record/)
    const t4 = await env.client.odata.get(await env.client.odata.entity('CustomerGroups'), {
      dataAreaId: 'usmf',
      CustomerGroupId: 'T4',
    })
    expect(t4.Description).toBe('first')
    await close()
  })
})

it('refuses to create or change records of a read-only entity, before any write', async () => {
  const { client, close } = await env.connect()
  const created = errorBody(
    await client.callTool({
      name: 'data_create_entities',
      arguments: { entitySet: 'VendorTransactions', records: [{ VendorAccount: 'USV-001', AmountCur: 1 }] },
    }),
  )
  expect(created).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(/read-only.*created/) })
  expect(created.fix).toMatch(/api_find_actions/)
  const changed = errorBody(
    await client.callTool({
      name: 'data_update_entities',
      arguments: { entitySet: 'VendorTransactions', updates: [{ key: { Voucher: 'x' }, values: { Text: 'y' } }] },
    }),
  )
  expect(changed.message).toMatch(/read-only.*changed/)
  await close()
})

describe('data_delete_entities', () => {
  const groups = async (ids: string[]) => {
    const entity = await env.client.odata.entity('CustomerGroups')
    const rows = await env.client.odata.queryAll(entity, { maxRows: 1000 })
    return rows.rows.filter((r) => ids.includes(String(r.CustomerGroupId))).map((r) => r.CustomerGroupId)
  }
  const create = async (ids: string[]) => {
    const entity = await env.client.odata.entity('CustomerGroups')
    for (const id of ids) await env.client.odata.create(entity, { CustomerGroupId: id, Description: `delete me ${id}` })
  }

  for (const era of ERAS) {
    it(`asks the user, naming what goes, and deletes only on approval (${era})`, async () => {
      const ids = [`D${era[0]}1`, `D${era[0]}2`]
      await create(ids)
      const questions: string[] = []
      const declined = await env.connect({
        era,
        onElicit: async (request) => {
          questions.push(request.message)
          return declineConsent()
        },
      })
      const call = (client: typeof declined.client) =>
        client.callTool({
          name: 'data_delete_entities',
          arguments: {
            entitySet: 'CustomerGroups',
            keys: ids.map((id) => ({ CustomerGroupId: id })),
            companyId: 'usmf',
          },
        })
      expect(errorBody(await call(declined.client)).code).toBe('ConsentDeclined')
      expect(questions[0]).toMatch(
        new RegExp(`Delete 2 CustomerGroups records in usmf: CustomerGroupId='${ids[0]}'; CustomerGroupId='${ids[1]}'`),
      )
      expect(await groups(ids)).toEqual(ids)
      await declined.close()

      const approved = await env.connect({ era, onElicit: acceptConsent })
      const result = ok(await call(approved.client))
      expect(result.results.map((r: { status: string }) => r.status)).toEqual(['deleted', 'deleted'])
      expect(await groups(ids)).toEqual([])
      await approved.close()
    })
  }

  it('is refused when the client cannot ask the user, and changes nothing', async () => {
    await create(['DX1'])
    const { client, close } = await env.connect()
    const body = errorBody(
      await client.callTool({
        name: 'data_delete_entities',
        arguments: { entitySet: 'CustomerGroups', keys: [{ CustomerGroupId: 'DX1' }] },
      }),
    )
    expect(body.code).toBe('ConsentUnavailable')
    expect(await groups(['DX1'])).toEqual(['DX1'])
    await close()
  })
})
