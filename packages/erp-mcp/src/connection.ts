// Where the product's clients connect and with which tokens: a finance & operations environment
// (ERP_URL, Entra ID credentials from the environment) and its linked Dataverse environment for the
// attachment APIs (ERP_DATAVERSE_URL), or the sandbox's erp emulator, which answers both.
import {
  type ConnectOptions,
  createEntraCredential,
  defaultScope,
  type EntraCredentialConfig,
  entraTokenProvider,
  type FetchLike,
  type HttpClientOptions,
  onBehalfOfTokenProvider,
  staticTokenProvider,
  type TokenProvider,
} from '@bizmcp/core'

type Env = Record<string, string | undefined>

export interface ErpConnection {
  /** the environment's base URL, e.g. https://contoso.operations.dynamics.com */
  url: string
  token: TokenProvider
  fetch?: FetchLike
  http?: Partial<HttpClientOptions>
  /** the linked Dataverse environment of the attachment APIs, when configured */
  dataverse?: { url: string; token: TokenProvider }
  sandbox: boolean
}

export const AUTH_KINDS = [
  'client-secret',
  'client-certificate',
  'device-code',
  'azure-cli',
  'managed-identity',
  'default',
  'on-behalf-of',
] as const

/** The Entra credential the environment describes (ERP_AUTH and the AZURE_* variables). */
export function credentialConfigFromEnv(env: Env): EntraCredentialConfig {
  const common = {
    ...(env.AZURE_TENANT_ID ? { tenantId: env.AZURE_TENANT_ID } : {}),
    ...(env.AZURE_AUTHORITY_HOST ? { authorityHost: env.AZURE_AUTHORITY_HOST } : {}),
  }
  const tenantId = env.AZURE_TENANT_ID
  const clientId = env.AZURE_CLIENT_ID
  const need = (kind: string, ...names: string[]) => {
    const missing = names.filter((n) => !env[n])
    if (missing.length) throw new Error(`ERP_AUTH=${kind} needs ${missing.join(', ')}.`)
  }
  const kind =
    env.ERP_AUTH ??
    (env.AZURE_CLIENT_CERTIFICATE_PATH && tenantId && clientId
      ? 'client-certificate'
      : env.AZURE_CLIENT_SECRET && tenantId && clientId
        ? 'client-secret'
        : 'default')
  switch (kind) {
    case 'client-secret':
      need(kind, 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET')
      return { ...common, kind, tenantId: tenantId!, clientId: clientId!, clientSecret: env.AZURE_CLIENT_SECRET! }
    case 'client-certificate':
      need(kind, 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_CERTIFICATE_PATH')
      return {
        ...common,
        kind,
        tenantId: tenantId!,
        clientId: clientId!,
        certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH!,
      }
    case 'device-code':
      return { ...common, kind, ...(clientId ? { clientId } : {}) }
    case 'azure-cli':
      return { ...common, kind }
    case 'managed-identity':
      return { ...common, kind, ...(clientId ? { clientId } : {}) }
    case 'default':
      return { ...common, kind, ...(clientId ? { managedIdentityClientId: clientId } : {}) }
    default:
      throw new Error(`ERP_AUTH='${kind}' is not known. Use one of ${AUTH_KINDS.join(', ')}.`)
  }
}

/**
 * Token providers for the given resource URLs, sharing one credential (a device-code sign-in is
 * asked once). With ERP_AUTH=on-behalf-of each HTTP caller's token is exchanged per resource, so
 * finance & operations applies that user's security roles.
 */
export function tokenProvidersFromEnv(env: Env, resources: string[]): TokenProvider[] {
  if (env.ERP_AUTH === 'on-behalf-of') {
    const missing = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'].filter((n) => !env[n])
    if (missing.length) throw new Error(`ERP_AUTH=on-behalf-of needs ${missing.join(', ')}.`)
    return resources.map((resource) =>
      onBehalfOfTokenProvider({
        tenantId: env.AZURE_TENANT_ID!,
        clientId: env.AZURE_CLIENT_ID!,
        clientSecret: env.AZURE_CLIENT_SECRET!,
        scope: defaultScope(resource),
        ...(env.AZURE_AUTHORITY_HOST ? { authorityHost: env.AZURE_AUTHORITY_HOST } : {}),
      }),
    )
  }
  const config = credentialConfigFromEnv(env)
  if (config.kind !== 'device-code')
    return resources.map((resource) => entraTokenProvider(config, defaultScope(resource)))
  // one credential object for every scope, so that the user signs in once
  let shared: ReturnType<typeof createEntraCredential> | undefined
  const credential = {
    async getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }) {
      shared ??= createEntraCredential(config)
      return (await shared).getToken(scopes, options)
    },
  }
  return resources.map((resource) => entraTokenProvider(credential as never, defaultScope(resource)))
}

/** The environment's connection, or the sandbox's when the product runs on it. */
export function resolveConnection({ env, sandbox, http }: ConnectOptions): ErpConnection {
  if (sandbox) {
    const url = sandbox.emulators.erp?.url as string | undefined
    if (!url || !sandbox.entra) throw new Error('The sandbox has no erp emulator mounted.')
    // the sandbox's app registration; its token requests are answered by the sandbox itself
    const app = {
      tenantId: sandbox.entra.tenantId,
      clientId: sandbox.entra.clientId,
      clientSecret: sandbox.entra.clientSecret,
      authorityHost: sandbox.entra.authorityHost,
      httpClient: sandbox.entra.httpClient,
      disableInstanceDiscovery: true,
    }
    const scope = defaultScope(url)
    // on the sandbox too, on-behalf-of makes each HTTP caller a different finance & operations user
    const token =
      env.ERP_AUTH === 'on-behalf-of'
        ? onBehalfOfTokenProvider({ ...app, scope })
        : entraTokenProvider({ kind: 'client-secret', ...app }, scope)
    return {
      url,
      token,
      fetch: sandbox.fetch,
      ...(http ? { http } : {}),
      // the emulator serves the attachment custom APIs itself
      dataverse: { url, token },
      sandbox: true,
    }
  }
  const url = env.ERP_URL?.trim()
  if (!url) throw new Error('Set ERP_URL to your environment URL, e.g. https://contoso.operations.dynamics.com.')
  const dataverseUrl = env.ERP_DATAVERSE_URL?.trim() || undefined
  const [token, dataverseToken] = env.ERP_TOKEN
    ? [
        staticTokenProvider(env.ERP_TOKEN),
        env.ERP_DATAVERSE_TOKEN ? staticTokenProvider(env.ERP_DATAVERSE_TOKEN) : undefined,
      ]
    : tokenProvidersFromEnv(env, dataverseUrl ? [url, dataverseUrl] : [url])
  const dvToken = dataverseToken ?? (env.ERP_DATAVERSE_TOKEN ? staticTokenProvider(env.ERP_DATAVERSE_TOKEN) : undefined)
  return {
    url,
    token: token!,
    ...(http ? { http } : {}),
    ...(dataverseUrl
      ? {
          dataverse: {
            url: dataverseUrl,
            token: dvToken ?? tokenProvidersFromEnv(env, [dataverseUrl])[0]!,
          },
        }
      : {}),
    sandbox: false,
  }
}
