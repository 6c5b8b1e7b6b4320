// The standard Sales Cloud objects the emulator serves, with Salesforce's field and relationship names.
import {
  bool,
  currency,
  date,
  datetime,
  double,
  email,
  int,
  longText,
  object,
  percent,
  personName,
  phone,
  picklist,
  readOnly,
  ref,
  text,
  url,
} from './builders.js'
import { FORECAST_CATEGORY_NAMES, LEAD_STATUSES, OPPORTUNITY_STAGES, TASK_STATUSES } from './setup-values.js'
import type { ObjectDef, SchemaDef } from './types.js'

const required = { nillable: false }
const industries = [
  'Agriculture',
  'Apparel',
  'Banking',
  'Biotechnology',
  'Chemicals',
  'Communications',
  'Construction',
  'Consulting',
  'Education',
  'Electronics',
  'Energy',
  'Engineering',
  'Entertainment',
  'Environmental',
  'Finance',
  'Food & Beverage',
  'Government',
  'Healthcare',
  'Hospitality',
  'Insurance',
  'Machinery',
  'Manufacturing',
  'Media',
  'Not For Profit',
  'Recreation',
  'Retail',
  'Shipping',
  'Technology',
  'Telecommunications',
  'Transportation',
  'Utilities',
  'Other',
]
const leadSources = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']
const ratings = ['Hot', 'Warm', 'Cold']
const salutations = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']
const forecastCategories = Object.keys(FORECAST_CATEGORY_NAMES)
const forecastCategoryNames = Object.values(FORECAST_CATEGORY_NAMES)

const address = (prefix: string) => [
  longText(`${prefix}Street`, { label: `${prefix} Street`.trim() }),
  text(`${prefix}City`, 40),
  text(`${prefix}State`, 80),
  text(`${prefix}PostalCode`, 20),
  text(`${prefix}Country`, 80),
]

const userRole = object('UserRole', '00E', 'Roles', [
  text('Name', 80, { ...required, nameField: true }),
  ref('ParentRoleId', 'UserRole', 'ParentRole', undefined, { label: 'Parent Role ID' }),
  text('DeveloperName', 80),
  text('RollupDescription', 80),
])

const user = object('User', '005', 'Users', [
  text('Username', 80, { ...required, unique: true }),
  text('LastName', 80, required),
  text('FirstName', 40),
  personName(),
  text('Alias', 8, required),
  email('Email', required),
  text('Title', 80),
  text('Department', 80),
  text('CompanyName', 80),
  phone('Phone'),
  phone('MobilePhone'),
  bool('IsActive', true, { label: 'Active' }),
  ref('UserRoleId', 'UserRole', 'UserRole', 'Users', { label: 'Role ID' }),
  ref('ManagerId', 'User', 'Manager', 'ManagedUsers'),
  picklist('UserType', ['Standard', 'PowerPartner', 'CsnOnly', 'Guest'], { ...readOnly, defaultedOnCreate: true }),
  picklist('TimeZoneSidKey', ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'GMT'], {
    label: 'Time Zone',
    ...required,
    defaultedOnCreate: true,
    defaultValue: 'America/Los_Angeles',
  }),
  picklist('LocaleSidKey', ['en_US', 'en_GB'], {
    label: 'Locale',
    ...required,
    defaultedOnCreate: true,
    defaultValue: 'en_US',
  }),
  picklist('LanguageLocaleKey', ['en_US'], {
    label: 'Language',
    ...required,
    defaultedOnCreate: true,
    defaultValue: 'en_US',
  }),
  picklist('EmailEncodingKey', ['UTF-8', 'ISO-8859-1'], {
    label: 'Email Encoding',
    ...required,
    defaultedOnCreate: true,
    defaultValue: 'UTF-8',
  }),
])

