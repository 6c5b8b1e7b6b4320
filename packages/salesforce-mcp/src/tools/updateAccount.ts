import { updateRecordTool } from './support/crud.js'

export const updateAccount = updateRecordTool({
  name: 'updateAccount',
  title: 'Update account',
  type: 'Account',
  toolset: 'accounts',
  description: 'Updates account fields, e.g. AnnualRevenue, NumberOfEmployees, Type or Industry (segment), Rating.',
})
