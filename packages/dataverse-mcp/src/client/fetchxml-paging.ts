// Paging attributes on the <fetch> element: page, count and the paging cookie the previous page
// returned (Dataverse's `@Microsoft.Dynamics.CRM.fetchxmlpagingcookie`, whose `pagingcookie`
// attribute is URL-encoded twice and goes back XML-escaped in `paging-cookie`).

const FETCH_OPEN = /<fetch\b([^>]*?)(\/?)>/
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

export function fetchAttributes(xml: string): Record<string, string> {
  const open = FETCH_OPEN.exec(xml)
  const out: Record<string, string> = {}
  if (!open) return out
  for (const m of (open[1] ?? '').matchAll(ATTRIBUTE)) out[(m[1] ?? '').toLowerCase()] = unescapeXml(m[2] ?? m[3] ?? '')
  return out
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Replaces (or adds) attributes on the <fetch> element, keeping the rest byte for byte. */
export function setFetchAttributes(xml: string, values: Record<string, string | undefined>): string {
  const open = FETCH_OPEN.exec(xml)
  if (!open) return xml
  const drop = new Set(Object.keys(values).map((k) => k.toLowerCase()))
  const kept = [...(open[1] ?? '').matchAll(ATTRIBUTE)]
    .filter((m) => !drop.has((m[1] ?? '').toLowerCase()))
    .map((m) => m[0])
  const added = Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => `${k}="${escapeXml(v)}"`)
  const tag = `<fetch ${[...kept, ...added].join(' ')}${open[2] ?? ''}>`
  return xml.slice(0, open.index) + tag + xml.slice(open.index + open[0].length)
}

/** The inner paging cookie from the annotation's value, decoded, or undefined. */
export function pagingCookieFrom(annotation: unknown): string | undefined {
  if (typeof annotation !== 'string') return undefined
  const m = /pagingcookie="([^"]*)"/.exec(annotation)
  if (!m?.[1]) return undefined
  try {
    return decodeURIComponent(decodeURIComponent(m[1]))
  } catch {
    return undefined
  }
}
