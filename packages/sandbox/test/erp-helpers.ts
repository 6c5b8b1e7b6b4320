// The standard sandbox with only Entra ID and the finance & operations emulator, on a fixed day,
// and a small HTTP caller for its OData, services and custom APIs.
import { createStandardSandbox, type Sandbox } from '../src/index.js'

export const TODAY = '2026-05-15'

export interface ErpCall {
  status: number
  headers: Headers
  text: string
  json: any
}

export interface ErpTestEnv {
  sandbox: Sandbox
  /** `{sandbox}/erp` */
  url: string
  appToken: string
  userToken: string
  call(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; token?: string | null },
  ): Promise<ErpCall>
  close(): void
}

export async function erpTestEnv(
  options: { now?: string; fetch?: (url: string, init: RequestInit) => Promise<Response>; sandbox?: Sandbox } = {},
): Promise<ErpTestEnv> {
  const clock = () => new Date(options.now ?? `${TODAY}T09:30:00Z`)
  const sandbox = options.sandbox ?? createStandardSandbox({ emulators: ['erp'], clock })
  const url = sandbox.urlOf('erp')
  const scope = `${url}/.default`
  const appToken = await sandbox.entra.requestToken({ scope })
  const userToken = await sandbox.entra.requestToken({ scope, username: sandbox.entra.users[0]!.userPrincipalName })
  const doFetch = options.fetch ?? ((target: string, init: RequestInit) => sandbox.fetch(target, init))
  return {
    sandbox,
    url,
    appToken,
    userToken,
    async call(method, path, { body, headers = {}, token } = {}) {
      const auth: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token ?? userToken}` }
      const response = await doFetch(path.startsWith('http') ? path : `${url}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : ({} as Record<string, string>)),
          ...auth,
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      })
      const text = await response.text()
      let json: unknown
      try {
        json = text ? JSON.parse(text) : undefined
      } catch {
        json = undefined
      }
      return { status: response.status, headers: response.headers, text, json }
    },
    close: () => sandbox.close(),
  }
}
