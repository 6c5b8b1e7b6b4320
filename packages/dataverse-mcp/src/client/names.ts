// Closest-name suggestions for unknown tables and columns: exact case-insensitive matches first,
// then prefixes and substrings, then Damerau-free Levenshtein distance. Deterministic.

export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (!a.length) return b.length
  if (!b.length) return a.length
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

/** Up to `count` candidates closest to `name`, best first. */
export function closestNames(name: string, candidates: Iterable<string>, count = 3): string[] {
  const wanted = name.toLowerCase()
  const scored: Array<{ candidate: string; score: number }> = []
  for (const candidate of new Set(candidates)) {
    const lower = candidate.toLowerCase()
    let score = editDistance(wanted, lower)
    if (lower === wanted) score = -3
    else if (lower.startsWith(wanted) || wanted.startsWith(lower)) score = Math.min(score, 1) - 2
    else if (lower.includes(wanted) || (wanted.length >= 4 && wanted.includes(lower))) score = Math.min(score, 2) - 1
    scored.push({ candidate, score })
  }
  scored.sort(
    (x, y) => x.score - y.score || x.candidate.length - y.candidate.length || (x.candidate < y.candidate ? -1 : 1),
  )
  const limit = Math.max(3, Math.ceil(wanted.length / 2))
  const close = scored.filter((s) => s.score <= limit)
  return (close.length ? close : scored).slice(0, count).map((s) => s.candidate)
}

export function quoteList(names: string[]): string {
  return names.map((n) => `'${n}'`).join(', ')
}

const GUID = /^[{(]?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})[)}]?$/i

/** The canonical lowercase GUID, or undefined when the text is not one. */
export function parseGuid(text: string): string | undefined {
  return GUID.exec(text.trim())?.[1]?.toLowerCase()
}
