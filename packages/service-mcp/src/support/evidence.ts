// The org's history as evidence: resolved cases and published knowledge articles that match a
// case's words (Dataverse search, BM25), the resolutions of those cases, the questions agents
// asked on them, and products the text names. Everything here is deterministic and keeps the ids
// of the records it came from, so every prediction can show its evidence.
import type { DataverseClient } from '@bizmcp/dataverse-mcp'
import { type Activity, anyOf, label, lookup, type Ref, str } from './records.js'
import { articleSections, questions, rankedTerms, round, searchText, sharedTerms, stripSignature } from './text.js'

export interface SimilarCase {
  id: string
  ticketnumber: string
  title: string
  /** search score relative to the best match, 0..1 */
  weight: number
  sharedTerms: string[]
  product?: Ref
  casetypecode?: number
  casetype?: string
  prioritycode?: number
  priority?: string
  statuscode?: number
  satisfaction?: number
  resolution?: { id: string; subject: string; description: string }
}

export interface MatchedArticle {
  id: string
  number: string
  title: string
  weight: number
  sharedTerms: string[]
  sections: Map<string, string[]>
  content: string
}

export interface Evidence {
  /** the case's distinctive terms, most frequent first */
  terms: string[]
  /** the Dataverse search text sent */
  query: string
  cases: SimilarCase[]
  articles: MatchedArticle[]
}

/** The text a case is matched on: title, description and the source activity (signature dropped). */
export function caseText(caseRow: Record<string, unknown>, activity?: Activity): string {
  return [
    str(caseRow, 'title'),
    str(caseRow, 'description'),
    activity ? activity.subject : '',
    activity ? stripSignature(activity.body) : '',
  ]
    .filter(Boolean)
    .join('\n')
}

export async function gatherEvidence(
  client: DataverseClient,
  text: string,
  signal: AbortSignal,
  options: { cases?: number; articles?: number } = {},
): Promise<Evidence> {
  const ranked = rankedTerms(text)
  const query = searchText(ranked)
  if (!query) return { terms: ranked, query, cases: [], articles: [] }
  const [caseHits, articleHits] = await Promise.all([
    client.search(query, {
      tables: ['incident'],
      searchColumns: ['title', 'description'],
      selectColumns: ['title', 'ticketnumber'],
      filter: 'statecode eq 1',
      top: options.cases ?? 10,
      signal,
    }),
    client.search(query, {
      tables: ['knowledgearticle'],
      searchColumns: ['title', 'keywords', 'description', 'content'],
      selectColumns: ['title', 'articlepublicnumber', 'content', 'keywords'],
      filter: 'statecode eq 3',
      top: options.articles ?? 3,
      signal,
    }),
  ])
  const cases = await describeCases(
    client,
    ranked,
    caseHits.hits.map((h) => ({ id: h.id, score: h.score })),
    signal,
  )
  const bestArticle = Math.max(0, ...articleHits.hits.map((h) => h.score))
  const articles = articleHits.hits.map((h): MatchedArticle => {
    const content = typeof h.attributes.content === 'string' ? h.attributes.content : ''
    const title = typeof h.attributes.title === 'string' ? h.attributes.title : (h.name ?? '')
    return {
      id: h.id,
      number: String(h.attributes.articlepublicnumber ?? ''),
      title,
      weight: bestArticle ? round(h.score / bestArticle) : 0,
      sharedTerms: sharedTerms(ranked, `${title} ${String(h.attributes.keywords ?? '')} ${content}`),
      sections: articleSections(content),
      content,
    }
  })
  return { terms: ranked, query, cases, articles }
}

async function describeCases(
  client: DataverseClient,
  ranked: string[],
  hits: Array<{ id: string; score: number }>,
  signal: AbortSignal,
): Promise<SimilarCase[]> {
  if (!hits.length) return []
  const ids = hits.map((h) => h.id)
  const [rows, resolutions] = await Promise.all([
    client.query('incidents', {
      select: [
        'incidentid',
        'title',
        'ticketnumber',
        'description',
        'casetypecode',
        'prioritycode',
        'statuscode',
        'customersatisfactioncode',
        '_productid_value',
      ],
      filter: anyOf('incidentid', ids),
      formatted: true,
      signal,
    }),
    client.query('incidentresolutions', {
      select: ['activityid', 'subject', 'description', '_incidentid_value', 'createdon'],
      filter: anyOf('_incidentid_value', ids),
      orderby: 'createdon desc',
      signal,
    }),
  ])
  const byId = new Map(rows.rows.map((r) => [String(r.incidentid), r]))
  const resolutionOf = new Map<string, Record<string, unknown>>()
  for (const r of resolutions.rows) {
    const id = String(r._incidentid_value)
    if (!resolutionOf.has(id)) resolutionOf.set(id, r)
  }
  const best = Math.max(...hits.map((h) => h.score))
  return hits.flatMap((hit): SimilarCase[] => {
    const row = byId.get(hit.id)
    if (!row) return []
    const resolution = resolutionOf.get(hit.id)
    const num = (c: string) => (typeof row[c] === 'number' ? (row[c] as number) : undefined)
    const product = lookup(row, 'productid')
    const similar: SimilarCase = {
      id: hit.id,
      ticketnumber: str(row, 'ticketnumber'),
      title: str(row, 'title'),
      weight: best > 0 ? round(hit.score / best) : 0,
      sharedTerms: sharedTerms(ranked, `${str(row, 'title')} ${str(row, 'description')}`),
      ...(product ? { product } : {}),
    }
    const set = <K extends keyof SimilarCase>(key: K, value: SimilarCase[K] | undefined) => {
      if (value !== undefined) similar[key] = value
    }
    set('casetypecode', num('casetypecode'))
    set('casetype', label(row, 'casetypecode'))
    set('prioritycode', num('prioritycode'))
    set('priority', label(row, 'prioritycode'))
    set('statuscode', num('statuscode'))
    set('satisfaction', num('customersatisfactioncode'))
    if (resolution)
      similar.resolution = {
        id: String(resolution.activityid),
        subject: str(resolution, 'subject'),
        description: str(resolution, 'description'),
      }
    return [similar]
  })
}

