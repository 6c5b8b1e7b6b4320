import { updateRecordTool } from './support/crud.js'

export const updateLead = updateRecordTool({
  name: 'updateLead',
  title: 'Update lead',
  type: 'Lead',
  toolset: 'leads',
  description:
    'Updates lead fields, e.g. Status, Rating or a score field, OwnerId to reassign. Converted leads cannot change; use convertLead to convert.',
})
