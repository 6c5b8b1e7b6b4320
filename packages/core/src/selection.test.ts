import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineProduct } from './product.js'
import { SelectionError, selectTools } from './selection.js'
import { defineTool } from './tool.js'

const tool = (name: string, toolset: string, readOnly: boolean) =>
  defineTool({
    name,
    title: name,
    description: `${name} tool`,
    input: z.object({}),
    output: z.object({}),
    annotations: { readOnlyHint: readOnly },
    toolset,
    run: async () => ({}),
  })

const product = defineProduct({
  name: 'p',
  title: 'P',
  description: 'p',
  version: '1',
  toolsets: { read: 'reading', write: 'writing' },
  tools: [tool('get_a', 'read', true), tool('list_a', 'read', true), tool('set_a', 'write', false)],
})
const bindings = [{ product, client: {} }]
const names = (options: Parameters<typeof selectTools>[1]) => selectTools(bindings, options).map((s) => s.tool.name)

describe('selectTools', () => {
  it('exposes everything by default', () => {
    expect(names({})).toEqual(['get_a', 'list_a', 'set_a'])
  })
  it('read-only drops every tool not marked read-only', () => {
    expect(names({ readOnly: true })).toEqual(['get_a', 'list_a'])
  })
  it('filters by toolset, allow list and deny list together', () => {
    expect(names({ toolsets: ['write'] })).toEqual(['set_a'])
    expect(names({ tools: ['get_a', 'set_a'] })).toEqual(['get_a', 'set_a'])
    expect(names({ tools: ['get_a', 'set_a'], readOnly: true })).toEqual(['get_a'])
    expect(names({ denyTools: ['list_a'] })).toEqual(['get_a', 'set_a'])
  })
  it('rejects unknown names and lists the known ones', () => {
    expect(() => names({ toolsets: ['nope'] })).toThrow(SelectionError)
    expect(() => names({ tools: ['get_b'] })).toThrow(/Unknown tool: get_b\. Known tools: get_a, list_a, set_a/)
  })
  it('rejects two products defining the same tool', () => {
    expect(() => selectTools([...bindings, { product: { ...product, name: 'q' }, client: {} }])).toThrow(
      /both 'p' and 'q'/,
    )
  })
})

describe('defineTool and defineProduct', () => {
  it('enforces MCP tool name rules', () => {
    expect(() => tool('bad name!', 'read', true)).toThrow(/must match/)
    expect(() => tool('x'.repeat(65), 'read', true)).toThrow(/must match/)
  })
  it('requires consent for destructive tools', () => {
    expect(() =>
      defineTool({
        name: 'drop',
        title: 'Drop',
        description: 'Drops',
        input: z.object({}),
        output: z.object({}),
        annotations: { destructiveHint: true },
        toolset: 'write',
        run: async () => ({}),
      }),
    ).toThrow(/consent/)
  })
  it('requires tools to use declared toolsets', () => {
    expect(() => defineProduct({ ...product, toolsets: { read: 'r' } })).toThrow(/does not declare/)
  })
})
