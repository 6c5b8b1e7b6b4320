// The finance & operations scenarios, for this package's tests and for bizmcp-conformance
// (`--scenarios @bizmcp/erp-mcp/scenarios`, or `--products erp`).
import type { Scenario } from '@bizmcp/core/testing'
import { financeDay } from './finance-day.js'

export { financeDay }
export const erpScenarios: Scenario[] = [financeDay]
export default erpScenarios