const account = object(
  'Account',
  '001',
  'Accounts',
  [
    text('Name', 255, { label: 'Account Name', ...required, nameField: true }),
    picklist('Type', [
      'Prospect',
      'Customer - Direct',
      'Customer - Channel',
      'Channel Partner / Reseller',
      'Installation Partner',
      'Technology Partner',
      'Other',
    ]),
    ref('ParentId', 'Account', 'Parent', 'ChildAccounts', { label: 'Parent Account ID' }),
    ...address('Billing'),
    ...address('Shipping'),
    phone('Phone', { label: 'Account Phone' }),
    phone('Fax', { label: 'Account Fax' }),
    url('Website'),
    picklist('Industry', industries),
    currency('AnnualRevenue'),
    int('NumberOfEmployees', { label: 'Employees' }),
    picklist('Ownership', ['Public', 'Private', 'Subsidiary', 'Other']),
    picklist('Rating', ratings, { label: 'Account Rating' }),
    text('AccountNumber', 40),
    text('Site', 80, { label: 'Account Site' }),
    picklist('AccountSource', leadSources),
    longText('Description', { label: 'Account Description' }),
  ],
  { owned: true },
)

const contact = object(
  'Contact',
  '003',
  'Contacts',
  [
    ref('AccountId', 'Account', 'Account', 'Contacts', { label: 'Account ID', cascadeDelete: true }),
    text('LastName', 80, required),
    text('FirstName', 40),
    picklist('Salutation', salutations),
    personName(),
    text('Title', 128),
    text('Department', 80),
    email('Email'),
    phone('Phone', { label: 'Business Phone' }),
    phone('MobilePhone'),
    ...address('Mailing'),
    picklist('LeadSource', leadSources),
    date('Birthdate'),
    ref('ReportsToId', 'Contact', 'ReportsTo', undefined, { label: 'Reports To ID' }),
    bool('HasOptedOutOfEmail', false, { label: 'Email Opt Out' }),
    bool('DoNotCall'),
    longText('Description', { label: 'Contact Description' }),
  ],
  { owned: true },
)

const lead = object(
  'Lead',
  '00Q',
  'Leads',
  [
    text('LastName', 80, required),
    text('FirstName', 40),
    picklist('Salutation', salutations),
    personName(),
    text('Title', 128),
    text('Company', 255, required),
    email('Email'),
    phone('Phone'),
    phone('MobilePhone'),
    url('Website'),
    ...address(''),
    picklist(
      'Status',
      LEAD_STATUSES.map((s) => ({ value: s.name, default: s.isDefault })),
      { label: 'Lead Status', ...required, defaultedOnCreate: true, restrictedPicklist: true },
    ),
    picklist('LeadSource', leadSources),
    picklist('Rating', ratings),
    picklist('Industry', industries),
    currency('AnnualRevenue'),
    int('NumberOfEmployees', { label: 'Employees' }),
    longText('Description'),
    bool('IsConverted', false, { label: 'Converted', updateable: false }),
    date('ConvertedDate', readOnly),
    ref('ConvertedAccountId', 'Account', 'ConvertedAccount', undefined, readOnly),
    ref('ConvertedContactId', 'Contact', 'ConvertedContact', undefined, readOnly),
    ref('ConvertedOpportunityId', 'Opportunity', 'ConvertedOpportunity', undefined, readOnly),
    bool('IsUnreadByOwner', true, { label: 'Unread By Owner' }),
  ],
  { owned: true },
)

