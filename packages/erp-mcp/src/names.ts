// Close names for "did you mean" fixes, and keyword matching for the search tools.

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

/** Up to `count` candidates nearest to `name` (ignoring case), containment first. */
export function closestNames(name: string, candidates: readonly string[], count = 3): string[] {
  const wanted = name.toLowerCase()
  const limit = Math.max(3, Math.floor(wanted.length / 2))
  return candidates
    .map((candidate) => {
      const lower = candidate.toLowerCase()
      return { candidate, contains: lower.includes(wanted) || wanted.includes(lower), score: distance(wanted, lower) }
    })
    .filter((c) => c.contains || c.score <= limit)
    .sort(
      (a, b) => Number(b.contains) - Number(a.contains) || a.score - b.score || a.candidate.localeCompare(b.candidate),
    )
    .slice(0, count)
    .map((c) => c.candidate)
}

/** Lower-case word stems of a name or text: camelCase and digits split, plural `s` dropped. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1)
    .map(stem)
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

/**
 * How well keywords match weighted texts: each keyword counts once, at the weight of the best
 * text it appears in (whole word, or as a prefix of a word for keywords of 3+ letters).
 */
export function matchScore(keywords: string[], texts: Array<{ text: string; weight: number }>): number {
  const indexed = texts.map((t) => ({ words: words(t.text), weight: t.weight }))
  let score = 0
  for (const keyword of keywords) {
    let best = 0
    for (const { words: ws, weight } of indexed) {
      if (ws.includes(keyword)) best = Math.max(best, weight)
      else if (keyword.length >= 3 && ws.some((w) => w.startsWith(keyword) || (keyword.startsWith(w) && w.length >= 4)))
        best = Math.max(best, weight / 2)
    }
    score += best
  }
  return score
}
