import { createRecordTool } from './support/crud.js'

export const createAccount = createRecordTool({
  name: 'createAccount',
  title: 'Create account',
  type: 'Account',
  toolset: 'accounts',
  description:
    'Creates an account: Name required; Billing*/Shipping* address fields (Street, City, State, PostalCode, Country), ParentId for hierarchy.',
})
