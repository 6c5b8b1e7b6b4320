export { countToolTokens, DEFAULT_TOKEN_BUDGET, tokenTable } from './contract/tokens.js'
export { toJUnit } from './junit.js'
export { OFFICIAL_SCENARIOS } from './official.js'
export { TOOL_NAME } from './protocol/tools-list.js'
export { formatReport } from './report.js'
export { runConformance } from './run.js'
export {
  type Assert,
  AssertionFailure,
  assert,
  defineScenario,
  isScenario,
  loadScenarios,
  productScenarios,
  type Scenario,
  type ScenarioMode,
  type ScenarioStep,
  type StepContext,
  scenarioMode,
} from './scenario.js'
export { builtinScenarios } from './scenarios/index.js'
export { splitCommand } from './target.js'
export type {
  CheckResult,
  ConformanceOptions,
  ListedTool,
  Report,
  Status,
  SuiteName,
  Target,
  TokenRow,
  TokenTable,
} from './types.js'
