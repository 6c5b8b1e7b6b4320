// Which tools a server exposes. A tool filtered out here is neither listed nor callable:
// the server only ever sees the selection.
import type { ProductBinding } from './product.js'
import { type AnyTool, isWriteTool } from './tool.js'

export interface ToolSelectionOptions {
  /** expose only tools annotated readOnlyHint: true */
  readOnly?: boolean
  /** expose only tools in these toolsets (names as products declare them) */
  toolsets?: string[]
  /** expose only these tools */
  tools?: string[]
  /** never expose these tools */
  denyTools?: string[]
}

export interface SelectedTool {
  tool: AnyTool
  binding: ProductBinding
}

export class SelectionError extends Error {
  override name = 'SelectionError'
}

export function selectTools(bindings: ProductBinding[], options: ToolSelectionOptions = {}): SelectedTool[] {
  const all: SelectedTool[] = []
  const seen = new Map<string, string>()
  for (const binding of bindings) {
    for (const tool of binding.product.tools) {
      const owner = seen.get(tool.name)
      if (owner) {
        throw new SelectionError(`Tool '${tool.name}' is defined by both '${owner}' and '${binding.product.name}'.`)
      }
      seen.set(tool.name, binding.product.name)
      all.push({ tool, binding })
    }
  }

  const knownToolsets = new Set(bindings.flatMap((b) => Object.keys(b.product.toolsets)))
  checkNames('toolset', options.toolsets, knownToolsets)
  checkNames('tool', options.tools, new Set(seen.keys()))
  checkNames('tool', options.denyTools, new Set(seen.keys()))

  const toolsets = options.toolsets && new Set(options.toolsets)
  const allow = options.tools && new Set(options.tools)
  const deny = new Set(options.denyTools ?? [])
  return all.filter(({ tool }) => {
    if (options.readOnly && isWriteTool(tool)) return false
    if (toolsets && !toolsets.has(tool.toolset)) return false
    if (allow && !allow.has(tool.name)) return false
    return !deny.has(tool.name)
  })
}

function checkNames(kind: string, given: string[] | undefined, known: Set<string>) {
  const unknown = (given ?? []).filter((name) => !known.has(name))
  if (unknown.length) {
    throw new SelectionError(
      `Unknown ${kind}${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Known ${kind}s: ${[...known].sort().join(', ') || '(none)'}.`,
    )
  }
}
