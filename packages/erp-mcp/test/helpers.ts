// Test helpers: the shared erp test environment (src/testing.ts) and core's result helpers.
export { acceptConsent, declineConsent, ERAS, errorBody, structured as ok } from '@bizmcp/core/testing'
export { type ErpTestEnv as TestEnv, startErpEnv as startEnv } from '../src/testing.js'
