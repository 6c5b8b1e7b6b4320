// (a) read_query through the real tool path (MCP client → server → Dataverse client → sandbox
// fetch → emulator → SQLite) against the equivalent hand-written SQL on the same database.
import { createServer, silentLogger } from '@bizmcp/core'
import { connectInProcess } from '@bizmcp/core/testing'
import { createStandardSandbox, sandboxConnection } from '@bizmcp/sandbox'
import { dataverseModule } from '../src/index.js'
import { benchProduct } from './product.js'
import { median, ms } from './stats.js'

const SCALE = Number(process.env.BENCH_SCALE ?? 170)
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const WARMUP = 2

const QUERY = `SELECT u.fullname AS owner, COUNT(*) AS leads, SUM(l.estimatedamount) AS pipeline
FROM lead l JOIN systemuser u ON l.ownerid = u.systemuserid
GROUP BY u.fullname ORDER BY pipeline DESC`

const DIRECT = `SELECT u.fullname AS owner, COUNT(*) AS leads, SUM(l.estimatedamount) AS pipeline
FROM lead l JOIN systemuser u ON u.systemuserid = l.ownerid
GROUP BY u.fullname ORDER BY pipeline DESC`

/** Runs both alternately, so that load from other processes falls on both alike. */
async function timedPair(a: () => Promise<unknown>, b: () => unknown): Promise<[number[], number[]]> {
  for (let i = 0; i < WARMUP; i++) {
    await a()
    b()
  }
  const times: [number[], number[]] = [[], []]
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now()
    await a()
    times[0].push(performance.now() - start)
    start = performance.now()
    b()
    times[1].push(performance.now() - start)
  }
  return times
}

export async function readQueryFigures(): Promise<string[]> {
  const setupStart = performance.now()
  const sandbox = createStandardSandbox({ emulators: ['dataverse'], scale: SCALE })
  const setup = performance.now() - setupStart
  try {
    const leads = Number((sandbox.db.prepare('SELECT COUNT(*) AS n FROM lead').get() as { n: number }).n)
    const client = await dataverseModule.connect({ env: {}, sandbox: sandboxConnection(sandbox), log: silentLogger })
    const connected = await connectInProcess(createServer([{ product: benchProduct, client }]))
    try {
      let groups = 0
      let directRows = 0
      const [viaTool, direct] = await timedPair(
        async () => {
          const result = await connected.client.callTool({ name: 'read_query', arguments: { query: QUERY } })
          if (result.isError) throw new Error(`read_query failed: ${JSON.stringify(result.content)}`)
          groups = (result.structuredContent as { rowCount: number }).rowCount
        },
        () => {
          directRows = sandbox.db.prepare(DIRECT).all().length
        },
      )
      if (groups !== directRows) throw new Error(`read_query returned ${groups} groups, direct SQL ${directRows}`)
      const ratio = median(viaTool) / median(direct)
      return [
        `sandbox setup (scale ${SCALE}, ${leads.toLocaleString('en-US')} leads): ${(setup / 1000).toFixed(1)} s`,
        `query: leads JOIN systemuser, GROUP BY owner with COUNT and SUM (${groups} groups), ${RUNS} alternating runs each after ${WARMUP} warm-up`,
        `read_query vs direct SQL: median ${ms(median(viaTool))} vs ${ms(median(direct))}, ratio ${ratio.toFixed(2)}x (target <= 2x)`,
      ]
    } finally {
      await connected.close()
    }
  } finally {
    sandbox.close()
  }
}
