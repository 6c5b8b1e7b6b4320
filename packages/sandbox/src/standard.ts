// The sandbox as the CLI and products use it: Entra ID plus every vendor emulator this package
// has, seeded with the demo data. Tests that need one emulator mount it on createSandbox().
import { createDataverseEmulator } from './dataverse/emulator.js'
import { standardSchema } from './dataverse/schema/index.js'
import { generateSeed, sandboxUsers } from './dataverse/seed/index.js'
import { DEFAULT_USER_PASSWORD, type EntraOptions } from './entra/config.js'
import { createErpEmulator } from './erp/emulator.js'
import { createSalesforceEmulator, SALESFORCE_PREFIX, salesforceLoginDescription } from './salesforce/emulator.js'
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.js'
import type { Emulator } from './shared/emulator.js'
// new-package: emulator imports

export interface StandardSandboxOptions extends SandboxOptions {
  /** multiplies the demo data's transactional tables (benchmarks) */
  scale?: number
  /** seed of the deterministic demo-data generator */
  seed?: number
  /** mount only these emulators (by name); all by default */
  emulators?: string[]
  /**
   * Build emulators with demo data (Dataverse) on their first request instead of at once, so a
   * server started on the sandbox answers its client without waiting for data it may never read.
   */
  lazy?: boolean
}

/** Emulator name → mounts it on the sandbox. Entra ID is always present (createSandbox mounts it). */
const emulatorMounts: Record<string, (sandbox: Sandbox, options: StandardSandboxOptions) => void> = {
  dataverse: (sandbox, options) => {
    const create = () =>
      createDataverseEmulator({
        db: sandbox.db,
        schema: standardSchema,
        // generated only when the database has no data yet
        seed: () => generateSeed(standardSchema, { scale: options.scale ?? 1, seed: options.seed ?? 42 }),
        orgUrl: () => sandbox.urlOf('dataverse'),
        verifyToken: (token) => sandbox.entra.verifyAccessToken(token, { audience: sandbox.urlOf('dataverse') }),
        authorizationUri: sandbox.entra.authority,
      })
    sandbox.mount(
      options.lazy
        ? onFirstRequest('dataverse', '/dataverse', create, () => ({
            orgUrl: sandbox.urlOf('dataverse'),
            webApiUrl: `${sandbox.urlOf('dataverse')}/api/data/v9.2/`,
          }))
        : create(),
    )
  },
  salesforce: (sandbox, options) => {
    const create = () =>
      createSalesforceEmulator({
        db: sandbox.db,
        baseUrl: () => sandbox.baseUrl,
        clock: sandbox.clock,
        // generated only when the database has no demo data yet
        seed: { seed: options.seed ?? 42, scale: options.scale ?? 1 },
      })
    // until built, it describes what a client needs to sign in; users and JWT keys come with the org
    sandbox.mount(
      options.lazy
        ? onFirstRequest('salesforce', SALESFORCE_PREFIX, create, () =>
            salesforceLoginDescription(sandbox.urlOf('salesforce')),
          )
        : create(),
    )
  },
  // the record store and its demo data are built on the first request (see createErpEmulator)
  erp: (sandbox, options) =>
    sandbox.mount(createErpEmulator(sandbox, { seed: options.seed ?? 42, scale: options.scale ?? 1 })),
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
  const sandbox = createSandbox({ ...options, entra: { ...entraUsersFor(wanted, options.seed), ...options.entra } })
  for (const name of wanted) emulatorMounts[name]?.(sandbox, options)
  return sandbox
}

/**
 * With Dataverse mounted, the sandbox's Entra users are demo-data systemusers (matched by object
 * id), so a user token acts as that user: the signed-in sales rep first, then a service agent and
 * a manager. App-only tokens act as the signed-in rep.
 */
function entraUsersFor(emulators: string[], seed: number | undefined): EntraOptions {
  if (!emulators.includes('dataverse')) return {}
  const users = sandboxUsers({ seed: seed ?? 42 })
  const pick = [
    users.find((u) => u.isCurrentUser),
    users.find((u) => !u.isCurrentUser && /service|support/i.test(u.title ?? '')),
    users.find((u) => !u.isCurrentUser && /manager|director|vp/i.test(u.title ?? '')),
  ].filter((u): u is (typeof users)[number] => u !== undefined)
  return {
    users: pick.map((u) => ({
      oid: u.azureactivedirectoryobjectid,
      userPrincipalName: u.domainname,
      displayName: u.fullname,
      password: DEFAULT_USER_PASSWORD,
    })),
  }
}

/** An emulator built on its first request; until then it describes itself from what is known without building it. */
function onFirstRequest(
  name: string,
  prefix: string,
  create: () => Emulator,
  describeUnbuilt: () => Record<string, unknown>,
): Emulator {
  let built: Emulator | undefined
  const instance = () => {
    built ??= create()
    return built
  }
  return {
    name,
    prefix,
    handle: (request, path) => instance().handle(request, path),
    describe: () => (built?.describe ? built.describe() : describeUnbuilt()),
    close: () => built?.close?.(),
  }
}
