export { createDataverseClient, type DataverseClientOptions } from './client/client.js'
export { dataverseToolError, decodeDataverseError } from './client/errors.js'
export { closestNames, parseGuid } from './client/names.js'
export type * from './client/types.js'
export { defineDataverseTool } from './define-tool.js'
export {
  credentialConfigFromEnv,
  dataverseModule,
  dataverseModule as default,
  product,
  tokenProviderFromEnv,
} from './product.js'
export * from './tools/index.js'
export { type FormattedRecord, formatRecord } from './tools/support/records.js'
export { buildRecordBody } from './tools/support/values.js'
