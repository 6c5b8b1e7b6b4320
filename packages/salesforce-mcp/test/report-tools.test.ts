// listReports and getReport against the Analytics REST API, both eras.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERAS, errorBody, ok, startEnv, type TestEnv } from './helpers.js'

let env: TestEnv
beforeAll(async () => {
  env = await startEnv()
})
afterAll(() => env.close())

for (const era of ERAS) {
  describe(`report tools (${era})`, () => {
    it('finds reports by name and runs one with groups, totals and detail rows', async () => {
      const { client, close } = await env.connect({ era })
      const all = ok(await client.callTool({ name: 'listReports', arguments: {} }))
      expect(all.reports.length).toBeGreaterThan(2)
      const found = ok(await client.callTool({ name: 'listReports', arguments: { search: 'pipeline' } }))
      expect(found.reports.map((r: { name: string }) => r.name)).toContain('Pipeline by Stage')
      const id = found.reports.find((r: { name: string }) => r.name === 'Pipeline by Stage').id
      const run = ok(await client.callTool({ name: 'getReport', arguments: { reportId: id, maxRows: 5 } }))
      expect(run).toMatchObject({ name: 'Pipeline by Stage', format: 'SUMMARY' })
      expect(run.rows[0]).toHaveProperty('Opportunity Name')
      expect(run.groups.length).toBeGreaterThan(1)
      expect(run.groups.every((g: { aggregates: unknown[] }) => g.aggregates.length === 2)).toBe(true)
      expect(run.rows).toHaveLength(5)
      expect(run.rowsTruncated).toBe(true)
      expect(run.rows[0]).toHaveProperty('group')
      const [open] = (await env.client.query('SELECT SUM(Amount) s FROM Opportunity WHERE IsClosed = false')).records
      expect(Number(run.totals[0].value)).toBeCloseTo(Number(open?.s))
      const filtered = ok(
        await client.callTool({
          name: 'getReport',
          arguments: {
            reportId: id,
            maxRows: 0,
            filters: [{ column: 'STAGE_NAME', operator: 'equals', value: 'Prospecting' }],
          },
        }),
      )
      expect(filtered.groups.map((g: { label: string }) => g.label)).toEqual(['Prospecting'])
      expect(filtered.rows).toEqual([])
      await close()
    })

    it('reports an unknown report id', async () => {
      const { client, close } = await env.connect({ era })
      const missing = errorBody(
        await client.callTool({ name: 'getReport', arguments: { reportId: '00O8d0000009ZZZAAA' } }),
      )
      expect(['NotFound', 'InvalidInput', 'VendorError']).toContain(missing.code)
      expect(missing.message).toMatch(/Salesforce/)
      await close()
    })
  })
}
