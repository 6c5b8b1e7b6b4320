// send_email through MCP: only drafts, only with the user's consent; a declined consent or a
// refused email changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approve, decline, ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
let drafts: string[]
let received: string
beforeAll(async () => {
  env = await startEnv()
  drafts = (
    await env.client.query('emails', {
      select: ['activityid'],
      filter: 'statuscode eq 1 and directioncode eq true',
      orderby: 'subject asc',
      top: 6,
    })
  ).rows.map((r) => String(r.activityid))
  received = String(
    (await env.client.query('emails', { select: ['activityid'], filter: 'statuscode eq 4', top: 1 })).rows[0]
      ?.activityid,
  )
})
afterAll(() => env.close())

const status = async (id: string) =>
  (await env.client.retrieve('emails', id, { select: ['statecode', 'statuscode'] })) as {
    statecode: number
    statuscode: number
  }

ERAS.forEach((era, i) => {
  describe(`send_email (${era})`, () => {
    it('a declined consent sends nothing', async () => {
      const id = drafts[i * 3]!
      const { client, close } = await env.connect({ era, onElicit: decline })
      const error = errorBody(await client.callTool({ name: 'send_email', arguments: { emailId: id } }))
      expect(error.code).toBe('ConsentDeclined')
      expect(await status(id)).toMatchObject({ statecode: 0, statuscode: 1 })
      await close()
    })

    it('sends an approved draft once; sending it again or a received email is refused', async () => {
      const id = drafts[i * 3 + 1]!
      const asked: string[] = []
      const { client, close } = await env.connect({
        era,
        onElicit: async (request) => {
          asked.push(request.message)
          return approve()
        },
      })
      const out = ok(await client.callTool({ name: 'send_email', arguments: { emailId: id } }))
      expect(asked[0]).toContain(id)
      expect(out).toMatchObject({ id, status: 'Sent' })
      expect(await status(id)).toMatchObject({ statecode: 1, statuscode: 3 })
      const again = errorBody(await client.callTool({ name: 'send_email', arguments: { emailId: id } }))
      expect(again.code).toBe('Conflict')
      expect(again.message).toContain('not a draft')
      const incoming = errorBody(await client.callTool({ name: 'send_email', arguments: { emailId: received } }))
      expect(incoming.code).toBe('Conflict')
      expect(await status(received)).toMatchObject({ statecode: 1, statuscode: 4 })
      const missing = errorBody(
        await client.callTool({ name: 'send_email', arguments: { emailId: '00000000-0000-4000-8000-00000000beef' } }),
      )
      expect(missing.code).toBe('NotFound')
      await close()
    })

    it('without a way to ask the user, nothing is sent', async () => {
      const id = drafts[i * 3 + 2]!
      const { client, close } = await env.connect({ era })
      const error = errorBody(await client.callTool({ name: 'send_email', arguments: { emailId: id } }))
      expect(error.code).toBe('ConsentUnavailable')
      expect(await status(id)).toMatchObject({ statecode: 0, statuscode: 1 })
      await close()
    })
  })
})
