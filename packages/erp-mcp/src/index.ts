export {
  type AttachmentTarget,
  createAttachmentClient,
  type ErpAttachments,
  MAX_ATTACHMENT_BYTES,
} from './attachments/client.js'
export { createErpClient, type ErpClient } from './client.js'
export { credentialConfigFromEnv, type ErpConnection, resolveConnection, tokenProvidersFromEnv } from './connection.js'
export { defineErpTool } from './define-tool.js'
export {
  createFormSessions,
  type ErpForms,
  FormResult,
  type FormSessionsOptions,
  formsEndpoint,
} from './forms/index.js'
export { createODataClient, type ErpODataClient, type ODataClientOptions, type UserSession } from './odata/client.js'
export { decodeErpError, erpToolError } from './odata/errors.js'
export { canonicalKey, formatKey, keyFieldsOf, odataLiteral } from './odata/keys.js'
export { parseMetadata } from './odata/metadata.js'
export type * from './odata/types.js'
export { companyScope } from './odata/url.js'
export { erpModule, erpModule as default, product } from './product.js'
export { formTools } from './tools/form-tools.js'
export * from './tools/index.js'
