import { getRecordTool } from './support/crud.js'

export const getAccount = getRecordTool({
  name: 'getAccount',
  title: 'Get account',
  type: 'Account',
  toolset: 'accounts',
  description:
    'Reads one account with chosen fields (custom fields end in __c), its parent, child accounts, contacts and opportunities (50 each).',
  defaults: [
    'Name',
    'Type',
    'Industry',
    'AnnualRevenue',
    'NumberOfEmployees',
    'Rating',
    'Phone',
    'Website',
    'BillingStreet',
    'BillingCity',
    'BillingState',
    'BillingPostalCode',
    'BillingCountry',
    'ShippingCity',
    'ShippingCountry',
    'ParentId',
    'Parent.Name',
    'AccountSource',
    'OwnerId',
    'Owner.Name',
    'Description',
  ],
  related: [
    { name: 'ChildAccounts', soql: 'SELECT Id, Name, Type FROM ChildAccounts LIMIT 50' },
    { name: 'Contacts', soql: 'SELECT Id, Name, Title, Email, Phone FROM Contacts LIMIT 50' },
    {
      name: 'Opportunities',
      soql: 'SELECT Id, Name, StageName, Amount, CloseDate, IsClosed FROM Opportunities ORDER BY CloseDate DESC LIMIT 50',
    },
  ],
})
