import { getRecordTool } from './support/crud.js'

export const getContact = getRecordTool({
  name: 'getContact',
  title: 'Get contact',
  type: 'Contact',
  toolset: 'accounts',
  description:
    'Reads one contact with chosen fields, its recent tasks and events (activity history, 20 each) and opportunities.',
  defaults: [
    'Name',
    'FirstName',
    'LastName',
    'AccountId',
    'Account.Name',
    'Title',
    'Department',
    'Email',
    'Phone',
    'MobilePhone',
    'MailingCity',
    'MailingCountry',
    'LeadSource',
    'ReportsToId',
    'HasOptedOutOfEmail',
    'DoNotCall',
    'OwnerId',
    'Description',
    'CreatedDate',
    'LastModifiedDate',
  ],
  related: [
    {
      name: 'Tasks',
      soql: 'SELECT Id, Subject, Status, ActivityDate, Type, WhatId FROM Tasks ORDER BY ActivityDate DESC LIMIT 20',
    },
    {
      name: 'Events',
      soql: 'SELECT Id, Subject, StartDateTime, EndDateTime, Location, WhatId FROM Events ORDER BY StartDateTime DESC LIMIT 20',
    },
    { name: 'Opportunities', soql: 'SELECT Id, Name, StageName, Amount, CloseDate FROM Opportunities LIMIT 20' },
  ],
})
