// The CLI as a process (exit codes, output) and its pure parts: argument parsing, command
// splitting, argument derivation, scenarios and JUnit escaping.
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseCliArgs, UsageError } from '../src/args.js'
import { defineScenario, loadScenarios, splitCommand, toJUnit } from '../src/index.js'
import { deriveArguments } from '../src/schema.js'
import type { Report } from '../src/types.js'
import { FIXTURE, junitStatuses, parseXml, SERVER_CLI, TSX } from './helpers.js'

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url))
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', TSX, '--conditions=@bizmcp/source', CLI, ...args], {
    encoding: 'utf8',
    timeout: 90_000,
  })

describe('bizmcp-conformance process', () => {
  it('exits 2 on usage errors', () => {
    expect(cli().status).toBe(2)
    const both = cli('--stdio', 'x', '--url', 'http://127.0.0.1:1/mcp')
    expect(both.status).toBe(2)
    expect(both.stderr).toMatch(/exactly one target/)
    expect(cli('--stdio', 'x', '--suite', 'protocol,bogus').status).toBe(2)
    expect(cli('--url', 'http://x/mcp', '--header', 'no-colon').status).toBe(2)
  })

  it('prints help with exit 0', () => {
    const help = cli('--help')
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/--read-only-profile/)
  })

  it('exits 1 on a broken server, with a readable report and JUnit XML', { timeout: 90_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bizmcp-conformance-cli-'))
    try {
      const junit = join(dir, 'out.xml')
      const run = cli(
        '--stdio',
        `"${process.execPath}" --import ${TSX} "${FIXTURE}" bad-output`,
        '--suite',
        'contract',
        '--junit',
        junit,
        '--no-color',
      )
      expect(run.status, run.stdout + run.stderr).toBe(1)
      expect(run.stdout).toMatch(/✗ call\/bad_output: .*does not match outputSchema/)
      expect(run.stdout).toMatch(/✓ call\/echo/)
      expect(run.stdout).toMatch(/^\d+ passed, 1 failed, \d+ skipped/m)
      const { readFile } = await import('node:fs/promises')
      const statuses = junitStatuses(parseXml(await readFile(junit, 'utf8')))
      expect(statuses.get('contract.call/bad_output')).toBe('fail')
      expect(statuses.get('contract.read-only-profile')).toBe('skip')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('argument parsing', () => {
  it('splits --stdio commands like a shell', () => {
    expect(splitCommand(`node "my server.js" --flag 'a b' c\\ d`)).toEqual([
      'node',
      'my server.js',
      '--flag',
      'a b',
      'c d',
    ])
    expect(() => splitCommand('node "open')).toThrow(/Unterminated/)
  })

  it('reads targets, headers and budgets', () => {
    const parsed = parseCliArgs([
      '--url',
      'https://mcp.example.com/mcp',
      '--header',
      'Authorization: Bearer abc:def',
      '--token-average',
      '300',
      '--cancel-call',
      'read_query {"query":"SELECT 1"}',
    ])
    expect(parsed).toMatchObject({
      kind: 'run',
      target: { kind: 'http', headers: { Authorization: 'Bearer abc:def' } },
      options: { tokenBudget: { average: 300 }, cancelCall: { name: 'read_query', arguments: { query: 'SELECT 1' } } },
    })
    expect(() => parseCliArgs(['--stdio', 'x', '--timeout', '0'])).toThrow(UsageError)
  })
})

describe('argument derivation', () => {
  const schema = {
    type: 'object',
    properties: {
      table: { type: 'string' },
      id: { type: 'string', pattern: '^[0-9a-f-]{36}$' },
      mode: { enum: ['fast', 'slow'] },
      size: { type: 'integer', default: 10 },
    },
    required: ['mode', 'size'],
  }
  it('fills only what the schema vouches for in minimal mode', () => {
    expect(deriveArguments(schema, 'minimal')).toEqual({ ok: true, args: { mode: 'fast', size: 10 } })
    expect(deriveArguments({ ...schema, required: ['table'] }, 'minimal')).toMatchObject({ ok: false })
  })
  it('makes up ids that match their pattern in nonexistent mode', () => {
    expect(deriveArguments({ ...schema, required: ['table', 'id'] }, 'nonexistent')).toEqual({
      ok: true,
      args: { table: 'bizmcp_conformance_nonexistent', id: '00000000-0000-0000-0000-000000000000' },
    })
  })
})

describe('scenarios', () => {
  it('loads scenarios a module exports', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bizmcp-conformance-scen-'))
    try {
      const file = join(dir, 'scenarios.mjs')
      const index = new URL('../src/index.ts', import.meta.url).href
      await writeFile(
        file,
        `import { defineScenario } from ${JSON.stringify(index)}\nexport const a = defineScenario({ name: 'a', products: ['x'], readOnly: true, async run() {} })\nexport default [defineScenario({ name: 'b', products: ['x'], readOnly: false, async run() {} })]\n`,
      )
      expect((await loadScenarios(file)).map((s) => s.name).sort()).toEqual(['a', 'b'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
  it('rejects incomplete definitions', () => {
    expect(() => defineScenario({ name: 'x' } as never)).toThrow(TypeError)
    expect(() => defineScenario({ name: 'x', products: [], steps: [] })).toThrow(/every step/)
  })

  it('loads the scenarios a package exports, from beside the harness or from the project', async () => {
    expect((await loadScenarios('@bizmcp/service-mcp/scenarios')).map((s) => s.name)).toEqual([
      'service/representative-day',
    ])
    const dir = await mkdtemp(join(tmpdir(), 'bizmcp-conformance-pkg-'))
    try {
      // a package only the project has (as pnpm lays it out), exporting a scenarios subpath
      const root = join(dir, 'node_modules', '@acme', 'erp-mcp')
      await mkdir(root, { recursive: true })
      await writeFile(
        join(root, 'package.json'),
        JSON.stringify({ name: '@acme/erp-mcp', type: 'module', exports: { './scenarios': { import: './s.js' } } }),
      )
      // what defineScenario makes (node_modules is not transformed, so no TypeScript import here)
      await writeFile(
        join(root, 's.js'),
        `export default [{ name: 'erp/x', products: ['erp'], readOnly: true, steps: [{ name: 'x', readOnly: true, async run() {} }], [Symbol.for('bizmcp.conformance.scenario')]: true }]\n`,
      )
      expect((await loadScenarios('@acme/erp-mcp/scenarios', join(dir, 'sub'))).map((s) => s.name)).toEqual(['erp/x'])
      await expect(loadScenarios('@acme/none/scenarios', dir)).rejects.toThrow(/cannot find @acme\/none\/scenarios/)
      await expect(loadScenarios('@acme/erp-mcp/other', dir)).rejects.toThrow(/installed but exports no/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('runs the scenarios a product registers, from --products', { timeout: 90_000 }, () => {
    const run = cli(
      '--stdio',
      `"${process.execPath}" "${SERVER_CLI}" --sandbox --products dataverse,sales --no-audit`,
      '--suite',
      'scenario',
      '--products',
      'dataverse,sales',
      '--no-color',
    )
    expect(run.status, run.stdout + run.stderr).toBe(0)
    expect(run.stdout).toMatch(
      /✓ sales\/web-lead-to-quote: .* — read-only subset: 3 of 4 steps, \d+ tool calls \(writes not allowed/,
    )
    expect(run.stdout).toMatch(/✓ dataverse\/read-query-counts-open-leads/)
  })
})

describe('JUnit XML', () => {
  it('escapes whatever a server sends and stays well-formed', () => {
    const report: Report = {
      target: 'stdio: node "x" <y>',
      startedAt: new Date(0).toISOString(),
      durationMs: 5,
      results: [
        {
          suite: 'protocol',
          id: 'a',
          title: 'quotes "&" <tags>',
          status: 'fail',
          detail: 'bad\u0000 ]]> & <',
          durationMs: 1,
        },
        { suite: 'protocol', id: 'b', title: 'skipped', status: 'skip', detail: 'why\nnot', durationMs: 0 },
        { suite: 'contract', id: 'c', title: 'ok', status: 'pass', warnings: ['careful <'], durationMs: 2 },
      ],
      summary: { passed: 1, failed: 1, skipped: 1, warnings: 1 },
      ok: false,
    }
    const root = parseXml(toJUnit(report))
    expect(root.attributes).toMatchObject({ tests: '3', failures: '1', skipped: '1' })
    expect(root.children.map((s) => s.attributes.name)).toEqual(['protocol', 'contract'])
    expect([...junitStatuses(root)]).toEqual([
      ['protocol.a', 'fail'],
      ['protocol.b', 'skip'],
      ['contract.c', 'pass'],
    ])
  })
})
