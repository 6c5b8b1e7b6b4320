// A real child process speaking MCP over stdio: stdout carries only protocol messages,
// audit lines go to stderr, and consent works through elicitation on the stateful connection.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { connectStdio, errorBody } from '../src/testing/index.js'

const here = dirname(fileURLToPath(import.meta.url))
const args = ['--conditions=@bizmcp/source', '--import', 'tsx', join(here, 'fixtures/stdio-server.ts')]

describe('stdio transport', () => {
  it('serves tools to a spawned 2025-era client and asks consent by elicitation', async () => {
    const { client, close } = await connectStdio(process.execPath, args, {
      cwd: join(here, '..'),
      onElicit: async () => ({ action: 'accept', content: { approve: true } }),
    })
    expect((await client.listTools()).tools.length).toBe(7)
    const note = await client.callTool({ name: 'get_note', arguments: { id: '2' } })
    expect(note.structuredContent).toMatchObject({ id: '2', title: 'Note 2' })
    const deleted = await client.callTool({ name: 'delete_note', arguments: { id: '2' } })
    expect(deleted.structuredContent).toEqual({ deleted: '2' })
    const gone = await client.callTool({ name: 'get_note', arguments: { id: '2' } })
    expect(errorBody(gone).code).toBe('NotFound')
    await close()
  })

  it('serves a 2026-era client on the same command', async () => {
    const { client, close } = await connectStdio(process.execPath, args, { cwd: join(here, '..'), era: 'modern' })
    expect(client.getProtocolEra()).toBe('modern')
    const result = await client.callTool({ name: 'list_notes', arguments: {} })
    expect((result.structuredContent as { total: number }).total).toBe(3)
    await close()
  })

  it('keeps stdout for JSON-RPC and writes one audit line per call to stderr, without argument values', async () => {
    const child = spawn(process.execPath, args, { cwd: join(here, '..'), stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const send = (message: unknown) => child.stdin.write(`${JSON.stringify(message)}\n`)
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    })
    send({ jsonrpc: '2.0', method: 'notifications/initialized' })
    send({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'get_note', arguments: { id: 'secret-id-value' } },
    })
    const deadline = Date.now() + 15_000
    while (!(stdout.includes('"id":2') && stderr.includes('get_note')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20))
    child.stdin.end()
    await new Promise((resolve) => child.once('exit', resolve))
    const lines = stdout.trim().split('\n')
    expect(lines.length).toBe(2)
    for (const line of lines) expect(JSON.parse(line).jsonrpc).toBe('2.0')
    const audit = stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .find((entry) => entry.audit)
    expect(audit).toMatchObject({
      server: 'notes-stdio',
      tool: 'get_note',
      outcome: 'error',
      code: 'NotFound',
      args: ['id'],
    })
    expect(typeof audit.durationMs).toBe('number')
    expect(stderr).not.toContain('secret-id-value')
  })
})
