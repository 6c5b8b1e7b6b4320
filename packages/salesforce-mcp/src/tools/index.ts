import type { AnyTool } from '@bizmcp/core'
import { convertLead } from './convertLead.js'
import { createAccount } from './createAccount.js'
import { createContact } from './createContact.js'
import { createLead } from './createLead.js'
import { createOpportunity } from './createOpportunity.js'
import { executeBatch } from './executeBatch.js'
import { executeComposite } from './executeComposite.js'
import { executeQuery } from './executeQuery.js'
import { generateForecast } from './generateForecast.js'
import { getAccount } from './getAccount.js'
import { getContact } from './getContact.js'
import { getLead } from './getLead.js'
import { getOpportunity } from './getOpportunity.js'
import { getReport } from './getReport.js'
import { listReports } from './listReports.js'
import { queryActivities } from './queryActivities.js'
import { updateAccount } from './updateAccount.js'
import { updateContact } from './updateContact.js'
import { updateLead } from './updateLead.js'
import { updateOpportunity } from './updateOpportunity.js'

export {
  convertLead,
  createAccount,
  createContact,
  createLead,
  createOpportunity,
  executeBatch,
  executeComposite,
  executeQuery,
  generateForecast,
  getAccount,
  getContact,
  getLead,
  getOpportunity,
  getReport,
  listReports,
  queryActivities,
  updateAccount,
  updateContact,
  updateLead,
  updateOpportunity,
}

/** in the seed's order */
export const salesforceTools: AnyTool[] = [
  createLead,
  getLead,
  updateLead,
  convertLead,
  createOpportunity,
  updateOpportunity,
  getOpportunity,
  createAccount,
  getAccount,
  updateAccount,
  createContact,
  updateContact,
  getContact,
  generateForecast,
  getReport,
  listReports,
  queryActivities,
  executeQuery,
  executeComposite,
  executeBatch,
]
