// The Salesforce client: a jsforce Connection pinned to one API version, authenticated by one of
// the flows orgs use (access token, refresh token, client credentials, JWT bearer, username and
// password, a Salesforce CLI org), with every failure turned into a ToolError and the org's API
// usage (Sforce-Limit-Info) kept for tools to report when it nears the limit.
import { execFile } from 'node:child_process'
import { createSign } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { PassThrough } from 'node:stream'
import { promisify } from 'node:util'
import { type FetchLike, ToolError } from '@bizmcp/core'
import { Connection, OAuth2, type TokenResponse } from 'jsforce'
import { type TokenStore, tokenStoreFromEnv } from './auth/token-store.js'
import { salesforceToolError, toSalesforceToolError } from './errors.js'

export const API_VERSION = '62.0'
export const DEFAULT_LOGIN_URL = 'https://login.salesforce.com'
/** share of the daily API allowance from which results carry an apiUsage notice */
export const USAGE_NOTICE_RATIO = 0.8

type Env = Record<string, string | undefined>
type SfRecord = Record<string, unknown>

export type SalesforceAuth =
  | { kind: 'access-token'; instanceUrl: string; accessToken: string }
  | { kind: 'refresh-token'; loginUrl: string; clientId: string; clientSecret?: string; refreshToken: string }
  | { kind: 'client-credentials'; loginUrl: string; clientId: string; clientSecret: string }
  | { kind: 'jwt'; loginUrl: string; clientId: string; username: string; privateKey: string; audience?: string }
  | {
      kind: 'password'
      loginUrl: string
      username: string
      password: string
      clientId?: string
      clientSecret?: string
    }
  | { kind: 'sf-cli'; targetOrg: string; command?: string }
  /** tokens a web login (`salesforce-mcp login`) stored; renewed with the refresh token and written back */
  | { kind: 'web'; store: TokenStore; clientSecret?: string }

export interface SalesforceClientOptions {
  auth: SalesforceAuth
  apiVersion?: string
  /** route every HTTP request through this fetch (the sandbox in process); jsforce's own HTTP otherwise */
  fetch?: FetchLike
  /**
   * Sign in on the first call instead of now. The sandbox uses it, so that a server starts without
   * building the emulated org; against a real org, signing in at once reports bad credentials early.
   */
  lazySignIn?: boolean
}

export interface QueryPage {
  totalSize: number
  done: boolean
  nextRecordsUrl?: string
  records: SfRecord[]
}

export interface SaveOutcome {
  id?: string
  success: boolean
  errors: Array<{ statusCode?: string; errorCode?: string; message: string; fields?: string[] }>
}

export interface LeadConvertRequest {
  leadId: string
  convertedStatus: string
  accountId?: string
  contactId?: string
  opportunityName?: string
  doNotCreateOpportunity?: boolean
  ownerId?: string
}

export interface SalesforceClient {
  /** the signed-in jsforce connection (signs in first when that has not happened yet) */
  connection(): Promise<Connection>
  readonly apiVersion: string
  /** the org's instance URL once signed in; empty before */
  readonly instanceUrl: string
  create(type: string, fields: SfRecord): Promise<string>
  /** sObject Collections in chunks of 200 */
  createMany(type: string, records: SfRecord[], allOrNone: boolean): Promise<SaveOutcome[]>
  update(type: string, id: string, fields: SfRecord): Promise<void>
  query(soql: string, batchSize?: number): Promise<QueryPage>
  queryMore(nextRecordsUrl: string, batchSize?: number): Promise<QueryPage>
  /** every row of a query, up to `max` */
  queryAll(soql: string, max?: number): Promise<SfRecord[]>
  /** a REST call relative to /services/data/vNN.N (e.g. 'composite', 'analytics/reports') */
  rest<T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>
  convertLead(request: LeadConvertRequest): Promise<{ accountId?: string; contactId?: string; opportunityId?: string }>
  /** the last Sforce-Limit-Info reading */
  usage(): { used: number; limit: number } | undefined
  /** a short notice when usage is at or above USAGE_NOTICE_RATIO */
  usageNotice(): string | undefined
}

