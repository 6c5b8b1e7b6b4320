// The Sales scenarios, for this package's tests and for bizmcp-conformance
// (`--scenarios @bizmcp/sales-mcp/scenarios`, or `--products sales`).
import type { Scenario } from '@bizmcp/core/testing'
import { eventAttendeesToOrder } from './event-attendees-to-order.js'
import { webLeadToQuote } from './web-lead-to-quote.js'

export { eventAttendeesToOrder, webLeadToQuote }
export const salesScenarios: Scenario[] = [eventAttendeesToOrder, webLeadToQuote]
export default salesScenarios
