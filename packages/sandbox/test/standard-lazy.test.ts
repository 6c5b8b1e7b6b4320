// The lazy standard sandbox: nothing is generated until the first Dataverse request, which then
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
