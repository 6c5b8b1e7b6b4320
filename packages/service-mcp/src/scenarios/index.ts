// The Customer Service scenarios, for this package's tests and for bizmcp-conformance
// (`--scenarios @bizmcp/service-mcp/scenarios`, or `--products service`).
import type { Scenario } from '@bizmcp/core/testing'
import { representativeDay } from './representative-day.js'

export { representativeDay }
export const serviceScenarios: Scenario[] = [representativeDay]
export default serviceScenarios
