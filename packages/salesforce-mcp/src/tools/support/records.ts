// Records as tools return them: jsforce/REST `attributes` dropped, child query results reduced to arrays.
import { ToolError } from '@bizmcp/core'
import { notFound, type SalesforceClient } from '../../client.js'
import { ID_PATTERN } from './schemas.js'

type SfRecord = Record<string, unknown>

export function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean)
  if (!value || typeof value !== 'object') return value
  const obj = value as SfRecord
  if (Array.isArray(obj.records) && 'totalSize' in obj && 'done' in obj) return (obj.records as unknown[]).map(clean)
  const out: SfRecord = {}
  for (const [key, v] of Object.entries(obj)) if (key !== 'attributes') out[key] = clean(v)
  return out
}

export const cleanRecord = (record: SfRecord) => clean(record) as SfRecord

/** A SOQL string literal. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

export function soqlId(id: string): string {
  if (!ID_PATTERN.test(id)) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `'${id}' is not a Salesforce id.`,
      fix: 'Pass a 15- or 18-character record id.',
    })
  }
  return quote(id)
}

/** SELECT fields (plus child subqueries) FROM type WHERE Id = id; NotFound when no row. */
export async function getById(
  client: SalesforceClient,
  type: string,
  id: string,
  fields: string[],
  subqueries: string[] = [],
): Promise<SfRecord> {
  const select = [...new Set(['Id', ...fields])].join(', ')
  const children = subqueries.map((q) => `, (${q})`).join('')
  const page = await client.query(`SELECT ${select}${children} FROM ${type} WHERE Id = ${soqlId(id)}`)
  const row = page.records[0]
  if (!row) throw notFound(type, id)
  return cleanRecord(row)
}

/** Splits a cleaned record into its own fields and the child lists named in `children`. */
export function splitChildren(record: SfRecord, children: string[]) {
  const own: SfRecord = {}
  const related: Record<string, unknown[]> = {}
  for (const [key, value] of Object.entries(record)) {
    if (children.includes(key)) related[key] = Array.isArray(value) ? value : []
    else own[key] = value
  }
  for (const child of children) related[child] ??= []
  return { own, related }
}

export function withUsage<T extends object>(client: SalesforceClient, out: T): T & { apiUsage?: string } {
  const notice = client.usageNotice()
  return notice ? { ...out, apiUsage: notice } : out
}
