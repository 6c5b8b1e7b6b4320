// The Dataverse client against the sandbox emulator over HTTP: paging (FetchXML cookie and
// nextLink), CRUD, actions, metadata and errors as tool errors.
import { isToolError, type ToolError } from '@bizmcp/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchAttributes, pagingCookieFrom, setFetchAttributes } from '../src/client/fetchxml-paging.js'
import { closestNames } from '../src/client/names.js'
import { startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

async function failure(work: Promise<unknown>): Promise<ToolError> {
  try {
    await work
  } catch (error) {
    if (isToolError(error)) return error
    throw error
  }
  throw new Error('expected a ToolError')
}

describe('metadata', () => {
  it('lists tables once and caches them', async () => {
    const tables = await env.client.listTables()
    expect(tables.map((t) => t.logicalName)).toEqual(expect.arrayContaining(['account', 'contact', 'incident']))
    expect(await env.client.listTables()).toBe(tables)
    const account = tables.find((t) => t.logicalName === 'account')
    expect(account).toMatchObject({
      entitySetName: 'accounts',
      primaryIdAttribute: 'accountid',
      primaryNameAttribute: 'name',
    })
  })

  it('reads a table with typed casts: options, lookup targets, lengths and relationships', async () => {
    const contact = await env.client.table('contacts') // entity set names resolve too
    expect(contact.logicalName).toBe('contact')
    const byName = new Map(contact.columns.map((c) => [c.logicalName, c]))
    expect(byName.get('parentcustomerid')?.targets?.sort()).toEqual(['account', 'contact'])
    expect(byName.get('statecode')?.options).toEqual(expect.arrayContaining([{ value: 0, label: 'Active' }]))
    expect(byName.get('emailaddress1')?.maxLength).toBeGreaterThan(0)
    expect(byName.get('contactid')?.isPrimaryId).toBe(true)
    expect(contact.manyToOne).toContainEqual(
      expect.objectContaining({
        referencingAttribute: 'parentcustomerid',
        referencedEntity: 'account',
        navigationProperty: 'parentcustomerid_account',
      }),
    )
    expect(await env.client.table('contact')).toBe(contact)
  })

  it('names the closest tables when one does not exist', async () => {
    const error = await failure(env.client.table('acount'))
    expect(error.code).toBe('NotFound')
    expect(error.message).toContain("'account'")
    expect(error.details?.suggestions).toContain('account')
  })

  it('suggests by prefix and edit distance, deterministically', () => {
    expect(closestNames('opportunit', ['opportunity', 'opportunityproduct', 'account'])[0]).toBe('opportunity')
    expect(closestNames('emial', ['email', 'emailaddress1', 'lead'])[0]).toBe('email')
  })
})

describe('queries', () => {
  it('follows the FetchXML paging cookie across pages until the row cap', async () => {
    const xml =
      '<fetch><entity name="contact"><attribute name="fullname"/><order attribute="fullname"/></entity></fetch>'
    const all = await env.client.fetchXml('contacts', xml, { maxRows: 100_000 })
    expect(all.truncated).toBe(false)
    const paged = await env.client.fetchXml('contacts', xml, { maxRows: 100_000, pageSize: 7 })
    expect(paged.pages).toBe(Math.ceil(all.rows.length / 7))
    expect(paged.rows.map((r) => r.contactid)).toEqual(all.rows.map((r) => r.contactid))
    const capped = await env.client.fetchXml('contacts', xml, { maxRows: 10, pageSize: 4 })
    expect(capped.rows).toHaveLength(10)
    expect(capped.truncated).toBe(true)
    expect(capped.pages).toBe(3)
  })

  it('pages aggregate results by page number, and flags groups left out by the row cap', async () => {
    const xml =
      '<fetch aggregate="true"><entity name="contact"><attribute name="lastname" groupby="true" alias="name"/><attribute name="contactid" aggregate="count" alias="n"/><order alias="name"/></entity></fetch>'
    const all = await env.client.fetchXml('contacts', xml, { maxRows: 100_000 })
    expect(all.rows.length).toBeGreaterThan(20)
    expect(all.truncated).toBe(false)
    const paged = await env.client.fetchXml('contacts', xml, { maxRows: 100_000, pageSize: 10 })
    expect(paged.pages).toBe(Math.ceil(all.rows.length / 10))
    expect(paged.rows).toEqual(all.rows)
    const capped = await env.client.fetchXml('contacts', xml, { maxRows: 15, pageSize: 10 })
    expect(capped.rows).toEqual(all.rows.slice(0, 15))
    expect(capped.truncated).toBe(true)
  })

  it('returns formatted values when asked', async () => {
    const xml =
      '<fetch top="3"><entity name="contact"><attribute name="statecode"/><attribute name="parentcustomerid"/></entity></fetch>'
    const result = await env.client.fetchXml('contacts', xml, { maxRows: 10, formatted: true })
    expect(result.pages).toBe(1)
    expect(result.rows[0]?.['statecode@OData.Community.Display.V1.FormattedValue']).toBe('Active')
  })

  it('edits only the paging attributes of the fetch element', () => {
    const xml = `<fetch version="1.0" page='4' count="9"><entity name="a"/></fetch>`
    const out = setFetchAttributes(xml, {
      page: '2',
      count: '50',
      'paging-cookie': '<cookie page="1"><a last="x"/></cookie>',
    })
    expect(fetchAttributes(out)).toEqual({
      version: '1.0',
      page: '2',
      count: '50',
      'paging-cookie': '<cookie page="1"><a last="x"/></cookie>',
    })
    expect(out).toContain('paging-cookie="&lt;cookie page=&quot;1&quot;&gt;')
    expect(out.endsWith('<entity name="a"/></fetch>')).toBe(true)
    const inner = '<cookie page="1"><accountid last="{A}" /></cookie>'
    const annotation = `<cookie pagenumber="2" pagingcookie="${encodeURIComponent(encodeURIComponent(inner))}" istracking="False" />`
    expect(pagingCookieFrom(annotation)).toBe(inner)
  })

  it('pages OData queries through nextLink unchanged', async () => {
    const first = await env.client.query('accounts', {
      select: ['name'],
      orderby: 'name asc',
      pageSize: 5,
      count: true,
    })
    expect(first.rows).toHaveLength(5)
    expect(first.nextLink).toContain('skiptoken')
    const second = await env.client.nextPage(first.nextLink!, { pageSize: 5 })
    expect(second.rows[0]?.accountid).not.toBe(first.rows[0]?.accountid)
    expect(first.count).toBeGreaterThan(5)
  })

  it('turns a bad filter into an InvalidInput tool error with a fix', async () => {
    const error = await failure(env.client.query('accounts', { filter: 'nosuchcolumn eq 1' }))
    expect(error.code).toBe('InvalidInput')
    expect(error.fix).toContain('describe_table')
  })
})

describe('records and actions', () => {
  it('creates, reads, updates with If-Match and deletes', async () => {
    const id = await env.client.create('accounts', { name: 'Client Test Ltd' })
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    await env.client.update('accounts', id, { telephone1: '555-0100' }, { ifMatch: '*' })
    const row = await env.client.retrieve('accounts', id, { select: ['name', 'telephone1'] })
    expect(row).toMatchObject({ name: 'Client Test Ltd', telephone1: '555-0100' })
    await env.client.delete('accounts', id)
    expect((await failure(env.client.retrieve('accounts', id))).code).toBe('NotFound')
    // If-Match: * never re-creates a deleted row
    expect((await failure(env.client.update('accounts', id, { name: 'x' }, { ifMatch: '*' }))).code).toBe('NotFound')
  })

  it('rejects ids that are not GUIDs before calling Dataverse', async () => {
    const error = await failure(env.client.retrieve('accounts', 'not-a-guid'))
    expect(error.code).toBe('InvalidInput')
    expect(error.message).toContain('not-a-guid')
  })

  it('calls unbound and bound actions', async () => {
    const me = await env.client.whoAmI()
    expect(me.userId).toMatch(/^[0-9a-f-]{36}$/)
    const [email] = (await env.client.query('emails', { select: ['activityid'], filter: 'statecode eq 0', top: 1 }))
      .rows
    if (email) {
      await env.client.action(
        'SendEmail',
        { IssueSend: false },
        { bound: { entitySetName: 'emails', id: String(email.activityid) } },
      )
      const after = await env.client.retrieve('emails', String(email.activityid), { select: ['statecode'] })
      expect(after.statecode).toBe(1)
    }
  })
})
