import { ToolError } from '@bizmcp/core'
import { closestNames, type DataverseClient, parseGuid } from '@bizmcp/dataverse-mcp'
import { z } from 'zod'
import { defineSalesTool } from '../define-tool.js'
import { label, odataString, type Row, text } from '../support/records.js'

const Lead = z.object({
  id: z.string(),
  name: z.string().optional(),
  company: z.string().optional(),
  email: z.string().optional(),
  topic: z.string().optional(),
  status: z.string().optional(),
  rating: z.string().optional(),
})

const STATES: Record<string, number> = { open: 0, qualified: 1, disqualified: 2 }

export const listLeads = defineSalesTool({
  name: 'D365_Sales_ListLeads',
  title: 'List leads',
  description: 'Finds leads by filters or any lead column (attribute = value), newest first.',
  input: z.object({
    text: z.string().optional().describe('name/company/email/topic'),
    attribute: z.string().optional(),
    value: z.string().optional(),
    status: z.string().optional().describe('open/qualified/disqualified/reason'),
    rating: z.enum(['hot', 'warm', 'cold']).optional(),
    owner: z.string().optional().describe("'me', id or name"),
    campaign: z.string().optional(),
    createdAfter: z.string().optional().describe('date'),
    createdBefore: z.string().optional(),
    top: z.number().int().max(100).default(25),
    cursor: z.string().optional(),
  }),
  output: z.object({ leads: z.array(Lead), nextCursor: z.string().optional() }),
  annotations: { readOnlyHint: true },
  toolset: 'leads',
  render: (out) =>
    out.leads.length
      ? out.leads.map((l) => `${l.id} ${l.name ?? ''} | ${l.company ?? ''} | ${l.status ?? ''}`).join('\n')
      : 'No leads match.',
  async run(args, ctx) {
    const options = { pageSize: Math.max(1, args.top), formatted: true, signal: ctx.signal }
    if (args.cursor) {
      const { next } = ctx.cursor.decode<{ next: string }>(args.cursor)
      return pageResult(await ctx.client.nextPage(next, options), ctx.cursor.encode)
    }
    const filter = await buildFilter(ctx.client, args, ctx.signal)
    const page = await ctx.client.query('leads', {
      select: SELECT,
      ...(filter ? { filter } : {}),
      orderby: 'createdon desc,leadid asc',
      ...options,
    })
    return pageResult(page, ctx.cursor.encode)
  },
})

const SELECT = [
  'leadid',
  'fullname',
  'companyname',
  'emailaddress1',
  'subject',
  'statecode',
  'statuscode',
  'leadqualitycode',
  '_ownerid_value',
  '_campaignid_value',
  'createdon',
]

function pageResult(page: { rows: Row[]; nextLink?: string }, encode: (s: unknown) => string) {
  return {
    leads: page.rows.map((r) => {
      const out: z.input<typeof Lead> = { id: String(r.leadid) }
      const set = (k: keyof typeof out, v: string | undefined) => {
        if (v) out[k] = v
      }
      set('name', text(r, 'fullname'))
      set('company', text(r, 'companyname'))
      set('email', text(r, 'emailaddress1'))
      set('topic', text(r, 'subject'))
      set('status', [label(r, 'statecode'), label(r, 'statuscode')].filter(Boolean).join(': '))
      set('rating', label(r, 'leadqualitycode'))
      return out
    }),
    ...(page.nextLink ? { nextCursor: encode({ next: page.nextLink }) } : {}),
  }
}

type Args = {
  text?: string | undefined
  attribute?: string | undefined
  value?: string | number | boolean | undefined
  status?: string | undefined
  rating?: 'hot' | 'warm' | 'cold' | undefined
  owner?: string | undefined
  campaign?: string | undefined
  createdAfter?: string | undefined
  createdBefore?: string | undefined
}

