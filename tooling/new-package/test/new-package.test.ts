// The template's promise, checked end to end in a scratch copy of the repository: the generated
// package installs, typechecks, passes its own protocol tests, builds, and the combined server
// serves its tools over stdio. Also: the generator's refusals for bad names.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { connectStdio } from '@bizmcp/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM helper shared with the setup script
import { pnpmCommand } from '../../scripts/pnpm.mjs'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const pnpm: string[] = pnpmCommand(repo)
let scratch: string

function sh(command: string[], cwd: string) {
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
  })
  if (result.status !== 0)
    throw new Error(`${command.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

function generate(args: string[]) {
  return spawnSync(process.execPath, [join(scratch, 'tooling/new-package/bin.mjs'), ...args], {
    cwd: scratch,
    encoding: 'utf8',
  })
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'bizmcp-new-package-'))
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repo, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean)
  for (const file of files) {
    if (!existsSync(join(repo, file))) continue // deleted in the working tree
    mkdirSync(dirname(join(scratch, file)), { recursive: true })
    cpSync(join(repo, file), join(scratch, file))
  }
})
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

describe('pnpm new-package', () => {
  it('refuses bad names and existing packages', () => {
    expect(generate(['Bad_Name']).stderr).toContain('is not a valid product name')
    expect(generate(['core']).stderr).toContain('reserved')
    expect(generate([]).stderr).toContain('usage: pnpm new-package <name>')
    expect(generate(['sandbox']).status).toBe(1)
  })

  it('creates a product that builds, passes its tests and is served by the combined server', async () => {
    const install = [...pnpm, 'install', '--prefer-offline', '--no-frozen-lockfile', '--reporter=append-only']
    sh(install, scratch) // a contributor's checkout is installed before they generate
    const created = generate(['field-ops', '--title', 'Field Ops'])
    expect(created.status, created.stderr).toBe(0)
    expect(generate(['field-ops']).stderr).toContain('already exists')
    const products = readFileSync(join(scratch, 'apps/server/src/products.ts'), 'utf8')
    expect(products).toContain(`'field-ops': () => import('@bizmcp/field-ops-mcp')`)
    expect(readFileSync(join(scratch, 'packages/sandbox/src/standard.ts'), 'utf8')).toContain('createFieldOpsEmulator')
    expect(existsSync(join(scratch, '.changeset/new-field-ops-mcp.md'))).toBe(true)

    sh(install, scratch)
    sh([...pnpm, 'exec', 'tsc', '-p', 'tsconfig.json'], join(scratch, 'packages/field-ops-mcp'))
    const tests = sh([...pnpm, 'exec', 'vitest', 'run', '--project', 'field-ops'], scratch)
    expect(tests).toMatch(/7 passed/) // the protocol tests in both eras and its registered scenario
    sh([...pnpm, 'exec', 'turbo', 'run', 'build', '--filter=bizmcp...', '--output-logs=errors-only'], scratch)
    sh(
      [
        ...pnpm,
        'exec',
        'biome',
        'check',
        'packages/field-ops-mcp',
        'packages/sandbox/src/field-ops',
        'apps/server/src/products.ts',
      ],
      scratch,
    )
    // the harness loads a product's scenarios from this entry (`--products field-ops`)
    expect(existsSync(join(scratch, 'packages/field-ops-mcp/dist/scenarios.js'))).toBe(true)

    const { client, close } = await connectStdio(
      process.execPath,
      [join(scratch, 'apps/server/dist/cli.js'), '--products', 'field-ops'],
      { cwd: scratch },
    )
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual(['field_ops_get_record', 'field_ops_list_records'])
    const page = await client.callTool({ name: 'field_ops_list_records', arguments: { pageSize: 3 } })
    expect((page.structuredContent as { total: number }).total).toBe(6)
    await close()
  })
})
