// The demo org's reports, as data: which records each reads (SOQL paths per column), how it groups
// them and what it sums. Column names are the report API names Salesforce uses (STAGE_NAME, ...).
import { makeId } from '../ids.js'

export type ReportDataType =
  | 'string'
  | 'picklist'
  | 'currency'
  | 'percent'
  | 'double'
  | 'int'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'id'
  | 'email'
  | 'phone'

export interface ColumnDef {
  name: string
  label: string
  dataType: ReportDataType
  /** values sort in this order when grouped (picklists: the value list's order) */
  order?: readonly string[]
}

/** Where a column's cell comes from in one source object: a SOQL path, or a constant. */
export interface CellSource {
  /** path of the label (and the value, unless idPath is given) */
  path?: string
  /** path of the value when it differs from the label: the id behind a name */
  idPath?: string
  constant?: string
}
// A cell with neither path nor constant is empty in that source.

export interface SourceDef {
  object: string
  columns: Record<string, CellSource>
}

export interface ReportFilter {
  column: string
  operator: string
  value: string
}

export interface ReportDef {
  id: string
  name: string
  developerName: string
  description: string
  reportType: { type: string; label: string }
  sources: SourceDef[]
  columns: ColumnDef[]
  detailColumns: string[]
  groupingsDown: string[]
  aggregates: string[]
  reportFilters: ReportFilter[]
  /** the date column standard date filters apply to */
  dateColumn: string
}

/** The folder the demo reports live in. */
export const DEMO_FOLDER_ID = makeId('00l', 1_000_001)
const reportId = (n: number) => makeId('00O', 1_000_000 + n)

const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
]

const opportunityColumns: ColumnDef[] = [
  { name: 'OPPORTUNITY_NAME', label: 'Opportunity Name', dataType: 'string' },
  { name: 'ACCOUNT_NAME', label: 'Account Name', dataType: 'string' },
  { name: 'FULL_NAME', label: 'Opportunity Owner', dataType: 'string' },
  { name: 'STAGE_NAME', label: 'Stage', dataType: 'picklist', order: STAGES },
  { name: 'AMOUNT', label: 'Amount', dataType: 'currency' },
  { name: 'PROBABILITY', label: 'Probability (%)', dataType: 'percent' },
  { name: 'CLOSE_DATE', label: 'Close Date', dataType: 'date' },
  { name: 'FORECAST_CATEGORY', label: 'Forecast Category', dataType: 'picklist' },
  { name: 'CLOSED', label: 'Closed', dataType: 'boolean' },
  { name: 'WON', label: 'Won', dataType: 'boolean' },
  { name: 'CREATED_DATE', label: 'Created Date', dataType: 'date' },
]

const opportunitySource: SourceDef = {
  object: 'Opportunity',
  columns: {
    OPPORTUNITY_NAME: { path: 'Name', idPath: 'Id' },
    ACCOUNT_NAME: { path: 'Account.Name', idPath: 'AccountId' },
    FULL_NAME: { path: 'Owner.Name', idPath: 'OwnerId' },
    STAGE_NAME: { path: 'StageName' },
    AMOUNT: { path: 'Amount' },
    PROBABILITY: { path: 'Probability' },
    CLOSE_DATE: { path: 'CloseDate' },
    FORECAST_CATEGORY: { path: 'ForecastCategoryName' },
    CLOSED: { path: 'IsClosed' },
    WON: { path: 'IsWon' },
    CREATED_DATE: { path: 'CreatedDate' },
  },
}

const opportunityType = { type: 'Opportunity', label: 'Opportunities' }

const activityColumns: ColumnDef[] = [
  { name: 'ASSIGNED', label: 'Assigned', dataType: 'string' },
  { name: 'SUBJECT', label: 'Subject', dataType: 'string' },
  { name: 'TASK', label: 'Task', dataType: 'boolean' },
  { name: 'ACTIVITY_TYPE', label: 'Type', dataType: 'picklist' },
  { name: 'DUE_DATE', label: 'Date', dataType: 'date' },
  { name: 'STATUS', label: 'Status', dataType: 'picklist' },
  { name: 'CONTACT', label: 'Contact/Lead', dataType: 'string' },
  { name: 'ACCOUNT', label: 'Related To', dataType: 'string' },
]

