// On-behalf-of: in a multi-user HTTP deployment each caller's own token (verified by the OAuth
// resource server) is exchanged with Entra ID for a token to the vendor, so the vendor's security
// roles apply per user. Exchanged tokens are cached per caller token; the cache is bounded.
import { createHash } from 'node:crypto'
import { currentCaller } from '../caller-context.js'
import { ToolError } from '../tool-error.js'
import { entraTokenProvider } from './entra.js'
import type { TokenProvider } from './token-provider.js'

export interface OnBehalfOfOptions {
  tenantId: string
  clientId: string
  clientSecret: string
  /** the vendor scope, e.g. https://contoso.crm.dynamics.com/.default */
  scope: string
  authorityHost?: string
  httpClient?: unknown
  disableInstanceDiscovery?: boolean
  /** used when a call has no caller token (stdio); without it such calls are refused */
  fallback?: TokenProvider
  /** callers whose exchanged tokens are kept; default 500 */
  cacheSize?: number
}

export function onBehalfOfTokenProvider(options: OnBehalfOfOptions): TokenProvider {
  const limit = options.cacheSize ?? 500
  const providers = new Map<string, TokenProvider>()

  return {
    async getToken(signal) {
      const assertion = currentCaller()?.token
      if (!assertion) {
        if (options.fallback) return options.fallback.getToken(signal)
        throw new ToolError({
          code: 'Unauthorized',
          message: 'This server acts on behalf of each caller, and this request carried no caller token.',
          fix: 'Call the server over HTTP with a bearer token from its OAuth issuer; stdio sessions need a fallback credential configured.',
        })
      }
      const key = createHash('sha256').update(assertion).digest('hex')
      let provider = providers.get(key)
      if (provider) {
        providers.delete(key) // most recently used last
      } else {
        provider = entraTokenProvider(
          {
            kind: 'on-behalf-of',
            tenantId: options.tenantId,
            clientId: options.clientId,
            clientSecret: options.clientSecret,
            userAssertion: assertion,
            ...(options.authorityHost ? { authorityHost: options.authorityHost } : {}),
            ...(options.httpClient ? { httpClient: options.httpClient } : {}),
            ...(options.disableInstanceDiscovery ? { disableInstanceDiscovery: true } : {}),
          },
          options.scope,
        )
        if (providers.size >= limit) providers.delete(providers.keys().next().value as string)
      }
      providers.set(key, provider)
      return provider.getToken(signal)
    },
  }
}
