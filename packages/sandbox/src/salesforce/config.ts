// Who can sign in to the emulated org: its id, the users with passwords, and the connected apps.

export const DEFAULT_SF_PASSWORD = 'Sandbox-Passw0rd!'
export const DEFAULT_SF_SECURITY_TOKEN = 'SandboxSecurityToken0'
export const DEFAULT_SF_CLIENT_ID = '3MVG9bizmcpSandbox0ConnectedApp0ConsumerKey0DoNotUseInProduction'
export const DEFAULT_SF_CLIENT_SECRET = 'sandbox-salesforce-secret-do-not-use-in-production'
/** 15-character org id; the API uses the 18-character form. */
export const DEFAULT_SF_ORG_ID = '00D8d0000BizMCP'

export interface SalesforceLogin {
  username: string
  firstName: string
  lastName: string
  title: string
  /** the login password; the security token may be appended to it, as in a real org */
  password: string
  securityToken: string
}

export interface ConnectedApp {
  name: string
  clientId: string
  clientSecret: string
  /** exact redirect URIs; loopback http URIs (any port) are accepted too, as for a CLI */
  callbackUrls: string[]
  /** the user client-credentials tokens act as */
  runAsUsername: string
  scopes: string[]
}

export interface SalesforceConfig {
  orgId: string
  orgName: string
  logins: SalesforceLogin[]
  apps: ConnectedApp[]
  /** lifetime of access tokens (the session timeout) */
  sessionSeconds: number
}

export interface SalesforceConfigOptions {
  orgName?: string
  logins?: SalesforceLogin[]
  apps?: ConnectedApp[]
  sessionSeconds?: number
}

const login = (username: string, firstName: string, lastName: string, title: string): SalesforceLogin => ({
  username,
  firstName,
  lastName,
  title,
  password: DEFAULT_SF_PASSWORD,
  securityToken: DEFAULT_SF_SECURITY_TOKEN,
})

export const defaultSalesforceLogins = (): SalesforceLogin[] => [
  login('admin@bizmcp-sandbox.example', 'Avery', 'Admin', 'System Administrator'),
  login('sales@bizmcp-sandbox.example', 'Sam', 'Seller', 'Account Executive'),
  login('integration@bizmcp-sandbox.example', 'Integration', 'User', 'Integration User'),
]

export function resolveSalesforceConfig(options: SalesforceConfigOptions = {}): SalesforceConfig {
  const logins = options.logins ?? defaultSalesforceLogins()
  return {
    orgId: DEFAULT_SF_ORG_ID,
    orgName: options.orgName ?? 'bizmcp Sandbox Org',
    logins,
    apps: options.apps ?? [
      {
        name: 'bizmcp Sandbox',
        clientId: DEFAULT_SF_CLIENT_ID,
        clientSecret: DEFAULT_SF_CLIENT_SECRET,
        callbackUrls: ['http://localhost:1717/OauthRedirect', 'https://login.salesforce.com/services/oauth2/success'],
        runAsUsername: logins.find((l) => l.username.startsWith('integration'))?.username ?? logins[0]!.username,
        scopes: ['api', 'refresh_token', 'web'],
      },
    ],
    sessionSeconds: options.sessionSeconds ?? 7200,
  }
}
