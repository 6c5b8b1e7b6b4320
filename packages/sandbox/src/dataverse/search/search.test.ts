import { describe, expect, it } from 'vitest'
import { fixtureSchema, ids } from '../test-fixtures.js'
import { makeEmulator, ORG_URL } from '../test-helpers.js'
import { toFtsQuery } from './query-syntax.js'

const SEARCHABLE = new Set(['account', 'contact', 'lead', 'incident'])

function searchEmulator() {
  const schema = structuredClone(fixtureSchema)
  for (const t of schema.tables) if (SEARCHABLE.has(t.logicalName)) t.searchEnabled = true
  return makeEmulator({ schema })
}

type Call = ReturnType<typeof makeEmulator>['call']

async function search(call: Call, body: Record<string, unknown>, path = '/api/search/v2.0/query') {
  const res = await call('POST', path, { body })
  return { ...res, result: res.status === 200 ? JSON.parse(res.json.response) : undefined }
}

const entities = (list: unknown[]) => JSON.stringify(list)

describe('Dataverse search query', () => {
  it('answers the documented response shape with scores and {crmhit} highlights', async () => {
    const { call } = searchEmulator()
    const res = await search(call, {
      search: 'Contoso',
      count: true,
      entities: entities([{ name: 'account', selectColumns: ['name', 'createdon'], searchColumns: ['name'] }]),
    })
    expect(res.status).toBe(200)
    expect(Object.keys(res.json)).toEqual(['response'])
    expect(res.result).toMatchObject({ Error: null, Facets: {}, QueryContext: null, Count: 1 })
    const [hit] = res.result.Value
    expect(hit).toMatchObject({
      Id: ids.contoso,
      EntityName: 'account',
      ObjectTypeCode: 0,
      Attributes: { '@search.objecttypecode': 1, name: 'Contoso Ltd' },
      Highlights: { name: ['{crmhit}Contoso{/crmhit} Ltd'] },
    })
    expect(hit.Attributes['createdon@OData.Community.Display.V1.FormattedValue']).toMatch(
      /^\d+\/\d+\/\d{4} \d+:\d{2} [AP]M$/,
    )
    expect(hit.Score).toBeGreaterThan(0)
  })

  it('searches every enabled table by default, ranks by relevance and pages with skip/top', async () => {
    const { call } = searchEmulator()
    const all = await search(call, { search: 'contoso', count: true })
    // the account by name, contacts by e-mail address (a default search column)
    expect(all.result.Value.map((v: { EntityName: string }) => v.EntityName).sort()).toEqual([
      'account',
      'contact',
      'contact',
    ])
    expect(all.result.Count).toBe(3)
    const scores = all.result.Value.map((v: { Score: number }) => v.Score)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    const page = await search(call, { search: 'contoso', top: 1, skip: 1 })
    expect(page.result.Value).toHaveLength(1)
    expect(page.result.Value[0].Id).toBe(all.result.Value[1].Id)
    expect(page.result.Count).toBe(-1)
  })

  it('supports the simple syntax, search modes and filters', async () => {
    const { call } = searchEmulator()
    const ids_ = async (body: Record<string, unknown>) =>
      (await search(call, body)).result.Value.map((v: { Id: string }) => v.Id).sort()
    const contacts = entities([{ name: 'contact', searchColumns: ['fullname', 'emailaddress1'] }])
    expect(await ids_({ search: 'alice bob', entities: contacts })).toEqual([ids.alice, ids.bob].sort())
    expect(await ids_({ search: 'alice bob', entities: contacts, options: "{'searchmode': 'all'}" })).toEqual([])
    expect(await ids_({ search: 'contoso -bob', entities: contacts })).toEqual([ids.alice])
    expect(await ids_({ search: 'car*', entities: contacts })).toEqual([ids.carol])
    expect(await ids_({ search: '"alice anders" | chen', entities: contacts })).toEqual([ids.alice, ids.carol].sort())
    const accounts = entities([{ name: 'account', searchColumns: ['address1_city'], filter: 'statecode eq 0' }])
    expect(await ids_({ search: 'seattle', entities: accounts })).toEqual([ids.contoso])
    expect(await ids_({ search: 'contoso', filter: 'createdon lt 2000-01-01' })).toEqual([])
  })

  it('keeps the index in step with creates, updates and deletes', async () => {
    const { call } = searchEmulator()
    const created = await call('POST', 'accounts', { body: { name: 'Zephyr Dynamics' } })
    const id = /\(([^)]+)\)$/.exec(created.headers.get('OData-EntityId') ?? '')?.[1]
    expect((await search(call, { search: 'zephyr' })).result.Value.map((v: { Id: string }) => v.Id)).toEqual([id])
    await call('PATCH', `accounts(${id})`, { body: { name: 'Quasar Dynamics' } })
    expect((await search(call, { search: 'zephyr' })).result.Value).toEqual([])
    expect((await search(call, { search: 'quasar' })).result.Value).toHaveLength(1)
    await call('DELETE', `accounts(${id})`)
    expect((await search(call, { search: 'quasar' })).result.Value).toEqual([])
  })

  it('is also the Web API searchquery action', async () => {
    const { call } = searchEmulator()
    const res = await search(call, { search: 'printer' }, 'searchquery')
    expect(res.json['@odata.context']).toBe(
      `${ORG_URL}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.searchqueryResponse`,
    )
    expect(res.result.Value[0]).toMatchObject({
      EntityName: 'incident',
      Highlights: { title: ['{crmhit}Printer{/crmhit} on fire'] },
    })
  })

  it('rejects empty terms, tables not enabled for search and bad parameters', async () => {
    const { call } = searchEmulator()
    const bad = async (body: Record<string, unknown>) => {
      const res = await search(call, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      return res.json.error
    }
    expect((await bad({ search: '' })).code).toBe('0x80040203')
    expect((await bad({})).message).toMatch(/search/)
    expect((await bad({ search: 'x', entities: entities([{ name: 'opportunity' }]) })).message).toMatch(
      /not enabled for Dataverse search/,
    )
    await bad({ search: 'x', entities: entities([{ name: 'account', searchColumns: ['revenue'] }]) })
    await bad({ search: 'x', top: 101 })
    await bad({ search: '-x' })
    await bad({ search: 'x', entities: '[oops' })
    expect((await call('GET', '/api/search/v2.0/query')).status).toBe(405)
    expect((await call('POST', '/api/search/v2.0/nope', { body: {} })).status).toBe(404)
  })
})

