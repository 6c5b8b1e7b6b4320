// list_knowledge_sources, retrieve_knowledge and search_data over Dataverse search
// (POST /api/search/v2.0/query, GET /api/search/v2.0/status) on the demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

type Result = { table: string; id: string; name?: string; score: number; untrustedContent: Record<string, unknown> }

for (const era of ERAS) {
  describe(`knowledge tools (${era})`, () => {
    it('list_knowledge_sources lists the search-enabled tables and columns', async () => {
      const { client, close } = await env.connect({ era })
      const out = ok(await client.callTool({ name: 'list_knowledge_sources', arguments: {} }))
      const article = out.sources.find((s: { table: string }) => s.table === 'knowledgearticle')
      expect(article).toBeTruthy()
      expect(article.searchColumns.length).toBeGreaterThan(0)
      expect(out.sources.map((s: { table: string }) => s.table)).not.toContain('systemuser')
      await close()
    })

    it('retrieve_knowledge finds articles by relevance and marks their text as data', async () => {
      const { client, close } = await env.connect({ era })
      const out = ok<{ source: string; results: Result[] }>(
        await client.callTool({
          name: 'retrieve_knowledge',
          arguments: { source: 'knowledgearticle', query: 'LTE gateway', top: 3 },
        }),
      )
      expect(out.source).toBe('knowledgearticle')
      expect(out.results.length).toBeGreaterThan(0)
      expect(out.results.length).toBeLessThanOrEqual(3)
      const first = out.results[0]!
      expect(first.table).toBe('knowledgearticle')
      expect(JSON.stringify(first.untrustedContent)).toMatch(/LTE/i)
      const scores = out.results.map((r) => r.score)
      expect([...scores].sort((a, b) => b - a)).toEqual(scores)
      await close()
    })

    it('retrieve_knowledge names the closest source on a typo', async () => {
      const { client, close } = await env.connect({ era })
      const error = errorBody(
        await client.callTool({
          name: 'retrieve_knowledge',
          arguments: { source: 'knowledgearticel', query: 'reset' },
        }),
      )
      expect(error.code).toBe('NotFound')
      expect(error.message).toContain('knowledgearticle')
      await close()
    })

    it('search_data searches across tables and pages with a cursor', async () => {
      const { client, close } = await env.connect({ era })
      const first = ok<{ results: Result[]; total?: number; nextCursor?: string }>(
        await client.callTool({ name: 'search_data', arguments: { query: 'vibration', top: 2 } }),
      )
      expect(first.results.length).toBe(2)
      expect(first.total).toBeGreaterThan(2)
      expect(first.nextCursor).toBeTruthy()
      const second = ok<{ results: Result[] }>(
        await client.callTool({
          name: 'search_data',
          arguments: { query: 'vibration', top: 2, cursor: first.nextCursor },
        }),
      )
      expect(second.results[0]?.id).not.toBe(first.results[0]?.id)
      const accounts = ok<{ results: Result[] }>(
        await client.callTool({ name: 'search_data', arguments: { query: 'vibration', tables: ['account'] } }),
      )
      expect(accounts.results.every((r) => r.table === 'account')).toBe(true)
      await close()
    })

    it('search_data refuses an empty query and unknown tables', async () => {
      const { client, close } = await env.connect({ era })
      expect(errorBody(await client.callTool({ name: 'search_data', arguments: { query: '' } })).code).toBe(
        'InvalidInput',
      )
      const unknown = errorBody(
        await client.callTool({ name: 'search_data', arguments: { query: 'pump', tables: ['acount'] } }),
      )
      expect(unknown.code).toBe('NotFound')
      expect(unknown.message).toContain("'account'")
      await close()
    })
  })
}
