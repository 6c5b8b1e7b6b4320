// The Salesforce scenarios, for this package's tests and for bizmcp-conformance
// (`--scenarios @bizmcp/salesforce-mcp/scenarios`, or `--products salesforce`).
import type { Scenario } from '@bizmcp/core/testing'
import { tradeShow } from './trade-show.js'

export { tradeShow }
export const salesforceScenarios: Scenario[] = [tradeShow]
export default salesforceScenarios
