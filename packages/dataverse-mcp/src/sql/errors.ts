// Refusals of read_query: each names the construct or name at fault and the nearest valid
// alternative, so that a model can correct the query in one step.
import { ToolError } from '@bizmcp/core'

/** A construct read_query does not translate (valid T-SQL, but not in the supported subset). */
export function unsupported(construct: string, message: string, fix: string): ToolError {
  return new ToolError({ code: 'Unsupported', message, fix, details: { construct } })
}

/** A query that names something wrong or mixes types: the user can correct it. */
export function invalidQuery(message: string, fix: string, details?: Record<string, unknown>): ToolError {
  return new ToolError({ code: 'InvalidInput', message, fix, ...(details ? { details } : {}) })
}

export const SUPPORTED_HINT =
  'read_query accepts one SELECT with columns, TOP, DISTINCT, WHERE, INNER/LEFT JOIN on lookups, GROUP BY with COUNT/SUM/AVG/MIN/MAX, ORDER BY and OFFSET/FETCH.'
