export { acceptConsent, declineConsent, ERAS, errorBody, structured as ok } from '@bizmcp/core/testing'
export { type SalesforceTestEnv as TestEnv, startSalesforceEnv as startEnv } from '../src/testing.js'
