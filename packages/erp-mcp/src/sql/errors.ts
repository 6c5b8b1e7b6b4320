// Refusals of data_find_entities_sql: each names the construct or name at fault and the nearest
// valid alternative, so that a model can correct the query in one step.
import { ToolError } from '@bizmcp/core'

/** Valid T-SQL the dialect does not take. */
export function unsupported(construct: string, message: string, fix: string): ToolError {
  return new ToolError({ code: 'Unsupported', message, fix, details: { construct } })
}

/** A query that names something wrong or mixes things up: the caller can correct it. */
export function invalidQuery(message: string, fix: string, details?: Record<string, unknown>): ToolError {
  return new ToolError({ code: 'InvalidInput', message, fix, ...(details ? { details } : {}) })
}

export const DIALECT =
  'data_find_entities_sql takes one SELECT with explicit columns, INNER/LEFT JOIN, WHERE (=, <>, <, >, LIKE, IN (list), BETWEEN, IS NULL, [NOT] EXISTS), GROUP BY, ORDER BY, TOP and COUNT/SUM/AVG/MIN/MAX, over entity sets as tables (e.g. CustomersV3).'
