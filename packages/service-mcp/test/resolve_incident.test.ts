// resolve_incident through MCP: CloseIncident with a resolution note; resolved and canceled cases
// and empty notes are refused without changing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
let open: string[]
let canceled: string
beforeAll(async () => {
  env = await startEnv()
  open = (
    await env.client.query('incidents', {
      select: ['incidentid'],
      filter: 'statecode eq 0',
      orderby: 'ticketnumber asc',
      top: 10,
    })
  ).rows.map((r) => String(r.incidentid))
  canceled = String(
    (await env.client.query('incidents', { select: ['incidentid'], filter: 'statecode eq 2', top: 1 })).rows[0]
      ?.incidentid,
  )
})
afterAll(() => env.close())

const state = (id: string) => env.client.retrieve('incidents', id, { select: ['statecode', 'statuscode'] })
const resolutions = async (id: string) =>
  (
    await env.client.query('incidentresolutions', {
      select: ['activityid', 'subject', 'description', 'statecode'],
      filter: `_incidentid_value eq ${id}`,
    })
  ).rows

ERAS.forEach((era, i) => {
  describe(`resolve_incident (${era})`, () => {
    it('resolves an active case with the note as a case resolution, then refuses to resolve it again', async () => {
      const caseId = open[i * 2]!
      const { client, close } = await env.connect({ era })
      const out = ok(
        await client.callTool({
          name: 'resolve_incident',
          arguments: {
            caseId,
            subject: 'Reporting interval changed',
            description: 'Set the profile to hourly readings.',
          },
        }),
      )
      expect(out.status).toBe('Resolved / Problem Solved')
      expect(await state(caseId)).toMatchObject({ statecode: 1, statuscode: 5 })
      const rows = await resolutions(caseId)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({
        activityid: out.resolutionId,
        subject: 'Reporting interval changed',
        description: 'Set the profile to hourly readings.',
        statecode: 1,
      })
      const again = errorBody(
        await client.callTool({
          name: 'resolve_incident',
          arguments: { caseId, subject: 'Again', description: 'Again' },
        }),
      )
      expect(again.code).toBe('Conflict')
      expect(again.message).toContain('already resolved')
      expect(again.fix).toContain('reactivate')
      expect(await resolutions(caseId)).toHaveLength(1)
      await close()
    })

    it('information provided, canceled cases, empty notes and unknown cases', async () => {
      const { client, close } = await env.connect({ era })
      const info = ok(
        await client.callTool({
          name: 'resolve_incident',
          arguments: {
            caseId: open[i * 2 + 1],
            subject: 'Answered',
            description: 'Sent the datasheet.',
            status: 'information_provided',
          },
        }),
      )
      expect(info.status).toBe('Resolved / Information Provided')
      const before = await state(canceled)
      const cancel = errorBody(
        await client.callTool({
          name: 'resolve_incident',
          arguments: { caseId: canceled, subject: 'x', description: 'y' },
        }),
      )
      expect(cancel.code).toBe('Conflict')
      expect(cancel.message).toContain('canceled')
      expect(await state(canceled)).toEqual(before)
      const target = open[5 + i]!
      const empty = errorBody(
        await client.callTool({
          name: 'resolve_incident',
          arguments: { caseId: target, subject: 'Done', description: '   ' },
        }),
      )
      expect(empty.code).toBe('InvalidInput')
      expect(empty.message).toContain('description')
      const noNote = errorBody(await client.callTool({ name: 'resolve_incident', arguments: { caseId: target } }))
      expect(noNote.code).toBe('InvalidInput')
      expect(await state(target)).toMatchObject({ statecode: 0 })
      expect(await resolutions(target)).toHaveLength(0)
      const missing = errorBody(
        await client.callTool({
          name: 'resolve_incident',
          arguments: { caseId: '00000000-0000-4000-8000-00000000beef', subject: 'x', description: 'y' },
        }),
      )
      expect(missing.code).toBe('NotFound')
      await close()
    })
  })
})
