// The org's sales process: the opportunity stages and lead statuses every org starts with. They are
// rows (OpportunityStage, LeadStatus) and also the value lists of Opportunity.StageName and Lead.Status.

export interface StageDef {
  name: string
  probability: number
  forecastCategory: 'Omitted' | 'Pipeline' | 'BestCase' | 'Forecast' | 'Closed'
  isClosed: boolean
  isWon: boolean
}

/** ForecastCategory (API value) → ForecastCategoryName (label). */
export const FORECAST_CATEGORY_NAMES = {
  Omitted: 'Omitted',
  Pipeline: 'Pipeline',
  BestCase: 'Best Case',
  Forecast: 'Commit',
  Closed: 'Closed',
} as const

export const OPPORTUNITY_STAGES: StageDef[] = [
  { name: 'Prospecting', probability: 10, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { name: 'Qualification', probability: 10, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { name: 'Needs Analysis', probability: 20, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { name: 'Value Proposition', probability: 50, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { name: 'Id. Decision Makers', probability: 60, forecastCategory: 'Pipeline', isClosed: false, isWon: false },
  { name: 'Perception Analysis', probability: 70, forecastCategory: 'BestCase', isClosed: false, isWon: false },
  { name: 'Proposal/Price Quote', probability: 75, forecastCategory: 'BestCase', isClosed: false, isWon: false },
  { name: 'Negotiation/Review', probability: 90, forecastCategory: 'Forecast', isClosed: false, isWon: false },
  { name: 'Closed Won', probability: 100, forecastCategory: 'Closed', isClosed: true, isWon: true },
  { name: 'Closed Lost', probability: 0, forecastCategory: 'Omitted', isClosed: true, isWon: false },
]

export interface LeadStatusDef {
  name: string
  isConverted: boolean
  isDefault: boolean
}

export const LEAD_STATUSES: LeadStatusDef[] = [
  { name: 'Open - Not Contacted', isConverted: false, isDefault: true },
  { name: 'Working - Contacted', isConverted: false, isDefault: false },
  { name: 'Closed - Converted', isConverted: true, isDefault: false },
  { name: 'Closed - Not Converted', isConverted: false, isDefault: false },
]

export const TASK_STATUSES = [
  { value: 'Not Started', closed: false, default: true },
  { value: 'In Progress', closed: false, default: false },
  { value: 'Completed', closed: true, default: false },
  { value: 'Waiting on someone else', closed: false, default: false },
  { value: 'Deferred', closed: false, default: false },
]
