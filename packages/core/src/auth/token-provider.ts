// Bearer tokens for vendor calls. Tokens are cached and refreshed before they expire;
// concurrent callers share one refresh.

export interface AccessToken {
  token: string
  /** epoch milliseconds */
  expiresOnTimestamp: number
}

export interface TokenProvider {
  getToken(signal?: AbortSignal): Promise<AccessToken>
}

export interface CachedTokenOptions {
  /** refresh this long before expiry; default 5 minutes */
  refreshBeforeMs?: number
  now?: () => number
}

export function cachedTokenProvider(
  fetchToken: (signal?: AbortSignal) => Promise<AccessToken>,
  options: CachedTokenOptions = {},
): TokenProvider {
  const refreshBeforeMs = options.refreshBeforeMs ?? 5 * 60_000
  const now = options.now ?? Date.now
  let current: AccessToken | undefined
  let pending: Promise<AccessToken> | undefined

  return {
    async getToken(signal) {
      if (current && current.expiresOnTimestamp - refreshBeforeMs > now()) return current
      pending ??= fetchToken(signal)
        .then((token) => {
          current = token
          return token
        })
        .finally(() => {
          pending = undefined
        })
      return pending
    },
  }
}

/** A fixed token, e.g. from an environment variable; it is never refreshed. */
export function staticTokenProvider(token: string): TokenProvider {
  if (!token.trim()) throw new Error('The static bearer token is empty.')
  const fixed = { token, expiresOnTimestamp: Number.MAX_SAFE_INTEGER }
  return { getToken: async () => fixed }
}
