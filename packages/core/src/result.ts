// Turns a tool's output into an MCP result: structuredContent validated against the output
// schema, a short text rendering, and the size rules — inline results over the limit are
// refused with ResponseTooLarge; resource mode returns a summary plus an embedded resource.
import { randomUUID } from 'node:crypto'
import type { CallToolResult } from '@modelcontextprotocol/server'
import type { Limits } from './limits.js'
import type { AnyTool, AttachedFile } from './tool.js'
import { ToolError, type ToolErrorBody } from './tool-error.js'

export type ToolCallResult = CallToolResult
export type ResultBlock = ToolCallResult['content'][number]

const PREVIEW_ITEMS = 10

export function successResult(
  tool: AnyTool,
  output: Record<string, unknown>,
  options: { asResource: boolean; limits: Limits; files?: readonly ResultBlock[] },
): ToolCallResult {
  const result = outputResult(tool, output, options)
  return options.files?.length ? { ...result, content: [...result.content, ...options.files] } : result
}

function outputResult(
  tool: AnyTool,
  output: Record<string, unknown>,
  options: { asResource: boolean; limits: Limits },
) {
  const json = JSON.stringify(output)
  if (options.asResource) return resourceResult(tool, output, json, options.limits)
  if (json.length > options.limits.maxInlineChars) {
    throw new ToolError({
      code: 'ResponseTooLarge',
      message: `The result of ${tool.name} is ${json.length.toLocaleString('en-US')} characters, over the ${options.limits.maxInlineChars.toLocaleString('en-US')}-character inline limit.`,
      fix: tool.resourceCapable
        ? 'Call again with returnAsResource: true to receive it as an embedded resource, or narrow the request (fewer columns, a filter, a smaller page).'
        : 'Narrow the request: select fewer columns, add a filter, or ask for a smaller page.',
      details: { characters: json.length, limit: options.limits.maxInlineChars },
    })
  }
  const texts = tool.render ? [tool.render(output)].flat() : [json]
  return { content: texts.map((text) => ({ type: 'text' as const, text })), structuredContent: output }
}

/** A file attached by a tool, as an embedded resource `file://{name}`, within the resource limit. */
export function fileBlock(file: AttachedFile, limits: Limits): ResultBlock {
  const bytes = typeof file.data === 'string' ? Buffer.byteLength(file.data) : file.data.byteLength
  if (bytes > limits.maxResourceBytes) {
    throw new ToolError({
      code: 'ResponseTooLarge',
      message: `The file '${file.name}' is ${bytes.toLocaleString('en-US')} bytes, over the ${limits.maxResourceBytes.toLocaleString('en-US')}-byte limit for a file in a result.`,
      fix: 'Narrow what produces the file (a shorter period, fewer accounts) so that it fits, or fetch it outside MCP.',
      details: { bytes, limit: limits.maxResourceBytes },
    })
  }
  const uri = `file://${encodeURIComponent(file.name)}`
  return {
    type: 'resource',
    resource:
      typeof file.data === 'string'
        ? { uri, mimeType: file.mimeType, text: file.data }
        : { uri, mimeType: file.mimeType, blob: Buffer.from(file.data).toString('base64') },
  }
}

function resourceResult(tool: AnyTool, output: Record<string, unknown>, json: string, limits: Limits): ToolCallResult {
  const bytes = Buffer.byteLength(json)
  if (bytes > limits.maxResourceBytes) {
    throw new ToolError({
      code: 'ResponseTooLarge',
      message: `The result of ${tool.name} is ${bytes.toLocaleString('en-US')} bytes, over the ${limits.maxResourceBytes.toLocaleString('en-US')}-byte resource limit.`,
      fix: 'Narrow the request: add a filter, select fewer columns, or page through the results.',
      details: { bytes, limit: limits.maxResourceBytes },
    })
  }
  const uri = `bizmcp://results/${encodeURIComponent(tool.name)}/${randomUUID()}`
  const { preview, truncated } = previewOf(output)
  const summary = truncated.length
    ? `Full result (${bytes.toLocaleString('en-US')} bytes) is in the embedded resource ${uri}; structuredContent shows the first ${PREVIEW_ITEMS} items of ${truncated.map((t) => `${t.field} (${t.total})`).join(', ')}.`
    : `Full result (${bytes.toLocaleString('en-US')} bytes) is in the embedded resource ${uri}.`
  return {
    content: [
      { type: 'text', text: summary },
      { type: 'resource', resource: { uri, mimeType: 'application/json', text: json } },
    ],
    structuredContent: { ...preview, resultResource: { uri, bytes } },
  }
}

/** Shortens top-level arrays; the shape (and so the output schema) is unchanged. */
function previewOf(output: Record<string, unknown>) {
  const preview: Record<string, unknown> = {}
  const truncated: Array<{ field: string; total: number }> = []
  for (const [key, value] of Object.entries(output)) {
    if (Array.isArray(value) && value.length > PREVIEW_ITEMS) {
      preview[key] = value.slice(0, PREVIEW_ITEMS)
      truncated.push({ field: key, total: value.length })
    } else {
      preview[key] = value
    }
  }
  return { preview, truncated }
}

export function errorResult(error: ToolError | ToolErrorBody): ToolCallResult {
  const body = error instanceof ToolError ? error.toBody() : error
  return { content: [{ type: 'text', text: JSON.stringify(body) }], isError: true }
}
