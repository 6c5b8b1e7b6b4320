// Plain-text helpers for grounding: terms of a case or email, a Dataverse search query built from
// them, term overlap (the "why" of every match), and knowledge article HTML to sections.

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further had has have having he her here hers him his
  how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over
  own same she should so some such than that the their theirs them then there these they this those through to too under
  until up very was we were what when where which while who whom why will with would you your yours yourself please thanks
  thank hello hi dear regards best kind cheers team support case let know get got see seen still already since ago like
  one two three four five six via per us let's i'm we're it's don't can't doesn't isn't re fw fwd sent subject
  advise need needs help issue problem question yes okay ok may might must shall around every some`.split(/\s+/),
)

/** Lower-case word tokens without stop words, pure numbers or one- and two-letter fragments. */
export function terms(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 2 && !STOPWORDS.has(t) && !/^\d+$/.test(t))
}

/** Drops an email's signature and quoted history, so names and titles do not count as terms. */
export function stripSignature(body: string): string {
  const lines = body.split(/\r?\n/)
  const end = lines.findIndex((line, i) => {
    const l = line.trim()
    return (
      i > 0 &&
      (/^(thanks|thank you|many thanks|best regards|best|regards|kind regards|cheers|sincerely)[,!.]?$/i.test(l) ||
        /^-{2,}\s*(original message)?/i.test(l) ||
        /^(from|on .+ wrote):/i.test(l))
    )
  })
  return (end < 0 ? lines : lines.slice(0, end))
    .filter((line) => !/^(hello|hi|dear)\b[^.?!]{0,40},?$/i.test(line.trim()))
    .join('\n')
}

/** Distinct terms, most frequent first, then in order of appearance. */
export function rankedTerms(text: string): string[] {
  const counts = new Map<string, number>()
  for (const t of terms(text)) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t)
}

/** A Dataverse search text (any of the words, at most `max` characters) from ranked terms. */
export function searchText(ranked: string[], max = 100): string {
  let out = ''
  for (const term of ranked) {
    const next = out ? `${out} ${term}` : term
    if (next.length > max) continue
    out = next
  }
  return out
}

/** The query terms that also occur in the text, in query order. */
export function sharedTerms(query: string[], text: string): string[] {
  const present = new Set(terms(text))
  return query.filter((t) => present.has(t))
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10))
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<li[^>]*>/gi, '\n- ')
      .replace(/<\/(p|h[1-6]|ul|ol|div)>|<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim()
}

/** Sections of a knowledge article by heading (Summary, Symptoms, Cause, Resolution …); list items as lines. */
export function articleSections(html: string): Map<string, string[]> {
  const sections = new Map<string, string[]>()
  const parts = html.split(/<h[1-6][^>]*>/i).slice(1)
  for (const part of parts) {
    const [heading = '', body = ''] = part.split(/<\/h[1-6]>/i)
    const items = [...body.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/gi)].map((m) => htmlToText(m[1] ?? ''))
    sections.set(htmlToText(heading).toLowerCase(), items.length ? items : [htmlToText(body)].filter(Boolean))
  }
  return sections
}

/** Sentences that end with a question mark, trimmed. */
export function questions(text: string): string[] {
  return (text.match(/[^.?!\n]+\?/g) ?? []).map((q) => q.trim()).filter((q) => q.length > 15)
}

/** An email subject without reply prefixes and a trailing case number in brackets. */
export function cleanSubject(subject: string): string {
  return subject
    .replace(/^\s*((re|fw|fwd|aw|wg)\s*:\s*)+/i, '')
    .replace(/\s*\[[A-Z]{2,5}-[0-9A-Z-]+\]\s*$/, '')
    .trim()
}

export const round = (n: number) => Math.round(n * 100) / 100

/** a confidence: rounded, and never certain — the org's history is evidence, not proof */
export const confidence = (n: number) => Math.min(0.95, Math.max(0, round(n)))
