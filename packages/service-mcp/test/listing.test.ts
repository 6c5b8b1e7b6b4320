// The tools as data: exact names, toolsets, annotations, consent, and the token cost of the
// listing a model reads on every turn (o200k, description and both schemas included).
import { createServer } from '@bizmcp/core'
import { getEncoding } from 'js-tiktoken'
import { describe, expect, it } from 'vitest'
import { serviceModule } from '../src/index.js'

const server = createServer([{ product: serviceModule.product, client: {} }])
const enc = getEncoding('o200k_base')

describe('service tool listing', () => {
  it('has the official tool names and one toolset each', () => {
    expect(server.tools.map((t) => t.tool.name)).toEqual([
      'list_cases',
      'enrich_case',
      'get_next_suggestion_on_case',
      'draft_email_with_suggested_response',
      'send_email',
      'resolve_incident',
    ])
    for (const t of server.tools) expect(Object.keys(serviceModule.product.toolsets)).toContain(t.tool.toolset)
  })

  it('marks only send_email destructive, with consent; read-only tools are read-only', () => {
    const by = Object.fromEntries(server.tools.map((t) => [t.tool.name, t.tool]))
    expect(by.send_email?.annotations.destructiveHint).toBe(true)
    expect(by.send_email?.consent?.({ emailId: 'x' }, { client: {}, caller: undefined })).toContain('x')
    for (const name of ['list_cases', 'get_next_suggestion_on_case'])
      expect(by[name]?.annotations.readOnlyHint).toBe(true)
    for (const name of ['enrich_case', 'draft_email_with_suggested_response', 'resolve_incident'])
      expect(by[name]?.annotations.destructiveHint).toBe(false)
    const readOnly = createServer([{ product: serviceModule.product, client: {} }], { readOnly: true })
    expect(readOnly.tools.map((t) => t.tool.name).sort()).toEqual(['get_next_suggestion_on_case', 'list_cases'])
  })

  it('costs under 200 o200k tokens per tool on average, schemas included', () => {
    const counts = server.tools.map((t) => [t.tool.name, enc.encode(JSON.stringify(t.listing)).length] as const)
    const total = counts.reduce((sum, [, n]) => sum + n, 0)
    console.log(Object.fromEntries(counts), { total, average: Math.round(total / counts.length) })
    expect(total / counts.length).toBeLessThan(200)
  })
})
