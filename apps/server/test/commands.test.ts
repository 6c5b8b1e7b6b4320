// Commands that print something for an operator: client snippets and API keys.

import { hashApiKey } from '@bizmcp/core'
import { describe, expect, it } from 'vitest'
import { parseCliArgs, UsageError } from '../src/args.js'
import { clientSnippet } from '../src/client-snippets.js'
import { run } from '../src/main.js'

async function capture(argv: string[]) {
  const out = { stdout: '', stderr: '' }
  const code = await run(argv, { env: {}, stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) })
  return { code, ...out }
}

describe('bizmcp config client', () => {
  const snippet = (argv: string[]) => {
    const args = parseCliArgs(['config', 'client', ...argv])
    if (args.kind !== 'config-client') throw new Error('not a client command')
    return clientSnippet(args)
  }

  it('registers a local stdio server in each client', () => {
    expect(snippet(['claude-code'])).toBe('claude mcp add bizmcp -- npx -y bizmcp\n')
    const desktop = JSON.parse(snippet(['claude-desktop']).split('\n').slice(1).join('\n'))
    expect(desktop).toEqual({ mcpServers: { bizmcp: { command: 'npx', args: ['-y', 'bizmcp'] } } })
    const vscode = JSON.parse(
      snippet(['vscode', '--config', '/etc/bizmcp.json', '--server', 'reporting']).split('\n').slice(1).join('\n'),
    )
    expect(vscode).toEqual({
      servers: {
        reporting: {
          type: 'stdio',
          command: 'npx',
          args: ['-y', 'bizmcp', '--config', '/etc/bizmcp.json', '--server', 'reporting'],
        },
      },
    })
    const cursor = JSON.parse(snippet(['cursor', '--name', 'crm']).split('\n').slice(1).join('\n'))
    expect(cursor.mcpServers.crm.command).toBe('npx')
  })

  it('registers a deployed HTTP server in each client', () => {
    expect(snippet(['claude-code', '--url', 'https://mcp.example.com/mcp/reporting', '--name', 'reporting'])).toBe(
      'claude mcp add --transport http reporting https://mcp.example.com/mcp/reporting\n',
    )
    expect(snippet(['vscode', '--url', 'https://mcp.example.com/mcp'])).toContain('"type": "http"')
    expect(snippet(['cursor', '--url', 'https://mcp.example.com/mcp'])).toContain(
      '"url": "https://mcp.example.com/mcp"',
    )
    expect(snippet(['claude-desktop', '--url', 'https://mcp.example.com/mcp'])).toContain('Connectors')
  })

  it('refuses unknown clients and contradictory options', () => {
    expect(() => parseCliArgs(['config', 'client', 'emacs'])).toThrow(UsageError)
    expect(() => parseCliArgs(['config', 'client', 'vscode', '--url', 'https://x', '--server', 'a'])).toThrow(
      /Pick one/,
    )
    expect(() => parseCliArgs(['config', 'client', 'vscode', '--url', 'ftp://x'])).toThrow(/http\(s\) URL/)
  })
})

describe('bizmcp config hash-key', () => {
  it('makes a new key and its hash, or hashes a given key', async () => {
    const made = await capture(['config', 'hash-key'])
    const { key, sha256 } = JSON.parse(made.stdout)
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(sha256).toBe(hashApiKey(key))
    expect(made.stderr).toContain('only the sha256')
    const given = await capture(['config', 'hash-key', 'my-key'])
    expect(JSON.parse(given.stdout)).toEqual({ sha256: hashApiKey('my-key') })
  })
})