const opportunity = object(
  'Opportunity',
  '006',
  'Opportunities',
  [
    text('Name', 120, { label: 'Opportunity Name', ...required, nameField: true }),
    ref('AccountId', 'Account', 'Account', 'Opportunities', { label: 'Account ID', cascadeDelete: true }),
    ref('ContactId', 'Contact', 'Contact', 'Opportunities', { label: 'Contact ID' }),
    picklist(
      'StageName',
      OPPORTUNITY_STAGES.map((s) => s.name),
      { label: 'Stage', ...required, restrictedPicklist: true },
    ),
    currency('Amount'),
    percent('Probability', { label: 'Probability (%)', defaultedOnCreate: true }),
    currency('ExpectedRevenue', { label: 'Expected Amount', ...readOnly, calculated: true }),
    date('CloseDate', required),
    picklist('Type', ['Existing Customer - Upgrade', 'Existing Customer - Replacement', 'New Customer']),
    text('NextStep', 255),
    picklist('LeadSource', leadSources),
    bool('IsClosed', false, { label: 'Closed', ...readOnly }),
    bool('IsWon', false, { label: 'Won', ...readOnly }),
    picklist('ForecastCategory', forecastCategories, { ...readOnly, defaultedOnCreate: true, nillable: false }),
    picklist('ForecastCategoryName', forecastCategoryNames, { label: 'Forecast Category', defaultedOnCreate: true }),
    ref('Pricebook2Id', 'Pricebook2', 'Pricebook2', 'Opportunities', { label: 'Price Book ID' }),
    bool('HasOpportunityLineItem', false, { label: 'Has Line Item', ...readOnly }),
    int('FiscalYear', { ...readOnly, calculated: true }),
    int('FiscalQuarter', { ...readOnly, calculated: true }),
    text('Fiscal', 6, { label: 'Fiscal Period', ...readOnly, calculated: true }),
    longText('Description'),
  ],
  { owned: true },
)

// Setup objects: rows of the sales process, read-only through the API as in a real org.
const setup = { createable: false, updateable: false, deletable: false }
const opportunityStage = object(
  'OpportunityStage',
  '01J',
  'Opportunity Stages',
  [
    text('MasterLabel', 255, { label: 'Master Label', ...required, nameField: true }),
    text('ApiName', 255, required),
    bool('IsActive', true),
    int('SortOrder'),
    bool('IsClosed'),
    bool('IsWon'),
    picklist('ForecastCategory', forecastCategories),
    picklist('ForecastCategoryName', forecastCategoryNames),
    percent('DefaultProbability'),
    text('Description', 255),
  ],
  setup,
)

const leadStatus = object(
  'LeadStatus',
  '01J',
  'Lead Status Values',
  [
    text('MasterLabel', 255, { label: 'Master Label', ...required, nameField: true }),
    text('ApiName', 255, required),
    int('SortOrder'),
    bool('IsDefault'),
    bool('IsConverted'),
  ],
  setup,
)

const product = object('Product2', '01t', 'Products', [
  text('Name', 255, { label: 'Product Name', ...required, nameField: true }),
  text('ProductCode', 255),
  longText('Description', { label: 'Product Description' }),
  picklist('Family', ['Hardware', 'Software', 'Services', 'Support', 'None'], { label: 'Product Family' }),
  bool('IsActive', false, { label: 'Active' }),
  text('ExternalId', 255, { externalId: true, unique: true }),
  picklist('QuantityUnitOfMeasure', ['Each', 'Hour', 'License', 'Month'], { label: 'Quantity Unit Of Measure' }),
  text('StockKeepingUnit', 180, { label: 'Product SKU' }),
])

const pricebook = object('Pricebook2', '01s', 'Price Books', [
  text('Name', 255, { label: 'Price Book Name', ...required, nameField: true }),
  bool('IsActive', false, { label: 'Active' }),
  bool('IsStandard', false, { label: 'Is Standard Price Book', ...readOnly }),
  text('Description', 255),
])

const pricebookEntry = object('PricebookEntry', '01u', 'Price Book Entries', [
  text('Name', 255, { label: 'Product Name', ...readOnly, nameField: true }),
  ref('Pricebook2Id', 'Pricebook2', 'Pricebook2', 'PricebookEntries', {
    label: 'Price Book ID',
    ...required,
    updateable: false,
  }),
  ref('Product2Id', 'Product2', 'Product2', 'PricebookEntries', {
    label: 'Product ID',
    ...required,
    updateable: false,
  }),
  currency('UnitPrice', { label: 'List Price', ...required }),
  bool('IsActive', false, { label: 'Active' }),
  bool('UseStandardPrice'),
  text('ProductCode', 255, readOnly),
])

