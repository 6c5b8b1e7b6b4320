import { getRecordTool } from './support/crud.js'

export const getOpportunity = getRecordTool({
  name: 'getOpportunity',
  title: 'Get opportunity',
  type: 'Opportunity',
  toolset: 'opportunities',
  description: 'Reads one opportunity with forecast fields and its products (line items); choose fields by API name.',
  defaults: [
    'Name',
    'AccountId',
    'Account.Name',
    'StageName',
    'Amount',
    'Probability',
    'ExpectedRevenue',
    'CloseDate',
    'Type',
    'NextStep',
    'LeadSource',
    'IsClosed',
    'IsWon',
    'ForecastCategoryName',
    'FiscalYear',
    'FiscalQuarter',
    'OwnerId',
    'Owner.Name',
    'Description',
  ],
  related: [
    {
      name: 'OpportunityLineItems',
      soql: 'SELECT Id, Product2Id, Product2.Name, ProductCode, Quantity, UnitPrice, ListPrice, TotalPrice, Discount FROM OpportunityLineItems',
    },
  ],
})
