import { ToolError } from '@bizmcp/core'
import { type DataverseClient, parseGuid } from '@bizmcp/dataverse-mcp'
import { z } from 'zod'
import { defineServiceTool } from '../define-tool.js'
import { anyOf, escapeOData, label, lookup, str } from '../support/records.js'

const PAGE = 25
const STATES = { active: 0, resolved: 1, canceled: 2 } as const
const PRIORITIES = { high: 1, normal: 2, low: 3 } as const

const CaseRow = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  priority: z.string().optional(),
  customer: z.string().optional(),
  product: z.string().optional(),
})

export const listCases = defineServiceTool({
  name: 'list_cases',
  title: 'List cases',
  description: 'Lists cases, newest first. mine: my cases; text: in title or number; customer: name or id.',
  input: z.object({
    status: z.enum(['active', 'resolved', 'canceled', 'all']).default('active'),
    priority: z.enum(['high', 'normal', 'low']).optional(),
    mine: z.boolean().default(false),
    text: z.string().optional(),
    customer: z.string().optional(),
    cursor: z.string().optional(),
  }),
  output: z.object({ cases: z.array(CaseRow), nextCursor: z.string().optional() }),
  annotations: { readOnlyHint: true },
  toolset: 'cases',
  render: (out) =>
    out.cases.length
      ? out.cases
          .map((c) => `${c.number} [${c.status}${c.priority ? `, ${c.priority}` : ''}] ${c.title} (${c.id})`)
          .join('\n') + (out.nextCursor ? '\nMore: pass nextCursor.' : '')
      : 'No cases match.',
  async run({ status, priority, mine, text, customer, cursor }, ctx) {
    const options = { pageSize: PAGE, formatted: true, signal: ctx.signal }
    let page: Awaited<ReturnType<typeof ctx.client.query>>
    if (cursor) {
      page = await ctx.client.nextPage(ctx.cursor.decode<{ next: string }>(cursor).next, options)
    } else {
      const filters: string[] = []
      if (status !== 'all') filters.push(`statecode eq ${STATES[status]}`)
      if (priority) filters.push(`prioritycode eq ${PRIORITIES[priority]}`)
      if (mine) filters.push(`_ownerid_value eq ${(await ctx.client.whoAmI(ctx.signal)).userId}`)
      if (text?.trim())
        filters.push(`(contains(title,'${escapeOData(text)}') or contains(ticketnumber,'${escapeOData(text)}'))`)
      if (customer?.trim()) filters.push(`(${await customerFilter(ctx.client, customer, ctx.signal)})`)
      page = await ctx.client.query('incidents', {
        ...options,
        select: [
          'incidentid',
          'title',
          'ticketnumber',
          'statecode',
          'statuscode',
          'prioritycode',
          '_customerid_value',
          '_productid_value',
          'createdon',
        ],
        ...(filters.length ? { filter: filters.join(' and ') } : {}),
        orderby: 'createdon desc',
      })
    }
    return {
      cases: page.rows.map((row) => {
        const customerRef = lookup(row, 'customerid')
        const product = lookup(row, 'productid')
        const priorityLabel = label(row, 'prioritycode')
        return {
          id: String(row.incidentid),
          number: str(row, 'ticketnumber'),
          title: str(row, 'title'),
          status: `${label(row, 'statecode') ?? row.statecode} / ${label(row, 'statuscode') ?? row.statuscode}`,
          ...(priorityLabel ? { priority: priorityLabel } : {}),
          ...(customerRef?.name ? { customer: customerRef.name } : {}),
          ...(product?.name ? { product: product.name } : {}),
        }
      }),
      ...(page.nextLink ? { nextCursor: ctx.cursor.encode({ next: page.nextLink }) } : {}),
    }
  },
})

/** A customer filter from an id, or from accounts and contacts whose name contains the text. */
async function customerFilter(client: DataverseClient, customer: string, signal: AbortSignal): Promise<string> {
  const id = parseGuid(customer)
  if (id) return `_customerid_value eq ${id}`
  const text = escapeOData(customer)
  const [accounts, contacts] = await Promise.all([
    client.query('accounts', { select: ['accountid'], filter: `contains(name,'${text}')`, top: 25, signal }),
    client.query('contacts', { select: ['contactid'], filter: `contains(fullname,'${text}')`, top: 25, signal }),
  ])
  const ids = [...accounts.rows.map((r) => String(r.accountid)), ...contacts.rows.map((r) => String(r.contactid))]
  if (!ids.length) {
    throw new ToolError({
      code: 'NotFound',
      message: `No account or contact name contains '${customer}'.`,
      fix: 'Check the spelling, use a shorter part of the name, or pass the customer id.',
    })
  }
  return anyOf('_customerid_value', ids)
}
