import { updateRecordTool } from './support/crud.js'

export const updateContact = updateRecordTool({
  name: 'updateContact',
  title: 'Update contact',
  type: 'Contact',
  toolset: 'accounts',
  description: 'Updates contact fields: details, preferences, AccountId or ReportsToId to change its association.',
})
