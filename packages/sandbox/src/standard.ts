// The sandbox as the CLI and products use it: Entra ID plus every vendor emulator this package
// has, seeded with the demo data. Tests that need one emulator mount it on createSandbox().
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.js'
// new-package: emulator imports

export interface StandardSandboxOptions extends SandboxOptions {
  /** multiplies the demo data's transactional tables (benchmarks) */
  scale?: number
  /** seed of the deterministic demo-data generator */
  seed?: number
  /** mount only these emulators (by name); all by default */
  emulators?: string[]
}

/** Emulator name → mounts it on the sandbox. Entra ID is always present (createSandbox mounts it). */
const emulatorMounts: Record<string, (sandbox: Sandbox, options: StandardSandboxOptions) => void> = {
  // new-package: emulator mounts
}

export function standardEmulatorNames(): string[] {
  return Object.keys(emulatorMounts)
}

export function createStandardSandbox(options: StandardSandboxOptions = {}): Sandbox {
  const wanted = options.emulators ?? standardEmulatorNames()
  const unknown = wanted.filter((name) => !(name in emulatorMounts) && name !== 'entra')
  if (unknown.length) {
    throw new Error(
      `Unknown sandbox emulator${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Available: entra, ${standardEmulatorNames().join(', ') || '(none yet)'}.`,
    )
  }
  const sandbox = createSandbox(options)
  for (const name of wanted) emulatorMounts[name]?.(sandbox, options)
  return sandbox
}