async function buildFilter(client: DataverseClient, args: Args, signal: AbortSignal): Promise<string> {
  const parts: string[] = []
  const meta = await client.table('lead', signal)
  const column = (name: string) => meta.columns.find((c) => c.logicalName === name)
  if (args.text) {
    const t = odataString(args.text)
    parts.push(['fullname', 'companyname', 'emailaddress1', 'subject'].map((c) => `contains(${c},${t})`).join(' or '))
  }
  if (args.status) {
    const s = args.status.trim().toLowerCase()
    if (s in STATES) parts.push(`statecode eq ${STATES[s]}`)
    else {
      const options = column('statuscode')?.options ?? []
      const match = options.find((o) => o.label.toLowerCase() === s)
      if (!match)
        throw new ToolError({
          code: 'InvalidInput',
          message: `Unknown lead status '${args.status}'.`,
          fix: `Use open, qualified, disqualified or a status reason: ${options.map((o) => o.label).join(', ')}.`,
        })
      parts.push(`statuscode eq ${match.value}`)
    }
  }
  if (args.rating) {
    const option = column('leadqualitycode')?.options?.find((o) => o.label.toLowerCase() === args.rating)
    parts.push(`leadqualitycode eq ${option?.value ?? { hot: 1, warm: 2, cold: 3 }[args.rating]}`)
  }
  if (args.owner) parts.push(await ownerFilter(client, args.owner, signal))
  if (args.campaign) parts.push(await campaignFilter(client, args.campaign, signal))
  if (args.createdAfter) parts.push(`createdon ge ${isoDate(args.createdAfter, 'createdAfter')}`)
  if (args.createdBefore) parts.push(`createdon lt ${isoDate(args.createdBefore, 'createdBefore')}`)
  if (args.attribute !== undefined || args.value !== undefined) {
    if (args.attribute === undefined || args.value === undefined)
      throw new ToolError({
        code: 'InvalidInput',
        message: 'attribute and value go together.',
        fix: 'Pass both attribute (a lead column) and value, or neither.',
      })
    const name = args.attribute.toLowerCase().replace(/^_(.*)_value$/, '$1')
    const col = column(name)
    if (!col) {
      const close = closestNames(
        name,
        meta.columns.map((c) => c.logicalName),
      )
      throw new ToolError({
        code: 'InvalidInput',
        message: `The lead table has no column '${args.attribute}'.`,
        fix: `Use a lead column logical name${close.length ? `, e.g. ${close.join(', ')}` : ''}.`,
      })
    }
    parts.push(attributeFilter(col, args.value))
  }
  return parts.map((p) => (parts.length > 1 ? `(${p})` : p)).join(' and ')
}

function attributeFilter(
  col: { logicalName: string; type: string; options?: Array<{ value: number; label: string }> },
  value: string | number | boolean,
): string {
  const bad = (why: string) =>
    new ToolError({
      code: 'InvalidInput',
      message: `${col.logicalName}: ${why}`,
      fix: 'Pass a value of the column type.',
    })
  if (['Lookup', 'Customer', 'Owner'].includes(col.type)) {
    const id = parseGuid(String(value))
    if (!id) throw bad('a lookup needs a GUID.')
    return `_${col.logicalName}_value eq ${id}`
  }
  if (['Picklist', 'State', 'Status'].includes(col.type)) {
    const option =
      col.options?.find((o) => o.value === Number(value)) ??
      col.options?.find((o) => o.label.toLowerCase() === String(value).toLowerCase())
    if (!option) throw bad(`no choice '${value}'; choices: ${col.options?.map((o) => o.label).join(', ')}.`)
    return `${col.logicalName} eq ${option.value}`
  }
  if (col.type === 'Boolean') return `${col.logicalName} eq ${value === true || String(value).toLowerCase() === 'true'}`
  if (['Integer', 'BigInt', 'Decimal', 'Double', 'Money'].includes(col.type)) {
    if (!Number.isFinite(Number(value))) throw bad('expected a number.')
    return `${col.logicalName} eq ${Number(value)}`
  }
  if (col.type === 'Uniqueidentifier') {
    const id = parseGuid(String(value))
    if (!id) throw bad('expected a GUID.')
    return `${col.logicalName} eq ${id}`
  }
  return `${col.logicalName} eq ${odataString(String(value))}`
}

async function ownerFilter(client: DataverseClient, owner: string, signal: AbortSignal): Promise<string> {
  if (owner.trim().toLowerCase() === 'me') return `_ownerid_value eq ${(await client.whoAmI(signal)).userId}`
  const id = parseGuid(owner)
  if (id) return `_ownerid_value eq ${id}`
  const users = await client.query('systemusers', {
    select: ['systemuserid'],
    filter: `contains(fullname,${odataString(owner)})`,
    top: 10,
    signal,
  })
  if (!users.rows.length)
    throw new ToolError({
      code: 'NotFound',
      message: `No user's name contains '${owner}'.`,
      fix: "Use 'me', a user GUID, or part of a user's full name.",
    })
  return users.rows.map((u) => `_ownerid_value eq ${String(u.systemuserid)}`).join(' or ')
}

async function campaignFilter(client: DataverseClient, campaign: string, signal: AbortSignal): Promise<string> {
  const id = parseGuid(campaign)
  if (id) return `_campaignid_value eq ${id}`
  const found = await client.query('campaigns', {
    select: ['campaignid'],
    filter: `contains(name,${odataString(campaign)})`,
    top: 10,
    signal,
  })
  if (!found.rows.length)
    throw new ToolError({
      code: 'NotFound',
      message: `No campaign's name contains '${campaign}'.`,
      fix: 'Use a campaign GUID or part of its name (read_query over campaign lists them).',
    })
  return found.rows.map((c) => `_campaignid_value eq ${String(c.campaignid)}`).join(' or ')
}

function isoDate(value: string, field: string): string {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(ms))
    throw new ToolError({
      code: 'InvalidInput',
      message: `${field} '${value}' is not a date.`,
      fix: `Pass ${field} as YYYY-MM-DD.`,
    })
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}