// --- configuration from the environment -----------------------------------------------------

export function loginUrlFrom(env: Env): string {
  return (env.SALESFORCE_LOGIN_URL ?? DEFAULT_LOGIN_URL).replace(/\/+$/, '')
}

/**
 * The auth mode the environment describes: SALESFORCE_AUTH names it, or it is inferred from the
 * variables present (access token, refresh token, JWT key, password, client secret, CLI org).
 */
export async function authFromEnv(env: Env): Promise<SalesforceAuth> {
  const loginUrl = loginUrlFrom(env)
  const clientId = env.SALESFORCE_CLIENT_ID
  const clientSecret = env.SALESFORCE_CLIENT_SECRET
  const kind =
    env.SALESFORCE_AUTH ??
    (env.SALESFORCE_ACCESS_TOKEN
      ? 'access-token'
      : env.SALESFORCE_REFRESH_TOKEN
        ? 'refresh-token'
        : env.SALESFORCE_JWT_KEY_FILE || env.SALESFORCE_JWT_KEY
          ? 'jwt'
          : env.SALESFORCE_PASSWORD
            ? 'password'
            : env.SALESFORCE_CLI_ORG
              ? 'sf-cli'
              : !(clientId && clientSecret) && tokenStoreFromEnv(env).exists()
                ? 'web'
                : 'client-credentials')
  const need = (...names: string[]) => {
    const missing = names.filter((n) => !env[n])
    if (missing.length) throw new Error(`SALESFORCE_AUTH=${kind} needs ${missing.join(', ')}.`)
  }
  switch (kind) {
    case 'access-token':
      need('SALESFORCE_ACCESS_TOKEN', 'SALESFORCE_INSTANCE_URL')
      return { kind, instanceUrl: env.SALESFORCE_INSTANCE_URL!, accessToken: env.SALESFORCE_ACCESS_TOKEN! }
    case 'refresh-token':
      need('SALESFORCE_REFRESH_TOKEN', 'SALESFORCE_CLIENT_ID')
      return {
        kind,
        loginUrl,
        clientId: clientId!,
        ...(clientSecret ? { clientSecret } : {}),
        refreshToken: env.SALESFORCE_REFRESH_TOKEN!,
      }
    case 'client-credentials':
      need('SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET')
      return { kind, loginUrl, clientId: clientId!, clientSecret: clientSecret! }
    case 'jwt': {
      need('SALESFORCE_CLIENT_ID', 'SALESFORCE_USERNAME')
      const privateKey =
        env.SALESFORCE_JWT_KEY ??
        (env.SALESFORCE_JWT_KEY_FILE ? await readFile(env.SALESFORCE_JWT_KEY_FILE, 'utf8') : undefined)
      if (!privateKey) throw new Error('SALESFORCE_AUTH=jwt needs SALESFORCE_JWT_KEY_FILE (a PEM private key).')
      return {
        kind,
        loginUrl,
        clientId: clientId!,
        username: env.SALESFORCE_USERNAME!,
        privateKey,
        ...(env.SALESFORCE_JWT_AUDIENCE ? { audience: env.SALESFORCE_JWT_AUDIENCE } : {}),
      }
    }
    case 'password':
      need('SALESFORCE_USERNAME', 'SALESFORCE_PASSWORD')
      return {
        kind,
        loginUrl,
        username: env.SALESFORCE_USERNAME!,
        password: `${env.SALESFORCE_PASSWORD}${env.SALESFORCE_SECURITY_TOKEN ?? ''}`,
        ...(clientId ? { clientId } : {}),
        ...(clientSecret ? { clientSecret } : {}),
      }
    case 'sf-cli':
      need('SALESFORCE_CLI_ORG')
      return {
        kind,
        targetOrg: env.SALESFORCE_CLI_ORG!,
        ...(env.SALESFORCE_CLI ? { command: env.SALESFORCE_CLI } : {}),
      }
    case 'web':
      return { kind, store: tokenStoreFromEnv(env), ...(clientSecret ? { clientSecret } : {}) }
    default:
      throw new Error(
        `SALESFORCE_AUTH='${kind}' is not known. Use access-token, refresh-token, client-credentials, jwt, password, sf-cli or web.`,
      )
  }
}

