import { describe, expect, it } from 'vitest'
import { HELP, parseCliArgs, UsageError } from '../src/args.js'

describe('bizmcp flags', () => {
  it('defaults to stdio on every product with the sandbox as fallback', () => {
    expect(parseCliArgs([])).toMatchObject({
      kind: 'serve',
      http: false,
      readOnly: false,
      sandboxMode: 'auto',
      consent: 'refuse',
      timeoutSeconds: 30,
      audit: true,
    })
  })

  it('parses selections and transports', () => {
    const args = parseCliArgs([
      '--products',
      'dataverse, sales',
      '--read-only',
      '--toolsets',
      'schema',
      '--tools',
      'a,b',
      '--deny-tools',
      'c',
      '--http',
      '--port',
      '9000',
      '--host',
      '0.0.0.0',
      '--allowed-hosts',
      'mcp.example.com',
      '--sandbox',
      '--consent',
      'confirm-argument',
      '--timeout',
      '60',
      '--no-audit',
    ])
    expect(args).toMatchObject({
      kind: 'serve',
      products: ['dataverse', 'sales'],
      readOnly: true,
      toolsets: ['schema'],
      tools: ['a', 'b'],
      denyTools: ['c'],
      http: true,
      port: 9000,
      host: '0.0.0.0',
      allowedHosts: ['mcp.example.com'],
      sandboxMode: 'always',
      consent: 'confirm-argument',
      timeoutSeconds: 60,
      audit: false,
    })
    expect(parseCliArgs(['--no-sandbox'])).toMatchObject({ sandboxMode: 'never' })
  })

  it('parses subcommands', () => {
    expect(parseCliArgs(['sandbox', 'serve', '--port', '0', '--db', 'x.db', '--scale', '3', '--json'])).toEqual({
      kind: 'sandbox-serve',
      port: 0,
      host: '127.0.0.1',
      db: 'x.db',
      scale: 3,
      json: true,
    })
    expect(parseCliArgs(['config', 'check', 'a.json'])).toEqual({ kind: 'config-check', file: 'a.json' })
    expect(parseCliArgs(['config', 'schema'])).toEqual({ kind: 'config-schema' })
    expect(parseCliArgs(['tools', '--json', '--read-only'])).toMatchObject({
      kind: 'tools',
      json: true,
      serve: { readOnly: true },
    })
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' })
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' })
  })

  it('explains every mistake and points at --help', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--prodcts', 'x'], /Unknown option '--prodcts'.*bizmcp --help/],
      [['--consent', 'maybe'], /--consent takes 'refuse' or 'confirm-argument'/],
      [['--port', 'abc'], /--port takes a whole number/],
      [['--timeout', '0'], /--timeout takes a whole number of at least 1/],
      [['--server', 'x'], /--server picks a server from a config file/],
      [['--sandbox', '--no-sandbox'], /contradict/],
      [['sandbox', 'start'], /bizmcp sandbox serve/],
      [['config'], /config check <file>/],
      [['config', 'check'], /needs a file/],
      [['serve'], /Unknown command 'serve'/],
      [['sandbox', 'serve', '--scale=-1'], /--scale takes a whole number of at least 1/],
      [['sandbox', 'serve', '--scale', '-1'], /'--scale' argument is ambiguous/],
    ]
    for (const [argv, message] of cases) {
      expect(() => parseCliArgs(argv), argv.join(' ')).toThrow(UsageError)
      expect(() => parseCliArgs(argv), argv.join(' ')).toThrow(message)
    }
  })

  it('documents every flag in --help with an example', () => {
    for (const flag of [
      '--products',
      '--read-only',
      '--toolsets',
      '--tools',
      '--deny-tools',
      '--sandbox',
      '--consent',
      '--timeout',
      '--http',
      '--port',
      '--host',
      '--config',
      '--server',
      '--no-audit',
      '--db',
      '--scale',
      '--json',
    ]) {
      expect(HELP).toContain(flag)
    }
  })
})
