// The emulator served over loopback HTTP to dynamics-web-api, a Dataverse client we didn't write.

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DynamicsWebApi } from 'dynamics-web-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ids } from '../src/dataverse/test-fixtures.js'
import { makeEmulator } from '../src/dataverse/test-helpers.js'

let server: Server
let client: DynamicsWebApi

beforeAll(async () => {
  let emulator: ReturnType<typeof makeEmulator>['emulator'] | undefined
  server = createServer(async (req, res) => {
    if (!emulator) throw new Error('emulator not ready')
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = chunks.length ? Buffer.concat(chunks) : undefined
    if (!req.url?.startsWith('/dataverse/')) {
      res.writeHead(404).end()
      return
    }
    const path = req.url.slice('/dataverse'.length)
    const headers = new Headers()
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' ? undefined : body,
    })
    const response = await emulator.handle(request, path)
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  // the org URL must be the one clients reach, since nextLinks are absolute
  emulator = makeEmulator({ orgUrl: `http://127.0.0.1:${port}/dataverse` }).emulator
  // dynamics-web-api resolves 'api/data/v9.2' against serverUrl, so a path-based org URL needs its trailing slash
  client = new DynamicsWebApi({
    serverUrl: `http://127.0.0.1:${port}/dataverse/`,
    dataApi: { version: '9.2' },
    onTokenRefresh: async () => `token-${ids.userOid}`,
  })
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

describe('dynamics-web-api against the emulator', () => {
  it('calls WhoAmI', async () => {
    const res = await client.callFunction({ functionName: 'WhoAmI' })
    expect(res.UserId).toBe(ids.user)
  })

  it('creates, retrieves, updates and deletes', async () => {
    const id: string = await client.create<any, string>({
      collection: 'accounts',
      data: { name: 'Client Co', 'primarycontactid@odata.bind': `/contacts(${ids.alice})` },
    })
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const record = await client.retrieve({
      collection: 'accounts',
      key: id,
      select: ['name', '_primarycontactid_value'],
      includeAnnotations: 'OData.Community.Display.V1.FormattedValue',
    })
    expect(record.name).toBe('Client Co')
    expect(record._primarycontactid_value).toBe(ids.alice)
    await client.update({ collection: 'accounts', key: id, data: { name: 'Client Co 2' } })
    expect((await client.retrieve({ collection: 'accounts', key: id, select: ['name'] })).name).toBe('Client Co 2')
    await client.deleteRecord({ collection: 'accounts', key: id })
    await expect(client.retrieve({ collection: 'accounts', key: id })).rejects.toMatchObject({ status: 404 })
  })

  it('follows nextLink pages with retrieveAll', async () => {
    const all = await client.retrieveAll({ collection: 'contacts', select: ['fullname'], maxPageSize: 1 })
    expect(all.value.map((c: { fullname: string }) => c.fullname).sort()).toEqual([
      'Alice Anders',
      'Bob Baker',
      'Carol Chen',
    ])
  })

  it('pages FetchXML with paging cookies through fetchAll', async () => {
    const res = await client.fetchAll({
      collection: 'contacts',
      fetchXml:
        "<fetch count='2'><entity name='contact'><attribute name='fullname'/><order attribute='fullname'/></entity></fetch>",
    })
    expect(res.value.map((c: { fullname: string }) => c.fullname)).toEqual(['Alice Anders', 'Bob Baker', 'Carol Chen'])
  })

  it('executes a batch with a change set', async () => {
    client.startBatch()
    client.create({ collection: 'accounts', data: { name: 'Batched One' } })
    client.create({ collection: 'accounts', data: { name: 'Batched Two' } })
    client.retrieveMultiple({ collection: 'accounts', select: ['name'], filter: "startswith(name,'Batched')" })
    const results = await client.executeBatch()
    expect(results).toHaveLength(3)
    expect(results[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(results[2].value).toHaveLength(2)
  })

  it('surfaces Dataverse errors', async () => {
    await expect(client.create({ collection: 'accounts', data: { nmae: 'x' } })).rejects.toMatchObject({
      status: 400,
      code: '0x80060888',
    })
  })
})
