// The Finance & operations emulator: a records API on SQLite behind the sandbox's Entra ID. Grow it to
// follow the vendor's documented API (URLs, query options, paging, error bodies, limits) —
// agents and clients are built against those.
import type { Sandbox } from '../sandbox.js'
import type { Emulator } from '../shared/emulator.js'
import { jsonResponse } from '../shared/http.js'

const DEMO_NAMES = [
  'Northwind Traders',
  'Fabrikam Robotics',
  'Adatum Health',
  'Litware Labs',
  'Proseware Freight',
  'Tailspin Toys',
]

export function createErpEmulator(sandbox: Sandbox): Emulator {
  const db = sandbox.db
  db.exec('CREATE TABLE IF NOT EXISTS erp_records (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_on TEXT NOT NULL)')
  const count = db.prepare('SELECT COUNT(*) AS n FROM erp_records').get() as { n: number }
  if (count.n === 0) {
    const insert = db.prepare('INSERT INTO erp_records (id, name, created_on) VALUES (?, ?, ?)')
    for (const [i, name] of DEMO_NAMES.entries()) {
      insert.run(`rec-${String(i + 1).padStart(3, '0')}`, name, new Date(Date.UTC(2026, 0, 1 + i)).toISOString())
    }
  }
  const list = db.prepare(
    'SELECT id, name, created_on AS createdOn FROM erp_records ORDER BY created_on DESC, id LIMIT ? OFFSET ?',
  )
  const total = db.prepare('SELECT COUNT(*) AS n FROM erp_records')
  const one = db.prepare('SELECT id, name, created_on AS createdOn FROM erp_records WHERE id = ?')

  const error = (status: number, code: string, message: string) => jsonResponse({ error: { code, message } }, status)

  return {
    name: 'erp',
    prefix: '/erp',
    async handle(request, path) {
      const verified = await sandbox.entra.verifyAccessToken(
        request.headers.get('authorization')?.replace(/^Bearer /i, ''),
        {
          audience: sandbox.urlOf('erp'),
        },
      )
      if (!verified.ok) return error(401, 'InvalidToken', verified.description)
      const url = new URL(path, 'http://emulator')
      if (request.method !== 'GET') return error(405, 'MethodNotAllowed', `${request.method} is not supported here.`)
      if (url.pathname === '/api/records') {
        const top = Number(url.searchParams.get('top') ?? 50)
        const skip = Number(url.searchParams.get('skip') ?? 0)
        if (!Number.isInteger(top) || top < 1 || top > 200)
          return error(400, 'InvalidTop', 'top must be a whole number from 1 to 200.')
        if (!Number.isInteger(skip) || skip < 0)
          return error(400, 'InvalidSkip', 'skip must be a whole number of at least 0.')
        return jsonResponse({ value: list.all(top, skip), total: (total.get() as { n: number }).n })
      }
      const match = /^\/api\/records\/([^/]+)$/.exec(url.pathname)
      if (match) {
        const record = one.get(decodeURIComponent(match[1]!))
        return record
          ? jsonResponse(record)
          : error(404, 'RecordNotFound', `Record ${decodeURIComponent(match[1]!)} does not exist.`)
      }
      return error(404, 'NotFound', `No Finance & operations API at ${url.pathname}.`)
    },
  }
}