const lineItem = object('OpportunityLineItem', '00k', 'Opportunity Product', [
  ref('OpportunityId', 'Opportunity', 'Opportunity', 'OpportunityLineItems', {
    label: 'Opportunity ID',
    ...required,
    updateable: false,
    cascadeDelete: true,
  }),
  ref('PricebookEntryId', 'PricebookEntry', 'PricebookEntry', 'OpportunityLineItems', {
    label: 'Price Book Entry ID',
    updateable: false,
    defaultedOnCreate: true,
  }),
  ref('Product2Id', 'Product2', 'Product2', undefined, { label: 'Product ID', updateable: false }),
  text('Name', 376, { label: 'Opportunity Product Name', ...readOnly, nameField: true }),
  text('ProductCode', 255, readOnly),
  double('Quantity', required),
  currency('UnitPrice', { label: 'Sales Price', defaultedOnCreate: true }),
  currency('ListPrice', readOnly),
  currency('TotalPrice', { label: 'Total Price', defaultedOnCreate: true }),
  percent('Discount', { precision: 5, scale: 2 }),
  date('ServiceDate', { label: 'Date' }),
  text('Description', 255, { label: 'Line Description' }),
])

const who = ['Contact', 'Lead']
const what = ['Account', 'Opportunity']
const activityLinks = () => [
  ref('WhoId', who, 'Who', undefined, { label: 'Name ID', cascadeDelete: true }),
  ref('WhatId', what, 'What', undefined, { label: 'Related To ID', cascadeDelete: true }),
]

const task = object(
  'Task',
  '00T',
  'Tasks',
  [
    ...activityLinks(),
    text('Subject', 255),
    date('ActivityDate', { label: 'Due Date Only' }),
    picklist(
      'Status',
      TASK_STATUSES.map((s) => ({ value: s.value, default: s.default })),
      { ...required, defaultedOnCreate: true },
    ),
    picklist('Priority', [{ value: 'High' }, { value: 'Normal', default: true }, { value: 'Low' }], {
      ...required,
      defaultedOnCreate: true,
    }),
    bool('IsHighPriority', false, { label: 'High Priority', ...readOnly }),
    bool('IsClosed', false, { label: 'Closed', ...readOnly }),
    picklist('Type', ['Call', 'Email', 'Meeting', 'Other']),
    picklist('TaskSubtype', ['Task', 'Email', 'Call'], { updateable: false, defaultedOnCreate: true }),
    int('CallDurationInSeconds', { label: 'Call Duration' }),
    picklist('CallType', ['Internal', 'Inbound', 'Outbound']),
    datetime('CompletedDateTime', { label: 'Completed Date/Time', ...readOnly }),
    longText('Description', { label: 'Comments' }),
  ],
  { owned: true },
)

const event = object(
  'Event',
  '00U',
  'Events',
  [
    ...activityLinks(),
    text('Subject', 255),
    text('Location', 255),
    datetime('StartDateTime', { label: 'Start Date Time', defaultedOnCreate: true }),
    datetime('EndDateTime', { label: 'End Date Time', defaultedOnCreate: true }),
    datetime('ActivityDateTime', { label: 'Due Date Time', defaultedOnCreate: true }),
    date('ActivityDate', { label: 'Due Date Only', defaultedOnCreate: true }),
    int('DurationInMinutes', { label: 'Duration', defaultedOnCreate: true }),
    bool('IsAllDayEvent', false, { label: 'All-Day Event' }),
    picklist('Type', ['Call', 'Email', 'Meeting', 'Other']),
    picklist('ShowAs', ['Busy', 'OutOfOffice', 'Free'], { label: 'Show Time As', defaultValue: 'Busy' }),
    longText('Description'),
  ],
  { owned: true },
)

// Every lookup to Who/What gets Tasks and Events on the parent, as in a real org.
for (const def of [task, event]) {
  for (const f of def.fields) {
    if (f.name === 'WhoId' || f.name === 'WhatId') f.childRelationshipName = def.labelPlural
  }
}

