// Splits a Web API resource path into segments: `accounts(<id>)/contact_customer_accounts/$ref`.

import { splitTopLevel } from '../../shared/odata/split.js'

export interface Segment {
  name: string
  /** text inside parentheses, e.g. a GUID or `LogicalName='account'` */
  key?: string
}

export function parseSegments(apiPath: string): Segment[] {
  return splitTopLevel(apiPath.replace(/^\//, ''), '/').map((raw) => {
    const text = safeDecode(raw)
    const open = text.indexOf('(')
    if (open < 0 || !text.endsWith(')')) return { name: text }
    return { name: text.slice(0, open), key: text.slice(open + 1, -1) }
  })
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** `<guid>` or `{<guid>}` → lowercase GUID; undefined when the key is something else. */
export function guidKey(key: string | undefined): string | undefined {
  if (!key) return undefined
  const text = key.replace(/^\{|\}$/g, '')
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text)
    ? text.toLowerCase()
    : undefined
}
