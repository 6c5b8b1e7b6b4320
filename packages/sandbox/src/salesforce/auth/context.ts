import type { Clock } from '../../shared/clock.js'
import type { ConnectedApp, SalesforceConfig } from '../config.js'
import type { Store } from '../store.js'
import type { JwtKeyPair } from './keys.js'
import type { SessionStore } from './sessions.js'

/** What the OAuth endpoints need from the emulator. */
export interface AuthContext {
  store: Store
  sessions: SessionStore
  config: SalesforceConfig
  clock: Clock
  keys: JwtKeyPair
  /** `{baseUrl}/salesforce`: the instance URL and the login URL at once */
  instanceUrl(): string
  orgId: string
  latestVersion: string
}

/** An OAuth error as the token endpoint answers it: `{ error, error_description }`. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description)
  }
}

export const oauthErrors = {
  invalidClientId: () => new OAuthError('invalid_client_id', 'client identifier invalid'),
  invalidClient: () => new OAuthError('invalid_client', 'invalid client credentials'),
  authFailure: () => new OAuthError('invalid_grant', 'authentication failure'),
  unsupportedGrant: () => new OAuthError('unsupported_grant_type', 'grant type not supported'),
  expiredToken: () => new OAuthError('invalid_grant', 'expired access/refresh token'),
  invalidCode: () => new OAuthError('invalid_grant', 'invalid authorization code'),
  missing: (name: string) => new OAuthError('invalid_request', `missing required parameter: ${name}`),
}

export function findApp(ctx: AuthContext, clientId: string | null): ConnectedApp {
  if (!clientId) throw oauthErrors.invalidClientId()
  const app = ctx.config.apps.find((a) => a.clientId === clientId)
  if (!app) throw oauthErrors.invalidClientId()
  return app
}

export interface OrgUser {
  Id: string
  Username: string
  Name: string
  FirstName: string | null
  LastName: string
  Email: string
  IsActive: number
  LastModifiedDate: string
}

export function userByUsername(ctx: AuthContext, username: string): OrgUser | undefined {
  return ctx.store.get('SELECT * FROM "sf_User" WHERE lower("Username") = lower(?) AND "IsDeleted" = 0', [username]) as
    | OrgUser
    | undefined
}

export function userById(ctx: AuthContext, id: string): OrgUser | undefined {
  return ctx.store.get('SELECT * FROM "sf_User" WHERE "Id" = ?', [id]) as OrgUser | undefined
}

/** Password check: the password, or the password followed by the user's security token. */
export function checkPassword(ctx: AuthContext, username: string, password: string): OrgUser {
  const user = userByUsername(ctx, username)
  if (user?.IsActive !== 1) throw oauthErrors.authFailure()
  const login = ctx.config.logins.find((l) => l.username.toLowerCase() === username.toLowerCase())
  const expected = login?.password ?? ctx.config.logins[0]?.password
  const token = login?.securityToken ?? ctx.config.logins[0]?.securityToken
  if (password !== expected && password !== `${expected}${token}`) throw oauthErrors.authFailure()
  return user
}