// Forecasting: the org's fiscal periods, its forecast type, quotas, and the forecast amounts
// (ForecastingItem) the platform computes from opportunities.
export const PERIOD_TYPES = ['Year', 'Quarter', 'Month', 'Week']
export const FORECASTING_ITEM_CATEGORIES = ['PipelineOnly', 'BestCaseOnly', 'CommitOnly', 'ClosedOnly']

const period = object(
  'Period',
  '026',
  'Periods',
  [
    picklist('Type', PERIOD_TYPES, required),
    date('StartDate', required),
    date('EndDate', required),
    bool('IsForecastPeriod'),
    int('Number'),
    text('QuarterLabel', 255),
    text('PeriodLabel', 255),
    text('FullyQualifiedLabel', 255, { label: 'Fully Qualified Label', nameField: true }),
  ],
  setup,
)

const forecastingType = object(
  'ForecastingType',
  '0Db',
  'Forecasting Types',
  [
    text('DeveloperName', 80, required),
    text('MasterLabel', 80, { label: 'Master Label', ...required, nameField: true }),
    bool('IsActive'),
    bool('IsAmount'),
    bool('IsQuantity'),
    picklist('RoleType', ['R', 'T']),
    picklist('DateType', ['OpportunityCloseDate', 'ProductDate', 'ScheduleDate']),
  ],
  setup,
)

const forecastingQuota = object('ForecastingQuota', '0J9', 'Forecasting Quotas', [
  ref('QuotaOwnerId', 'User', 'QuotaOwner', 'ForecastingQuotas', { label: 'Quota Owner ID', ...required }),
  date('StartDate', required),
  currency('QuotaAmount'),
  double('QuotaQuantity'),
  ref('ForecastingTypeId', 'ForecastingType', 'ForecastingType', undefined, {
    label: 'Forecasting Type ID',
    defaultedOnCreate: true,
  }),
  ref('PeriodId', 'Period', 'Period', 'ForecastingQuotas', {
    label: 'Period ID',
    ...readOnly,
    defaultedOnCreate: true,
  }),
  bool('IsAmount', false, readOnly),
  bool('IsQuantity', false, readOnly),
  picklist('ProductFamily', ['Hardware', 'Software', 'Services', 'Support', 'None']),
])

const forecastingItem = object(
  'ForecastingItem',
  '0G3',
  'Forecasting Items',
  [
    ref('PeriodId', 'Period', 'Period', 'ForecastingItems', { label: 'Period ID', ...readOnly }),
    ref('ForecastingTypeId', 'ForecastingType', 'ForecastingType', undefined, {
      label: 'Forecasting Type ID',
      ...readOnly,
    }),
    picklist('ForecastCategoryName', forecastCategoryNames, { label: 'Forecast Category', ...readOnly }),
    picklist('ForecastingItemCategory', FORECASTING_ITEM_CATEGORIES, readOnly),
    currency('ForecastAmount', readOnly),
    currency('OwnerOnlyAmount', readOnly),
    currency('AmountWithoutAdjustments', readOnly),
    currency('AmountWithoutManagerAdjustment', readOnly),
    currency('AmountWithoutOwnerAdjustment', { label: 'Amount Without Owner Adjustments', ...readOnly }),
    bool('HasAdjustment', false, readOnly),
    bool('HasOwnerAdjustment', false, readOnly),
    bool('IsAmount', true, readOnly),
    bool('IsQuantity', false, readOnly),
    bool('IsUpToDate', true, { label: 'Is up to date', ...readOnly }),
    ref('ParentForecastingItemId', 'ForecastingItem', 'ParentForecastingItem', undefined, {
      label: 'Forecasting Item ID',
      ...readOnly,
    }),
  ],
  { owned: true, ...setup },
)

export const salesCloudObjects: ObjectDef[] = [
  userRole,
  user,
  account,
  contact,
  lead,
  opportunity,
  opportunityStage,
  leadStatus,
  product,
  pricebook,
  pricebookEntry,
  lineItem,
  task,
  event,
  period,
  forecastingType,
  forecastingQuota,
  forecastingItem,
]

export const salesCloudSchema: SchemaDef = { objects: salesCloudObjects }