describe('simple query syntax', () => {
  it('compiles to quoted FTS5 expressions', () => {
    expect(toFtsQuery('alpha beta', 'any')).toBe('("alpha" OR "beta")')
    expect(toFtsQuery('alpha beta', 'all')).toBe('("alpha" AND "beta")')
    expect(toFtsQuery('hotel+(wifi | luxury)', 'any')).toBe('("hotel" AND ("wifi" OR "luxury"))')
    expect(toFtsQuery('alp* -beta', 'any')).toBe('("alp" * NOT ("beta"))')
    expect(toFtsQuery('e-mail "a b"', 'all')).toBe('("e-mail" AND "a b")')
    expect(toFtsQuery('\\+1\\(800\\)', 'any')).toBe('"+1(800)"')
    expect(() => toFtsQuery('- -', 'any')).toThrow()
  })
})

describe('Dataverse search status and statistics', () => {
  it('reports which tables and columns are searchable, on both endpoints', async () => {
    const { call } = searchEmulator()
    const native = await call('GET', '/api/search/v2.0/status')
    expect(native.status).toBe(200)
    const status = JSON.parse(native.json.response).value
    expect(status).toMatchObject({ status: 'provisioned', lockboxstatus: 'Disabled', cmkstatus: 'Disabled' })
    const tables = status.entitystatusresults.map((e: { entitylogicalname: string }) => e.entitylogicalname).sort()
    expect(tables).toEqual([...SEARCHABLE].sort())
    const account = status.entitystatusresults.find(
      (e: { entitylogicalname: string }) => e.entitylogicalname === 'account',
    )
    expect(account).toMatchObject({ objecttypecode: 1, primarynamefield: 'name', entitystatus: 'EntitySyncComplete' })
    expect(account.searchableindexedfieldinfomap.name).toEqual({ indexfieldname: expect.any(String) })
    const webApi = await call('GET', '/api/data/v9.2/searchstatus')
    expect(webApi.json['@odata.context']).toContain('searchstatusResponse')
    expect(JSON.parse(webApi.json.response).value.status).toBe('provisioned')
  })

  it('counts the indexed documents', async () => {
    const { call } = searchEmulator()
    const before = JSON.parse((await call('GET', '/api/search/v2.0/statistics')).json.response).value
    expect(before.documentcount).toBeGreaterThan(0)
    expect(before.storagesizeinbytes).toBeGreaterThan(0)
    await call('POST', '/api/data/v9.2/accounts', { body: { name: 'Searchable Statistics Inc' } })
    const after = JSON.parse((await call('GET', '/api/data/v9.2/searchstatistics')).json.response).value
    expect(after.documentcount).toBe(before.documentcount + 1)
  })

  it('answers only GET', async () => {
    const { call } = searchEmulator()
    expect((await call('POST', '/api/search/v2.0/status', { body: {} })).status).toBe(405)
  })
})
