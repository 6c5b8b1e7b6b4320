#!/usr/bin/env node
// The README's one-command entry points: `npm start` and `npm test` on a fresh clone with only Node and npm.
// Installs from the lockfile with the pnpm version package.json pins (through npx when pnpm is not on PATH),
// builds every package, then starts the combined server on the sandbox or runs every test.
// Install and build output goes to stderr so that stdout stays the MCP channel in `start` mode.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pnpmCommand, repoRoot as root } from './pnpm.mjs'

const [command, ...rest] = process.argv.slice(2)

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `bizmcp needs Node.js >= 22.12; this is ${process.version}. Install a current Node (https://nodejs.org) and run again.`,
  )
  process.exit(1)
}

const pnpm = pnpmCommand()

function run(cmd, args, { quietStdout = false } = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: ['inherit', quietStdout ? 2 : 'inherit', 'inherit'] })
  if (result.error) throw result.error
  return result.status ?? 1
}

function pnpmRun(args, options) {
  return run(pnpm[0], [...pnpm.slice(1), ...args], options)
}

function prepare() {
  const install = ['install', '--frozen-lockfile', ...(process.env.CI ? [] : ['--reporter=append-only'])]
  if (pnpmRun(install, { quietStdout: true }) !== 0) process.exit(1)
  if (pnpmRun(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], { quietStdout: true }) !== 0)
    process.exit(1)
}

switch (command) {
  case 'start':
    prepare()
    process.exit(run(process.execPath, [join(root, 'apps/server/dist/cli.js'), '--sandbox', ...rest]))
    break
  case 'test':
    prepare()
    process.exit(pnpmRun(['exec', 'vitest', 'run', ...rest]))
    break
  default:
    console.error('usage: node tooling/scripts/setup.mjs <start|test> [args...]')
    process.exit(2)
}
