// The official @modelcontextprotocol/conformance server scenarios that a domain server can pass
// without the suite's reference fixture tools. Run as a child process per scenario; its
// checks.json becomes our results. If the tool itself cannot run, that is a skip, not a failure.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { RunContext } from './context.js'
import { fail, type Outcome, pass, skip } from './types.js'

export const OFFICIAL_SCENARIOS = [
  'server-initialize',
  'ping',
  'tools-list',
  'dns-rebinding-protection',
  'server-stateless',
  'http-header-validation',
  'json-schema-2020-12',
] as const

interface OfficialCheck {
  id: string
  description?: string
  status: string
  errorMessage?: string
  details?: { message?: string; note?: string }
}

export async function officialChecks(ctx: RunContext) {
  if (ctx.target.kind !== 'http') {
    await ctx.check('official', 'official', 'official conformance scenarios', async () =>
      skip('the official suite tests servers over HTTP only; use --url'),
    )
    return
  }
  let bin: string
  try {
    const require = createRequire(import.meta.url)
    bin = join(dirname(require.resolve('@modelcontextprotocol/conformance/package.json')), 'dist', 'index.js')
  } catch (error) {
    await ctx.check('official', 'official', 'official conformance scenarios', async () =>
      skip(`@modelcontextprotocol/conformance is not installed: ${(error as Error).message}`),
    )
    return
  }
  for (const scenario of OFFICIAL_SCENARIOS) {
    const outDir = await mkdtemp(join(tmpdir(), 'bizmcp-official-'))
    let checks: OfficialCheck[]
    try {
      checks = await runScenario(bin, ctx.target.url, scenario, outDir, ctx.timeoutMs)
    } catch (error) {
      await ctx.check('official', scenario, `official ${scenario}`, async () =>
        skip(`the official tool could not run: ${(error as Error).message}`),
      )
      continue
    } finally {
      await rm(outDir, { recursive: true, force: true })
    }
    const seen = new Map<string, number>()
    for (const check of checks) {
      // The suite repeats some check ids (once per probe); keep ours unique.
      const n = (seen.get(check.id) ?? 0) + 1
      seen.set(check.id, n)
      await ctx.check(
        'official',
        `${scenario}/${check.id}${n > 1 ? `#${n}` : ''}`,
        check.description ?? check.id,
        async () => toOutcome(check),
      )
    }
  }
}

function toOutcome(check: OfficialCheck): Outcome {
  const message = check.errorMessage ?? check.details?.message ?? check.details?.note
  switch (check.status) {
    case 'SUCCESS':
      return pass()
    case 'WARNING':
      return pass(undefined, [message ?? 'warning'])
    case 'FAILURE':
    case 'ERROR':
      // Some checks need the suite's reference fixture tools; without them they cannot test anything.
      if (message && /^Not testable|Tool '[^']+' not found/.test(message))
        return skip(`needs the official fixture tools: ${message}`)
      return fail(message ?? 'failed')
    default:
      return skip(message ?? check.status)
  }
}

async function runScenario(
  bin: string,
  url: string,
  scenario: string,
  outDir: string,
  timeoutMs: number,
): Promise<OfficialCheck[]> {
  const args = [bin, 'server', '--url', url, '--scenario', scenario, '-o', outDir, '--timeout', String(timeoutMs * 2)]
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let text = ''
    const keep = (chunk: Buffer) => {
      text = (text + chunk.toString()).slice(-2000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs * 4)
    child.on('error', reject)
    child.on('close', () => {
      clearTimeout(timer)
      resolve(text)
    })
  })
  const runs = await readdir(outDir).catch(() => [])
  const run = runs.find((name) => name.startsWith(`server-${scenario}`))
  if (!run) throw new Error(`no results written; output: ${output.trim().split('\n').slice(-3).join(' | ')}`)
  const checks = JSON.parse(await readFile(join(outDir, run, 'checks.json'), 'utf8')) as OfficialCheck[]
  if (!Array.isArray(checks)) throw new Error('checks.json is not an array')
  return checks
}