const activityLinks = (object: string): SourceDef => ({
  object,
  columns: {
    ASSIGNED: { path: 'Owner.Name', idPath: 'OwnerId' },
    SUBJECT: { path: 'Subject', idPath: 'Id' },
    TASK: { constant: object === 'Task' ? 'true' : 'false' },
    ACTIVITY_TYPE: { path: 'Type' },
    DUE_DATE: { path: 'ActivityDate' },
    // Events have no status.
    STATUS: object === 'Task' ? { path: 'Status' } : {},
    CONTACT: { path: 'Who.Name', idPath: 'WhoId' },
    ACCOUNT: { path: 'What.Name', idPath: 'WhatId' },
  },
})

export const DEMO_REPORTS: ReportDef[] = [
  {
    id: reportId(1),
    name: 'Pipeline by Stage',
    developerName: 'Pipeline_by_Stage',
    description: 'Open opportunities grouped by stage, with their total amount',
    reportType: opportunityType,
    sources: [opportunitySource],
    columns: opportunityColumns,
    detailColumns: ['OPPORTUNITY_NAME', 'ACCOUNT_NAME', 'FULL_NAME', 'AMOUNT', 'PROBABILITY', 'CLOSE_DATE'],
    groupingsDown: ['STAGE_NAME'],
    aggregates: ['s!AMOUNT', 'RowCount'],
    reportFilters: [{ column: 'CLOSED', operator: 'equals', value: 'False' }],
    dateColumn: 'CLOSE_DATE',
  },
  {
    id: reportId(2),
    name: 'Opportunities by Owner',
    developerName: 'Opportunities_by_Owner',
    description: 'All opportunities grouped by owner, with total and average amount',
    reportType: opportunityType,
    sources: [opportunitySource],
    columns: opportunityColumns,
    detailColumns: ['OPPORTUNITY_NAME', 'ACCOUNT_NAME', 'STAGE_NAME', 'AMOUNT', 'CLOSE_DATE'],
    groupingsDown: ['FULL_NAME'],
    aggregates: ['s!AMOUNT', 'a!AMOUNT', 'RowCount'],
    reportFilters: [],
    dateColumn: 'CLOSE_DATE',
  },
  {
    id: reportId(3),
    name: 'Leads by Source',
    developerName: 'Leads_by_Source',
    description: 'Leads grouped by lead source',
    reportType: { type: 'LeadList', label: 'Leads' },
    sources: [
      {
        object: 'Lead',
        columns: {
          LEAD_SOURCE: { path: 'LeadSource' },
          FIRST_NAME: { path: 'FirstName' },
          LAST_NAME: { path: 'LastName', idPath: 'Id' },
          COMPANY: { path: 'Company' },
          STATUS: { path: 'Status' },
          RATING: { path: 'Rating' },
          CONVERTED: { path: 'IsConverted' },
          OWNER: { path: 'Owner.Name', idPath: 'OwnerId' },
          CREATED_DATE: { path: 'CreatedDate' },
        },
      },
    ],
    columns: [
      { name: 'LEAD_SOURCE', label: 'Lead Source', dataType: 'picklist' },
      { name: 'FIRST_NAME', label: 'First Name', dataType: 'string' },
      { name: 'LAST_NAME', label: 'Last Name', dataType: 'string' },
      { name: 'COMPANY', label: 'Company / Account', dataType: 'string' },
      { name: 'STATUS', label: 'Lead Status', dataType: 'picklist' },
      { name: 'RATING', label: 'Rating', dataType: 'picklist' },
      { name: 'CONVERTED', label: 'Converted', dataType: 'boolean' },
      { name: 'OWNER', label: 'Lead Owner', dataType: 'string' },
      { name: 'CREATED_DATE', label: 'Create Date', dataType: 'date' },
    ],
    detailColumns: ['FIRST_NAME', 'LAST_NAME', 'COMPANY', 'STATUS', 'OWNER', 'CREATED_DATE'],
    groupingsDown: ['LEAD_SOURCE'],
    aggregates: ['RowCount'],
    reportFilters: [],
    dateColumn: 'CREATED_DATE',
  },
  {
    id: reportId(4),
    name: 'Activities by Rep',
    developerName: 'Activities_by_Rep',
    description: 'Tasks and events grouped by the user they are assigned to',
    reportType: { type: 'Activity', label: 'Tasks and Events' },
    sources: [activityLinks('Task'), activityLinks('Event')],
    columns: activityColumns,
    detailColumns: ['SUBJECT', 'TASK', 'ACTIVITY_TYPE', 'DUE_DATE', 'STATUS', 'CONTACT', 'ACCOUNT'],
    groupingsDown: ['ASSIGNED'],
    aggregates: ['RowCount'],
    reportFilters: [],
    dateColumn: 'DUE_DATE',
  },
]
