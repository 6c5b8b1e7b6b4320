#!/usr/bin/env node
// Runs the Customer Service server alone over stdio: against the org in DATAVERSE_URL, or the
// local sandbox when it is not set.
import { createLogger, createServer, type SandboxConnection, startStdio } from '@bizmcp/core'
import { serviceModule } from './product.js'

const log = createLogger()
let sandbox: SandboxConnection | undefined
if (!serviceModule.isConfigured(process.env)) {
  const { createStandardSandbox, sandboxConnection } = await import('@bizmcp/sandbox')
  sandbox = sandboxConnection(createStandardSandbox({ emulators: ['dataverse'], lazy: true }))
  log.info('DATAVERSE_URL is not set: using the local sandbox')
}
const client = await serviceModule.connect({ env: process.env, log, ...(sandbox ? { sandbox } : {}) })
startStdio(
  createServer([{ product: serviceModule.product, client }], {
    name: 'service-mcp',
    logger: log,
    ...(process.env.BIZMCP_READ_ONLY === 'true' ? { readOnly: true } : {}),
  }),
)
