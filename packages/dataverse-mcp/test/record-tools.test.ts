// create_record, update_record, fetch, delete_record through MCP: lookups bound with the right
// navigation property, choices by label, validation against metadata, consent for deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
let accountId: string
beforeAll(async () => {
  env = await startEnv()
  const [account] = (await env.client.query('accounts', { select: ['accountid'], orderby: 'name asc', top: 1 })).rows
  accountId = String(account?.accountid)
})
afterAll(() => env.close())

const approve = async () => ({ action: 'accept' as const, content: { approve: true } })
const decline = async () => ({ action: 'decline' as const })

async function contactExists(id: string) {
  const rows = (await env.client.query('contacts', { select: ['contactid'], filter: `contactid eq ${id}` })).rows
  return rows.length === 1
}

for (const era of ERAS) {
  describe(`record tools (${era})`, () => {
    it('creates a contact with a customer lookup and a choice by label, then fetches it', async () => {
      const { client, close } = await env.connect({ era })
      const created = ok(
        await client.callTool({
          name: 'create_record',
          arguments: {
            table: 'contact',
            values: {
              firstname: 'Robin',
              lastname: `Tester ${era}`,
              parentcustomerid: { table: 'account', id: accountId },
              preferredcontactmethodcode: 'Email',
              donotemail: false,
            },
          },
        }),
      )
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
      const fetched = ok(await client.callTool({ name: 'fetch', arguments: { table: 'contact', id: created.id } }))
      expect(fetched.values.lastname).toBe(`Tester ${era}`)
      expect(fetched.values.parentcustomerid).toMatchObject({ id: accountId, table: 'account' })
      expect(fetched.values.parentcustomerid.name).toBeTruthy()
      expect(fetched.values.preferredcontactmethodcode).toBe(2)
      expect(fetched.formatted.preferredcontactmethodcode).toBe('Email')
      const some = ok(
        await client.callTool({
          name: 'fetch',
          arguments: { table: 'contact', id: created.id, columns: ['lastname', 'parentcustomerid'] },
        }),
      )
      expect(Object.keys(some.values).sort()).toEqual(['contactid', 'lastname', 'parentcustomerid'])
      await close()
    })

    it('updates columns and never creates a missing row', async () => {
      const { client, close } = await env.connect({ era })
      const { id } = ok(
        await client.callTool({
          name: 'create_record',
          arguments: { table: 'account', values: { name: `Update me ${era}` } },
        }),
      )
      const updated = ok(
        await client.callTool({
          name: 'update_record',
          arguments: { table: 'account', id, values: { telephone1: '555-0199', name: `Updated ${era}` } },
        }),
      )
      expect(updated.updated).toEqual(['telephone1', 'name'])
      const row = await env.client.retrieve('accounts', id, { select: ['name', 'telephone1'] })
      expect(row).toMatchObject({ name: `Updated ${era}`, telephone1: '555-0199' })
      const missing = errorBody(
        await client.callTool({
          name: 'update_record',
          arguments: { table: 'account', id: '00000000-0000-4000-8000-00000000beef', values: { name: 'x' } },
        }),
      )
      expect(missing.code).toBe('NotFound')
      await close()
    })

    it('names the closest column on a typo, and checks types, choices, GUIDs and read-only columns', async () => {
      const { client, close } = await env.connect({ era })
      const call = async (values: Record<string, unknown>, table = 'contact') =>
        errorBody(await client.callTool({ name: 'create_record', arguments: { table, values } }))
      const typo = await call({ lastname: 'x', emailadress1: 'a@b.c' })
      expect(typo.code).toBe('InvalidInput')
      expect(typo.message).toContain("'emailaddress1'")
      const choice = await call({ lastname: 'x', preferredcontactmethodcode: 'Pigeon' })
      expect(choice.message).toContain('2=Email')
      const number = await call({ name: 'x', numberofemployees: 'many' }, 'account')
      expect(number.message).toContain('whole number')
      const guid = await call({ lastname: 'x', parentcustomerid: { table: 'account', id: 'nope' } })
      expect(guid.message).toContain("'nope' is not a GUID")
      const target = await call({ lastname: 'x', parentcustomerid: { table: 'lead', id: accountId } })
      expect(target.message).toContain('cannot point at lead')
      const table = await call({ name: 'x' }, 'acounts')
      expect(table.code).toBe('NotFound')
      expect(table.message).toContain("'account'")
      const readOnly = await call({ lastname: 'x', createdon: '2024-01-01' })
      expect(readOnly.message).toContain('cannot be set')
      const tooLong = await call({ lastname: 'x'.repeat(500) })
      expect(tooLong.message).toContain('holds 50')
      const badId = errorBody(await client.callTool({ name: 'fetch', arguments: { table: 'contact', id: 'abc' } }))
      expect(badId.code).toBe('InvalidInput')
      const nothing = errorBody(
        await client.callTool({
          name: 'fetch',
          arguments: { table: 'contact', id: '00000000-0000-4000-8000-00000000beef' },
        }),
      )
      expect(nothing.code).toBe('NotFound')
      await close()
    })

    it('delete_record: a declined consent deletes nothing', async () => {
      const id = await env.client.create('contacts', { lastname: `Keep ${era}` })
      const { client, close } = await env.connect({ era, onElicit: decline })
      const result = await client.callTool({ name: 'delete_record', arguments: { table: 'contact', id } })
      expect(errorBody(result).code).toBe('ConsentDeclined')
      expect(await contactExists(id)).toBe(true)
      await close()
    })

    it('delete_record: an approved consent deletes the row', async () => {
      const id = await env.client.create('contacts', { lastname: `Remove ${era}` })
      const asked: string[] = []
      const { client, close } = await env.connect({
        era,
        onElicit: async ({ message }) => {
          asked.push(message)
          return approve()
        },
      })
      const out = ok(await client.callTool({ name: 'delete_record', arguments: { table: 'contact', id } }))
      expect(out).toEqual({ table: 'contact', id, deleted: true })
      expect(asked[0]).toContain(id)
      expect(await contactExists(id)).toBe(false)
      await close()
    })

    it('delete_record: a malformed id is refused before asking', async () => {
      const asked: string[] = []
      const { client, close } = await env.connect({
        era,
        onElicit: async ({ message }) => {
          asked.push(message)
          return approve()
        },
      })
      const error = errorBody(
        await client.callTool({ name: 'delete_record', arguments: { table: 'contact', id: 'x' } }),
      )
      expect(error.code).toBe('InvalidInput')
      expect(asked).toEqual([])
      await close()
    })
  })
}
