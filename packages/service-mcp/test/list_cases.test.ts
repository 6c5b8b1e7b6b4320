// list_cases through MCP: "my open cases", filters, and paging with an opaque cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

type Case = { id: string; number: string; title: string; status: string; priority?: string; customer?: string }
type Out = { cases: Case[]; nextCursor?: string }

for (const era of ERAS) {
  describe(`list_cases (${era})`, () => {
    it('lists my open cases', async () => {
      const { client, close } = await env.connect({ era })
      const out = ok<Out>(await client.callTool({ name: 'list_cases', arguments: { mine: true } }))
      const expected = await env.client.query('incidents', {
        select: ['incidentid'],
        filter: `_ownerid_value eq ${env.userId} and statecode eq 0`,
        count: true,
      })
      expect(expected.count).toBeGreaterThan(0)
      expect(out.cases.length).toBe(Math.min(25, expected.count ?? 0))
      const mine = new Set(expected.rows.map((r) => String(r.incidentid)))
      for (const c of out.cases) {
        expect(mine.has(c.id)).toBe(true)
        expect(c.status).toMatch(/^Active \//)
        expect(c.number).toMatch(/^CAS-/)
      }
      await close()
    })

    it('filters by priority, text, customer and status', async () => {
      const { client, close } = await env.connect({ era })
      const high = ok<Out>(await client.callTool({ name: 'list_cases', arguments: { priority: 'high' } }))
      expect(high.cases.length).toBeGreaterThan(0)
      expect(high.cases.every((c) => c.priority === 'High')).toBe(true)
      const one = high.cases[0]!
      const byNumber = ok<Out>(
        await client.callTool({ name: 'list_cases', arguments: { text: one.number, status: 'all' } }),
      )
      expect(byNumber.cases.map((c) => c.id)).toEqual([one.id])
      const byCustomer = ok<Out>(
        await client.callTool({ name: 'list_cases', arguments: { customer: one.customer, status: 'all' } }),
      )
      expect(byCustomer.cases.some((c) => c.id === one.id)).toBe(true)
      expect(byCustomer.cases.every((c) => c.customer === one.customer)).toBe(true)
      const resolved = ok<Out>(await client.callTool({ name: 'list_cases', arguments: { status: 'resolved' } }))
      expect(resolved.cases.every((c) => c.status.startsWith('Resolved'))).toBe(true)
      const nobody = errorBody(
        await client.callTool({ name: 'list_cases', arguments: { customer: 'No Such Customer Zzyzx' } }),
      )
      expect(nobody.code).toBe('NotFound')
      await close()
    })

    it('pages with a cursor and refuses a forged one', async () => {
      const { client, close } = await env.connect({ era })
      const first = ok<Out>(await client.callTool({ name: 'list_cases', arguments: { status: 'all' } }))
      expect(first.cases.length).toBe(25)
      expect(first.nextCursor).toBeTruthy()
      const second = ok<Out>(
        await client.callTool({ name: 'list_cases', arguments: { status: 'all', cursor: first.nextCursor } }),
      )
      expect(second.cases.length).toBe(25)
      const ids = new Set(first.cases.map((c) => c.id))
      expect(second.cases.some((c) => ids.has(c.id))).toBe(false)
      const bad = errorBody(await client.callTool({ name: 'list_cases', arguments: { cursor: 'bogus' } }))
      expect(bad.code).toBe('InvalidCursor')
      await close()
    })
  })
}
