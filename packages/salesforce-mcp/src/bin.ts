#!/usr/bin/env node
// Runs the Salesforce server alone over stdio: against the org the SALESFORCE_* variables (or a
// stored web login) describe, or the local sandbox's emulator when none are set (or with --sandbox).
// `salesforce-mcp login` logs in through the browser and stores the tokens instead.
import { createLogger, createServer, type SandboxConnection, startStdio } from '@bizmcp/core'
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

const log = createLogger()
let sandbox: SandboxConnection | undefined
if (process.argv.includes('--sandbox') || !salesforceModule.isConfigured(process.env)) {
  const { createStandardSandbox, sandboxConnection } = await import('@bizmcp/sandbox')
  sandbox = sandboxConnection(createStandardSandbox({ emulators: ['salesforce'] }))
  log.info('No Salesforce org configured: using the local sandbox')
}
const client = await salesforceModule.connect({ env: process.env, log, ...(sandbox ? { sandbox } : {}) })
startStdio(
  createServer([{ product: salesforceModule.product, client }], {
    name: 'salesforce-mcp',
    logger: log,
    ...(process.env.BIZMCP_READ_ONLY === 'true' ? { readOnly: true } : {}),
  }),
)
