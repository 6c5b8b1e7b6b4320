// The OData client over a scripted fetch: what it sends, paging by nextLink up to a cap, Retry-After,
// $metadata fetched once per connection, and the environment's connection settings.
import { staticTokenProvider } from '@bizmcp/core'
import { describe, expect, it } from 'vitest'
import { credentialConfigFromEnv, resolveConnection } from '../connection.js'
import { createODataClient } from './client.js'
import { FIXTURE_XML } from './fixture.test-support.js'

const BASE = 'https://contoso.operations.dynamics.com'

function scripted(handler: (url: URL, request: Request) => Response | Promise<Response>) {
  const requests: Request[] = []
  return {
    requests,
    fetch: async (request: Request) => {
      requests.push(request.clone())
      return handler(new URL(request.url), request)
    },
  }
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })

function client(handler: Parameters<typeof scripted>[0]) {
  const net = scripted((url, request) =>
    url.pathname === '/data/$metadata'
      ? new Response(FIXTURE_XML, { headers: { 'Content-Type': 'application/xml' } })
      : handler(url, request),
  )
  const odata = createODataClient({
    url: `${BASE}/`,
    token: staticTokenProvider('t0ken'),
    fetch: net.fetch,
    http: { retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 5_000 } },
  })
  return { odata, requests: net.requests }
}

describe('OData client', () => {
  it('sends OData headers and the bearer token, and reads $metadata once per connection', async () => {
    const { odata, requests } = client(() => json({ value: [] }))
    const entity = await odata.entity('CustomersV3')
    await odata.entity('SalesOrderHeadersV2')
    await odata.query(entity, { filter: "CustomerGroupId eq '10'", company: { kind: 'company', id: 'usmf' } })
    expect(requests.filter((r) => r.url.endsWith('$metadata'))).toHaveLength(1)
    const query = requests.at(-1)!
    expect(query.headers.get('authorization')).toBe('Bearer t0ken')
    expect(query.headers.get('odata-version')).toBe('4.0')
    expect(query.url).toBe(
      `${BASE}/data/CustomersV3?$filter=(CustomerGroupId%20eq%20%2710%27)%20and%20dataAreaId%20eq%20%27usmf%27&cross-company=true`,
    )
  })

  it('follows @odata.nextLink until the cap and says when the cap cut the result', async () => {
    const { odata, requests } = client((url) => {
      const page = Number(url.searchParams.get('page') ?? 0)
      return json({
        value: Array.from({ length: 3 }, (_, i) => ({ '@odata.etag': 'W/"x"', CustomerAccount: `C${page * 3 + i}` })),
        ...(page < 5 ? { '@odata.nextLink': `${BASE}/data/CustomersV3?page=${page + 1}` } : {}),
      })
    })
    const entity = await odata.entity('CustomersV3')
    const capped = await odata.queryAll(entity, { maxRows: 7 })
    expect(capped.rows.map((r) => r.CustomerAccount)).toEqual(['C0', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6'])
    expect(capped.rows[0]).not.toHaveProperty('@odata.etag')
    expect(capped).toMatchObject({ truncated: true, requests: 3 })
    expect(requests.find((r) => r.url.includes('$top'))?.url).toMatch(/\$top=8/)
    const all = await odata.queryAll(entity, { maxRows: 100 })
    expect(all).toMatchObject({ truncated: false, requests: 6 })
    expect(all.rows).toHaveLength(18)
  })

  it('waits out 429 Retry-After and retries', async () => {
    let calls = 0
    const { odata } = client(() => {
      calls++
      return calls === 1
        ? json({ error: { code: '', message: 'Too many requests' } }, 429, { 'Retry-After': '0' })
        : json({ value: [{ a: 1 }] })
    })
    const page = await odata.query(await odata.entity('LegalEntities'), {})
    expect(page.rows).toEqual([{ a: 1 }])
    expect(calls).toBe(2)
  })

  it('addresses records by key with cross-company for company data, and maps F&O errors', async () => {
    const { odata, requests } = client((_url, request) => {
      if (request.method === 'PATCH') return new Response(null, { status: 204 })
      return json(
        {
          error: {
            code: '',
            message: 'An error has occurred.',
            innererror: {
              message: "Customer group '99' does not exist.",
              type: 'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException',
              stacktrace: '…',
            },
          },
        },
        400,
      )
    })
    const entity = await odata.entity('CustomersV3')
    await odata.update(entity, { dataAreaId: 'usmf', CustomerAccount: 'US-001' }, { CreditLimit: 5 })
    const patch = requests.at(-1)!
    expect(patch.method).toBe('PATCH')
    expect(patch.url).toBe(`${BASE}/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')?cross-company=true`)
    expect(patch.headers.get('if-match')).toBe('*')
    expect(await patch.json()).toEqual({ CreditLimit: 5 })
    const error = await odata.create(entity, { CustomerGroupId: '99' }).catch((e) => e)
    expect(error).toMatchObject({
      code: 'VendorError',
      message: "Finance & operations said: Customer group '99' does not exist.",
    })
  })

  it('refuses unknown entity sets with close names', async () => {
    const { odata } = client(() => json({}))
    const error = await odata.entity('Customer').catch((e) => e)
    expect(error.code).toBe('NotFound')
    expect(error.message).toMatch(/CustomersV3/)
  })
})

describe('connection from the environment', () => {
  it('builds credentials for each auth mode', () => {
    const app = { AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c' }
    expect(credentialConfigFromEnv({ ...app, AZURE_CLIENT_SECRET: 's' })).toMatchObject({ kind: 'client-secret' })
    expect(credentialConfigFromEnv({ ...app, AZURE_CLIENT_CERTIFICATE_PATH: '/c.pem' })).toMatchObject({
      kind: 'client-certificate',
    })
    expect(credentialConfigFromEnv({ ERP_AUTH: 'managed-identity', AZURE_CLIENT_ID: 'mi' })).toMatchObject({
      kind: 'managed-identity',
      clientId: 'mi',
    })
    expect(credentialConfigFromEnv({})).toMatchObject({ kind: 'default' })
    expect(() => credentialConfigFromEnv({ ERP_AUTH: 'client-secret' })).toThrow(/needs AZURE_TENANT_ID/)
    expect(() => credentialConfigFromEnv({ ERP_AUTH: 'magic' })).toThrow(/not known/)
  })

  it('uses ERP_URL, a static token and the linked Dataverse URL when given', async () => {
    const log = undefined as never
    const connection = resolveConnection({
      env: {
        ERP_URL: BASE,
        ERP_TOKEN: 'a',
        ERP_DATAVERSE_URL: 'https://contoso.crm.dynamics.com',
        ERP_DATAVERSE_TOKEN: 'b',
      },
      log,
    })
    expect(connection.url).toBe(BASE)
    expect((await connection.token.getToken()).token).toBe('a')
    expect(connection.dataverse?.url).toBe('https://contoso.crm.dynamics.com')
    expect((await connection.dataverse!.token.getToken()).token).toBe('b')
    expect(resolveConnection({ env: { ERP_URL: BASE, ERP_TOKEN: 'a' }, log }).dataverse).toBeUndefined()
    expect(() => resolveConnection({ env: {}, log })).toThrow(/Set ERP_URL/)
    expect(() => resolveConnection({ env: { ERP_URL: BASE, ERP_AUTH: 'on-behalf-of' }, log })).toThrow(
      /on-behalf-of needs AZURE_TENANT_ID/,
    )
  })
})
