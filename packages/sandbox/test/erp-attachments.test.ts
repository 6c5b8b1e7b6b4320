// The file-attachment custom APIs (McpIsFileAlreadyAttachedToRecord, McpAttachFileToRecordCustomAPI)
// over loopback HTTP, their 15 MB limit, their Dataverse-shaped errors, and the attachments as the
// read-only DocumentAttachments entity shows them.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStandardSandbox, type ServedSandbox, serveSandbox } from '../src/index.js'
import { type ErpTestEnv, erpTestEnv, TODAY } from './erp-helpers.js'

const MB15 = 15 * 1024 * 1024
const ATTACH = '/api/data/v9.2/McpAttachFileToRecordCustomAPI'
const CHECK = '/api/data/v9.2/McpIsFileAlreadyAttachedToRecord'

let env: ErpTestEnv
let served: ServedSandbox
beforeAll(async () => {
  const sandbox = createStandardSandbox({ emulators: ['erp'], clock: () => new Date(`${TODAY}T09:30:00Z`) })
  served = await serveSandbox(sandbox, { port: 0 })
  env = await erpTestEnv({ sandbox, fetch: (url, init) => fetch(url, init) })
})
afterAll(async () => {
  await served?.close()
  env?.close()
})

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
const invoice = (extra: Record<string, unknown> = {}) => ({
  EntityName: 'VendorInvoiceHeaders',
  RecordKey: JSON.stringify({ HeaderReference: 'APINV-000123' }),
  DataAreaId: 'usmf',
  IsTableGlobal: false,
  FileName: 'invoice-APINV-000123.pdf',
  ...extra,
})
const attachmentsOf = async (filter: string) =>
  (await env.call('GET', `/data/DocumentAttachments?$filter=${encodeURIComponent(filter)}`)).json.value as Array<
    Record<string, unknown>
  >

