// What a model and a client need to see on every tool: a description, explicit annotations and
// an output schema; and, for a read-only deployment, nothing that can write.
import { isReadOnly } from '../calls.js'
import type { RunContext } from '../context.js'
import { fail, type ListedTool, pass, skip } from '../types.js'

export async function metadataChecks(ctx: RunContext) {
  const every = async (id: string, title: string, problem: (tool: ListedTool) => string | undefined) =>
    ctx.check('contract', id, title, async () => {
      const listing = await ctx.listing()
      if (listing.tools.length === 0) return skip(listing.error ?? 'no tools listed')
      const problems = listing.tools.map((tool) => [tool.name, problem(tool)]).filter(([, p]) => p)
      return problems.length
        ? fail(problems.map(([name, p]) => `${name}: ${p}`).join('; '))
        : pass(`${listing.tools.length} tools`)
    })

  await every('descriptions', 'every tool has a description', (tool) =>
    typeof tool.description === 'string' && tool.description.trim() ? undefined : 'no description',
  )
  await every('annotations', 'every tool sets readOnlyHint explicitly', (tool) => {
    const hints = tool.annotations
    if (!hints || typeof hints !== 'object') return 'no annotations'
    if (typeof hints.readOnlyHint !== 'boolean') return 'readOnlyHint not set'
    if (hints.readOnlyHint === true && hints.destructiveHint === true) return 'both readOnlyHint and destructiveHint'
    return undefined
  })
  await every('output-schemas', 'every tool has an outputSchema', (tool) =>
    tool.outputSchema && typeof tool.outputSchema === 'object' ? undefined : 'no outputSchema',
  )

  await ctx.check('contract', 'read-only-profile', 'read-only profile lists only read-only tools', async () => {
    if (!ctx.options.readOnlyProfile) return skip('not requested (--read-only-profile)')
    const listing = await ctx.listing()
    if (listing.error) return fail(listing.error)
    const writers = listing.tools.filter((tool) => !isReadOnly(tool)).map((tool) => tool.name)
    return writers.length
      ? fail(`listed without readOnlyHint: true: ${writers.join(', ')}`)
      : pass(`${listing.tools.length} tools, all read-only`)
  })
}
