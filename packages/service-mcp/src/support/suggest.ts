// Next steps for a case, ranked: fixes that resolved similar cases, matching knowledge articles,
// and the questions agents asked on similar cases. Confidence is a weighted share of the evidence
// times how closely the best cases match, so it can be explained in one sentence.
import type { DataverseClient } from '@bizmcp/dataverse-mcp'
import { z } from 'zod'
import {
  agentQuestions,
  caseText,
  type Evidence,
  gatherEvidence,
  type MatchedArticle,
  matchStrength,
} from './evidence.js'
import { type Activity, lookup, type Ref, refText } from './records.js'
import { confidence as conf } from './text.js'

export const SuggestionOutput = z.object({
  kind: z.enum(['resolution', 'article', 'ask']),
  confidence: z.number(),
  why: z.string(),
  sources: z.array(z.string()),
  untrustedText: z.string(),
})
export type Suggestion = z.infer<typeof SuggestionOutput> & {
  title: string
  terms: string[]
  sameProduct: boolean
  refs: Ref[]
}

export interface Suggestions {
  evidence: Evidence
  suggestions: Suggestion[]
  /** the best article's resolution steps, for drafting */
  steps?: { article: MatchedArticle; items: string[] }
}

/** source cases listed per suggestion (the count in why covers all) */
const MAX_CASES = 5

const sameProductArticle = (article: MatchedArticle, productName: string | undefined) =>
  Boolean(productName) && (article.sections.get('applies to') ?? []).some((p) => p === productName)

export async function suggest(
  client: DataverseClient,
  caseRow: Record<string, unknown>,
  activity: Activity | undefined,
  signal: AbortSignal,
): Promise<Suggestions> {
  const evidence = await gatherEvidence(client, caseText(caseRow, activity), signal)
  const strength = matchStrength(evidence)
  const product = lookup(caseRow, 'productid')
  const out: Array<Omit<Suggestion, 'sources'>> = []

  // fixes of similar resolved cases, grouped by their resolution text
  const withFix = evidence.cases.filter((c) => c.resolution?.description)
  const total = withFix.reduce((sum, c) => sum + c.weight, 0)
  const groups = new Map<string, typeof withFix>()
  for (const c of withFix) {
    const key = (c.resolution?.description ?? '').trim()
    groups.set(key, [...(groups.get(key) ?? []), c])
  }
  for (const [text, cases] of groups) {
    const weight = cases.reduce((sum, c) => sum + c.weight, 0)
    const shared = [...new Set(cases.flatMap((c) => c.sharedTerms))]
    const sameProduct = Boolean(product) && cases.some((c) => c.product?.id === product?.id)
    const satisfied = cases.filter((c) => (c.satisfaction ?? 0) >= 4).length
    const confidence = conf((weight / total) * strength)
    out.push({
      kind: 'resolution',
      title: `Apply the fix that resolved ${cases.length} similar case${cases.length > 1 ? 's' : ''}`,
      confidence,
      why: `${cases.length} of ${withFix.length} closest resolved cases were closed with this resolution (${satisfied} with a satisfied customer); shared terms: ${shared.slice(0, 6).join(', ')}${sameProduct ? '; same product' : ''}.`,
      terms: shared,
      sameProduct,
      refs: cases
        .slice(0, MAX_CASES)
        .flatMap((c) => [
          { table: 'incident', id: c.id, name: c.ticketnumber },
          ...(c.resolution ? [{ table: 'incidentresolution', id: c.resolution.id }] : []),
        ]),
      untrustedText: text,
    })
  }

  // knowledge articles
  let steps: Suggestions['steps']
  for (const article of evidence.articles) {
    const sameProduct = sameProductArticle(article, product?.name)
    const termStrength = Math.min(1, article.sharedTerms.length / 6)
    const confidence = conf(article.weight * termStrength * (sameProduct || !product ? 1 : 0.8))
    const resolution = article.sections.get('resolution') ?? article.sections.get('steps') ?? []
    const summary = article.sections.get('summary')?.join(' ') ?? ''
    if (!steps && resolution.length) steps = { article, items: resolution }
    out.push({
      kind: 'article',
      title: `Follow knowledge article ${article.number}`,
      confidence,
      why: `Search score ${Math.round(article.weight * 100)}% of the best article's; shared terms: ${article.sharedTerms.slice(0, 6).join(', ') || 'none'}${sameProduct ? "; applies to the case's product" : ''}.`,
      terms: article.sharedTerms,
      sameProduct,
      refs: [{ table: 'knowledgearticle', id: article.id, name: article.number }],
      untrustedText: [summary, ...resolution.map((s, i) => `${i + 1}. ${s}`)].filter(Boolean).join('\n'),
    })
  }

  // what agents asked first on the closest cases
  const closest = evidence.cases.slice(0, 5)
  const asked = (
    await agentQuestions(
      client,
      closest.map((c) => c.id),
      signal,
    )
  ).slice(0, 3)
  if (asked.length) {
    const cases = new Set(asked.flatMap((q) => q.cases))
    out.push({
      kind: 'ask',
      title: 'Ask what agents asked on similar cases',
      confidence: conf((cases.size / Math.max(1, closest.length)) * strength * 0.9),
      why: `Agents asked these questions on ${cases.size} of the ${closest.length} closest resolved cases before resolving them.`,
      terms: [],
      sameProduct: Boolean(product) && closest.some((c) => cases.has(c.id) && c.product?.id === product?.id),
      refs: asked.flatMap((q) => q.emails.slice(0, 2).map((id) => ({ table: 'email', id }))),
      untrustedText: asked.map((q) => q.text).join('\n'),
    })
  }

  const order = { resolution: 0, article: 1, ask: 2 }
  const suggestions = out
    .sort((a, b) => b.confidence - a.confidence || order[a.kind] - order[b.kind])
    .map((s) => ({ ...s, sources: s.refs.map(refText) }))
  return { evidence, suggestions, ...(steps ? { steps } : {}) }
}