describe('attach and check', () => {
  it('is served on loopback', () => {
    expect(env.url.startsWith(served.url)).toBe(true)
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('reports a file as not attached, attaches it, then finds it by name and by content', async () => {
    const before = await env.call('POST', CHECK, { body: invoice() })
    expect(before.status, before.text).toBe(200)
    expect(before.json).toEqual({
      '@odata.context': `${env.url}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.McpIsFileAlreadyAttachedToRecordResponse`,
      IsAttached: false,
      DocuRefRecId: null,
    })
    const attached = await env.call('POST', ATTACH, {
      body: invoice({ ContentBytes: pdf.toString('base64'), Notes: 'Scanned by the AP team' }),
    })
    expect(attached.status, attached.text).toBe(200)
    expect(attached.json).toEqual({
      '@odata.context': `${env.url}/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.McpAttachFileToRecordCustomAPIResponse`,
      DocuRefRecId: expect.any(Number),
      FileId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      FileSize: pdf.length,
    })
    const byName = await env.call('POST', CHECK, { body: invoice({ FileName: 'INVOICE-apinv-000123.PDF' }) })
    expect(byName.json).toMatchObject({ IsAttached: true, DocuRefRecId: attached.json.DocuRefRecId })
    const byContent = await env.call('POST', CHECK, { body: invoice({ ContentBytes: pdf.toString('base64') }) })
    expect(byContent.json.IsAttached).toBe(true)
    const otherContent = await env.call('POST', CHECK, {
      body: invoice({ ContentBytes: Buffer.from('another file').toString('base64') }),
    })
    expect(otherContent.json).toEqual(expect.objectContaining({ IsAttached: false, DocuRefRecId: null }))
    const [row] = await attachmentsOf(`DocuRefRecId eq ${attached.json.DocuRefRecId}`)
    expect(row).toMatchObject({
      EntityName: 'VendorInvoiceHeaders',
      RecordKey: '{"HeaderReference":"APINV-000123"}',
      RefCompanyId: 'usmf',
      FileName: 'invoice-APINV-000123.pdf',
      FileType: 'pdf',
      FileSize: pdf.length,
      FileId: attached.json.FileId,
      ContentHash: createHash('sha256').update(pdf).digest('hex'),
      Notes: 'Scanned by the AP team',
      CreatedBy: 'avery',
      CreatedDateTime: '2026-05-15T09:30:00Z',
    })
  })

  it('does not refuse a duplicate (the check API is for that)', async () => {
    const body = invoice({
      RecordKey: '{"HeaderReference":"APINV-000124"}',
      FileName: 'twice.pdf',
      ContentBytes: pdf.toString('base64'),
    })
    const first = await env.call('POST', ATTACH, { body })
    const second = await env.call('POST', ATTACH, { body })
    expect(second.status).toBe(200)
    expect(second.json.DocuRefRecId).toBeGreaterThan(first.json.DocuRefRecId)
    expect(await attachmentsOf("FileName eq 'twice.pdf'")).toHaveLength(2)
  })

  it("stores RefCompanyId 'dat' when IsTableGlobal is true, even for a company table (a wrong flag gives a wrong company)", async () => {
    const wrong = await env.call('POST', ATTACH, {
      body: invoice({
        RecordKey: '{"HeaderReference":"APINV-000125"}',
        FileName: 'wrong-flag.pdf',
        IsTableGlobal: true,
        ContentBytes: pdf.toString('base64'),
      }),
    })
    expect(wrong.status).toBe(200)
    expect((await attachmentsOf("FileName eq 'wrong-flag.pdf'"))[0]!.RefCompanyId).toBe('dat')
    // looked for with the right flag, the file isn't found
    const check = await env.call('POST', CHECK, {
      body: invoice({ RecordKey: '{"HeaderReference":"APINV-000125"}', FileName: 'wrong-flag.pdf' }),
    })
    expect(check.json.IsAttached).toBe(false)
    // a global table
    const global = await env.call('POST', ATTACH, {
      body: {
        EntityName: 'Workers',
        RecordKey: '{"PersonnelNumber":"000001"}',
        IsTableGlobal: true,
        FileName: 'contract.txt',
        ContentBytes: Buffer.from('signed').toString('base64'),
      },
    })
    expect(global.status, global.text).toBe(200)
    expect((await attachmentsOf("FileName eq 'contract.txt'"))[0]).toMatchObject({
      RefCompanyId: 'dat',
      EntityName: 'Workers',
    })
  })

  it('attaches to a record in another company', async () => {
    const response = await env.call('POST', ATTACH, {
      body: invoice({
        DataAreaId: 'DEMF',
        RecordKey: '{"HeaderReference":"APINV-000001"}',
        FileName: 'rechnung.pdf',
        ContentBytes: pdf.toString('base64'),
      }),
    })
    expect(response.status, response.text).toBe(200)
    expect((await attachmentsOf("FileName eq 'rechnung.pdf'"))[0]!.RefCompanyId).toBe('demf')
  })
})

describe('the 15 MB limit', () => {
  it('accepts a file of exactly 15 MB', async () => {
    const content = Buffer.alloc(MB15, 7)
    const response = await env.call('POST', ATTACH, {
      body: invoice({ FileName: 'exactly-15mb.bin', ContentBytes: content.toString('base64') }),
    })
    expect(response.status, response.text.slice(0, 300)).toBe(200)
    expect(response.json.FileSize).toBe(MB15)
  })

  it('refuses a file one byte over 15 MB, and leaves no attachment', async () => {
    const content = Buffer.alloc(MB15 + 1, 7)
    const response = await env.call('POST', ATTACH, {
      body: invoice({ FileName: 'too-big.bin', ContentBytes: content.toString('base64') }),
    })
    expect(response.status).toBe(400)
    expect(response.json.error).toEqual({
      code: '0x80040265',
      message: expect.stringMatching(/too large.*15728640 bytes \(15 MB\)/),
    })
    expect(await attachmentsOf("FileName eq 'too-big.bin'")).toEqual([])
  })

  it('refuses an oversized payload from its base64 length, before decoding it', async () => {
    // not even valid base64: the size check comes first
    const response = await env.call('POST', ATTACH, {
      body: invoice({ FileName: 'huge.bin', ContentBytes: `${'A'.repeat(MB15 * 1.4)}!!` }),
    })
    expect(response.status).toBe(400)
    expect(response.json.error.message).toMatch(/estimated from the base64 length/)
    const check = await env.call('POST', CHECK, { body: invoice({ ContentBytes: 'A'.repeat(MB15 * 1.4) }) })
    expect(check.json.error.message).toMatch(/estimated from the base64 length/)
  })
})

describe('bad requests', () => {
  const base64 = pdf.toString('base64')
  it.each([
    ['bad base64', invoice({ ContentBytes: 'not*base64' }), 400, /not valid base64/],
    ['an empty file', invoice({ ContentBytes: '' }), 400, /'ContentBytes' is required/],
    ['a file of zero bytes', invoice({ ContentBytes: '====' }), 400, /not valid base64|empty/],
    ['no file name', invoice({ FileName: '', ContentBytes: base64 }), 400, /'FileName' is required/],
    [
      'a file name with a path',
      invoice({ FileName: '../x.pdf', ContentBytes: base64 }),
      400,
      /characters a file name can't have/,
    ],
    [
      'an unknown record',
      invoice({ RecordKey: '{"HeaderReference":"APINV-999999"}', ContentBytes: base64 }),
      404,
      /does not exist/,
    ],
    ['an unknown company', invoice({ DataAreaId: 'zzzz', ContentBytes: base64 }), 400, /company 'zzzz' does not exist/],
    [
      'no company for a company table',
      invoice({ DataAreaId: undefined, ContentBytes: base64 }),
      400,
      /'DataAreaId' is required/,
    ],
    [
      'an unknown entity',
      invoice({ EntityName: 'VendorInvoices', ContentBytes: base64 }),
      400,
      /entity 'VendorInvoices' does not exist/,
    ],
    [
      'a record key that is not JSON',
      invoice({ RecordKey: 'APINV-000123', ContentBytes: base64 }),
      400,
      /must be a JSON object/,
    ],
    [
      'a record key with the wrong fields',
      invoice({ RecordKey: '{"InvoiceNumber":"X"}', ContentBytes: base64 }),
      400,
      /exactly the key fields HeaderReference/,
    ],
    [
      'IsTableGlobal missing',
      invoice({ IsTableGlobal: undefined, ContentBytes: base64 }),
      400,
      /'IsTableGlobal' is required/,
    ],
    [
      'IsTableGlobal as text',
      invoice({ IsTableGlobal: 'false', ContentBytes: base64 }),
      400,
      /'IsTableGlobal' is required and must be true or false/,
    ],
    ['an unknown parameter', invoice({ ContentBytes: base64, Colour: 'red' }), 400, /'Colour' is not a parameter/],
    ['a body that is not JSON', '{"EntityName":', 400, /not valid JSON/],
  ])('the attach API refuses %s and attaches nothing', async (_, body, status, message) => {
    const before = Number((await env.call('GET', '/data/DocumentAttachments/$count')).text)
    const response = await env.call('POST', ATTACH, { body })
    expect(response.status, response.text).toBe(status)
    expect(response.json.error).toEqual({
      code: expect.stringMatching(/^0x8/),
      message: expect.stringMatching(message),
    })
    expect(Number((await env.call('GET', '/data/DocumentAttachments/$count')).text)).toBe(before)
  })

  it('the check API validates the same way', async () => {
    const response = await env.call('POST', CHECK, {
      body: invoice({ RecordKey: '{"HeaderReference":"APINV-999999"}' }),
    })
    expect(response.status).toBe(404)
    expect(response.json.error.code).toBe('0x80040217')
    const notes = await env.call('POST', CHECK, { body: invoice({ Notes: 'x' }) })
    expect(notes.status).toBe(400)
  })

  it.each([
    ['GET', ATTACH, 405],
    ['POST', '/api/data/v9.2/McpDetachFile', 404],
  ])('%s %s → %i', async (method, path, status) => {
    const response = await env.call(method, path, method === 'POST' ? { body: {} } : {})
    expect(response.status).toBe(status)
    expect(response.json.error.code).toMatch(/^0x8/)
  })

  it('needs a token, answering in the Dataverse shape', async () => {
    const response = await env.call('POST', ATTACH, { body: invoice({ ContentBytes: base64 }), token: null })
    expect(response.status).toBe(401)
    expect(response.json.error).toEqual({ code: '0x80072560', message: expect.any(String) })
  })

  it('keeps the attachments entity read-only', async () => {
    const response = await env.call('POST', '/data/DocumentAttachments', { body: { FileName: 'x' } })
    expect(response.status).toBe(405)
  })
})
