// Shared by the Sales scenarios: a tag that keeps one run's records apart from another's, and
// the open leads a read-only run looks at when it created none.
import type { StepContext } from '@bizmcp/core/testing'

export const runTag = () => `run-${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`

/** up to `count` open leads, newest first; skips the run on an org that has none */
export async function openLeads(ctx: StepContext<unknown>, count: number): Promise<string[]> {
  const found = await ctx.call<{ leads: Array<{ id: string; name?: string }> }>('D365_Sales_ListLeads', {
    status: 'open',
    top: count,
  })
  if (found.leads.length === 0) ctx.skip('the org has no open leads to read')
  ctx.note(`reading open leads: ${found.leads.map((lead) => lead.name ?? lead.id).join(', ')}`)
  return found.leads.map((lead) => lead.id)
}
