#!/usr/bin/env node
// Runs the Dataverse server alone over stdio: against the org in DATAVERSE_URL, or the local sandbox when it is not set.
import { serveProductOverStdio } from '@bizmcp/core'
import { dataverseModule } from './product.js'

await serveProductOverStdio(dataverseModule, {
  name: 'dataverse-mcp',
  sandbox: async (emulators) => (await import('@bizmcp/sandbox')).standardSandboxConnection(emulators),
})
