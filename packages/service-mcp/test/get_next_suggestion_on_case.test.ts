// get_next_suggestion_on_case through MCP: next steps ranked from similar resolved cases and
// knowledge articles, each with why and the records it came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, myOpenCaseWithEmail, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
let target: Awaited<ReturnType<typeof myOpenCaseWithEmail>>
/** the article the agent pointed the customer to in the first reply (the seed's ground truth) */
let expectedArticle: string
beforeAll(async () => {
  env = await startEnv()
  target = await myOpenCaseWithEmail(env.client, env.userId)
  const replies = await env.client.query('emails', {
    select: ['description'],
    filter: `_regardingobjectid_value eq ${target.caseId} and directioncode eq true`,
  })
  const number = /KA-\d{5}/.exec(replies.rows.map((r) => String(r.description)).join('\n'))?.[0]
  const article = await env.client.query('knowledgearticles', {
    select: ['knowledgearticleid'],
    filter: `articlepublicnumber eq '${number}'`,
  })
  expectedArticle = String(article.rows[0]?.knowledgearticleid)
})
afterAll(() => env.close())

type Suggestion = { kind: string; confidence: number; why: string; sources: string[]; untrustedText: string }

for (const era of ERAS) {
  describe(`get_next_suggestion_on_case (${era})`, () => {
    it('ranks fixes of similar resolved cases and the matching article, with why and sources', async () => {
      const { client, close } = await env.connect({ era })
      const out = ok<{ suggestions: Suggestion[] }>(
        await client.callTool({
          name: 'get_next_suggestion_on_case',
          arguments: { caseId: target.caseId, activityId: target.emailId },
        }),
      )
      const s = out.suggestions
      expect(s.length).toBeGreaterThanOrEqual(2)
      expect(s.map((x) => x.confidence)).toEqual([...s.map((x) => x.confidence)].sort((a, b) => b - a))
      for (const x of s) {
        expect(x.confidence).toBeGreaterThanOrEqual(0)
        expect(x.confidence).toBeLessThanOrEqual(1)
        expect(x.sources.length).toBeGreaterThan(0)
        expect(x.untrustedText.length).toBeGreaterThan(0)
      }
      const resolution = s.find((x) => x.kind === 'resolution')!
      expect(resolution.sources.some((r) => r.startsWith('incidentresolution:'))).toBe(true)
      expect(resolution.why).toMatch(/closest resolved cases .*shared terms/)
      const article = s.find((x) => x.kind === 'article')!
      expect(s.filter((x) => x.kind === 'article')[0]?.sources).toEqual([`knowledgearticle:${expectedArticle}`])
      expect(article.why).toContain('shared terms')
      // the best fix was recorded on resolved cases, which exist and are resolved
      const firstCase = resolution.sources.find((r) => r.startsWith('incident:'))!.slice('incident:'.length)
      expect((await env.client.retrieve('incidents', firstCase, { select: ['statecode'] })).statecode).toBe(1)
      await close()
    })

    it('works from the case alone, and refuses an unknown case', async () => {
      const { client, close } = await env.connect({ era })
      const out = ok<{ suggestions: Suggestion[] }>(
        await client.callTool({ name: 'get_next_suggestion_on_case', arguments: { caseId: target.caseId } }),
      )
      expect(out.suggestions[0]).toBeDefined()
      const missing = errorBody(
        await client.callTool({
          name: 'get_next_suggestion_on_case',
          arguments: { caseId: '00000000-0000-4000-8000-00000000beef' },
        }),
      )
      expect(missing.code).toBe('NotFound')
      await close()
    })
  })
}