// --- HTTP through an injected fetch ---------------------------------------------------------

/**
 * A jsforce transport over a WHATWG fetch: jsforce's HttpApi awaits `httpRequest(...)` for
 * `{ statusCode, headers, body }` and pipes `.stream()`, which gets the body too.
 */
function fetchTransport(fetchFn: FetchLike): Connection['_transport'] {
  return {
    httpRequest(req: { url: string; method: string; headers?: Record<string, string>; body?: unknown }) {
      const promise = (async () => {
        const body = req.body == null || req.method === 'GET' || req.method === 'HEAD' ? undefined : String(req.body)
        const res = await fetchFn(
          new Request(req.url, { method: req.method, headers: req.headers ?? {}, ...(body ? { body } : {}) }),
        )
        const headers: Record<string, string> = {}
        res.headers.forEach((value, key) => {
          headers[key] = value
        })
        return { statusCode: res.status, headers, body: await res.text() }
      })()
      // The stream is made only for a caller that asks for it: a stream nobody reads would turn a
      // network error into an unhandled 'error' event (a crash) instead of the promise's rejection.
      let stream: PassThrough | undefined
      const streamOf = () => {
        if (!stream) {
          const made = new PassThrough()
          promise.then(
            (res) => made.end(res.body),
            (error: Error) => made.destroy(error),
          )
          stream = made
        }
        return stream
      }
      return Object.assign(promise, { stream: streamOf })
    },
  } as unknown as Connection['_transport']
}

// --- authentication -------------------------------------------------------------------------

