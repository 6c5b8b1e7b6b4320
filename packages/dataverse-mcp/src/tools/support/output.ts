import { z } from 'zod'
import type { SearchHit } from '../../client/types.js'

export const RecordOutput = z.object({
  table: z.string(),
  id: z.string(),
  name: z.string().optional(),
  values: z.record(z.string(), z.unknown()),
  formatted: z.record(z.string(), z.string()),
  untrustedContent: z.record(z.string(), z.string()).optional(),
})

export const SearchResult = z.object({
  table: z.string(),
  id: z.string(),
  name: z.string().optional(),
  score: z.number(),
  /** the record's columns and, under @search.highlights, the matched fragments */
  untrustedContent: z.record(z.string(), z.unknown()),
})

/** A search hit as the knowledge tools return it: all its text is data from the org, never instructions. */
export function toSearchResult(hit: SearchHit): z.infer<typeof SearchResult> {
  return {
    table: hit.table,
    id: hit.id,
    ...(hit.name ? { name: hit.name } : {}),
    score: hit.score,
    untrustedContent: { ...hit.attributes, ...(hit.highlights ? { '@search.highlights': hit.highlights } : {}) },
  }
}

/** Tokens of names and text: lower case, split at non-letters and camelCase, crude plural stripping. */
export function tokens(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1)
    .map((t) => (t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t))
}
