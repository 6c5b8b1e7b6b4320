// The input scenario of file support: a PDF attached to a vendor invoice through the Dataverse
// custom APIs (served by the emulator), the duplicate refused, and bad files refused before any write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAttachmentClient, MAX_ATTACHMENT_BYTES } from '../src/index.js'
import { ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

/** A small valid PDF. */
function pdf(text: string): string {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body).toString('base64')
}

async function attachments() {
  const entity = await env.client.odata.entity('DocumentAttachments')
  return (await env.client.odata.queryAll(entity, { maxRows: 1000 })).rows
}

async function anInvoice(company = 'usmf') {
  const entity = await env.client.odata.entity('VendorInvoiceHeaders')
  const rows = await env.client.odata.queryAll(entity, { company: { kind: 'company', id: company }, maxRows: 5 })
  return rows.rows
}

describe('attachment_attach', () => {
  for (const [i, era] of ERAS.entries()) {
    it(`attaches a PDF to a vendor invoice, then refuses the duplicate (${era})`, async () => {
      const invoice = (await anInvoice())[i]!
      const key = { HeaderReference: invoice.HeaderReference }
      const content = pdf(`Invoice ${invoice.InvoiceNumber}`)
      const { client, close } = await env.connect({ era })
      const fileName = `invoice-${invoice.InvoiceNumber}.pdf`
      const before = ok(
        await client.callTool({
          name: 'attachment_check',
          arguments: { entitySet: 'VendorInvoiceHeaders', key, fileName },
        }),
      )
      expect(before).toEqual({ isAttached: false })
      const attached = ok(
        await client.callTool({
          name: 'attachment_attach',
          arguments: {
            entitySet: 'VendorInvoiceHeaders',
            key,
            fileName,
            contentBase64: content,
            notes: 'From the MCP test',
          },
        }),
      )
      expect(attached).toEqual({
        docuRefRecId: expect.any(Number),
        fileId: expect.any(String),
        fileSize: Buffer.from(content, 'base64').byteLength,
      })
      const stored = (await attachments()).find((a) => a.DocuRefRecId === attached.docuRefRecId)!
      expect(stored).toMatchObject({
        EntityName: 'VendorInvoiceHeaders',
        RecordKey: JSON.stringify(key),
        RefCompanyId: 'usmf',
        FileName: fileName,
        Notes: 'From the MCP test',
      })
      const after = ok(
        await client.callTool({
          name: 'attachment_check',
          arguments: { entitySet: 'VendorInvoiceHeaders', key, fileName, contentBase64: content },
        }),
      )
      expect(after).toEqual({ isAttached: true, docuRefRecId: attached.docuRefRecId })
      const count = (await attachments()).length
      const duplicate = errorBody(
        await client.callTool({
          name: 'attachment_attach',
          arguments: {
            entitySet: 'VendorInvoiceHeaders',
            key: { ...key, dataAreaId: 'USMF' },
            fileName,
            contentBase64: content,
          },
        }),
      )
      expect(duplicate.code).toBe('Conflict')
      expect(duplicate.message).toMatch(new RegExp(`already attached .*document ${attached.docuRefRecId}`))
      expect(duplicate.fix).toMatch(/Do not attach it again/)
      expect((await attachments()).length).toBe(count)
      await close()
    })
  }

  it('attaches in another company and to a global record with IsTableGlobal from $metadata', async () => {
    const { client, close } = await env.connect()
    const demf = (await anInvoice('demf'))[0]!
    const inDemf = ok(
      await client.callTool({
        name: 'attachment_attach',
        arguments: {
          entitySet: 'VendorInvoiceHeaders',
          key: { HeaderReference: demf.HeaderReference },
          companyId: 'demf',
          fileName: 'rechnung.pdf',
          contentBase64: pdf('Rechnung'),
        },
      }),
    )
    const worker = (await env.client.odata.queryAll(await env.client.odata.entity('Workers'), { maxRows: 1 })).rows[0]!
    const global = ok(
      await client.callTool({
        name: 'attachment_attach',
        arguments: {
          entitySet: 'Workers',
          key: { PersonnelNumber: worker.PersonnelNumber },
          fileName: 'contract.pdf',
          contentBase64: pdf('Contract'),
        },
      }),
    )
    const stored = await attachments()
    expect(stored.find((a) => a.DocuRefRecId === inDemf.docuRefRecId)?.RefCompanyId).toBe('demf')
    // a global table's documents are stored under the shared company, not the user's
    expect(stored.find((a) => a.DocuRefRecId === global.docuRefRecId)?.RefCompanyId).toBe('dat')
    await close()
  })

  it('refuses oversized and malformed files, and missing records, before anything is written', async () => {
    const { client, close } = await env.connect()
    const invoice = (await anInvoice())[3]!
    const key = { HeaderReference: invoice.HeaderReference }
    const count = (await attachments()).length
    const attach = async (contentBase64: string, extra: Record<string, unknown> = {}) =>
      errorBody(
        await client.callTool({
          name: 'attachment_attach',
          arguments: { entitySet: 'VendorInvoiceHeaders', key, fileName: 'x.pdf', contentBase64, ...extra },
        }),
      )
    const big = await attach('A'.repeat(Math.ceil(((MAX_ATTACHMENT_BYTES + 10) * 4) / 3 / 4) * 4))
    expect(big.code).toBe('InvalidInput')
    expect(big.message).toMatch(/\(by its base64 length\), over the 15,728,640-byte \(15 MB\) attachment limit/)
    expect(big.fix).toMatch(/smaller file/)
    const bad = await attach('not base64!')
    expect(bad.message).toMatch(/not valid base64/)
    expect(bad.fix).toMatch(/standard base64/)
    const prefixed = await attach(`data:application/pdf;base64,${pdf('x')}`)
    expect(prefixed.fix).toMatch(/after "base64,"/)
    const missing = await attach(pdf('x'), { key: { HeaderReference: 'APINV-999999' } })
    expect(missing.code).toBe('NotFound')
    const badName = await attach(pdf('x'), { fileName: 'a/b.pdf' })
    expect(badName.fix).toMatch(/plain file name/)
    expect((await attachments()).length).toBe(count)
    await close()
  })
})

describe('a real environment without ERP_DATAVERSE_URL', () => {
  it('says how to configure the attachment APIs', async () => {
    const client = createAttachmentClient({ url: undefined })
    const error = await client
      .isAttached({ entityName: 'X', recordKey: '{}', dataAreaId: 'usmf', isTableGlobal: false, fileName: 'a.pdf' })
      .catch((e) => e)
    expect(error.code).toBe('NotConfigured')
    expect(error.fix).toMatch(/ERP_DATAVERSE_URL/)
  })
})
