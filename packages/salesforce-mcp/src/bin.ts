#!/usr/bin/env node
// Runs the Salesforce server alone over stdio: against the org the SALESFORCE_* variables (or a
// stored web login) describe, or the local sandbox's emulator when none are set (or with --sandbox).
// `salesforce-mcp login` logs in through the browser and stores the tokens instead.
import { serveProductOverStdio } from '@bizmcp/core'
import { salesforceModule } from './product.js'

if (process.argv[2] === 'login') {
  const { runLogin } = await import('./login-command.js')
  try {
    await runLogin(process.argv.slice(3), process.env)
    process.exit(0)
  } catch (error) {
    process.stderr.write(`Login failed: ${(error as Error).message}\n`)
    process.exit(1)
  }
}

await serveProductOverStdio(salesforceModule, {
  name: 'salesforce-mcp',
  forceSandbox: process.argv.includes('--sandbox'),
  sandbox: async (emulators) => (await import('@bizmcp/sandbox')).standardSandboxConnection(emulators),
})
