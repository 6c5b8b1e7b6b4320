// tools/list as a client sees it: every page reachable, no duplicates, names a client accepts,
// and schemas a JSON Schema 2020-12 validator can compile.
import type { RunContext } from '../context.js'
import { compileSchema } from '../schema.js'
import { fail, pass, skip } from '../types.js'

export const TOOL_NAME = /^[A-Za-z0-9_./-]{1,64}$/

export async function toolsListChecks(ctx: RunContext) {
  await ctx.check('protocol', 'tools-list-paging', 'tools/list pages to the end without duplicates', async () => {
    const listing = await ctx.listing()
    if (listing.error) return fail(listing.error)
    const problems = [...listing.problems]
    if (listing.duplicates.length) problems.push(`duplicate names: ${listing.duplicates.join(', ')}`)
    if (problems.length) return fail(problems.join('; '))
    if (listing.tools.length === 0) return fail('the server lists no tools')
    return pass(`${listing.tools.length} tools on ${listing.pages} page(s)`)
  })

  await ctx.check('protocol', 'tool-names', 'tool names match ^[A-Za-z0-9_./-]{1,64}$', async () => {
    const listing = await ctx.listing()
    if (listing.tools.length === 0) return skip('no tools listed')
    const bad = listing.tools.filter((t) => typeof t.name !== 'string' || !TOOL_NAME.test(t.name))
    return bad.length ? fail(`invalid: ${bad.map((t) => JSON.stringify(t.name)).join(', ')}`) : pass()
  })

  await ctx.check(
    'protocol',
    'schemas-2020-12',
    'input and output schemas compile as JSON Schema 2020-12',
    async () => {
      const listing = await ctx.listing()
      if (listing.tools.length === 0) return skip('no tools listed')
      const errors: string[] = []
      const warnings: string[] = []
      let compiled = 0
      for (const tool of listing.tools) {
        const schemas: Array<[string, unknown]> = [['inputSchema', tool.inputSchema]]
        if (tool.outputSchema !== undefined) schemas.push(['outputSchema', tool.outputSchema])
        for (const [which, schema] of schemas) {
          const result = compileSchema(schema)
          compiled++
          if (result.error) errors.push(`${tool.name}.${which}: ${result.error}`)
          else if ((schema as { type?: unknown }).type !== 'object')
            errors.push(`${tool.name}.${which}: root type must be "object"`)
          for (const warning of result.warnings) warnings.push(`${tool.name}.${which}: ${warning}`)
        }
      }
      return errors.length ? fail(errors.join('; '), warnings) : pass(`${compiled} schemas`, warnings)
    },
  )
}
