// Test helpers: one standard sandbox per test file, served with the Dataverse tools too, as a
// deployment that registers both products would be; plus lookups of the scenario data.
import { type DataverseClient, dataverseModule } from '@bizmcp/dataverse-mcp'
import { startDataverseEnv } from '@bizmcp/dataverse-mcp/testing'
import { salesModule } from '../src/index.js'

export {
  acceptConsent as approve,
  declineConsent as decline,
  ERAS,
  errorBody,
  structured as ok,
} from '@bizmcp/core/testing'
export type { DataverseTestEnv as TestEnv } from '@bizmcp/dataverse-mcp/testing'

export const startEnv = () => startDataverseEnv([dataverseModule.product, salesModule.product])

export const OLIVE_EMAIL = 'sofia.marin@verdelia-oliveoil.com'

/** the scenario-2 lead the seed adds */
export async function oliveLeadId(client: DataverseClient): Promise<string> {
  const page = await client.query('leads', { select: ['leadid'], filter: `emailaddress1 eq '${OLIVE_EMAIL}'`, top: 1 })
  return String(page.rows[0]?.leadid)
}

/** a fresh open lead, created straight through the Dataverse client */
export async function newLead(client: DataverseClient, values: Record<string, unknown>): Promise<string> {
  return client.create('leads', { subject: 'Test lead', lastname: 'Tester', statecode: 0, statuscode: 1, ...values })
}
