/**
 * Who exists in the emulated directory: tenants, app registrations and users.
 * Defaults are fixed so that the sandbox always prints the same working credentials.
 */

export interface EntraUser {
  /** Object id; align with the Dataverse systemuser's azureactivedirectoryobjectid to act as that user. */
  oid: string
  userPrincipalName: string
  displayName: string
  password: string
  givenName?: string
  familyName?: string
}

export interface EntraApp {
  clientId: string
  displayName: string
  /** Client secrets accepted for this app; an app with none is a public client only. */
  clientSecrets: string[]
  /** Public client flows (ROPC without a secret), as "Allow public client flows" in the portal. */
  allowPublicClient: boolean
  /** Object id of the app's service principal: the `oid`/`sub` of its app-only tokens. */
  servicePrincipalId: string
  /** Application permissions granted to the app, carried in the `roles` claim of app-only tokens. */
  roles: string[]
}

export interface EntraTenant {
  tenantId: string
  /** Verified domains, usable instead of the tenant id in URLs (e.g. contoso.onmicrosoft.com). */
  domains: string[]
  displayName: string
  apps: EntraApp[]
  users: EntraUser[]
}

export interface EntraConfig {
  tenants: EntraTenant[]
  /** Resources (audiences) beyond the mounted emulators and the registered apps, e.g. `https://org.crm.dynamics.com`. */
  extraResources: string[]
}

/** Partial input: anything left out takes the deterministic default. */
export interface EntraOptions {
  tenantId?: string
  tenantDomain?: string
  clientId?: string
  clientSecret?: string
  /** Replace the default users (e.g. to align oids with Dataverse systemusers). */
  users?: Array<Partial<EntraUser> & Pick<EntraUser, 'userPrincipalName'>>
  /** Override only the oids of the default users, in order. */
  userOids?: string[]
  appRoles?: string[]
  extraResources?: string[]
  /** More tenants, fully specified. */
  additionalTenants?: EntraTenant[]
}

export const DEFAULT_TENANT_ID = '5a4db0c0-0000-4000-8000-000000000001'
export const DEFAULT_TENANT_DOMAIN = 'bizmcpsandbox.onmicrosoft.com'
export const DEFAULT_CLIENT_ID = '5a4db0c0-0000-4000-8000-0000000000a1'
export const DEFAULT_CLIENT_SECRET = 'sandbox-secret-do-not-use-in-production'
export const DEFAULT_SERVICE_PRINCIPAL_ID = '5a4db0c0-0000-4000-8000-0000000000b1'
export const DEFAULT_USER_PASSWORD = 'Sandbox-Passw0rd!'

const DEFAULT_USERS: EntraUser[] = [
  {
    oid: '5a4db0c0-0000-4000-8000-000000000101',
    userPrincipalName: `admin@${DEFAULT_TENANT_DOMAIN}`,
    displayName: 'Avery Admin',
    givenName: 'Avery',
    familyName: 'Admin',
    password: DEFAULT_USER_PASSWORD,
  },
  {
    oid: '5a4db0c0-0000-4000-8000-000000000102',
    userPrincipalName: `sales@${DEFAULT_TENANT_DOMAIN}`,
    displayName: 'Sam Seller',
    givenName: 'Sam',
    familyName: 'Seller',
    password: DEFAULT_USER_PASSWORD,
  },
  {
    oid: '5a4db0c0-0000-4000-8000-000000000103',
    userPrincipalName: `service@${DEFAULT_TENANT_DOMAIN}`,
    displayName: 'Casey Service',
    givenName: 'Casey',
    familyName: 'Service',
    password: DEFAULT_USER_PASSWORD,
  },
]

export function defaultEntraUsers(): EntraUser[] {
  return DEFAULT_USERS.map((user) => ({ ...user }))
}

export function resolveEntraConfig(options: EntraOptions = {}): EntraConfig {
  const domain = options.tenantDomain ?? DEFAULT_TENANT_DOMAIN
  const users = options.users
    ? options.users.map((user, index) => completeUser(user, index))
    : defaultEntraUsers().map((user, index) => ({
        ...user,
        userPrincipalName: user.userPrincipalName.replace(DEFAULT_TENANT_DOMAIN, domain),
        oid: options.userOids?.[index] ?? user.oid,
      }))
  const primary: EntraTenant = {
    tenantId: (options.tenantId ?? DEFAULT_TENANT_ID).toLowerCase(),
    domains: [domain.toLowerCase()],
    displayName: 'bizmcp sandbox',
    apps: [
      {
        clientId: (options.clientId ?? DEFAULT_CLIENT_ID).toLowerCase(),
        displayName: 'bizmcp sandbox app',
        clientSecrets: [options.clientSecret ?? DEFAULT_CLIENT_SECRET],
        allowPublicClient: true,
        servicePrincipalId: DEFAULT_SERVICE_PRINCIPAL_ID,
        roles: options.appRoles ?? [],
      },
    ],
    users,
  }
  const config: EntraConfig = {
    tenants: [primary, ...(options.additionalTenants ?? [])],
    extraResources: options.extraResources ?? [],
  }
  assertUnique(config)
  return config
}

function completeUser(user: Partial<EntraUser> & Pick<EntraUser, 'userPrincipalName'>, index: number): EntraUser {
  const fallback = DEFAULT_USERS[index % DEFAULT_USERS.length]!
  return {
    oid: (user.oid ?? fallback.oid).toLowerCase(),
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName ?? user.userPrincipalName.split('@')[0] ?? user.userPrincipalName,
    password: user.password ?? DEFAULT_USER_PASSWORD,
    ...(user.givenName ? { givenName: user.givenName } : {}),
    ...(user.familyName ? { familyName: user.familyName } : {}),
  }
}

/** Fails early on a config that would make lookups ambiguous. */
function assertUnique(config: EntraConfig): void {
  const seen = new Set<string>()
  const claim = (kind: string, value: string) => {
    const key = `${kind}:${value.toLowerCase()}`
    if (seen.has(key)) throw new Error(`Sandbox Entra config lists ${kind} '${value}' twice; give each a unique value.`)
    seen.add(key)
  }
  for (const tenant of config.tenants) {
    claim('tenant', tenant.tenantId)
    for (const domain of tenant.domains) claim('tenant domain', domain)
    for (const app of tenant.apps) claim('client id', app.clientId)
    for (const user of tenant.users) {
      claim('user oid', user.oid)
      claim('user principal name', user.userPrincipalName)
    }
  }
}

export function findTenant(config: EntraConfig, idOrDomain: string): EntraTenant | undefined {
  const key = idOrDomain.toLowerCase()
  return config.tenants.find((tenant) => tenant.tenantId === key || tenant.domains.includes(key))
}

export function findApp(tenant: EntraTenant, clientId: string): EntraApp | undefined {
  const key = clientId.toLowerCase()
  return tenant.apps.find((app) => app.clientId === key)
}

/** Apps are registered in one tenant; multi-tenant endpoints (`common`, `organizations`) find them by id. */
export function findAppAnywhere(
  config: EntraConfig,
  clientId: string,
): { tenant: EntraTenant; app: EntraApp } | undefined {
  for (const tenant of config.tenants) {
    const app = findApp(tenant, clientId)
    if (app) return { tenant, app }
  }
  return undefined
}

export function findUser(tenant: EntraTenant, userPrincipalName: string): EntraUser | undefined {
  const key = userPrincipalName.toLowerCase()
  return tenant.users.find((user) => user.userPrincipalName.toLowerCase() === key)
}

export const MULTI_TENANT_SEGMENTS = new Set(['common', 'organizations'])
