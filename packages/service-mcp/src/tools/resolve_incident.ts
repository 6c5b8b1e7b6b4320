import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineServiceTool } from '../define-tool.js'
import { label, loadCase, str } from '../support/records.js'

const STATUS = { problem_solved: 5, information_provided: 1000 } as const

export const resolveIncident = defineServiceTool({
  name: 'resolve_incident',
  title: 'Resolve case',
  description: 'Resolves an active case with a resolution note.',
  input: z.object({
    caseId: z.string(),
    subject: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1),
    status: z.enum(['problem_solved', 'information_provided']).default('problem_solved'),
  }),
  output: z.object({
    ticketnumber: z.string(),
    status: z.string(),
    resolutionId: z.string().optional(),
  }),
  annotations: { destructiveHint: false },
  toolset: 'cases',
  render: (out) => `Resolved ${out.ticketnumber} (${out.status}); resolution ${out.resolutionId ?? 'recorded'}`,
  async run({ caseId, subject, description, status }, ctx) {
    const { client, signal } = ctx
    const row = await loadCase(client, caseId, signal)
    const id = String(row.incidentid)
    const ticket = str(row, 'ticketnumber')
    if (row.statecode !== 0) {
      const state = label(row, 'statecode') ?? String(row.statecode)
      throw new ToolError({
        code: 'Conflict',
        message: `Case ${ticket} is already ${state.toLowerCase()} (${label(row, 'statuscode') ?? row.statuscode}); nothing was changed.`,
        fix:
          row.statecode === 1
            ? 'Nothing to do. To resolve it again, a user must first reactivate the case in Dynamics 365.'
            : 'A canceled case cannot be resolved; reactivate it in Dynamics 365 first, or pick another case with list_cases.',
      })
    }
    await client.action(
      'CloseIncident',
      {
        IncidentResolution: {
          subject,
          description,
          'incidentid@odata.bind': `/incidents(${id})`,
        },
        Status: STATUS[status],
      },
      { signal },
    )
    const [after, resolutions] = await Promise.all([
      client.retrieve('incidents', id, { select: ['statecode', 'statuscode'], formatted: true, signal }),
      client.query('incidentresolutions', {
        select: ['activityid'],
        filter: `_incidentid_value eq ${id}`,
        orderby: 'createdon desc',
        top: 1,
        signal,
      }),
    ])
    const resolutionId = resolutions.rows[0]?.activityid
    return {
      ticketnumber: ticket,
      status: `${label(after, 'statecode') ?? after.statecode} / ${label(after, 'statuscode') ?? after.statuscode}`,
      ...(typeof resolutionId === 'string' ? { resolutionId } : {}),
    }
  },
})
