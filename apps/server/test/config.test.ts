import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, configJsonSchema, loadConfig, parseConfig } from '../src/config.js'

const valid = {
  servers: [
    { name: 'reporting', products: ['dataverse'], readOnly: true },
    {
      name: 'automation',
      products: ['dataverse'],
      timeoutSeconds: 60,
      credentials: {
        dataverse: {
          DATAVERSE_URL: 'https://contoso.crm.dynamics.com',
          AZURE_CLIENT_SECRET: { env: 'AUTOMATION_SECRET' },
        },
      },
    },
  ],
  http: { port: 9000 },
}

function problems(config: unknown): string {
  try {
    parseConfig(JSON.stringify(config), 'bizmcp.json')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
  throw new Error('expected the config to be refused')
}

describe('config file', () => {
  it('accepts a valid file and fills defaults', () => {
    const config = parseConfig(JSON.stringify(valid))
    expect(config.servers[0]).toMatchObject({
      name: 'reporting',
      readOnly: true,
      timeoutSeconds: 30,
      consent: 'refuse',
      audit: true,
      production: false,
    })
    expect(config.http?.host).toBe('127.0.0.1')
  })

  it('points at the offending key', () => {
    expect(problems({ servers: [{ name: 'x', products: ['dataverse'], readOnly: 'yes' }] })).toMatch(
      /servers\[0\]\.readOnly: .*boolean/,
    )
    expect(problems({ servers: [{ name: 'x', products: [] }] })).toMatch(/servers\[0\]\.products/)
    expect(problems({ servers: [{ name: 'Bad Name', products: ['dataverse'] }] })).toMatch(
      /servers\[0\]\.name: lowercase letters/,
    )
    expect(problems({ servers: [{ name: 'x', products: ['dataverse'], rateLimit: 3 }] })).toMatch(
      /servers\[0\]: Unrecognized key: "rateLimit"/,
    )
    expect(problems({ servers: [] })).toMatch(/servers/)
  })

  it('refuses inline secrets', () => {
    const message = problems({
      servers: [{ name: 'x', products: ['dataverse'], credentials: { dataverse: { AZURE_CLIENT_SECRET: 'hunter2' } } }],
    })
    expect(message).toMatch(/servers\[0\]\.credentials\.dataverse\.AZURE_CLIENT_SECRET: .*looks like a secret/)
    expect(message).not.toContain('hunter2')
  })

  it('refuses duplicate server names', () => {
    expect(
      problems({
        servers: [
          { name: 'a', products: ['x'] },
          { name: 'a', products: ['y'] },
        ],
      }),
    ).toMatch(/servers\[1\]\.name: server name 'a' is used twice/)
  })

  it('reports unreadable files and bad JSON plainly', () => {
    expect(() => loadConfig('/nonexistent/bizmcp.json')).toThrow(/Cannot read the config file .* \(ENOENT\)/)
    const dir = mkdtempSync(join(tmpdir(), 'bizmcp-config-'))
    writeFileSync(join(dir, 'bad.json'), '{ "servers": [ }')
    expect(() => loadConfig(join(dir, 'bad.json'))).toThrow(/is not valid JSON/)
  })

  it('publishes a JSON Schema editors can use', () => {
    const schema = configJsonSchema()
    expect(schema.$schema).toContain('2020-12')
    expect(JSON.stringify(schema)).toContain('readOnly')
  })
})

describe('config file: HTTP auth and rate limits', () => {
  it('accepts OAuth, API keys and rate limits', () => {
    const config = parseConfig(
      JSON.stringify({
        servers: [{ name: 'a', products: ['dataverse'], rateLimits: { perCaller: { limit: 60, windowSeconds: 60 } } }],
        http: {
          auth: {
            kind: 'oauth',
            issuer: 'https://login.example.com/t/v2.0',
            audience: 'api://bizmcp',
            requiredScopes: ['Tools.Call'],
            resourceUrl: 'https://mcp.example.com',
          },
        },
      }),
    )
    expect(config.http?.auth).toMatchObject({ kind: 'oauth', audience: 'api://bizmcp' })
    expect(config.servers[0]?.rateLimits?.perCaller).toEqual({ limit: 60, windowSeconds: 60 })
    const keys = parseConfig(
      JSON.stringify({
        servers: [{ name: 'a', products: ['x'] }],
        http: { auth: { kind: 'api-keys', keys: [{ name: 'agent', sha256: 'a'.repeat(64) }] } },
      }),
    )
    expect(keys.http?.auth).toMatchObject({ kind: 'api-keys' })
  })

  it('explains bad auth and rate limit settings', () => {
    expect(
      problems({
        servers: [{ name: 'a', products: ['x'] }],
        http: { auth: { kind: 'api-keys', keys: [{ name: 'agent', sha256: 'secret' }] } },
      }),
    ).toMatch(/http\.auth\.keys\[0\]\.sha256: a hex SHA-256 hash: bizmcp config hash-key prints one/)
    expect(
      problems({
        servers: [{ name: 'a', products: ['x'] }],
        http: { auth: { kind: 'oauth', issuer: 'not a url', audience: 'x', resourceUrl: 'https://m' } },
      }),
    ).toMatch(/http\.auth\.issuer/)
    expect(
      problems({
        servers: [{ name: 'a', products: ['x'], rateLimits: { perCaller: { limit: 0, windowSeconds: 60 } } }],
      }),
    ).toMatch(/servers\[0\]\.rateLimits\.perCaller\.limit/)
  })
})
