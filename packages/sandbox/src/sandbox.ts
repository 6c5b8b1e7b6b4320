import type { DatabaseSync } from 'node:sqlite'
import { type EntraConfig, type EntraOptions, resolveEntraConfig } from './entra/config.js'
import { createEntraEmulator, type EntraEmulator, SANDBOX_AUTHORITY_HOST } from './entra/emulator.js'
import { createSandboxHttpClient, type SandboxHttpClient } from './entra/http-client.js'
import type { AccessTokenVerifier } from './entra/verify.js'
import { type Clock, systemClock } from './shared/clock.js'
import { openDatabase } from './shared/db.js'
import type { Emulator } from './shared/emulator.js'
import { jsonResponse, trimTrailingSlashes } from './shared/http.js'

export const DEFAULT_SANDBOX_BASE_URL = 'http://sandbox.localhost'
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600

export interface SandboxOptions {
  /** SQLite file to keep data (and the signing key) in; in memory when left out. */
  db?: string
  /** Origin the sandbox believes it is served at; serveSandbox replaces it with the real URL. */
  baseUrl?: string
  tokenLifetimeSeconds?: number
  entra?: EntraOptions
  /** Source of "now" for token times; tests pass a controllable clock. */
  clock?: Clock
}

export interface SandboxUser {
  userPrincipalName: string
  password: string
  oid: string
  displayName: string
}

export interface SandboxEntra {
  /** The https host to give @azure/identity as `authorityHost` (with `httpClient: sandbox.entraHttpClient()`). */
  readonly authorityHost: string
  readonly tenantId: string
  readonly clientId: string
  readonly clientSecret: string
  readonly users: readonly SandboxUser[]
  readonly config: EntraConfig
  /** `{baseUrl}/entra/{tenantId}`: the authority for clients that take http URLs, and for WWW-Authenticate. */
  readonly authority: string
  /** `{baseUrl}/entra/{tenantId}/v2.0` */
  issuer(tenantId?: string): string
  /** `{baseUrl}/entra/{tenantId}/oauth2/v2.0/token` */
  readonly tokenEndpoint: string
  verifyAccessToken: AccessTokenVerifier
  /**
   * Gets a token through the real token endpoint: app-only by default, or as a sandbox user
   * (password grant) when `username` is given. Throws the Entra error description on failure.
   */
  requestToken(options: { scope: string; username?: string; password?: string }): Promise<string>
}

export interface Sandbox {
  /** Current public origin, without a trailing slash. */
  baseUrl: string
  readonly db: DatabaseSync
  readonly clock: Clock
  readonly entra: SandboxEntra
  /** A WHATWG fetch over the mounted emulators; pass it wherever a client takes a `fetch`. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>
  mount(emulator: Emulator): void
  emulators(): readonly Emulator[]
  /** `{baseUrl}{prefix}` of a mounted emulator: its URL and the audience of tokens for it. */
  urlOf(name: string): string
  /** An @azure/core-rest-pipeline HttpClient that answers from this sandbox, for Azure SDK credentials. */
  entraHttpClient(): SandboxHttpClient
  close(): void
}

