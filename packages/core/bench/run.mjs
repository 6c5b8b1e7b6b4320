// pnpm bench (core): figures as ratios against a baseline measured in the same run.
// 1. tools/call throughput over Streamable HTTP: core vs a bare SDK server with the same tool.
// 2. stdio cold start (spawn → initialize response) vs `node -e ""`.
// Loopback only; every load is bounded in time.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client'
import autocannon from 'autocannon'

const here = dirname(fileURLToPath(import.meta.url))
const targets = join(here, 'targets.mjs')
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const CONNECTIONS = 16
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 15)

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function startTarget(mode) {
  const child = spawn(process.execPath, [targets, mode], { stdio: ['ignore', 'pipe', 'ignore'] })
  const [chunk] = await once(child.stdout, 'data')
  return { child, url: `http://127.0.0.1:${String(chunk).trim()}/mcp` }
}

/** Records the exact HTTP request a 2026-era SDK client sends for one tools/call, to replay it under load. */
async function recordToolCall(url) {
  let recorded
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    fetch: async (input, init) => {
      const body = typeof init?.body === 'string' ? init.body : undefined
      if (body?.includes('"tools/call"')) recorded = { headers: Object.fromEntries(new Headers(init.headers)), body }
      return fetch(input, init)
    },
  })
  const client = new Client(
    { name: 'bench', version: '1.0.0' },
    { versionNegotiation: { mode: { pin: '2026-07-28' } } },
  )
  await client.connect(transport)
  const result = await client.callTool({ name: 'echo', arguments: { text: 'hello from the benchmark' } })
  if (result.isError || result.structuredContent?.text !== 'hello from the benchmark')
    throw new Error(`unexpected result: ${JSON.stringify(result)}`)
  await client.close()
  return recorded
}

async function load(url, request) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: request.headers,
    body: request.body,
    connections: CONNECTIONS,
    duration: SECONDS,
  })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result.requests.average
}

async function throughput() {
  const core = await startTarget('http-core')
  const bare = await startTarget('http-bare')
  try {
    const request = await recordToolCall(core.url)
    await recordToolCall(bare.url) // both answer the same request correctly
    const rates = { core: [], bare: [] }
    await load(core.url, request) // warm-up
    await load(bare.url, request)
    for (let round = 0; round < ROUNDS; round++) {
      rates.core.push(await load(core.url, request))
      rates.bare.push(await load(bare.url, request))
    }
    const coreRate = median(rates.core)
    const bareRate = median(rates.bare)
    const ratio = coreRate / bareRate
    console.log(
      `tools/call over HTTP: core ${coreRate.toFixed(0)} req/s vs bare SDK ${bareRate.toFixed(0)} req/s, ratio ${ratio.toFixed(2)} (target: >= 0.75, i.e. core costs at most 25%)${ratio < 0.75 ? '  ← BELOW TARGET' : ''}`,
    )
  } finally {
    core.child.kill()
    bare.child.kill()
  }
}

function timeSpawn(args, untilFirstLine, input) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'] })
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error('cold start took over 10 s'))
    }, 10_000)
    if (untilFirstLine) {
      child.stdout.once('data', () => {
        const elapsed = performance.now() - started
        clearTimeout(timer)
        child.kill()
        resolve(elapsed)
      })
      child.stdin.write(input)
    } else {
      child.once('exit', () => {
        clearTimeout(timer)
        resolve(performance.now() - started)
      })
      child.stdin.end()
    }
  })
}

async function coldStart() {
  const initialize = `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } })}\n`
  const server = []
  const baseline = []
  await timeSpawn([targets, 'stdio-core'], true, initialize) // warm the file cache
  for (let i = 0; i < COLD_STARTS; i++) {
    baseline.push(await timeSpawn(['-e', ''], false))
    server.push(await timeSpawn([targets, 'stdio-core'], true, initialize))
  }
  const s = median(server)
  const b = median(baseline)
  console.log(
    `stdio cold start: core server ${s.toFixed(0)} ms vs node -e "" ${b.toFixed(0)} ms, ratio ${(s / b).toFixed(2)} (target: under 300 ms)${s >= 300 ? '  ← OVER TARGET' : ''}`,
  )
}

await throughput()
await coldStart()
