// sObject Collections, Composite and Composite Batch, through handle() and with jsforce over HTTP.
import { Connection } from 'jsforce'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox, serveSandbox } from '../src/index.js'
import { createSalesforceEmulator, type SalesforceEmulator } from '../src/salesforce/emulator.js'

const START = new Date('2025-05-15T12:00:00Z')
let sandbox: Sandbox
let sf: SalesforceEmulator
let close: () => Promise<void>
let accessToken: string

const V = '/services/data/v62.0'

async function api(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const headers = new Headers(init.headers)
  headers.set('authorization', `Bearer ${accessToken}`)
  if (init.body) headers.set('content-type', 'application/json')
  const response = await sf.handle(
    new Request(`${sandbox.urlOf('salesforce')}${V}${path}`, { ...init, headers }),
    `${V}${path}`,
  )
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

const post = (path: string, body: unknown, method = 'POST') => api(path, { method, body: JSON.stringify(body) })

async function count(soql: string): Promise<number> {
  const { body } = await api(`/query?q=${encodeURIComponent(soql)}`)
  return body.totalSize
}

beforeAll(async () => {
  sandbox = createSandbox({ clock: () => START })
  sf = createSalesforceEmulator({ db: sandbox.db, baseUrl: () => sandbox.baseUrl, clock: () => START })
  sandbox.mount(sf)
  ;({ close } = await serveSandbox(sandbox))
  const { clientId, clientSecret } = sf.describe() as { clientId: string; clientSecret: string }
  const response = await sf.handle(
    new Request(`${sandbox.urlOf('salesforce')}/services/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: clientId,
        client_secret: clientSecret,
        username: 'admin@bizmcp-sandbox.example',
        password: 'Sandbox-Passw0rd!',
      }),
    }),
    '/services/oauth2/token',
  )
  accessToken = ((await response.json()) as { access_token: string }).access_token
})

afterAll(async () => {
  await close()
  sandbox.close()
})

describe('sObject Collections', () => {
  it('creates records of several types and reports each result, partial success allowed', async () => {
    const { status, body } = await post('/composite/sobjects', {
      records: [
        { attributes: { type: 'Account' }, Name: 'Coll One' },
        { attributes: { type: 'Contact' }, FirstName: 'No last name' },
        { attributes: { type: 'Lead' }, LastName: 'Lead', Company: 'Coll Co' },
      ],
    })
    expect(status).toBe(200)
    expect(body[0]).toMatchObject({ id: expect.stringMatching(/^001/), success: true, errors: [] })
    expect(body[1]).toEqual({
      success: false,
      errors: [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Required fields are missing: [LastName]',
          fields: ['LastName'],
        },
      ],
    })
    expect(body[2]).toMatchObject({ id: expect.stringMatching(/^00Q/), success: true })
    expect(await count("SELECT COUNT() FROM Account WHERE Name = 'Coll One'")).toBe(1)
  })

  it('rolls every record back with allOrNone', async () => {
    const { body } = await post('/composite/sobjects', {
      allOrNone: true,
      records: [
        { attributes: { type: 'Account' }, Name: 'Rolled Back A' },
        { attributes: { type: 'Account' }, Name: 'x'.repeat(300) },
        { attributes: { type: 'Account' }, Name: 'Rolled Back B' },
      ],
    })
    expect(body.map((r: { success: boolean }) => r.success)).toEqual([false, false, false])
    expect(body[0].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK')
    expect(body[1].errors[0].statusCode).toBe('STRING_TOO_LONG')
    expect(body[2].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK')
    expect(await count("SELECT COUNT() FROM Account WHERE Name LIKE 'Rolled Back%'")).toBe(0)
  })

  it('updates, retrieves and deletes by id lists', async () => {
    const created = await post('/composite/sobjects', {
      records: ['A', 'B'].map((s) => ({ attributes: { type: 'Account' }, Name: `Batch ${s}` })),
    })
    const ids = created.body.map((r: { id: string }) => r.id)
    const updated = await post(
      '/composite/sobjects',
      {
        records: [
          { attributes: { type: 'Account' }, id: ids[0], Rating: 'Hot' },
          { attributes: { type: 'Account' }, Rating: 'Cold' },
        ],
      },
      'PATCH',
    )
    expect(updated.body).toEqual([
      { id: ids[0], success: true, errors: [] },
      { success: false, errors: [expect.objectContaining({ statusCode: 'MISSING_ARGUMENT' })] },
    ])
    const read = await api(`/composite/sobjects/Account?ids=${ids.join(',')},001000000000000AAA&fields=Name,Rating`)
    expect(read.body).toEqual([
      expect.objectContaining({ Name: 'Batch A', Rating: 'Hot', attributes: expect.any(Object) }),
      expect.objectContaining({ Name: 'Batch B', Rating: null }),
      null,
    ])
    const deleted = await api(`/composite/sobjects?ids=${ids[0]},${ids[1]}`, { method: 'DELETE' })
    expect(deleted.body).toEqual(ids.map((id: string) => ({ id, success: true, errors: [] })))
    const again = await api(`/composite/sobjects?ids=${ids[0]}&allOrNone=true`, { method: 'DELETE' })
    expect(again.body).toEqual([
      { id: ids[0], success: false, errors: [expect.objectContaining({ statusCode: 'ENTITY_IS_DELETED' })] },
    ])
  })

  it('upserts on an external id and refuses more than 200 records', async () => {
    const { body } = await post(
      '/composite/sobjects/Product2/ExternalId',
      {
        records: [
          { attributes: { type: 'Product2' }, ExternalId: 'COLL-1', Name: 'Coll Widget' },
          { attributes: { type: 'Product2' }, ExternalId: 'COLL-1', Name: 'Coll Widget v2' },
        ],
      },
      'PATCH',
    )
    expect(body[0]).toMatchObject({ success: true, created: true })
    expect(body[1]).toMatchObject({ id: body[0].id, success: true, created: false })
    const tooMany = await post('/composite/sobjects', {
      records: Array.from({ length: 201 }, () => ({ attributes: { type: 'Account' }, Name: 'x' })),
    })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body[0].errorCode).toBe('EXCEEDED_ID_LIMIT')
  })
})

describe('Composite', () => {
  it('chains subrequests through references in urls and bodies', async () => {
    const { status, body } = await post('/composite', {
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'acct', body: { Name: 'Composite Co' } },
        {
          method: 'POST',
          url: `${V}/sobjects/Contact`,
          referenceId: 'contact',
          body: { LastName: 'Ref', AccountId: '@{acct.id}' },
        },
        {
          method: 'GET',
          url: `${V}/query?q=SELECT+Id,Name+FROM+Contact+WHERE+AccountId='@{acct.id}'`,
          referenceId: 'found',
        },
        {
          method: 'PATCH',
          url: `${V}/sobjects/Contact/@{found.records[0].Id}`,
          referenceId: 'renamed',
          body: { Title: 'Ref of @{acct.id}' },
        },
      ],
    })
    expect(status).toBe(200)
    const [acct, contact, found, renamed] = body.compositeResponse
    expect(acct).toMatchObject({ httpStatusCode: 201, referenceId: 'acct', body: { success: true } })
    expect(acct.httpHeaders.Location).toBe(`${V}/sobjects/Account/${acct.body.id}`)
    expect(contact.httpStatusCode).toBe(201)
    expect(found.body.records[0].Id).toBe(contact.body.id)
    expect(renamed).toEqual({ body: null, httpHeaders: {}, httpStatusCode: 204, referenceId: 'renamed' })
    const read = await api(`/sobjects/Contact/${contact.body.id}?fields=Title,AccountId`)
    expect(read.body).toMatchObject({ Title: `Ref of ${acct.body.id}`, AccountId: acct.body.id })
  })

  it('rolls back with allOrNone and halts every other subrequest', async () => {
    const { body } = await post('/composite', {
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'good', body: { Name: 'AllOrNone Co' } },
        { method: 'POST', url: `${V}/sobjects/Contact`, referenceId: 'bad', body: { Email: 'not an email' } },
        { method: 'GET', url: `${V}/sobjects/Account/@{good.id}`, referenceId: 'after' },
      ],
    })
    const [good, bad, after] = body.compositeResponse
    expect(good).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED' }] })
    expect(bad.httpStatusCode).toBe(400)
    expect(bad.body[0].errorCode).not.toBe('PROCESSING_HALTED')
    expect(after.body[0].errorCode).toBe('PROCESSING_HALTED')
    expect(await count("SELECT COUNT() FROM Account WHERE Name = 'AllOrNone Co'")).toBe(0)
  })

  it('without allOrNone keeps what worked and halts only the dependants of a failure', async () => {
    const { body } = await post('/composite', {
      collateSubrequests: false,
      compositeRequest: [
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'bad', body: { Nope: 1 } },
        {
          method: 'POST',
          url: `${V}/sobjects/Contact`,
          referenceId: 'dep',
          body: { LastName: 'D', AccountId: '@{bad.id}' },
        },
        { method: 'POST', url: `${V}/sobjects/Account`, referenceId: 'ok', body: { Name: 'Partial Co' } },
        {
          method: 'POST',
          url: `${V}/composite/sobjects`,
          referenceId: 'many',
          body: { records: [{ attributes: { type: 'Lead' }, LastName: 'L', Company: '@{ok.id}' }] },
        },
      ],
    })
    const [bad, dep, ok, many] = body.compositeResponse
    expect(bad.body[0].errorCode).toBe('INVALID_FIELD')
    expect(dep.body[0].errorCode).toBe('PROCESSING_HALTED')
    expect(ok.httpStatusCode).toBe(201)
    expect(many).toMatchObject({ httpStatusCode: 200, body: [{ success: true }] })
  })

  it('refuses more than 25 subrequests and duplicate reference ids', async () => {
    const sub = (i: number) => ({ method: 'GET', url: `${V}/limits`, referenceId: `r${i}` })
    const tooMany = await post('/composite', { compositeRequest: Array.from({ length: 26 }, (_, i) => sub(i)) })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body[0].errorCode).toBe('LIMIT_EXCEEDED')
    const dup = await post('/composite', { compositeRequest: [sub(1), sub(1)] })
    expect(dup.status).toBe(400)
  })
})

describe('Composite Batch', () => {
  it('runs independent subrequests and halts after a failure with haltOnError', async () => {
    const created = await post('/sobjects/Account', { Name: 'Batch Target' })
    const id = created.body.id
    const { status, body } = await post('/composite/batch', {
      haltOnError: true,
      batchRequests: [
        { method: 'PATCH', url: `v62.0/sobjects/Account/${id}`, richInput: { Rating: 'Warm' } },
        { method: 'GET', url: `v62.0/sobjects/Account/${id}?fields=Rating` },
        { method: 'GET', url: 'v62.0/sobjects/Account/001000000000000AAA' },
        { method: 'GET', url: `v62.0/sobjects/Account/${id}` },
      ],
    })
    expect(status).toBe(200)
    expect(body.hasErrors).toBe(true)
    expect(body.results.map((r: { statusCode: number }) => r.statusCode)).toEqual([204, 200, 404, 412])
    expect(body.results[0].result).toBeNull()
    expect(body.results[1].result.Rating).toBe('Warm')
    expect(body.results[3].result[0].errorCode).toBe('BATCH_PROCESSING_HALTED')
  })

  it('keeps going without haltOnError and refuses more than 25', async () => {
    const { body } = await post('/composite/batch', {
      batchRequests: [
        { method: 'GET', url: 'v62.0/sobjects/Account/001000000000000AAA' },
        { method: 'GET', url: 'v62.0/limits' },
      ],
    })
    expect(body.results.map((r: { statusCode: number }) => r.statusCode)).toEqual([404, 200])
    const tooMany = await post('/composite/batch', {
      batchRequests: Array.from({ length: 26 }, () => ({ method: 'GET', url: 'v62.0/limits' })),
    })
    expect(tooMany.status).toBe(400)
  })
})

describe('jsforce with collections', () => {
  it('creates, retrieves, updates and destroys arrays of records', async () => {
    const conn = new Connection({
      oauth2: {
        loginUrl: sandbox.urlOf('salesforce'),
        ...(sf.describe() as { clientId: string; clientSecret: string }),
      },
      version: '62.0',
    })
    await conn.login('sales@bizmcp-sandbox.example', 'Sandbox-Passw0rd!')
    const created = await conn
      .sobject('Lead')
      .create([
        { LastName: 'Array One', Company: 'Arr' },
        { LastName: 'Array Two', Company: 'Arr' },
        { FirstName: 'Missing' },
      ])
    expect(created.map((r) => r.success)).toEqual([true, true, false])
    const ids = created.filter((r) => r.success).map((r) => (r as { id: string }).id)
    const records = await conn.sobject('Lead').retrieve(ids, { fields: ['LastName', 'Company'] })
    expect(records.map((r) => (r as { LastName: string }).LastName)).toEqual(['Array One', 'Array Two'])
    const updated = await conn.sobject('Lead').update(ids.map((Id) => ({ Id, Rating: 'Hot' })))
    expect(updated.every((r) => r.success)).toBe(true)
    await expect(
      conn.sobject('Lead').create([{ LastName: 'A', Company: 'B' }, { LastName: 'C' }], { allOrNone: true }),
    ).resolves.toEqual([
      expect.objectContaining({
        success: false,
        errors: [expect.objectContaining({ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' })],
      }),
      expect.objectContaining({ success: false }),
    ])
    const destroyed = await conn.sobject('Lead').destroy(ids)
    expect(destroyed.every((r) => r.success)).toBe(true)
    const batch = (await conn.requestPost('/composite/batch', {
      batchRequests: [{ method: 'GET', url: 'v62.0/limits' }],
    })) as { hasErrors: boolean }
    expect(batch.hasErrors).toBe(false)
  })
})
