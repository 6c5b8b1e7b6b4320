// Subrequests for composite and composite/batch, and a plain account of what each did.
import { z } from 'zod'
import { clean } from './records.js'

export const operationArg = z.object({
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
  url: z.string().describe('e.g. sobjects/Lead/{id}'),
  body: z.record(z.string(), z.unknown()).optional(),
})

/** one result per operation: index, method, status, outcome, id, errorCode, message, body (reads) */
export const operationResult = z.record(z.string(), z.unknown())
export interface OperationResult {
  [key: string]: unknown
  index: number
  referenceId?: string
  method: string
  status: number
  outcome: 'applied' | 'read' | 'failed' | 'rolledBack' | 'notRun'
  id?: string
  errorCode?: string
  message?: string
  body?: unknown
}

/** the path below /services/data/vNN.N/ */
export function relativePath(url: string): string {
  return url
    .replace(/^\/?services\/data\//, '')
    .replace(/^\/?v\d+\.\d+\//, '')
    .replace(/^\/+/, '')
}

const ROLLED_BACK = new Set(['PROCESSING_HALTED', 'ALL_OR_NONE_OPERATION_ROLLED_BACK'])

export function describeResult(
  index: number,
  method: string,
  status: number,
  body: unknown,
  referenceId?: string,
): OperationResult {
  const base = { index, method, status, ...(referenceId ? { referenceId } : {}) }
  if (status >= 200 && status < 300) {
    const id = body && typeof body === 'object' && 'id' in body ? String((body as { id: unknown }).id) : undefined
    return {
      ...base,
      outcome: method === 'GET' ? 'read' : 'applied',
      ...(id ? { id } : {}),
      ...(method === 'GET' && body !== null && body !== undefined ? { body: clean(body) } : {}),
    }
  }
  const first = (Array.isArray(body) ? body[0] : body) as { errorCode?: string; message?: string } | undefined
  const errorCode = first?.errorCode ?? `HTTP_${status}`
  const outcome =
    errorCode === 'BATCH_PROCESSING_HALTED' ? 'notRun' : ROLLED_BACK.has(errorCode) ? 'rolledBack' : 'failed'
  return { ...base, outcome, errorCode, ...(first?.message ? { message: first.message } : {}) }
}

export function summarize(results: OperationResult[], rolledBackAll: boolean): string {
  const count = (o: OperationResult['outcome']) => results.filter((r) => r.outcome === o).length
  const failed = results.filter((r) => r.outcome === 'failed')
  const why = failed
    .slice(0, 3)
    .map((r) => `#${r.index}${r.referenceId ? ` (${r.referenceId})` : ''} ${r.errorCode}: ${r.message ?? ''}`.trim())
    .join('; ')
  if (rolledBackAll) {
    return `Nothing was applied: allOrNone rolled back all ${results.length} operations because ${failed.length} failed (${why}).`
  }
  const writes = results.filter((r) => r.method !== 'GET').length
  const parts = [`Applied ${count('applied')} of ${writes} writes`]
  if (count('read')) parts.push(`${count('read')} reads succeeded`)
  if (failed.length) parts.push(`${failed.length} failed and changed nothing (${why})`)
  if (count('rolledBack')) parts.push(`${count('rolledBack')} not applied because an operation they depend on failed`)
  if (count('notRun')) parts.push(`${count('notRun')} not run (halted after an error)`)
  return `${parts.join('; ')}.`
}

export function consentQuestion(operations: Array<{ method: string }>): string {
  const counts = new Map<string, number>()
  for (const op of operations) counts.set(op.method, (counts.get(op.method) ?? 0) + 1)
  const list = [...counts].map(([m, n]) => `${n} ${m}`).join(', ')
  const deletes = counts.get('DELETE')
  return `Run ${operations.length} Salesforce operation(s) (${list})${deletes ? `, deleting ${deletes} record(s)` : ''}?`
}
