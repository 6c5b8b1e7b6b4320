// Runs the built CLI as a child process, the way clients and operators run it.
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js')

function ensureBuilt() {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`pnpm build\` first (npm test does).`)
}

export function runCli(args: string[], env: Record<string, string> = {}) {
  ensureBuilt()
  return spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  })
}

/** Starts the CLI and resolves once stdout (or stderr) has printed a line matching `ready`. */
export async function startCli(args: string[], ready: RegExp, stream: 'stdout' | 'stderr' = 'stdout') {
  ensureBuilt()
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [cli, ...args], { stdio: 'pipe' })
  const output = { stdout: '', stderr: '' }
  child.stdout.on('data', (chunk) => (output.stdout += chunk))
  child.stderr.on('data', (chunk) => (output.stderr += chunk))
  const deadline = Date.now() + 30_000
  while (!ready.test(output[stream])) {
    if (child.exitCode !== null) throw new Error(`bizmcp exited with ${child.exitCode}:\n${output.stderr}`)
    if (Date.now() > deadline) {
      child.kill()
      throw new Error(`bizmcp did not become ready:\n${output.stderr}`)
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output, exited }
}
