// Parsing SOQL with @jetstreamapp/soql-parser-js, and errors that point at the place in the query
// the way Salesforce does ("ERROR at Row:1:Column:8").
import type { Query } from '@jetstreamapp/soql-parser-js'
import { SalesforceError } from '../errors.js'

type SoqlParser = typeof import('@jetstreamapp/soql-parser-js')
let parser: SoqlParser | undefined

/**
 * Loads the SOQL parser, which takes about half a second to import: the emulator awaits this
 * before its first REST call, so that importing the sandbox (every product bin does) stays cheap.
 */
export async function loadSoqlParser(): Promise<void> {
  parser ??= await import('@jetstreamapp/soql-parser-js')
}

/** An error about the query text, with Salesforce's row/column pointer when the place is known. */
export function queryError(errorCode: string, soql: string, message: string, offset?: number): SalesforceError {
  if (offset === undefined || offset < 0) return new SalesforceError(400, errorCode, message)
  const before = soql.slice(0, offset)
  const row = before.split('\n').length
  const lineStart = before.lastIndexOf('\n') + 1
  const column = offset - lineStart + 1
  const line = soql.slice(lineStart).split('\n')[0]
  return new SalesforceError(
    400,
    errorCode,
    `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${message}`,
  )
}

/** Where a word first occurs in the query (whole word, any case), to point errors at it. */
export function offsetOf(soql: string, word: string): number | undefined {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const match = new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`, 'i').exec(soql)
  return match?.index
}

export function parseSoql(soql: string): Query {
  if (!soql.trim())
    throw new SalesforceError(400, 'MALFORMED_QUERY', 'A query string must be given in the q parameter.')
  if (!parser) throw new Error('The SOQL parser is not loaded: await loadSoqlParser() first.')
  try {
    return parser.parseQuery(soql)
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    // The parser names the token it stumbled on; point at it (or at the end for a truncated query).
    const found = text.match(/found[:\s-]*>?\s*'([^']*)'/)?.[1]
    const offset = found ? offsetOf(soql, found) : soql.length
    const what = found ? `unexpected token: '${found}'` : 'unexpected end of query'
    throw queryError('MALFORMED_QUERY', soql, what, offset ?? soql.length)
  }
}
