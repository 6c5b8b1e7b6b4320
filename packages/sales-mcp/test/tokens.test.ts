// Token budget of the tool listings (o200k, what models read on every turn).
import { createServer } from '@bizmcp/core'
import { getEncoding } from 'js-tiktoken'
import { describe, expect, it } from 'vitest'
import { salesModule } from '../src/index.js'

describe('tool listings', () => {
  const server = createServer([{ product: salesModule.product, client: {} }])
  const enc = getEncoding('o200k_base')
  const counts = server.tools.map((t) => [t.tool.name, enc.encode(JSON.stringify(t.listing)).length] as const)

  it('lists the eleven Sales tools by their official names', () => {
    expect(counts.map(([n]) => n)).toEqual([
      'D365_Sales_ListLeads',
      'D365_Sales_QualifyLeadToOpportunity',
      'D365_Sales_InvokeLeadSummary',
      'D365_Sales_DraftOutreachEmail',
      'D365_Sales_SendOutreachEmail',
      'get_account_research',
      'get_competitor_research',
      'get_engage_summary',
      'get_lead_qualification_assessment',
      'get_lead_research',
      'draft_outreach_email',
    ])
  })

  it('averages under 200 o200k tokens per tool, schemas included', () => {
    const total = counts.reduce((s, [, n]) => s + n, 0)
    if (process.env.SHOW_TOKENS) console.log(Object.fromEntries(counts), { total, average: total / counts.length })
    expect(total / counts.length).toBeLessThan(200)
  })
})
