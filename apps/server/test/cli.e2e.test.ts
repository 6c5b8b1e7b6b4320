// The built bizmcp command as a user runs it.
import { describe, expect, it } from 'vitest'
import { runCli, startCli } from './cli-process.js'

describe('bizmcp command', () => {
  it('prints help and its version', () => {
    const help = runCli(['--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('Usage:')
    const version = runCli(['--version'])
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('exits with 2 and a hint on a bad flag, printing nothing on stdout', () => {
    const result = runCli(['--prodcts', 'x'])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/bizmcp: Unknown option '--prodcts'.*--help/)
  })

  it('prints the config JSON Schema', () => {
    const result = runCli(['config', 'schema'])
    expect(JSON.parse(result.stdout).type).toBe('object')
  })

  it('serves the sandbox over HTTP with working credentials, and stops on SIGTERM', async () => {
    const { child, output, exited } = await startCli(['sandbox', 'serve', '--port', '0', '--json'], /\}\s*$/)
    try {
      const description = JSON.parse(output.stdout)
      expect(description.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const { entra, emulators } = description
      expect(emulators.dataverse.url).toBe(`${description.baseUrl}/dataverse`)
      const discovery = await fetch(
        `${description.baseUrl}/entra/${entra.tenantId}/v2.0/.well-known/openid-configuration`,
      )
      expect((await discovery.json()).token_endpoint).toBe(entra.tokenEndpoint)
      const token = await fetch(entra.tokenEndpoint, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: entra.clientId,
          client_secret: entra.clientSecret,
          scope: `${emulators.dataverse.url}/.default`,
        }),
      })
      const { access_token } = (await token.json()) as { access_token: string }
      const whoAmI = await fetch(`${emulators.dataverse.url}/api/data/v9.2/WhoAmI`, {
        headers: { Authorization: `Bearer ${access_token}` },
      })
      expect(whoAmI.status).toBe(200)
      expect((await whoAmI.json()).UserId).toMatch(/^[0-9a-f-]{36}$/)
      const refused = await fetch(`${emulators.dataverse.url}/api/data/v9.2/WhoAmI`, {
        headers: { Authorization: 'Bearer forged' },
      })
      expect(refused.status).toBe(401)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })
})
