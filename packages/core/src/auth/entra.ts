// Entra ID tokens through @azure/identity. Every flow users expect is one `kind`; the
// authority host is configurable (national clouds, the sandbox), and an httpClient can be
// injected so that the sandbox's in-process emulator answers instead of the network.
// @azure/identity is loaded on first use: it costs ~300 ms of start-up that a stdio server
// should not pay before its first vendor call.
import type { TokenCredential } from '@azure/identity'
import { type AccessToken, cachedTokenProvider, type TokenProvider } from './token-provider.js'

interface Common {
  tenantId?: string
  authorityHost?: string
  /** an @azure/core-rest-pipeline HttpClient; the sandbox passes its in-process one */
  httpClient?: unknown
  disableInstanceDiscovery?: boolean
}

export type EntraCredentialConfig =
  | ({ kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string } & Common)
  | ({ kind: 'client-certificate'; tenantId: string; clientId: string; certificatePath: string } & Common)
  | ({ kind: 'device-code'; clientId?: string; onPrompt?: (message: string) => void } & Common)
  | ({ kind: 'azure-cli' } & Common)
  | ({ kind: 'managed-identity'; clientId?: string } & Common)
  | ({ kind: 'default'; managedIdentityClientId?: string } & Common)
  | ({ kind: 'on-behalf-of'; tenantId: string; clientId: string; clientSecret: string; userAssertion: string } & Common)

export async function createEntraCredential(config: EntraCredentialConfig): Promise<TokenCredential> {
  const {
    AzureCliCredential,
    ClientCertificateCredential,
    ClientSecretCredential,
    DefaultAzureCredential,
    DeviceCodeCredential,
    ManagedIdentityCredential,
    OnBehalfOfCredential,
  } = await import('@azure/identity')
  const common = {
    ...(config.authorityHost ? { authorityHost: config.authorityHost } : {}),
    ...(config.httpClient ? { httpClient: config.httpClient as never } : {}),
    ...(config.disableInstanceDiscovery ? { disableInstanceDiscovery: true } : {}),
  }
  switch (config.kind) {
    case 'client-secret':
      return new ClientSecretCredential(config.tenantId, config.clientId, config.clientSecret, common)
    case 'client-certificate':
      return new ClientCertificateCredential(config.tenantId, config.clientId, config.certificatePath, common)
    case 'device-code':
      return new DeviceCodeCredential({
        ...common,
        ...(config.tenantId ? { tenantId: config.tenantId } : {}),
        ...(config.clientId ? { clientId: config.clientId } : {}),
        // the prompt goes to stderr: stdout is the MCP channel
        userPromptCallback: (info) =>
          (config.onPrompt ?? ((m: string) => process.stderr.write(`${m}\n`)))(info.message),
      })
    case 'azure-cli':
      return new AzureCliCredential(config.tenantId ? { tenantId: config.tenantId } : {})
    case 'managed-identity':
      return config.clientId
        ? new ManagedIdentityCredential(config.clientId, common)
        : new ManagedIdentityCredential(common)
    case 'default':
      return new DefaultAzureCredential({
        ...common,
        ...(config.tenantId ? { tenantId: config.tenantId } : {}),
        ...(config.managedIdentityClientId ? { managedIdentityClientId: config.managedIdentityClientId } : {}),
      })
    case 'on-behalf-of':
      return new OnBehalfOfCredential({
        ...common,
        tenantId: config.tenantId,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        userAssertionToken: config.userAssertion,
      })
  }
}

/**
 * A cached token provider for one resource scope, e.g. `https://org.crm.dynamics.com/.default`,
 * from a credential or a credential configuration (created on the first token request).
 */
export function entraTokenProvider(credential: TokenCredential | EntraCredentialConfig, scope: string): TokenProvider {
  let resolved: Promise<TokenCredential> | undefined
  const getCredential = () =>
    (resolved ??= 'kind' in credential ? createEntraCredential(credential) : Promise.resolve(credential))
  return cachedTokenProvider(async (signal): Promise<AccessToken> => {
    const token = await (await getCredential()).getToken(scope, signal ? { abortSignal: signal } : {})
    if (!token) throw new Error(`Entra ID returned no token for ${scope}.`)
    return { token: token.token, expiresOnTimestamp: token.expiresOnTimestamp }
  })
}

/** The `.default` scope of a resource URL, as Entra expects it. */
export function defaultScope(resourceUrl: string): string {
  const url = new URL(resourceUrl)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/.default`
}
