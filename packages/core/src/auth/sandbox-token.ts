// Tokens from the sandbox's Entra ID for a product running on the sandbox: its app registration,
// whose token requests the sandbox answers in process, app-only or on behalf of each HTTP caller.
import type { SandboxConnection } from '../product.js'
import { defaultScope, entraTokenProvider } from './entra.js'
import { onBehalfOfTokenProvider } from './on-behalf-of.js'
import type { TokenProvider } from './token-provider.js'

export function sandboxTokenProvider(
  sandbox: SandboxConnection,
  resourceUrl: string,
  options: { onBehalfOf?: boolean } = {},
): TokenProvider {
  const entra = sandbox.entra
  if (!entra) throw new Error('The sandbox connection has no Entra ID to get tokens from.')
  const app = {
    tenantId: entra.tenantId,
    clientId: entra.clientId,
    clientSecret: entra.clientSecret,
    authorityHost: entra.authorityHost,
    httpClient: entra.httpClient,
    disableInstanceDiscovery: true,
  }
  const scope = defaultScope(resourceUrl)
  // on the sandbox too, on-behalf-of makes each HTTP caller a different user of the service
  return options.onBehalfOf
    ? onBehalfOfTokenProvider({ ...app, scope })
    : entraTokenProvider({ kind: 'client-secret', ...app }, scope)
}
