// Test helpers: one standard sandbox per test file (the shared Dataverse test environment), plus
// lookups of suitable demo cases.
import type { DataverseClient } from '@bizmcp/dataverse-mcp'
import { startDataverseEnv } from '@bizmcp/dataverse-mcp/testing'
import { serviceModule } from '../src/index.js'

export {
  acceptConsent as approve,
  declineConsent as decline,
  ERAS,
  errorBody,
  structured as ok,
} from '@bizmcp/core/testing'
export type { DataverseTestEnv as TestEnv } from '@bizmcp/dataverse-mcp/testing'

export const startEnv = () => startDataverseEnv([serviceModule.product])

/** An open case of the signed-in user with an incoming email from its contact. */
export async function myOpenCaseWithEmail(client: DataverseClient, userId: string, skip = 0) {
  const { rows } = await client.query('incidents', {
    select: ['incidentid', 'title', 'ticketnumber', '_productid_value', 'casetypecode', '_primarycontactid_value'],
    filter: `_ownerid_value eq ${userId} and statecode eq 0 and _primarycontactid_value ne null`,
    orderby: 'ticketnumber asc',
  })
  const found: Array<{ incident: Record<string, unknown>; email: Record<string, unknown> }> = []
  for (const incident of rows) {
    const mails = await client.query('emails', {
      select: ['activityid', 'subject', 'sender', 'directioncode'],
      filter: `_regardingobjectid_value eq ${incident.incidentid} and directioncode eq false`,
    })
    const email = mails.rows[0]
    if (email) found.push({ incident, email })
    if (found.length > skip) break
  }
  const hit = found[skip]
  if (!hit) throw new Error('no open case with an incoming email')
  return { caseId: String(hit.incident.incidentid), emailId: String(hit.email.activityid), incident: hit.incident }
}
