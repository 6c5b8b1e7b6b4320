// Scenarios shipped with the harness, by product; product packages register their own with
// defineScenario and pass them in with --scenarios.
import type { Scenario } from '../scenario.js'
import { dataverseScenarios } from './dataverse.js'

export const builtinScenarios: Record<string, Scenario[]> = {
  dataverse: dataverseScenarios,
}
