import { isToolError, ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineServiceTool } from '../define-tool.js'
import { guidArg, label, str } from '../support/records.js'

export const sendEmail = defineServiceTool({
  name: 'send_email',
  title: 'Send email',
  description: 'Sends an existing draft email by id. Drafts only; cannot be undone, so the user is asked first.',
  input: z.object({ emailId: z.string() }),
  output: z.object({
    id: z.string(),
    subject: z.string(),
    to: z.string(),
    status: z.string(),
  }),
  annotations: { destructiveHint: true },
  toolset: 'email',
  consent: ({ emailId }) => `Send email ${emailId} now? A sent email cannot be recalled.`,
  render: (out) => `Sent email ${out.id} to ${out.to}: ${out.subject} (${out.status})`,
  async run({ emailId }, ctx) {
    const { client, signal } = ctx
    const id = guidArg(emailId, 'email', 'draft_email_with_suggested_response')
    const select = [
      'activityid',
      'subject',
      'torecipients',
      'directioncode',
      'statecode',
      'statuscode',
      '_regardingobjectid_value',
    ]
    let email: Record<string, unknown>
    try {
      email = await client.retrieve('emails', id, { select, formatted: true, signal })
    } catch (error) {
      if (isToolError(error) && error.code === 'NotFound')
        throw new ToolError({
          code: 'NotFound',
          message: `There is no email with id ${id}.`,
          fix: 'Create a draft with draft_email_with_suggested_response and pass the id it returns.',
        })
      throw error
    }
    if (email.statecode !== 0 || email.statuscode !== 1) {
      throw new ToolError({
        code: 'Conflict',
        message: `Email ${id} is not a draft (status: ${label(email, 'statuscode') ?? email.statuscode}); only drafts can be sent, and it was not sent again.`,
        fix: 'Nothing to do if it was already sent. To write again, create a new draft with draft_email_with_suggested_response.',
      })
    }
    if (email.directioncode === false) {
      throw new ToolError({
        code: 'Conflict',
        message: `Email ${id} is an incoming email, which cannot be sent.`,
        fix: 'Reply with draft_email_with_suggested_response and send that draft.',
      })
    }
    if (!str(email, 'torecipients').trim()) {
      throw new ToolError({
        code: 'InvalidInput',
        message: `Draft ${id} has no recipients.`,
        fix: 'Set torecipients on the draft (update_record) and send it again.',
      })
    }
    await client.action('SendEmail', { IssueSend: true }, { bound: { entitySetName: 'emails', id }, signal })
    const after = await client.retrieve('emails', id, { select, formatted: true, signal })
    return {
      id,
      subject: str(after, 'subject'),
      to: str(after, 'torecipients'),
      status: label(after, 'statuscode') ?? String(after.statuscode),
    }
  },
})
