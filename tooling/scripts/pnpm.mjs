// The pnpm command to run: pnpm itself when the pinned version is on PATH, else through npx.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export function pinnedPnpmVersion(root = repoRoot) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.replace(/^pnpm@/, '')
}

/** @returns {string[]} the command and its leading arguments */
export function pnpmCommand(root = repoRoot) {
  const version = pinnedPnpmVersion(root)
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' })
  if (probe.status === 0 && probe.stdout.trim() === version) return ['pnpm']
  return ['npx', '--yes', `pnpm@${version}`]
}
