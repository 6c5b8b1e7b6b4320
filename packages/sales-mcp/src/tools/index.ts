import { draftOutreachEmail } from './D365_Sales_DraftOutreachEmail.js'
import { invokeLeadSummary } from './D365_Sales_InvokeLeadSummary.js'
import { listLeads } from './D365_Sales_ListLeads.js'
import { qualifyLeadToOpportunity } from './D365_Sales_QualifyLeadToOpportunity.js'
import { sendOutreachEmail } from './D365_Sales_SendOutreachEmail.js'
import { draftQualificationOutreach } from './draft_outreach_email.js'
import { getAccountResearch } from './get_account_research.js'
import { getCompetitorResearch } from './get_competitor_research.js'
import { getEngageSummary } from './get_engage_summary.js'
import { getLeadQualificationAssessment } from './get_lead_qualification_assessment.js'
import { getLeadResearch } from './get_lead_research.js'

export {
  draftOutreachEmail,
  draftQualificationOutreach,
  getAccountResearch,
  getCompetitorResearch,
  getEngageSummary,
  getLeadQualificationAssessment,
  getLeadResearch,
  invokeLeadSummary,
  listLeads,
  qualifyLeadToOpportunity,
  sendOutreachEmail,
}

/** in listing order: the Sales MCP server's lead tools, then the Sales Qualification Agent's */
export const salesTools = [
  listLeads,
  qualifyLeadToOpportunity,
  invokeLeadSummary,
  draftOutreachEmail,
  sendOutreachEmail,
  getAccountResearch,
  getCompetitorResearch,
  getEngageSummary,
  getLeadQualificationAssessment,
  getLeadResearch,
  draftQualificationOutreach,
]
