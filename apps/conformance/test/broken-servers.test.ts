// The harness must be able to fail: each deliberately broken server is caught by the check meant
// for its defect (and only by checks related to it), the CLI exits 1, and the JUnit XML it
// writes parses back with one testcase per check.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runConformance } from '../src/index.js'
import { main } from '../src/main.js'
import { startIgnoresOriginServer } from './fixtures/broken-server.js'
import { FIXTURE, junitStatuses, parseXml, TSX } from './helpers.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bizmcp-conformance-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Runs the CLI in process against a fixture mode; returns the exit code and per-check statuses. */
async function runCli(mode: string, ...flags: string[]) {
  const junit = join(dir, `${mode}.xml`)
  let stdout = ''
  const code = await main(
    [
      '--stdio',
      `"${process.execPath}" --import ${TSX} "${FIXTURE}" ${mode}`,
      '--suite',
      'protocol,contract',
      '--timeout',
      '3000',
      '--junit',
      junit,
      ...flags,
    ],
    { stdout: (text) => (stdout += text), stderr: () => {} },
  )
  const xml = await readFile(junit, 'utf8')
  const statuses = junitStatuses(parseXml(xml))
  const failed = [...statuses].filter(([, s]) => s === 'fail').map(([id]) => id)
  return { code, stdout, statuses, failed }
}

describe.concurrent('broken servers are caught', () => {
  it('the well-behaved baseline passes every check (exit 0)', async () => {
    const { code, failed, stdout } = await runCli('ok')
    expect(failed, stdout).toEqual([])
    expect(code).toBe(0)
  })

  const cases: Array<{ mode: string; check: string; flags?: string[]; reason: RegExp }> = [
    { mode: 'invalid-schema', check: 'protocol.schemas-2020-12', reason: /bad_schema\.inputSchema/ },
    { mode: 'crash', check: 'contract.call/crash', reason: /connection closed|crashed/ },
    { mode: 'hang', check: 'contract.call/hang', reason: /no answer in time/ },
    {
      mode: 'write-tool',
      check: 'contract.read-only-profile',
      flags: ['--read-only-profile'],
      reason: /write_thing/,
    },
    { mode: 'bad-output', check: 'contract.call/bad_output', reason: /does not match outputSchema/ },
    { mode: 'bad-name', check: 'protocol.tool-names', reason: /"bad name!"/ },
    { mode: 'endless-cursor', check: 'protocol.tools-list-paging', reason: /does not converge/ },
    { mode: 'looping-cursor', check: 'protocol.tools-list-paging', reason: /came back/ },
  ]
  for (const { mode, check, flags = [], reason } of cases) {
    it(`${mode} fails ${check} and the CLI exits 1`, async () => {
      const { code, failed, stdout } = await runCli(mode, ...flags)
      expect(code).toBe(1)
      expect(failed, stdout).toEqual([check])
      const line = stdout.split('\n').find((l) => l.includes(`✗ ${check.split('.')[1]}:`))
      expect(line).toMatch(reason)
      expect(stdout).toMatch(/\d+ passed, 1 failed, \d+ skipped/)
    })
  }
})

describe('a server that ignores Origin and Host', () => {
  let server: Awaited<ReturnType<typeof startIgnoresOriginServer>>
  beforeAll(async () => {
    server = await startIgnoresOriginServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('fails the DNS-rebinding checks and nothing else', async () => {
    const report = await runConformance({ kind: 'http', url: server.url }, { suites: ['protocol'], timeoutMs: 3000 })
    const failed = report.results.filter((r) => r.status === 'fail').map((r) => r.id)
    expect(failed).toEqual(['http-foreign-origin', 'http-foreign-host'])
    expect(report.results.find((r) => r.id === 'http-foreign-origin')?.detail).toMatch(/got 200/)
    expect(report.ok).toBe(false)
  })
})
