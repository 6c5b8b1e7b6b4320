#!/usr/bin/env node
// Runs the Dynamics 365 Sales server alone over stdio: against the org in DATAVERSE_URL, or the local sandbox when it is not set.
import { serveProductOverStdio } from '@bizmcp/core'
import { salesModule } from './product.js'

await serveProductOverStdio(salesModule, {
  name: 'sales-mcp',
  sandbox: async (emulators) => (await import('@bizmcp/sandbox')).standardSandboxConnection(emulators),
})
