// Scenarios shipped with the harness, by product. Product packages register their own by
// exporting them from `@bizmcp/<product>-mcp/scenarios`, which --products loads too.
import type { Scenario } from '../scenario.js'
import { dataverseScenarios } from './dataverse.js'

export const builtinScenarios: Record<string, Scenario[]> = {
  dataverse: dataverseScenarios,
}
