// `bizmcp config client <client>`: how to register a bizmcp server in each common MCP client,
// either a local stdio command or a deployed HTTP endpoint.
import { resolve } from 'node:path'
import type { ClientSnippetArgs } from './args.js'

export function clientSnippet(args: ClientSnippetArgs): string {
  const args_ = [
    ...(args.config ? ['--config', resolve(args.config)] : []),
    ...(args.server ? ['--server', args.server] : []),
  ]
  const stdio = { command: 'npx', args: ['-y', 'bizmcp', ...args_] }
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

  switch (args.client) {
    case 'claude-code':
      return args.url
        ? `claude mcp add --transport http ${args.name} ${args.url}\n`
        : `claude mcp add ${args.name} -- ${[stdio.command, ...stdio.args].map(quote).join(' ')}\n`
    case 'claude-desktop':
      // Claude Desktop starts local servers; a remote one is added under Settings → Connectors.
      return args.url
        ? `# Add ${args.url} in Claude Desktop under Settings → Connectors → Add custom connector.\n`
        : `# claude_desktop_config.json\n${json({ mcpServers: { [args.name]: stdio } })}`
    case 'vscode':
      return `# .vscode/mcp.json\n${json({ servers: { [args.name]: args.url ? { type: 'http', url: args.url } : { type: 'stdio', ...stdio } } })}`
    case 'cursor':
      return `# .cursor/mcp.json\n${json({ mcpServers: { [args.name]: args.url ? { url: args.url } : stdio } })}`
  }
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