const PREFIX_PATTERN = /^(\/[A-Za-z0-9._~-]+)+$/

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const db = openDatabase(options.db)
  const clock = options.clock ?? systemClock
  let baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_SANDBOX_BASE_URL)
  const mounted: Emulator[] = []
  let closed = false

  const entraEmulator: EntraEmulator = createEntraEmulator({
    db,
    config: resolveEntraConfig(options.entra),
    clock,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
    baseUrl: () => baseUrl,
    knownResources: () =>
      mounted.filter((emulator) => emulator !== entraEmulator).map((emulator) => baseUrl + emulator.prefix),
  })

  function mount(emulator: Emulator): void {
    if (!PREFIX_PATTERN.test(emulator.prefix)) {
      throw new Error(
        `Emulator '${emulator.name}' has prefix '${emulator.prefix}'; use a path such as '/dataverse' (leading slash, no trailing slash).`,
      )
    }
    const clash = mounted.find((other) => other.name === emulator.name || other.prefix === emulator.prefix)
    if (clash) {
      throw new Error(
        `Cannot mount '${emulator.name}' at ${emulator.prefix}: '${clash.name}' is already mounted at ${clash.prefix}.`,
      )
    }
    mounted.push(emulator)
  }

  function route(url: URL): { emulator: Emulator; path: string } | undefined {
    const byHost = mounted.find((emulator) => emulator.hosts?.includes(url.hostname))
    if (byHost) return { emulator: byHost, path: url.pathname + url.search }
    // Longest prefix first, so that '/a/b' wins over '/a'.
    const candidates = mounted
      .filter((emulator) => url.pathname === emulator.prefix || url.pathname.startsWith(`${emulator.prefix}/`))
      .sort((a, b) => b.prefix.length - a.prefix.length)
    const emulator = candidates[0]
    if (!emulator) return undefined
    return { emulator, path: (url.pathname.slice(emulator.prefix.length) || '/') + url.search }
  }

  async function sandboxFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    if (closed) throw new Error('This sandbox is closed; create a new one with createSandbox().')
    const request = input instanceof Request && init === undefined ? input : new Request(input, init)
    const url = new URL(request.url)
    const target = route(url)
    if (!target) {
      const prefixes = mounted.map((emulator) => emulator.prefix)
      return jsonResponse(
        {
          error: {
            code: 'NotFound',
            message: `Nothing in the sandbox serves '${url.pathname}'. Mounted prefixes: ${prefixes.join(', ')}.`,
            prefixes,
          },
        },
        404,
      )
    }
    try {
      return await target.emulator.handle(request, target.path)
    } catch (error) {
      // An emulator bug must not take the server down; report it as the vendor would a 500.
      const message = error instanceof Error ? error.message : String(error)
      return jsonResponse(
        { error: { code: 'SandboxInternalError', message: `The ${target.emulator.name} emulator failed: ${message}` } },
        500,
      )
    }
  }

  mount(entraEmulator)
  const config = entraEmulator.config
  const primary = config.tenants[0]!
  const primaryApp = primary.apps[0]!

  const entra: SandboxEntra = {
    authorityHost: SANDBOX_AUTHORITY_HOST,
    tenantId: primary.tenantId,
    clientId: primaryApp.clientId,
    clientSecret: primaryApp.clientSecrets[0]!,
    users: primary.users.map(({ userPrincipalName, password, oid, displayName }) => ({
      userPrincipalName,
      password,
      oid,
      displayName,
    })),
    config,
    get authority() {
      return `${baseUrl}${entraEmulator.prefix}/${primary.tenantId}`
    },
    issuer: (tenantId) => entraEmulator.issuer(tenantId),
    get tokenEndpoint() {
      return `${entra.authority}/oauth2/v2.0/token`
    },
    verifyAccessToken: entraEmulator.verifyAccessToken,
    async requestToken({ scope, username, password }) {
      const form = new URLSearchParams({
        client_id: primaryApp.clientId,
        client_secret: primaryApp.clientSecrets[0]!,
        scope,
      })
      if (username) {
        const user = primary.users.find(
          (candidate) => candidate.userPrincipalName.toLowerCase() === username.toLowerCase(),
        )
        const secret = password ?? user?.password
        if (secret === undefined) {
          const known = primary.users.map((candidate) => candidate.userPrincipalName).join(', ')
          throw new Error(
            `No sandbox user '${username}' (users: ${known}); pass its password if it is in another tenant.`,
          )
        }
        form.set('grant_type', 'password')
        form.set('username', username)
        form.set('password', secret)
      } else {
        form.set('grant_type', 'client_credentials')
      }
      const response = await sandboxFetch(entra.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      })
      const body = (await response.json()) as { access_token?: string; error_description?: string }
      if (!response.ok || !body.access_token)
        throw new Error(body.error_description ?? `Token request failed with ${response.status}.`)
      return body.access_token
    },
  }

  return {
    get baseUrl() {
      return baseUrl
    },
    set baseUrl(value: string) {
      baseUrl = normalizeBaseUrl(value)
    },
    db,
    clock,
    entra,
    fetch: sandboxFetch,
    mount,
    emulators: () => [...mounted],
    urlOf(name) {
      const emulator = mounted.find((candidate) => candidate.name === name)
      if (!emulator)
        throw new Error(`No emulator named '${name}' is mounted; mounted: ${mounted.map((e) => e.name).join(', ')}.`)
      return baseUrl + emulator.prefix
    },
    entraHttpClient: () => createSandboxHttpClient((request) => sandboxFetch(request)),
    close() {
      if (closed) return
      closed = true
      for (const emulator of [...mounted].reverse()) emulator.close?.()
      db.close()
    },
  }
}

function normalizeBaseUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`Sandbox baseUrl '${value}' is not a URL; use an origin such as http://127.0.0.1:4010.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Sandbox baseUrl '${value}' must be http or https.`)
  }
  if (url.search || url.hash) throw new Error(`Sandbox baseUrl '${value}' must not have a query or fragment.`)
  return trimTrailingSlashes(url.toString())
}
