import { trimTrailingSlashes } from '../shared/http.js'
import { entraErrors } from './errors.js'

/** Scopes that ask for OpenID Connect artefacts rather than access to a resource. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email'])

export interface ParsedScopes {
  /** The single resource the access token is for, without a trailing slash. */
  resource: string
  /** Permission names on that resource: `.default` or named delegated scopes. */
  permissions: string[]
  /** The resource scopes as the client sent them (echoed in the response). */
  requested: string[]
  openid: boolean
  offlineAccess: boolean
}

/**
 * Splits `scope` into the resource and its permissions. Entra issues a token for one resource at a time,
 * so scopes naming two resources are refused.
 */
export function parseScopes(scopeParam: string | null): ParsedScopes {
  if (!scopeParam?.trim()) throw entraErrors.missingParameter('scope')
  const all = scopeParam.trim().split(/\s+/)
  const oidc = all.filter((scope) => OIDC_SCOPES.has(scope))
  const requested = all.filter((scope) => !OIDC_SCOPES.has(scope))
  if (requested.length === 0) {
    throw entraErrors.invalidScope(
      scopeParam,
      "names no resource. Ask for '{resource}/.default', e.g. 'http://sandbox.localhost/dataverse/.default'.",
    )
  }
  const split = requested.map(splitScope)
  const resources = new Set(split.map((part) => part.resource))
  if (resources.size > 1) {
    throw entraErrors.invalidScope(
      scopeParam,
      `names more than one resource (${[...resources].join(', ')}); request one token per resource.`,
    )
  }
  return {
    resource: split[0]!.resource,
    permissions: split.map((part) => part.permission),
    requested,
    openid: oidc.includes('openid'),
    offlineAccess: oidc.includes('offline_access'),
  }
}

function splitScope(scope: string): { resource: string; permission: string } {
  const slash = scope.lastIndexOf('/')
  // A scheme's '//' is not a separator: 'https://x' alone has no permission part. 'https://x//.default'
  // (the form for resources registered with a trailing slash) is accepted and means 'https://x'.
  if (slash <= 0 || scope.slice(0, slash + 1).endsWith('://')) {
    throw entraErrors.invalidScope(scope, "is not of the form '{resource}/{permission}'; use '{resource}/.default'.")
  }
  const resource = trimTrailingSlashes(scope.slice(0, slash))
  const permission = scope.slice(slash + 1)
  if (!resource || !permission) {
    throw entraErrors.invalidScope(scope, "is not of the form '{resource}/{permission}'; use '{resource}/.default'.")
  }
  return { resource, permission }
}

/** Client credentials carry no user, so only the app's statically granted `.default` permissions apply. */
export function requireDefaultScope(parsed: ParsedScopes, scopeParam: string): void {
  if (parsed.permissions.length !== 1 || parsed.permissions[0] !== '.default') {
    throw entraErrors.invalidScope(
      scopeParam,
      `is not valid for the client credentials flow, which needs exactly '${parsed.resource}/.default'.`,
    )
  }
}

/** `scp` of a delegated token: `.default` stands for the consented permission, user_impersonation. */
export function delegatedPermissions(parsed: ParsedScopes): string[] {
  const names = parsed.permissions.map((permission) => (permission === '.default' ? 'user_impersonation' : permission))
  return [...new Set(names)]
}
