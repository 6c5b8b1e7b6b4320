// Streamable HTTP rules a browser-reachable or load-balanced server must keep: DNS-rebinding
// protection (foreign Origin and Host refused), stateless operation, and Accept/Content-Type
// validation. Raw node:http requests, because fetch will not send a forged Host header.
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { RunContext } from '../context.js'
import { fail, pass, skip } from '../types.js'

const FOREIGN = 'evil.bizmcp-conformance.invalid'
const REFUSED = [400, 403, 421]

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** the JSON-RPC message in the body (plain JSON or the first SSE data event), if any */
  message?: Record<string, unknown>
}

const initializeBody = (id: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 'bizmcp-conformance', version: '0.1.0' },
  },
})

export async function httpChecks(ctx: RunContext) {
  const target = ctx.target
  if (target.kind !== 'http') {
    for (const [id, title] of HTTP_CHECKS) await ctx.check('protocol', id, title, async () => skip('stdio target'))
    return
  }
  const url = new URL(target.url)
  const base = {
    accept: 'application/json, text/event-stream',
    'content-type': 'application/json',
    ...lower(target.headers ?? {}),
  }
  const post = (headers: Record<string, string | undefined>, body: unknown = initializeBody(1)) =>
    postRaw(url, headers, JSON.stringify(body), ctx.timeoutMs)

  // A control request first: refusals only mean something if the same request is otherwise accepted.
  let controlError: string | undefined
  try {
    const control = await post(base)
    if (control.status >= 300) controlError = `a valid initialize POST got HTTP ${control.status}`
  } catch (error) {
    controlError = `a valid initialize POST failed: ${(error as Error).message}`
  }
  const refusal = async (what: string, headers: Record<string, string | undefined>) => {
    if (controlError) return fail(`cannot judge: ${controlError}`)
    const response = await post(headers)
    return REFUSED.includes(response.status)
      ? pass(`${what}: HTTP ${response.status}`)
      : fail(`${what}: expected HTTP 400/403/421, got ${response.status}`)
  }

  await ctx.check('protocol', 'http-foreign-origin', 'a foreign Origin is refused', () =>
    refusal(`Origin: http://${FOREIGN}`, { ...base, origin: `http://${FOREIGN}` }),
  )
  await ctx.check('protocol', 'http-foreign-host', 'a foreign Host is refused', () =>
    refusal(`Host: ${FOREIGN}`, { ...base, host: FOREIGN }),
  )

  await ctx.check('protocol', 'http-stateless', 'requests without a session id work', async () => {
    if (controlError) return fail(`cannot judge: ${controlError}`)
    const init = await post(base)
    if (init.headers['mcp-session-id'])
      return skip('the server issues Mcp-Session-Id: a stateful 2025 server, statelessness does not apply')
    const headers = { ...base, 'mcp-protocol-version': '2025-11-25' }
    const list = await post(headers, { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} })
    if (list.status !== 200 || !list.message?.result)
      return fail(`tools/list without a session got HTTP ${list.status}: ${JSON.stringify(list.message ?? {})}`)
    // Two independent clients, interleaved: neither may depend on state the other created.
    const [a, b] = await Promise.all([ctx.open('legacy'), ctx.open('legacy')])
    try {
      const timeoutMs = ctx.timeoutMs
      const [la, lb] = await Promise.all([
        a.raw('tools/list', {}, { timeoutMs }),
        b.raw('tools/list', {}, { timeoutMs }),
      ])
      await b.client.ping({ timeout: timeoutMs })
      await a.client.ping({ timeout: timeoutMs })
      const count = (r: Record<string, unknown>) => (Array.isArray(r.tools) ? r.tools.length : -1)
      if (count(la) !== count(lb)) return fail(`two clients see different first pages (${count(la)} vs ${count(lb)})`)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
    return pass('no session id issued; two independent clients interleave')
  })

  await ctx.check('protocol', 'http-accept', 'missing or unacceptable Accept is refused', async () => {
    if (controlError) return fail(`cannot judge: ${controlError}`)
    const missing = await post({ ...base, accept: undefined })
    const html = await post({ ...base, accept: 'text/html' })
    const bad = [
      ['no Accept', missing.status],
      ['Accept: text/html', html.status],
    ].filter(([, status]) => (status as number) < 400 || (status as number) >= 500)
    return bad.length
      ? fail(bad.map(([what, status]) => `${what} got HTTP ${status}`).join('; '))
      : pass(`HTTP ${missing.status} and ${html.status}`)
  })

  await ctx.check('protocol', 'http-content-type', 'missing or wrong Content-Type is refused', async () => {
    if (controlError) return fail(`cannot judge: ${controlError}`)
    const missing = await post({ ...base, 'content-type': undefined })
    const text = await post({ ...base, 'content-type': 'text/plain' })
    const bad = [
      ['no Content-Type', missing.status],
      ['Content-Type: text/plain', text.status],
    ].filter(([, status]) => (status as number) < 400 || (status as number) >= 500)
    return bad.length
      ? fail(bad.map(([what, status]) => `${what} got HTTP ${status}`).join('; '))
      : pass(`HTTP ${missing.status} and ${text.status}`)
  })
}

const HTTP_CHECKS: Array<[string, string]> = [
  ['http-foreign-origin', 'a foreign Origin is refused'],
  ['http-foreign-host', 'a foreign Host is refused'],
  ['http-stateless', 'requests without a session id work'],
  ['http-accept', 'missing or unacceptable Accept is refused'],
  ['http-content-type', 'missing or wrong Content-Type is refused'],
]

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))

/** One POST; reads until the first JSON-RPC message (SSE streams may stay open), bounded in time and size. */
export function postRaw(
  url: URL,
  headers: Record<string, string | undefined>,
  body: string,
  timeoutMs: number,
): Promise<RawResponse> {
  const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>
  clean['content-length'] = String(Buffer.byteLength(body))
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', headers: clean, timeout: timeoutMs }, (res) => {
      let text = ''
      const finish = () => {
        clearTimeout(timer)
        res.destroy()
        resolve({ status: res.statusCode ?? 0, headers: res.headers, ...parseMessage(text) })
      }
      const timer = setTimeout(finish, timeoutMs)
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
        if (text.length > 1_000_000 || parseMessage(text).message) finish()
      })
      res.on('end', finish)
      res.on('error', finish)
    })
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(body)
  })
}

function parseMessage(text: string): { message?: Record<string, unknown> } {
  const candidates = text.trimStart().startsWith('{')
    ? [text]
    : text
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5))
  for (const candidate of candidates) {
    try {
      const message = JSON.parse(candidate) as Record<string, unknown>
      if ('result' in message || 'error' in message) return { message }
    } catch {}
  }
  return {}
}
