// Choice values shared by several tables (global choices in the product). Values and labels as
// the Dataverse table reference lists them.
import { opts } from './builders.js'

export const INDUSTRY = opts([
  [1, 'Accounting'],
  [2, 'Agriculture and Non-petrol Natural Resource Extraction'],
  [3, 'Broadcasting Printing and Publishing'],
  [4, 'Brokers'],
  [5, 'Building Supply Retail'],
  [6, 'Business Services'],
  [7, 'Consulting'],
  [8, 'Consumer Services'],
  [9, 'Design, Direction and Creative Management'],
  [10, 'Distributors, Dispatchers and Processors'],
  [11, "Doctor's Offices and Clinics"],
  [12, 'Durable Manufacturing'],
  [13, 'Eating and Drinking Places'],
  [14, 'Entertainment Retail'],
  [15, 'Equipment Rental and Leasing'],
  [16, 'Financial'],
  [17, 'Food and Tobacco Processing'],
  [18, 'Inbound Capital Intensive Processing'],
  [19, 'Inbound Repair and Services'],
  [20, 'Insurance'],
  [21, 'Legal Services'],
  [22, 'Non-Durable Merchandise Retail'],
  [23, 'Outbound Consumer Service'],
  [24, 'Petrochemical Extraction and Distribution'],
  [25, 'Service Retail'],
  [26, 'SIG Affiliations'],
  [27, 'Social Services'],
  [28, 'Special Outbound Trade Contractors'],
  [29, 'Specialty Realty'],
  [30, 'Transportation'],
  [31, 'Utility Creation and Distribution'],
  [32, 'Vehicle Retail'],
  [33, 'Wholesale'],
])

export const PURCHASE_TIMEFRAME = opts([
  [0, 'Immediate'],
  [1, 'This Quarter'],
  [2, 'Next Quarter'],
  [3, 'This Year'],
  [4, 'Unknown'],
])

export const PURCHASE_PROCESS = opts([
  [0, 'Individual'],
  [1, 'Committee'],
  [2, 'Unknown'],
])

export const BUDGET_STATUS = opts([
  [0, 'No Committed Budget'],
  [1, 'May Buy'],
  [2, 'Can Buy'],
  [3, 'Will Buy'],
])

export const NEED = opts([
  [0, 'Must have'],
  [1, 'Should have'],
  [2, 'Good to have'],
  [3, 'No need'],
])

export const RATING = opts([
  [1, 'Hot'],
  [2, 'Warm'],
  [3, 'Cold'],
])

export const PREFERRED_CONTACT_METHOD = opts([
  [1, 'Any'],
  [2, 'Email'],
  [3, 'Phone'],
  [4, 'Fax'],
  [5, 'Mail'],
])

export const DEFAULT_VALUE = opts([[1, 'Default Value']])

/** activity priority (email, task, phone call, appointment) */
export const ACTIVITY_PRIORITY = opts([
  [0, 'Low'],
  [1, 'Normal'],
  [2, 'High'],
])

export const SALES_STAGE = opts([
  [0, 'Qualify'],
  [1, 'Develop'],
  [2, 'Propose'],
  [3, 'Close'],
])

export const PAYMENT_TERMS = opts([
  [1, 'Net 30'],
  [2, '2% 10, Net 30'],
  [3, 'Net 45'],
  [4, 'Net 60'],
])
