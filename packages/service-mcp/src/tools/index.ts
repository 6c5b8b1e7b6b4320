import type { AnyTool } from '@bizmcp/core'
import { draftEmailWithSuggestedResponse } from './draft_email_with_suggested_response.js'
import { enrichCase } from './enrich_case.js'
import { getNextSuggestionOnCase } from './get_next_suggestion_on_case.js'
import { listCases } from './list_cases.js'
import { resolveIncident } from './resolve_incident.js'
import { sendEmail } from './send_email.js'

export { draftEmailWithSuggestedResponse, enrichCase, getNextSuggestionOnCase, listCases, resolveIncident, sendEmail }

export const serviceTools: AnyTool[] = [
  listCases,
  enrichCase,
  getNextSuggestionOnCase,
  draftEmailWithSuggestedResponse,
  sendEmail,
  resolveIncident,
]
