import { createRecordTool } from './support/crud.js'

export const createContact = createRecordTool({
  name: 'createContact',
  title: 'Create contact',
  type: 'Contact',
  toolset: 'accounts',
  description:
    'Creates a contact: LastName required, AccountId to attach; Title/Department for role, HasOptedOutOfEmail and DoNotCall for preferences.',
})
