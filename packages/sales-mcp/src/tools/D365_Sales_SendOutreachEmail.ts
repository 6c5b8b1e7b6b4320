import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineSalesTool } from '../define-tool.js'
import { getLead } from '../support/lead-context.js'
import { label, lookup, type Row, requireGuid, text } from '../support/records.js'
import { leadIdArg } from '../support/schemas.js'

export const sendOutreachEmail = defineSalesTool({
  name: 'D365_Sales_SendOutreachEmail',
  title: 'Send outreach',
  description: "Sends the lead's newest draft email, or emailId. Irreversible.",
  input: z.object({ leadId: leadIdArg, emailId: z.string().optional() }),
  output: z.object({ emailId: z.string(), subject: z.string(), to: z.string().optional(), status: z.string() }),
  annotations: { destructiveHint: true },
  toolset: 'outreach',
  consent: (a) => `Send ${a.emailId ? `draft email ${a.emailId}` : 'the newest draft email'} to lead ${a.leadId}?`,
  render: (out) => `${out.status}: '${out.subject}' to ${out.to ?? 'recipients'} (${out.emailId})`,
  async run({ leadId, emailId }, ctx) {
    const lead = await getLead(ctx.client, leadId, ctx.signal)
    const id = String(lead.leadid)
    if (lead.donotemail === true)
      throw new ToolError({
        code: 'Forbidden',
        message: `Lead ${text(lead, 'fullname') ?? id} does not allow emails.`,
        fix: 'Do not email this lead; reach out another way if the lead agreed to it.',
      })
    let email: Row
    if (emailId) {
      const eid = requireGuid(emailId, 'Email id', 'D365_Sales_DraftOutreachEmail')
      try {
        email = await ctx.client.retrieve('emails', eid, { formatted: true, signal: ctx.signal })
      } catch (error) {
        if (error instanceof ToolError && error.code === 'NotFound')
          throw new ToolError({
            code: 'NotFound',
            message: `No email with id ${eid}.`,
            fix: 'Draft one with D365_Sales_DraftOutreachEmail.',
          })
        throw error
      }
      if (lookup(email, 'regardingobjectid')?.id !== id)
        throw new ToolError({
          code: 'InvalidInput',
          message: `Email ${eid} is not regarding lead ${id}.`,
          fix: 'Pass the lead the draft was written for, or leave emailId out to send that lead’s newest draft.',
        })
    } else {
      const drafts = await ctx.client.query('emails', {
        filter: `_regardingobjectid_value eq ${id} and statecode eq 0`,
        orderby: 'createdon desc',
        top: 1,
        formatted: true,
        signal: ctx.signal,
      })
      const first = drafts.rows[0]
      if (!first)
        throw new ToolError({
          code: 'NotFound',
          message: `Lead ${id} has no draft email.`,
          fix: 'Create one with D365_Sales_DraftOutreachEmail, then send it.',
        })
      email = first
    }
    const eid = String(email.activityid)
    if (email.statecode !== 0)
      throw new ToolError({
        code: 'Conflict',
        message: `Email ${eid} is not a draft (${label(email, 'statuscode') ?? 'closed'}); it cannot be sent again.`,
        fix: 'Draft a new email with D365_Sales_DraftOutreachEmail if another message is needed.',
      })
    await ctx.client.action(
      'SendEmail',
      { IssueSend: true },
      { bound: { entitySetName: 'emails', id: eid }, signal: ctx.signal },
    )
    const to = text(email, 'torecipients')
    return { emailId: eid, subject: text(email, 'subject') ?? '', ...(to ? { to } : {}), status: 'Sent' }
  },
})
