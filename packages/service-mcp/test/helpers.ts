// One standard sandbox per test file: the real path MCP client → server → Dataverse client →
// HTTP (the sandbox's in-process fetch) → emulator → SQLite.
import { type CreateServerOptions, createServer, silentLogger } from '@bizmcp/core'
import { type ClientOptions, connectInProcess, errorBody } from '@bizmcp/core/testing'
import { type DataverseClient, dataverseModule } from '@bizmcp/dataverse-mcp'
import { createStandardSandbox, type Sandbox, sandboxConnection } from '@bizmcp/sandbox'
import { serviceModule } from '../src/index.js'

export interface TestEnv {
  sandbox: Sandbox
  client: DataverseClient
  userId: string
  connect(options?: ClientOptions, server?: CreateServerOptions): ReturnType<typeof connectInProcess>
  close(): void
}

export async function startEnv(): Promise<TestEnv> {
  const sandbox = createStandardSandbox({ emulators: ['dataverse'] })
  const client = await serviceModule.connect({ env: {}, sandbox: sandboxConnection(sandbox), log: silentLogger })
  const { userId } = await client.whoAmI()
  return {
    sandbox,
    client,
    userId,
    connect: (options = {}, server = {}) =>
      connectInProcess(createServer([{ product: serviceModule.product, client }], server), options),
    close: () => sandbox.close(),
  }
}

export type CallResult = { structuredContent?: unknown; content?: unknown; isError?: boolean }

export function ok<T = Record<string, any>>(result: CallResult): T {
  if (result.isError) throw new Error(`Tool failed: ${JSON.stringify(result.content)}`)
  return result.structuredContent as T
}

export const approve = async () => ({ action: 'accept' as const, content: { approve: true } })
export const decline = async () => ({ action: 'decline' as const })

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

export { dataverseModule, errorBody }

export const ERAS = ['legacy', 'modern'] as const
