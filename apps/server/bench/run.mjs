// pnpm bench (combined server): figures against baselines measured in the same run.
// 1. tools/list size per product in o200k tokens.
// 2. HTTP throughput of a read tool on the sandbox with 1, 8 and 32 concurrent clients.
// 3. stdio cold start (spawn → initialize response) of each product's bin and of bizmcp, vs `node -e ""`.
// Loopback only; every load is bounded in time.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer } from '@bizmcp/core'
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client'
import autocannon from 'autocannon'
import { getEncoding } from 'js-tiktoken'
import { knownProducts, productLoaders } from '../dist/index.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..', '..')
const cli = join(here, '..', 'dist', 'cli.js')
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 7)
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

async function tokens() {
  const encoding = getEncoding('o200k_base')
  const rows = []
  for (const name of knownProducts()) {
    const { product } = await productLoaders[name]()
    const listings = createServer([{ product, client: {} }]).tools.map((t) => t.listing)
    const total = encoding.encode(JSON.stringify({ tools: listings })).length
    rows.push({ name, tools: listings.length, total, average: total / listings.length })
  }
  const all = rows.reduce((sum, r) => ({ tools: sum.tools + r.tools, total: sum.total + r.total }), {
    tools: 0,
    total: 0,
  })
  console.log('tools/list in o200k tokens (target: under 200 per tool on average)')
  for (const r of rows)
    console.log(
      `  ${r.name.padEnd(12)} ${String(r.tools).padStart(3)} tools ${String(r.total).padStart(6)} tokens  ${r.average.toFixed(1)} per tool`,
    )
  console.log(
    `  ${'all'.padEnd(12)} ${String(all.tools).padStart(3)} tools ${String(all.total).padStart(6)} tokens  ${(all.total / all.tools).toFixed(1)} per tool`,
  )
}

/** Records the exact HTTP request a 2026-era client sends for one tools/call, to replay it under load. */
async function record(url, name, args) {
  let recorded
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    fetch: async (input, init) => {
      if (typeof init?.body === 'string' && init.body.includes('"tools/call"')) {
        recorded = { headers: Object.fromEntries(new Headers(init.headers)), body: init.body }
      }
      return fetch(input, init)
    },
  })
  const client = new Client(
    { name: 'bench', version: '1.0.0' },
    { versionNegotiation: { mode: { pin: '2026-07-28' } } },
  )
  await client.connect(transport)
  const result = await client.callTool({ name, arguments: args })
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`)
  await client.close()
  return { request: recorded, result }
}

async function throughput() {
  const child = spawn(
    process.execPath,
    [cli, '--http', '--port', '0', '--products', 'dataverse', '--sandbox', '--no-audit'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const deadline = Date.now() + 60_000
  while (!/listening on (\S+)/.test(stderr)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bizmcp did not start:\n${stderr}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  const url = /listening on (\S+)/.exec(stderr)[1]
  try {
    // a read tool that reaches the emulator on every call: one account by id, with labels
    const { result } = await record(url, 'read_query', { query: 'SELECT TOP 1 accountid FROM account ORDER BY name' })
    const id = result.structuredContent.rows[0].accountid
    const { request } = await record(url, 'fetch', { table: 'account', id })
    console.log(`HTTP tools/call "fetch" (one account, via the Dataverse emulator) on ${url}`)
    const rates = {}
    for (const connections of [1, 8, 32]) {
      const run = await autocannon({
        url,
        method: 'POST',
        headers: request.headers,
        body: request.body,
        connections,
        duration: SECONDS,
      })
      if (run.non2xx || run.errors)
        throw new Error(`${connections} clients: ${run.non2xx} non-2xx, ${run.errors} errors`)
      rates[connections] = run.requests.average
      console.log(
        `  ${String(connections).padStart(2)} clients: ${run.requests.average.toFixed(0)} req/s, p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms`,
      )
    }
    console.log(
      `  scaling 32 vs 1 client: ${(rates[32] / rates[1]).toFixed(2)}x (one process, 2 cores shared with the load generator)`,
    )
  } finally {
    child.kill()
    await once(child, 'exit')
  }
}

function coldStart(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'] })
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`${args.join(' ')}: no answer in 30 s`))
    }, 30_000)
    const done = () => {
      clearTimeout(timer)
      child.kill()
      resolve(performance.now() - started)
    }
    if (args[0] === '-e') {
      child.once('exit', done)
      child.stdin.end()
      return
    }
    child.stdout.once('data', done)
    child.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } })}\n`,
    )
  })
}

async function coldStarts() {
  const targets = [
    ['node -e ""', ['-e', '']],
    ...knownProducts().map((name) => [`${name}-mcp bin`, [join(root, 'packages', `${name}-mcp`, 'dist', 'bin.js')]]),
    ['bizmcp (all products)', [cli, '--sandbox', '--no-audit']],
  ]
  console.log('stdio cold start, spawn to initialize response, on the sandbox (median)')
  let baseline = 0
  for (const [label, args] of targets) {
    await coldStart(args) // warm the file and compile caches
    const times = []
    for (let i = 0; i < COLD_STARTS; i++) times.push(await coldStart(args))
    const m = median(times)
    if (!baseline) baseline = m
    console.log(`  ${label.padEnd(24)} ${m.toFixed(0).padStart(6)} ms   ${(m / baseline).toFixed(1)}x node`)
  }
}

await tokens()
await throughput()
await coldStarts()
