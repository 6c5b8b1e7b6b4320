// Test helpers: the shared Dataverse test environment (src/testing.ts) and core's result helpers.
export { ERAS, errorBody, structured as ok } from '@bizmcp/core/testing'
export { type DataverseTestEnv as TestEnv, startDataverseEnv as startEnv } from '../src/testing.js'