/** How strongly the best match agrees with the case: shared terms of the closest case, 4 or more is full. */
export function matchStrength(evidence: Evidence): number {
  const top = Math.max(0, ...evidence.cases.slice(0, 3).map((c) => c.sharedTerms.length))
  return Math.min(1, top / 4)
}

export interface Vote<T> {
  value: T
  label?: string
  /** weighted share of the neighbours agreeing, 0..1 */
  share: number
  cases: string[]
}

/** Weighted vote of the similar cases on one field. */
export function vote<T extends string | number>(
  cases: SimilarCase[],
  pick: (c: SimilarCase) => { value: T; label?: string } | undefined,
): Vote<T> | undefined {
  const tally = new Map<T, { weight: number; label?: string; cases: string[] }>()
  let total = 0
  for (const c of cases) {
    const choice = pick(c)
    if (!choice) continue
    total += c.weight
    const entry = tally.get(choice.value) ?? { weight: 0, cases: [], ...(choice.label ? { label: choice.label } : {}) }
    entry.weight += c.weight
    entry.cases.push(c.id)
    tally.set(choice.value, entry)
  }
  let winner: [T, { weight: number; label?: string; cases: string[] }] | undefined
  for (const entry of tally) if (!winner || entry[1].weight > winner[1].weight) winner = entry
  if (!winner || total === 0) return undefined
  return {
    value: winner[0],
    ...(winner[1].label ? { label: winner[1].label } : {}),
    share: round(winner[1].weight / total),
    cases: winner[1].cases,
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export interface ProductMention {
  product: Ref
  /** the words in the text that named it */
  matched: string
  /** where it was first named: 0 = title or subject, 1 = body */
  where: number
}

/** Products whose name or model code (e.g. VX-200) the text names, best first. */
export async function productsMentioned(
  client: DataverseClient,
  title: string,
  body: string,
  signal: AbortSignal,
): Promise<ProductMention[]> {
  const { rows } = await client.query('products', {
    select: ['productid', 'name', 'productnumber'],
    filter: 'statecode eq 0',
    pageSize: 500,
    signal,
  })
  const found: ProductMention[] = []
  for (const row of rows) {
    const name = str(row, 'name')
    const short = name.replace(/\s*\(.*\)$/, '')
    const codes = [short, ...short.split(/\s+/).filter((w) => /\d/.test(w) && /[a-z]/i.test(w))]
    const number = str(row, 'productnumber')
    if (number) codes.push(number)
    for (const [where, text] of [title, body].entries()) {
      const hit = codes.find(
        (code) => code.length > 2 && new RegExp(`(^|\\W)${escapeRegExp(code)}(\\W|$)`, 'i').test(text),
      )
      if (hit) {
        found.push({ product: { table: 'product', id: String(row.productid), name }, matched: hit, where })
        break
      }
    }
  }
  // a full name beats a model code, the title beats the body
  return found.sort((a, b) => a.where - b.where || b.matched.length - a.matched.length)
}

/** Questions agents asked in their replies on the given cases, with the emails they came from. */
export async function agentQuestions(
  client: DataverseClient,
  caseIds: string[],
  signal: AbortSignal,
): Promise<Array<{ text: string; emails: string[]; cases: string[] }>> {
  if (!caseIds.length) return []
  const { rows } = await client.query('emails', {
    select: ['activityid', 'description', '_regardingobjectid_value', 'createdon'],
    filter: `directioncode eq true and statecode eq 1 and (${anyOf('_regardingobjectid_value', caseIds)})`,
    orderby: 'createdon asc',
    signal,
  })
  const out = new Map<string, { text: string; emails: string[]; cases: Set<string> }>()
  for (const row of rows) {
    for (const q of questions(stripSignature(str(row, 'description')))) {
      const key = q.toLowerCase()
      const entry = out.get(key) ?? { text: q, emails: [], cases: new Set<string>() }
      entry.emails.push(String(row.activityid))
      entry.cases.add(String(row._regardingobjectid_value))
      out.set(key, entry)
    }
  }
  return [...out.values()]
    .map((e) => ({ text: e.text, emails: e.emails, cases: [...e.cases] }))
    .sort((a, b) => b.cases.length - a.cases.length)
}
