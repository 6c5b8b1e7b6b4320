import { describe, expect, it } from 'vitest'
import { ids } from '../test-fixtures.js'
import { API, makeEmulator } from '../test-helpers.js'

function batchBody(boundary: string, parts: string[]): string {
  return `${parts.map((p) => `--${boundary}\r\n${p}`).join('\r\n')}\r\n--${boundary}--\r\n`
}

function changeset(boundary: string, requests: string[]): string {
  return `Content-Type: multipart/mixed; boundary=${boundary}\r\n\r\n${requests.map((r) => `--${boundary}\r\n${r}`).join('\r\n')}\r\n--${boundary}--`
}

const request = (method: string, url: string, body?: unknown, contentId?: string) =>
  [
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    ...(contentId ? [`Content-ID: ${contentId}`] : []),
    '',
    `${method} ${url} HTTP/1.1`,
    ...(body
      ? ['Content-Type: application/json; type=entry', '', JSON.stringify(body)]
      : ['Accept: application/json', '']),
    '',
  ].join('\r\n')

describe('$batch', () => {
  it('runs a change set atomically with Content-ID references, and independent GETs', async () => {
    const { call } = makeEmulator()
    const body = batchBody('batch_1', [
      changeset('changeset_1', [
        request('POST', `${API}accounts`, { name: 'Batch Co' }, '1'),
        request(
          'POST',
          `${API}contacts`,
          { firstname: 'Bat', lastname: 'Ch', 'parentcustomerid_account@odata.bind': '$1' },
          '2',
        ),
        request('PATCH', '$1', { numberofemployees: 7 }, '3'),
      ]),
      request('GET', `accounts?$select=name&$filter=name eq 'Batch Co'`),
    ])
    const res = await call('POST', '$batch', { body, headers: { 'Content-Type': 'multipart/mixed; boundary=batch_1' } })
    expect(res.status).toBe(200)
    const boundary = /boundary=(\S+)/.exec(res.headers.get('Content-Type') as string)?.[1] as string
    expect(boundary).toMatch(/^batchresponse_/)
    expect(res.text).toContain('--changesetresponse_')
    expect(res.text.match(/HTTP\/1\.1 204 No Content/g)).toHaveLength(3)
    expect(res.text).toContain('HTTP/1.1 200 OK')
    expect(res.text).toContain('"name":"Batch Co"')
    const contact = await call('GET', "contacts?$select=_parentcustomerid_value&$filter=lastname eq 'Ch'")
    const account = await call('GET', "accounts?$select=numberofemployees&$filter=name eq 'Batch Co'")
    expect(account.json.value[0].numberofemployees).toBe(7)
    expect(contact.json.value[0]._parentcustomerid_value).toBe(account.json.value[0].accountid)
  })

  it('rolls the whole change set back when one request fails and stops the batch', async () => {
    const { call } = makeEmulator()
    const body = batchBody('b', [
      changeset('c', [
        request('POST', 'accounts', { name: 'Rolled Back' }, '1'),
        request('POST', 'accounts', { nmae: 'typo' }, '2'),
      ]),
      request('GET', 'accounts?$select=name'),
    ])
    const res = await call('POST', '$batch', { body, headers: { 'Content-Type': 'multipart/mixed; boundary=b' } })
    expect(res.status).toBe(200)
    expect(res.text).toContain('HTTP/1.1 400 Bad Request')
    expect(res.text).not.toContain('HTTP/1.1 200 OK') // stopped without continue-on-error
    expect((await call('GET', "accounts?$filter=name eq 'Rolled Back'")).json.value).toHaveLength(0)
  })

  it('continues after errors with Prefer: odata.continue-on-error', async () => {
    const { call } = makeEmulator()
    const body = batchBody('b', [
      request('GET', 'accounts(00000000-0000-4000-8000-00000000dead)'),
      request('GET', `accounts(${ids.contoso})?$select=name`),
    ])
    const res = await call('POST', '$batch', {
      body,
      headers: { 'Content-Type': 'multipart/mixed; boundary=b', Prefer: 'odata.continue-on-error' },
    })
    expect(res.text).toContain('HTTP/1.1 404 Not Found')
    expect(res.text).toContain('"name":"Contoso Ltd"')
    expect(res.headers.get('Preference-Applied')).toBe('odata.continue-on-error')
  })

  it('rejects malformed batches and more than 1000 operations', async () => {
    const { call } = makeEmulator()
    expect((await call('POST', '$batch', { body: 'x', headers: { 'Content-Type': 'application/json' } })).status).toBe(
      400,
    )
    expect(
      (
        await call('POST', '$batch', {
          body: '--b\r\nContent-Type: application/http\r\n\r\nGET accounts HTTP/1.1\r\n',
          headers: { 'Content-Type': 'multipart/mixed; boundary=b' },
        })
      ).status,
    ).toBe(400)
    const many = batchBody(
      'b',
      Array.from({ length: 1001 }, () => request('GET', 'accounts?$top=1')),
    )
    const res = await call('POST', '$batch', { body: many, headers: { 'Content-Type': 'multipart/mixed; boundary=b' } })
    expect(res.status).toBe(400)
    expect(res.json.error.message).toMatch(/1000/)
  })
})
