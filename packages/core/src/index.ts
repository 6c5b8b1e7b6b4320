export { type AuditEntry, auditToolCall, createLogger, type Logger, type LoggerOptions, silentLogger } from './audit.js'
export {
  createEntraCredential,
  defaultScope,
  type EntraCredentialConfig,
  entraTokenProvider,
} from './auth/entra.js'
export { ENTRA_AUTH_KINDS, entraCredentialFromEnv, onBehalfOfFromEnv } from './auth/env-credential.js'
export { type OnBehalfOfOptions, onBehalfOfTokenProvider } from './auth/on-behalf-of.js'
export { sandboxTokenProvider } from './auth/sandbox-token.js'
export { maskSecret, readSecret, type SecretRef } from './auth/secrets.js'
export {
  type AccessToken,
  type CachedTokenOptions,
  cachedTokenProvider,
  staticTokenProvider,
  type TokenProvider,
} from './auth/token-provider.js'
export { currentCaller, runAsCaller } from './caller-context.js'
export { type ConsentFallback, obtainConsent } from './consent.js'
export { type CursorCodec, createCursorCodec } from './cursor.js'
export {
  createHttpClient,
  type FetchLike,
  type HttpClient,
  type HttpClientOptions,
  type HttpResponse,
  type RequestOptions,
} from './http/client.js'
export {
  backoffDelay,
  DEFAULT_RETRY,
  isIdempotentMethod,
  parseRetryAfter,
  type RetryPolicy,
  shouldRetry,
} from './http/retry.js'
export { Semaphore } from './http/semaphore.js'
export { NO_RESPONSE, toolErrorFromVendor, VendorError, type VendorErrorInit } from './http/vendor-error.js'
export { DEFAULT_LIMITS, type Limits, resolveLimits } from './limits.js'
export {
  type ConnectOptions,
  defineProduct,
  type ProductBinding,
  type ProductDefinition,
  type ProductModule,
  type PromptDefinition,
  type ResourceDefinition,
  type SandboxConnection,
} from './product.js'
export { createRateLimiter, type RateLimit, type RateLimiter, type RateLimitOptions } from './rate-limit.js'
export { errorResult, successResult, type ToolCallResult } from './result.js'
export { buildToolSchemas, ResultResource, type ToolSchemas, toJsonSchema } from './schemas.js'
export { type SelectedTool, SelectionError, selectTools, type ToolSelectionOptions } from './selection.js'
export { type BizmcpServer, type CreateServerOptions, createServer, type PreparedTool } from './server.js'
export {
  type AnyTool,
  type AttachedFile,
  type Caller,
  type ConsentContext,
  defineTool,
  isWriteTool,
  type SampleRequest,
  TOOL_NAME_PATTERN,
  type ToolAnnotations,
  type ToolContext,
  type ToolDefinition,
  toolBuilder,
} from './tool.js'
export {
  invalidInput,
  isToolError,
  ToolError,
  type ToolErrorBody,
  type ToolErrorCode,
  toToolError,
} from './tool-error.js'
export {
  closeOnSignals,
  type HttpRoute,
  type HttpServerHandle,
  type HttpTransportOptions,
  startHttp,
} from './transports/http.js'
export {
  type ApiKey,
  type Authenticator,
  apiKeyAuthenticator,
  hashApiKey,
  type OAuthResourceServer,
  type OAuthResourceServerOptions,
  oauthResourceServer,
} from './transports/http-auth.js'
export { type ProductStdioOptions, serveProductOverStdio } from './transports/product-stdio.js'
export { type StdioOptions, startStdio } from './transports/stdio.js'
