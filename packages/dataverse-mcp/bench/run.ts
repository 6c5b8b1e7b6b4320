// pnpm --filter @bizmcp/dataverse-mcp bench: read_query against direct SQL on the same SQLite
// database, and the token cost of the tool list. Workspace packages are loaded from source
// (the @bizmcp/source export condition), so the bench needs no build; the launcher re-runs
// itself with that condition when it is missing.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const CONDITION = '--conditions=@bizmcp/source'
const hasCondition = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('@bizmcp/source'))

if (!hasCondition) {
  const child = spawnSync(process.execPath, [...process.execArgv, CONDITION, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
  })
  process.exit(child.status ?? 1)
}

const { tokenFigures } = await import('./tokens.js')
const { readQueryFigures } = await import('./read-query.js')
for (const line of await tokenFigures()) console.log(line)
for (const line of await readQueryFigures()) console.log(line)
