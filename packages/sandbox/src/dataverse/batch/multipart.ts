// Reading and writing the multipart/mixed bodies of $batch requests and responses.

import { badRequest, ErrorCodes } from '../errors.js'
import type { DvResponse } from '../http.js'

export interface BatchRequestPart {
  contentId?: string
  method: string
  url: string
  headers: Headers
  body: string
}

export type BatchItem =
  | { kind: 'request'; request: BatchRequestPart }
  | { kind: 'changeset'; requests: BatchRequestPart[] }

const invalid = (message: string) => badRequest(ErrorCodes.invalidArgument, `Invalid $batch request: ${message}`)

export function boundaryOf(contentType: string | null): string {
  const m = /boundary=("?)([^";]+)\1/i.exec(contentType ?? '')
  if (!/^multipart\/mixed/i.test(contentType ?? '') || !m)
    throw invalid("the Content-Type must be 'multipart/mixed' with a boundary.")
  return m[2] as string
}

function splitParts(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`
  const end = body.indexOf(`${delimiter}--`)
  if (end < 0) throw invalid(`the closing delimiter '${delimiter}--' is missing.`)
  return body
    .slice(0, end)
    .split(delimiter)
    .slice(1)
    .map((p) => p.replace(/^\r?\n/, ''))
}

/** Splits at the first blank line into header lines and the rest. */
function headersAndBody(text: string): { headers: Headers; rest: string } {
  const m = /\r?\n\r?\n/.exec(text)
  const head = m ? text.slice(0, m.index) : text
  const rest = m ? text.slice(m.index + m[0].length) : ''
  const headers = new Headers()
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':')
    if (i > 0) headers.append(line.slice(0, i).trim(), line.slice(i + 1).trim())
  }
  return { headers, rest }
}

function parseRequestPart(text: string): BatchRequestPart {
  const outer = headersAndBody(text)
  if (!/application\/http/i.test(outer.headers.get('Content-Type') ?? ''))
    throw invalid("each part must have 'Content-Type: application/http'.")
  const lines = outer.rest.replace(/^\s*\r?\n/, '')
  const lineEnd = /\r?\n/.exec(lines)
  const requestLine = (lineEnd ? lines.slice(0, lineEnd.index) : lines).trim()
  const m = /^(GET|POST|PATCH|PUT|DELETE)\s+(.+?)(\s+HTTP\/1\.[01])?$/i.exec(requestLine)
  if (!m) throw invalid(`'${requestLine}' is not a request line.`)
  const inner = headersAndBody(lineEnd ? lines.slice(lineEnd.index + lineEnd[0].length) : '')
  // a request without headers starts its body right after the request line's blank line
  return {
    contentId: outer.headers.get('Content-ID') ?? inner.headers.get('Content-ID') ?? undefined,
    method: (m[1] as string).toUpperCase(),
    url: m[2] as string,
    headers: inner.headers,
    body: inner.rest.replace(/\r?\n$/, ''),
  }
}

export function parseBatch(body: string, boundary: string): BatchItem[] {
  return splitParts(body, boundary).map((part) => {
    const { headers, rest } = headersAndBody(part)
    const type = headers.get('Content-Type') ?? ''
    if (/^multipart\/mixed/i.test(type)) {
      return { kind: 'changeset', requests: splitParts(rest, boundaryOf(type)).map(parseRequestPart) }
    }
    return { kind: 'request', request: parseRequestPart(part) }
  })
}

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  412: 'Precondition Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
}

export function formatResponsePart(res: DvResponse, contentId?: string): string {
  const lines = ['Content-Type: application/http', 'Content-Transfer-Encoding: binary']
  if (contentId !== undefined) lines.push(`Content-ID: ${contentId}`)
  lines.push('', `HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ''}`.trimEnd())
  const headers = { ...res.headers, 'OData-Version': '4.0' }
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`)
  lines.push('')
  const body = res.text ?? (res.body === undefined ? '' : JSON.stringify(res.body))
  lines.push(body)
  return lines.join('\r\n')
}
