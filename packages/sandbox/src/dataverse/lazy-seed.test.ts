import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, expect, it } from 'vitest'
import { fixtureSeed, ids } from './test-fixtures.js'
import { makeEmulator } from './test-helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'dv-seed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('generates the seed only for a database that has no data yet', async () => {
  const file = join(dir, 'org.db')
  let generated = 0
  const seed = () => {
    generated++
    return fixtureSeed()
  }
  const first = makeEmulator({ db: new DatabaseSync(file), seed })
  expect(generated).toBe(1)
  first.db.close()
  const second = makeEmulator({ db: new DatabaseSync(file), seed })
  expect(generated).toBe(1)
  // who the signed-in user is comes back from the database
  expect(second.emulator.describe()).toMatchObject({ currentUserId: ids.user, organizationId: ids.org })
  expect((await second.call('GET', 'WhoAmI')).json).toMatchObject({ UserId: ids.user, BusinessUnitId: ids.bu })
  second.db.close()
})
