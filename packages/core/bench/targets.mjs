// Servers under benchmark, run in a child process so that the load generator does not share
// its event loop: `node targets.mjs http-core|http-bare` prints the port; `stdio-core` serves stdio.
// Both HTTP targets answer the same trivial tool through the SDK's createMcpHandler; the
// difference is everything core adds (validation, consent check, size rules, audit, listings).
import { enableCompileCache } from 'node:module'

enableCompileCache()
const { createServer: createNodeServer } = await import('node:http')
const { createLogger, createServer, defineProduct, defineTool, startHttp, startStdio } = await import('@bizmcp/core')
const { z } = await import('zod')

const echo = defineTool({
  name: 'echo',
  title: 'Echo',
  description: 'Returns the text it is given.',
  input: z.object({ text: z.string().max(1000) }),
  output: z.object({ text: z.string() }),
  annotations: { readOnlyHint: true },
  toolset: 'bench',
  run: async ({ text }) => ({ text }),
})
const product = defineProduct({
  name: 'bench',
  title: 'Bench',
  description: 'bench',
  version: '1.0.0',
  toolsets: { bench: 'bench' },
  tools: [echo],
})

const mode = process.argv[2]
if (mode === 'http-core') {
  // audit on, as deployments run it (the parent discards stderr)
  const server = createServer([{ product, client: {} }], { name: 'bench', logger: createLogger() })
  const handle = await startHttp({ routes: [{ path: '/mcp', server }] })
  console.log(handle.port)
} else if (mode === 'http-bare') {
  const { toNodeHandler } = await import('@modelcontextprotocol/node')
  const { createMcpHandler, McpServer } = await import('@modelcontextprotocol/server')
  const handler = createMcpHandler(() => {
    const server = new McpServer({ name: 'bench', version: '1.0.0' })
    server.registerTool(
      'echo',
      {
        title: 'Echo',
        description: 'Returns the text it is given.',
        inputSchema: z.object({ text: z.string().max(1000) }),
        outputSchema: z.object({ text: z.string() }),
        annotations: { readOnlyHint: true },
      },
      async ({ text }) => ({
        content: [{ type: 'text', text: JSON.stringify({ text }) }],
        structuredContent: { text },
      }),
    )
    return server
  })
  const node = toNodeHandler(handler)
  const server = createNodeServer((req, res) => void node(req, res))
  server.listen(0, '127.0.0.1', () => console.log(server.address().port))
} else if (mode === 'stdio-core') {
  startStdio(createServer([{ product, client: {} }], { name: 'bench' }))
} else {
  console.error('usage: node targets.mjs http-core|http-bare|stdio-core')
  process.exit(2)
}
