#!/usr/bin/env node
// Runs the Customer Service server alone over stdio: against the org in DATAVERSE_URL, or the local sandbox when it is not set.
import { serveProductOverStdio } from '@bizmcp/core'
import { serviceModule } from './product.js'

await serveProductOverStdio(serviceModule, {
  name: 'service-mcp',
  sandbox: async (emulators) => (await import('@bizmcp/sandbox')).standardSandboxConnection(emulators),
})