function jwtAssertion(auth: Extract<SalesforceAuth, { kind: 'jwt' }>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const head = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({
    iss: auth.clientId,
    sub: auth.username,
    aud: auth.audience ?? auth.loginUrl,
    exp: Math.floor(Date.now() / 1000) + 180,
  })}`
  const signature = createSign('RSA-SHA256').update(head).sign(auth.privateKey, 'base64url')
  return `${head}.${signature}`
}

async function sfCliOrg(auth: Extract<SalesforceAuth, { kind: 'sf-cli' }>) {
  const { stdout } = await promisify(execFile)(
    auth.command ?? 'sf',
    ['org', 'display', '--json', '--target-org', auth.targetOrg],
    { timeout: 60_000 },
  )
  const parsed = JSON.parse(stdout) as { status?: number; result?: { accessToken?: string; instanceUrl?: string } }
  if (!parsed.result?.accessToken || !parsed.result.instanceUrl) {
    throw new Error(`'sf org display --target-org ${auth.targetOrg}' returned no access token; run 'sf org login web'.`)
  }
  return { accessToken: parsed.result.accessToken, instanceUrl: parsed.result.instanceUrl }
}

/** Renews a stored login with its refresh token and writes the new access token back to the store. */
async function refreshStored(store: TokenStore, oauth2: OAuth2): Promise<string> {
  const current = await store.read()
  if (!current?.refreshToken) {
    throw new ToolError({
      code: 'Unauthorized',
      message: 'The stored Salesforce session expired and the login has no refresh token.',
      fix: 'Run `npx @bizmcp/salesforce-mcp login` again (the connected app needs the refresh_token scope).',
    })
  }
  let token: TokenResponse
  try {
    token = await oauth2.refreshToken(current.refreshToken)
  } catch (error) {
    throw new ToolError({
      code: 'Unauthorized',
      message: `Salesforce refused the stored refresh token (${(error as Error).message}).`,
      fix: 'Run `npx @bizmcp/salesforce-mcp login` again.',
    })
  }
  await store.write({
    ...current,
    accessToken: token.access_token,
    instanceUrl: token.instance_url || current.instanceUrl,
    ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
    issuedAt: Number(token.issued_at) || Date.now(),
  })
  return token.access_token
}

async function authenticate(auth: SalesforceAuth, version: string, fetchFn?: FetchLike): Promise<Connection> {
  const transport = fetchFn ? fetchTransport(fetchFn) : undefined
  const withTransport = (conn: Connection) => {
    if (transport) {
      conn._transport = transport
      conn.oauth2._transport = transport
    }
    return conn
  }
  const oauth2For = (loginUrl: string, clientId?: string, clientSecret?: string) => {
    const oauth2 = new OAuth2({
      loginUrl,
      ...(clientId ? { clientId } : {}),
      ...(clientSecret ? { clientSecret } : {}),
    })
    if (transport) oauth2._transport = transport
    return oauth2
  }
  /** a connection that gets a new token from `renew` whenever the session expires */
  const renewing = async (
    oauth2: OAuth2 | undefined,
    renew: () => Promise<{ accessToken: string; instanceUrl: string }>,
  ) => {
    const first = await renew()
    return withTransport(
      new Connection({
        version,
        instanceUrl: first.instanceUrl,
        accessToken: first.accessToken,
        ...(oauth2 ? { oauth2 } : {}),
        refreshFn: (_conn, callback) => {
          renew().then(
            (next) => callback(null, next.accessToken),
            (error: Error) => callback(error),
          )
        },
      }),
    )
  }
  const fromToken = (token: TokenResponse) => ({ accessToken: token.access_token, instanceUrl: token.instance_url })

  switch (auth.kind) {
    case 'access-token':
      return withTransport(new Connection({ version, instanceUrl: auth.instanceUrl, accessToken: auth.accessToken }))
    case 'refresh-token': {
      const oauth2 = oauth2For(auth.loginUrl, auth.clientId, auth.clientSecret)
      return renewing(undefined, async () => fromToken(await oauth2.refreshToken(auth.refreshToken)))
    }
    case 'client-credentials': {
      const oauth2 = oauth2For(auth.loginUrl, auth.clientId, auth.clientSecret)
      return renewing(undefined, async () => fromToken(await oauth2.requestToken({ grant_type: 'client_credentials' })))
    }
    case 'jwt': {
      const oauth2 = oauth2For(auth.loginUrl, auth.clientId)
      return renewing(undefined, async () =>
        fromToken(
          await oauth2.requestToken({
            grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
            assertion: jwtAssertion(auth),
          }),
        ),
      )
    }
    case 'password': {
      if (auth.clientId) {
        const oauth2 = oauth2For(auth.loginUrl, auth.clientId, auth.clientSecret)
        return renewing(undefined, async () => fromToken(await oauth2.authenticate(auth.username, auth.password)))
      }
      // no connected app: jsforce's SOAP login (retired by Salesforce from API 65.0)
      const conn = withTransport(new Connection({ version, loginUrl: auth.loginUrl }))
      await conn.login(auth.username, auth.password)
      return conn
    }
    case 'sf-cli':
      return renewing(undefined, () => sfCliOrg(auth))
    case 'web': {
      const stored = await auth.store.read()
      if (!stored) {
        throw new ToolError({
          code: 'Unauthorized',
          message: `No stored Salesforce login at ${auth.store.path}.`,
          fix: 'Run `npx @bizmcp/salesforce-mcp login` (with SALESFORCE_CLIENT_ID set) to log in through the browser, then start the server again.',
        })
      }
      const oauth2 = oauth2For(stored.loginUrl, stored.clientId, auth.clientSecret)
      return withTransport(
        new Connection({
          version,
          instanceUrl: stored.instanceUrl,
          accessToken: stored.accessToken,
          refreshFn: (_conn, callback) => {
            refreshStored(auth.store, oauth2).then(
              (accessToken) => callback(null, accessToken),
              (error: Error) => callback(error),
            )
          },
        }),
      )
    }
  }
}

// --- the client -------------------------------------------------------------------------------

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw toSalesforceToolError(error)
  }
}

export async function createSalesforceClient(options: SalesforceClientOptions): Promise<SalesforceClient> {
  const version = options.apiVersion ?? API_VERSION
  let signedIn: Connection | undefined
  let signingIn: Promise<Connection> | undefined
  const connection = () => {
    signingIn ??= authenticate(options.auth, version, options.fetch).then(
      (conn) => {
        signedIn = conn
        return conn
      },
      (error) => {
        signingIn = undefined // a failed sign-in is tried again on the next call
        throw error
      },
    )
    return signingIn
  }
  if (!options.lazySignIn) await connection()
  const base = () => `/services/data/v${version}`

  const getPage = (url: string, batchSize?: number) =>
    call(
      async () =>
        (await connection()).request({
          method: 'GET',
          url,
          headers: batchSize ? { 'Sforce-Query-Options': `batchSize=${batchSize}` } : {},
        }) as Promise<QueryPage>,
    )

  const rest = <T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    call(
      async () =>
        (await connection()).request({
          method,
          url: path.startsWith('/services/') ? path : `${base()}/${path.replace(/^\/+/, '')}`,
          ...(body !== undefined
            ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
            : {}),
        }) as Promise<T>,
    )

  const client: SalesforceClient = {
    connection,
    apiVersion: version,
    get instanceUrl() {
      return signedIn?.instanceUrl ?? ''
    },
    async create(type, fields) {
      const result = await rest<{ id: string }>('POST', `sobjects/${encodeURIComponent(type)}`, fields)
      return result.id
    },
    async createMany(type, records, allOrNone) {
      const out: SaveOutcome[] = []
      for (let i = 0; i < records.length; i += 200) {
        const chunk = records.slice(i, i + 200).map((r) => ({ attributes: { type }, ...r }))
        out.push(...(await rest<SaveOutcome[]>('POST', 'composite/sobjects', { allOrNone, records: chunk })))
      }
      return out
    },
    async update(type, id, fields) {
      await rest('PATCH', `sobjects/${encodeURIComponent(type)}/${encodeURIComponent(id)}`, fields)
    },
    query: (soql, batchSize) => getPage(`${base()}/query?q=${encodeURIComponent(soql)}`, batchSize),
    queryMore: (url, batchSize) => getPage(url, batchSize),
    async queryAll(soql, max = 50_000) {
      let page = await client.query(soql)
      const records = [...page.records]
      while (!page.done && page.nextRecordsUrl && records.length < max) {
        page = await client.queryMore(page.nextRecordsUrl)
        records.push(...page.records)
      }
      return records.slice(0, max)
    },
    rest,
    async convertLead(request) {
      const result = await call(async () =>
        (await connection()).soap.convertLead({
          leadId: request.leadId,
          convertedStatus: request.convertedStatus,
          doNotCreateOpportunity: request.doNotCreateOpportunity ?? false,
          overwriteLeadSource: false,
          sendNotificationEmail: false,
          ...(request.accountId ? { accountId: request.accountId } : {}),
          ...(request.contactId ? { contactId: request.contactId } : {}),
          ...(request.opportunityName ? { opportunityName: request.opportunityName } : {}),
          ...(request.ownerId ? { ownerId: request.ownerId } : {}),
        }),
      )
      if (!result.success) {
        const first = (
          result.errors as unknown as Array<{ statusCode?: string; message?: string; fields?: string[] }>
        )[0]
        throw salesforceToolError({
          errorCode: first?.statusCode ?? 'CONVERT_FAILED',
          message: first?.message ?? 'The lead could not be converted.',
          fields: first?.fields ?? [],
        })
      }
      return {
        ...(result.accountId ? { accountId: result.accountId } : {}),
        ...(result.contactId ? { contactId: result.contactId } : {}),
        ...(result.opportunityId ? { opportunityId: result.opportunityId } : {}),
      }
    },
    usage() {
      const api = signedIn?.limitInfo?.apiUsage
      return api ? { used: api.used, limit: api.limit } : undefined
    },
    usageNotice() {
      const api = client.usage()
      if (!api || api.limit <= 0 || api.used / api.limit < USAGE_NOTICE_RATIO) return undefined
      return `Org API usage ${api.used}/${api.limit} (${Math.round((100 * api.used) / api.limit)}% of the 24-hour allowance): batch work and avoid needless calls.`
    },
  }
  return client
}

/** Throws a NotFound ToolError naming the object when a query found no row. */
export function notFound(type: string, id: string): ToolError {
  return new ToolError({
    code: 'NotFound',
    message: `No ${type} with id ${id} exists (or this user cannot see it).`,
    fix: `Check the id; find ${type} records with executeQuery.`,
  })
}
