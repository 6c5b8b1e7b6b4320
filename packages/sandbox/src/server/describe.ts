import type { Sandbox } from '../sandbox.js'

export interface SandboxUserDescription {
  userPrincipalName: string
  password: string
  oid: string
  displayName: string
}

export interface SandboxDescription {
  baseUrl: string
  entra: {
    authorityHost: string
    authority: string
    tenantId: string
    tenantDomain?: string
    clientId: string
    clientSecret: string
    issuer: string
    tokenEndpoint: string
    openIdConfiguration: string
    jwksUri: string
    users: SandboxUserDescription[]
  }
  emulators: Record<string, { url: string; [key: string]: unknown }>
}

/** What `bizmcp sandbox serve --json` prints: everything a client needs to connect. */
export function describeSandbox(sandbox: Sandbox): SandboxDescription {
  const emulators: SandboxDescription['emulators'] = {}
  let entra: SandboxDescription['entra'] | undefined
  for (const emulator of sandbox.emulators()) {
    const extra = emulator.describe?.() ?? {}
    if (emulator.name === 'entra') entra = extra as SandboxDescription['entra']
    else emulators[emulator.name] = { ...extra, url: sandbox.baseUrl + emulator.prefix }
  }
  if (!entra) throw new Error('The sandbox has no Entra emulator mounted; it is mounted by createSandbox().')
  return { baseUrl: sandbox.baseUrl, entra, emulators }
}

/** A short human-readable block for the terminal. */
export function formatSandboxDescription(description: SandboxDescription): string {
  const { entra } = description
  const lines = [
    `bizmcp sandbox at ${description.baseUrl}`,
    '',
    `Entra ID  ${entra.authority}`,
    `  tenant id       ${entra.tenantId}${entra.tenantDomain ? ` (${entra.tenantDomain})` : ''}`,
    `  client id       ${entra.clientId}`,
    `  client secret   ${entra.clientSecret}`,
    `  token endpoint  ${entra.tokenEndpoint}`,
    `  @azure/identity authorityHost ${entra.authorityHost} with disableInstanceDiscovery and the sandbox httpClient`,
    '  users:',
    ...entra.users.map(
      (user) => `    ${user.userPrincipalName.padEnd(40)} ${user.password}  (${user.displayName}, oid ${user.oid})`,
    ),
  ]
  const names = Object.keys(description.emulators)
  if (names.length > 0) {
    lines.push('', 'Emulators')
    const width = Math.max(...names.map((name) => name.length))
    for (const name of names) lines.push(`  ${name.padEnd(width)}  ${description.emulators[name]!.url}`)
  }
  return `${lines.join('\n')}\n`
}
