export { type SandboxConnectionInfo, sandboxConnection, standardSandboxConnection } from './connection.js'
export {
  createDataverseEmulator,
  type DataverseEmulator,
  type DataverseEmulatorOptions,
  type TokenVerification,
} from './dataverse/emulator.js'
export { findTable, getTable, getTableBySetName, standardSchema } from './dataverse/schema/index.js'
export type {
  AttributeDefinition,
  AttributeType,
  RelationshipDefinition,
  SchemaDefinition,
  SeedData,
  TableDefinition,
} from './dataverse/schema/types.js'
export { generateSeed, generateSeedStream, sandboxUsers } from './dataverse/seed/index.js'
export {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_TENANT_DOMAIN,
  DEFAULT_TENANT_ID,
  DEFAULT_USER_PASSWORD,
  defaultEntraUsers,
  type EntraApp,
  type EntraConfig,
  type EntraOptions,
  type EntraTenant,
  type EntraUser,
} from './entra/config.js'
export { ENTRA_PREFIX, SANDBOX_AUTHORITY_HOST } from './entra/emulator.js'
export {
  createSandboxHttpClient,
  type PipelineHttpHeaders,
  type PipelineRequestLike,
  type PipelineResponseLike,
  type SandboxHttpClient,
} from './entra/http-client.js'
export type { AccessTokenClaims } from './entra/tokens.js'
export {
  type AccessTokenVerifier,
  type TokenRejection,
  type VerifyOptions,
  type VerifyResult,
  verifyAccessToken,
} from './entra/verify.js'
export { createErpEmulator, ERP_PREFIX, type ErpEmulator, type ErpEmulatorOptions } from './erp/emulator.js'
export type {
  ErpAction,
  ErpAttachment,
  ErpCompany,
  ErpEntity,
  ErpEntityCatalog,
  ErpField,
  ErpFilter,
  ErpRecords,
  ErpRow,
  ErpStore,
  ErpUser,
  ErpValue,
} from './erp/model.js'
export { ErpError } from './erp/model.js'
export {
  AGING_BUCKETS,
  type AgingBucket,
  agingBucket,
  agingTotals,
  createErpRecords,
  DEFAULT_COMPANY as ERP_DEFAULT_COMPANY,
  type ErpRecordsOptions,
  erpCatalog,
  MAX_ATTACHMENT_BYTES,
} from './erp/records.js'
export {
  type ConnectedApp,
  DEFAULT_SF_CLIENT_ID,
  DEFAULT_SF_CLIENT_SECRET,
  DEFAULT_SF_PASSWORD,
  DEFAULT_SF_SECURITY_TOKEN,
  defaultSalesforceLogins,
  type SalesforceConfig,
  type SalesforceConfigOptions,
  type SalesforceLogin,
} from './salesforce/config.js'
export {
  createSalesforceEmulator,
  SALESFORCE_PREFIX,
  type SalesforceEmulator,
  type SalesforceEmulatorOptions,
} from './salesforce/emulator.js'
export { salesCloudSchema } from './salesforce/schema/objects.js'
export type {
  FieldDef as SalesforceFieldDef,
  ObjectDef as SalesforceObjectDef,
  SchemaDef as SalesforceSchema,
} from './salesforce/schema/types.js'
export type { DemoSeedOptions as SalesforceSeedOptions } from './salesforce/seed/index.js'
export {
  createSandbox,
  DEFAULT_SANDBOX_BASE_URL,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  type Sandbox,
  type SandboxEntra,
  type SandboxOptions,
  type SandboxUser,
} from './sandbox.js'
export {
  describeSandbox,
  formatSandboxDescription,
  type SandboxDescription,
  type SandboxUserDescription,
} from './server/describe.js'
export { isLoopback, type ServedSandbox, type ServeOptions, serveSandbox } from './server/serve.js'
export type { Clock } from './shared/clock.js'
export { openDatabase } from './shared/db.js'
export type { Emulator } from './shared/emulator.js'
export { createStandardSandbox, type StandardSandboxOptions, standardEmulatorNames } from './standard.js'
