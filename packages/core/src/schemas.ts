// The schemas a tool is advertised and validated with. Core adds its own arguments
// (returnAsResource, confirm) to the tool's input so that what tools/list shows is exactly
// what tools/call accepts. JSON Schemas are computed once per tool, not per request.
import { z } from 'zod'
import type { ConsentFallback } from './consent.js'
import type { AnyTool } from './tool.js'

/** where the full result went in resource mode; the text block says the rest */
export const ResultResource = z.object({ uri: z.string(), bytes: z.number().int() })

export interface ToolSchemas {
  input: z.ZodObject
  output: z.ZodObject
  inputJson: Record<string, unknown>
  outputJson: Record<string, unknown>
}

export function buildToolSchemas(tool: AnyTool, consentFallback: ConsentFallback): ToolSchemas {
  let input = tool.input
  let output = tool.output
  if (tool.resourceCapable) {
    input = input.extend({
      returnAsResource: z.boolean().optional().describe('Full result as an embedded resource (up to 5 MB)'),
    })
    output = output.extend({ resultResource: ResultResource.optional() })
  }
  if (tool.annotations.destructiveHint && consentFallback === 'confirm-argument') {
    input = input.extend({
      confirm: z
        .boolean()
        .optional()
        .describe('Set true only after the user explicitly approved this change in the conversation.'),
    })
  }
  // Unknown arguments are refused, not dropped: a misspelt filter must not silently widen a query.
  input = input.strict()
  return {
    input,
    output,
    inputJson: toJsonSchema(input, 'input'),
    outputJson: toJsonSchema(output, 'output'),
  }
}

export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  // MCP clients read the schema inline; the $schema URI only costs tokens.
  delete json.$schema
  const trimmed = dropSafeIntegerBounds(json) as Record<string, unknown>
  return io === 'output' ? (dropOutputNoise(trimmed) as Record<string, unknown>) : trimmed
}

/**
 * Output schemas are read by a model on every turn and used by clients to check results; keys
 * that restate JSON defaults (string property names, "anything else allowed") or only forbid
 * extra keys (core validates the output itself) cost tokens and tell neither anything.
 */
function dropOutputNoise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropOutputNoise)
  if (!node || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && (value === false || isEmptyObject(value))) continue
    if (key === 'propertyNames' && isPlainStringSchema(value)) continue
    out[key] = dropOutputNoise(value)
  }
  return out
}

const isEmptyObject = (value: unknown) => !!value && typeof value === 'object' && Object.keys(value).length === 0
const isPlainStringSchema = (value: unknown) =>
  !!value &&
  typeof value === 'object' &&
  Object.keys(value).length === 1 &&
  (value as { type?: unknown }).type === 'string'

/**
 * zod's .int() adds ±Number.MAX_SAFE_INTEGER bounds to every integer. They tell a model nothing
 * and cost tokens on every turn, so they go; real bounds (.min, .max) stay.
 */
function dropSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropSafeIntegerBounds)
  if (!node || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue
    out[key] = dropSafeIntegerBounds(value)
  }
  return out
}
