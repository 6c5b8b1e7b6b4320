// The lazy standard sandbox: nothing is generated until an emulator's first request, which then
// answers with the full demo data; its description is complete once built.
import { expect, it } from 'vitest'
import { createStandardSandbox, describeSandbox } from '../src/index.js'

it('builds Dataverse on its first request', async () => {
  const sandbox = createStandardSandbox({ emulators: ['dataverse'], lazy: true })
  const tables = () =>
    sandbox.db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'account'").get() as {
      n: number
    }
  expect(tables().n).toBe(0)
  const before = describeSandbox(sandbox).emulators.dataverse!
  expect(before).toMatchObject({ url: sandbox.urlOf('dataverse'), orgUrl: sandbox.urlOf('dataverse') })
  expect(before.tables).toBeUndefined()

  const token = await sandbox.entra.requestToken({ scope: `${sandbox.urlOf('dataverse')}/.default` })
  const response = await sandbox.fetch(`${sandbox.urlOf('dataverse')}/api/data/v9.2/accounts?$count=true&$top=1`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(response.status).toBe(200)
  expect((await response.json())['@odata.count']).toBeGreaterThan(100)
  expect(tables().n).toBe(1)
  expect(describeSandbox(sandbox).emulators.dataverse!.tables).toContain('account')
  sandbox.close()
})

it('builds Salesforce on its first request, describing how to sign in until then', async () => {
  const sandbox = createStandardSandbox({ emulators: ['salesforce'], lazy: true })
  const tables = () =>
    sandbox.db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name LIKE 'sf_%'").get() as {
      n: number
    }
  expect(tables().n).toBe(0)
  const before = describeSandbox(sandbox).emulators.salesforce!
  expect(before).toMatchObject({ loginUrl: sandbox.urlOf('salesforce'), clientId: expect.any(String) })
  expect(before.users).toBeUndefined()

  // a client-credentials sign-in with what the unbuilt description gives, then a query of the demo org
  const signIn = await sandbox.fetch(`${before.tokenEndpoint}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: String(before.clientId),
      client_secret: String(before.clientSecret),
    }),
  })
  expect(signIn.status).toBe(200)
  const { access_token } = (await signIn.json()) as { access_token: string }
  const query = await sandbox.fetch(
    `${before.instanceUrl}/services/data/v${before.apiVersion}/query?q=${encodeURIComponent('SELECT COUNT() FROM Account')}`,
    { headers: { Authorization: `Bearer ${access_token}` } },
  )
  expect(((await query.json()) as { totalSize: number }).totalSize).toBeGreaterThan(10)
  expect(tables().n).toBeGreaterThan(0)
  expect(describeSandbox(sandbox).emulators.salesforce!.users).toEqual(expect.arrayContaining([expect.anything()]))
  sandbox.close()
})
