// The internal response shape: dispatching is synchronous so that $batch change sets
// can run inside one SQLite transaction without other requests interleaving.

import { DataverseError, errorBody } from './errors.js'

export interface DvResponse {
  status: number
  headers: Record<string, string>
  /** JSON value, raw text, or nothing */
  body?: unknown
  text?: string
}

export interface DvRequest {
  method: string
  /** absolute URL of the request, used for nextLink and @odata.context */
  url: URL
  /** path after /api/data/v9.2, e.g. `/accounts(…)` */
  apiPath: string
  headers: Headers
  bodyText: string
}

const JSON_TYPE = 'application/json; odata.metadata=minimal'

export function json(status: number, body: unknown, headers: Record<string, string> = {}): DvResponse {
  return { status, body, headers: { 'Content-Type': JSON_TYPE, ...headers } }
}

export function noContent(headers: Record<string, string> = {}): DvResponse {
  return { status: 204, headers }
}

export function fromError(err: unknown): DvResponse {
  if (err instanceof DataverseError) return json(err.status, errorBody(err), err.headers)
  const message = err instanceof Error ? err.message : String(err)
  return json(500, { error: { code: '0x80040216', message: `An unexpected error occurred: ${message}` } })
}

export function toFetchResponse(res: DvResponse): Response {
  const headers = new Headers(res.headers)
  headers.set('OData-Version', '4.0')
  if (res.status === 204 || (res.body === undefined && res.text === undefined)) {
    return new Response(null, { status: res.status, headers })
  }
  const body = res.text ?? JSON.stringify(res.body)
  return new Response(body, { status: res.status, headers })
}

/** `Prefer` header preferences: `return=representation`, `odata.maxpagesize=N`, `odata.include-annotations="*"` … */
export interface Preferences {
  returnRepresentation: boolean
  maxPageSize?: number
  includeAnnotations?: string
  continueOnError: boolean
}

export function parsePrefer(headers: Headers): Preferences {
  const prefs: Preferences = { returnRepresentation: false, continueOnError: false }
  const raw = headers.get('Prefer')
  if (!raw) return prefs
  for (const part of splitPreferences(raw)) {
    const eq = part.indexOf('=')
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase()
    const value =
      eq < 0
        ? ''
        : part
            .slice(eq + 1)
            .trim()
            .replace(/^"|"$/g, '')
    if (key === 'return' && value === 'representation') prefs.returnRepresentation = true
    else if (key === 'odata.maxpagesize') {
      const n = Number(value)
      if (Number.isInteger(n) && n > 0) prefs.maxPageSize = n
    } else if (key === 'odata.include-annotations') prefs.includeAnnotations = value
    else if (key === 'odata.continue-on-error') prefs.continueOnError = true
  }
  return prefs
}

// Commas inside a quoted annotation list (`odata.include-annotations="a,b"`) don't separate preferences.
function splitPreferences(raw: string): string[] {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (const ch of raw) {
    if (ch === '"') quoted = !quoted
    if (ch === ',' && !quoted) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  if (current.trim()) parts.push(current)
  return parts
}
