// Where the product's clients connect and with which tokens: a finance & operations environment
// (ERP_URL, Entra ID credentials from the environment) and its linked Dataverse environment for the
// attachment APIs (ERP_DATAVERSE_URL), or the sandbox's erp emulator, which answers both.
import {
  type ConnectOptions,
  createEntraCredential,
  defaultScope,
  type EntraCredentialConfig,
  entraCredentialFromEnv,
  entraTokenProvider,
  type FetchLike,
  type HttpClientOptions,
  onBehalfOfFromEnv,
  sandboxTokenProvider,
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

/** The Entra credential the environment describes (ERP_AUTH and the AZURE_* variables). */
export const credentialConfigFromEnv = (env: Env): EntraCredentialConfig => entraCredentialFromEnv(env, 'ERP_AUTH')

/**
 * Token providers for the given resource URLs, sharing one credential (a device-code sign-in is
 * asked once). With ERP_AUTH=on-behalf-of each HTTP caller's token is exchanged per resource, so
 * finance & operations applies that user's security roles.
 */
export function tokenProvidersFromEnv(env: Env, resources: string[]): TokenProvider[] {
  if (env.ERP_AUTH === 'on-behalf-of') return resources.map((resource) => onBehalfOfFromEnv(env, 'ERP_AUTH', resource))
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
    const token = sandboxTokenProvider(sandbox, url, { onBehalfOf: env.ERP_AUTH === 'on-behalf-of' })
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
