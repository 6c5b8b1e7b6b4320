#!/usr/bin/env node
// Runs this product alone over stdio: on the sandbox unless ERP_URL is set.
import { serveProductOverStdio } from '@bizmcp/core'
import { erpModule } from './product.js'

await serveProductOverStdio(erpModule, {
  name: 'erp-mcp',
  sandbox: async (emulators) => (await import('@bizmcp/sandbox')).standardSandboxConnection(emulators),
})
