import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineSalesforceTool } from '../define-tool.js'
import { cleanRecord, quote, withUsage } from './support/records.js'
import { apiUsage } from './support/schemas.js'

const report = z.record(z.string(), z.string())

export const listReports = defineSalesforceTool({
  name: 'listReports',
  title: 'List reports',
  description:
    'Finds reports by name (all reports the user can see; else the recently viewed ones). Run one with getReport.',
  input: z.object({ search: z.string().optional(), maxRows: z.number().int().min(1).max(200).default(50) }),
  output: z.object({ reports: z.array(report).describe('id, name, folder, format'), source: z.string(), apiUsage }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'forecasting',
  render: (out) =>
    out.reports.map((r) => `${r.id} ${r.name}${r.folder ? ` (${r.folder})` : ''}`).join('\n') || 'No reports.',
  async run({ search, maxRows }, ctx) {
    const like = search ? ` WHERE Name LIKE ${quote(`%${search.replace(/[%_]/g, '\\$&')}%`)}` : ''
    try {
      const rows = await ctx.client.queryAll(
        `SELECT Id, Name, FolderName, Format, Description FROM Report${like} ORDER BY Name LIMIT ${maxRows}`,
        maxRows,
      )
      const reports = rows.map(cleanRecord).map((r) => ({
        id: String(r.Id),
        name: String(r.Name),
        ...(r.FolderName ? { folder: String(r.FolderName) } : {}),
        ...(r.Format ? { format: String(r.Format) } : {}),
        ...(r.Description ? { description: String(r.Description) } : {}),
      }))
      return withUsage(ctx.client, { reports, source: 'Report' as const })
    } catch (error) {
      if (!(error instanceof ToolError && error.details?.errorCode === 'INVALID_TYPE')) throw error
    }
    const recent = await ctx.client.rest<Array<{ id: string; name: string }>>('GET', 'analytics/reports')
    const needle = search?.toLowerCase()
    const reports = recent
      .filter((r) => !needle || r.name.toLowerCase().includes(needle))
      .slice(0, maxRows)
      .map((r) => ({ id: r.id, name: r.name }))
    return withUsage(ctx.client, { reports, source: 'recent' as const })
  },
})
