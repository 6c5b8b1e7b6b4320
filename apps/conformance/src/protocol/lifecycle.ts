// Opening a connection in both protocol eras, and ping. A server that serves only one era fails
// the other era's check with the reason, so the report says which clients it would lock out.
import { type RunContext, walkToolPages } from '../context.js'
import { withTimeout } from '../target.js'
import { fail, pass, skip } from '../types.js'

export async function lifecycleChecks(ctx: RunContext) {
  await ctx.check('protocol', 'initialize-2025-11-25', 'initialize under 2025-11-25', async () => {
    const { client } = await ctx.session()
    const version = client.getNegotiatedProtocolVersion()
    const info = client.getServerVersion()
    const problems: string[] = []
    if (version !== '2025-11-25') problems.push(`server negotiated ${version ?? 'nothing'} instead of 2025-11-25`)
    if (!info?.name || !info.version) problems.push('serverInfo lacks name or version')
    if (!client.getServerCapabilities()?.tools) problems.push('server does not declare the tools capability')
    return problems.length ? fail(problems.join('; ')) : pass(`${info?.name} ${info?.version}, protocol ${version}`)
  })

  await ctx.check('protocol', 'ping', 'ping answers (2025 era)', async () => {
    const connection = await ctx.session()
    await withTimeout(connection.client.ping({ timeout: ctx.timeoutMs }), ctx.timeoutMs, 'ping')
    return pass()
  })

  let modernTools: string[] | undefined
  await ctx.check('protocol', 'discover-2026-07-28', 'server/discover under 2026-07-28', async () => {
    let connection: Awaited<ReturnType<RunContext['open']>>
    try {
      connection = await ctx.open('modern')
    } catch (error) {
      return fail(`2026-07-28 clients cannot connect: ${(error as Error).message}`)
    }
    try {
      const discover = connection.client.getDiscoverResult()
      const version = connection.client.getNegotiatedProtocolVersion()
      if (connection.client.getProtocolEra() !== 'modern' || version !== '2026-07-28')
        return fail(`connected, but in era ${connection.client.getProtocolEra()} (${version})`)
      if (!discover?.capabilities?.tools) return fail('server/discover does not declare the tools capability')
      const listing = await walkToolPages(connection, ctx.timeoutMs, ctx.options.maxPages)
      if (listing.error) return fail(`connected, but ${listing.error}`)
      modernTools = listing.tools.map((t) => t.name).sort()
      return pass(`supportedVersions ${JSON.stringify(discover.supportedVersions)}`)
    } finally {
      await connection.close()
    }
  })

  await ctx.check('protocol', 'eras-same-tools', 'both eras list the same tools', async () => {
    if (!modernTools) return skip('the 2026-07-28 connection failed (reported above)')
    const listing = await ctx.listing()
    if (listing.error) return skip(`the 2025 listing failed: ${listing.error}`)
    const legacy = listing.tools.map((t) => t.name).sort()
    const onlyLegacy = legacy.filter((n) => !modernTools?.includes(n))
    const onlyModern = modernTools.filter((n) => !legacy.includes(n))
    if (onlyLegacy.length || onlyModern.length)
      return fail(`only in 2025: [${onlyLegacy.join(', ')}]; only in 2026: [${onlyModern.join(', ')}]`)
    return pass(`${legacy.length} tools in both`)
  })
}
