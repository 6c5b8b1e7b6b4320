export {
  fileTokenStore,
  type StoredTokens,
  type TokenStore,
  tokenStoreFromEnv,
} from './auth/token-store.js'
export { WebLoginError, type WebLoginOptions, type WebLoginResult, webLogin } from './auth/web-login.js'
export {
  API_VERSION,
  authFromEnv,
  createSalesforceClient,
  DEFAULT_LOGIN_URL,
  type LeadConvertRequest,
  type QueryPage,
  type SalesforceAuth,
  type SalesforceClient,
  type SalesforceClientOptions,
} from './client.js'
export { defineSalesforceTool } from './define-tool.js'
export { decodeSalesforceError, salesforceToolError } from './errors.js'
export { product, salesforceModule, salesforceModule as default } from './product.js'
export * from './tools/index.js'
