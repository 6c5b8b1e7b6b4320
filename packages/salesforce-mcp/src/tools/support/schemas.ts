// Argument and result schemas shared by the tools. Descriptions are short: they are read every turn.
import { z } from 'zod'

export const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/

/** ids are checked where they go into SOQL (soqlId); the org checks the rest */
export const idArg = z.string()
export const fieldsArg = z.array(z.string()).max(200).optional().describe('API names; default set if omitted')
export const valuesArg = z.looseObject({}).describe('by API name')
export const recordOut = z.record(z.string(), z.unknown())
export const apiUsage = z.string().optional()

const DATE = /^\d{4}-\d{2}-\d{2}$/
/** a YYYY-MM-DD date; checked in code (a pattern in the schema costs tokens on every turn) */
export const dateArg = z
  .string()
  .refine((v) => DATE.test(v), 'a date YYYY-MM-DD')
  .describe('YYYY-MM-DD')

export const writeAnnotations = { readOnlyHint: false, destructiveHint: false, openWorldHint: true }
export const updateAnnotations = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: true,
}
export const readAnnotations = { readOnlyHint: true, openWorldHint: true }
