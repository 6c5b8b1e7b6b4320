// Platform tables every environment has: organization, business units, users, teams, currency,
// and the unit groups products are sold in.
import { ACTIVE_INACTIVE, bool, decimal, defineTable, int, lookup, opts, picklist, readOnly, str } from '../builders.js'
import type { TableDefinition } from '../types.js'

export const transactioncurrency = defineTable({
  logicalName: 'transactioncurrency',
  entitySetName: 'transactioncurrencies',
  schemaName: 'TransactionCurrency',
  displayName: 'Currency',
  displayCollectionName: 'Currencies',
  description: 'Currency in which a financial transaction is carried out.',
  primaryIdAttribute: 'transactioncurrencyid',
  primaryNameAttribute: 'currencyname',
  ownershipType: 'OrganizationOwned',
  state: ACTIVE_INACTIVE,
  attributes: [
    str('currencyname', 'Currency Name', 100, { requiredLevel: 'SystemRequired' }),
    str('isocurrencycode', 'Currency Code', 5, { requiredLevel: 'SystemRequired' }),
    str('currencysymbol', 'Currency Symbol', 13, { requiredLevel: 'SystemRequired' }),
    decimal('exchangerate', 'Exchange Rate', 10, { requiredLevel: 'SystemRequired' }),
    int('currencyprecision', 'Currency Precision', 0, 4, { requiredLevel: 'SystemRequired' }),
  ],
})

export const organization = defineTable({
  logicalName: 'organization',
  entitySetName: 'organizations',
  schemaName: 'Organization',
  displayName: 'Organization',
  displayCollectionName: 'Organizations',
  description: 'Top level of the business hierarchy.',
  primaryIdAttribute: 'organizationid',
  primaryNameAttribute: 'name',
  ownershipType: 'None',
  attributes: [
    str('name', 'Organization Name', 160, { requiredLevel: 'SystemRequired' }),
    lookup('basecurrencyid', 'Currency', ['transactioncurrency'], readOnly),
    str('basecurrencysymbol', 'Base Currency Symbol', 5, readOnly),
    int('fiscalyeardisplaycode', 'Fiscal Year Display', 0, 1),
    str('defaultcountrycode', 'Default Country Code', 30),
  ],
})

export const businessunit = defineTable({
  logicalName: 'businessunit',
  entitySetName: 'businessunits',
  schemaName: 'BusinessUnit',
  displayName: 'Business Unit',
  displayCollectionName: 'Business Units',
  description: 'Business, division, or department in the Microsoft Dynamics 365 database.',
  primaryIdAttribute: 'businessunitid',
  primaryNameAttribute: 'name',
  // BusinessOwned in the product; the emulator's contract has no such value
  ownershipType: 'OrganizationOwned',
  attributes: [
    str('name', 'Name', 160, { requiredLevel: 'SystemRequired' }),
    lookup('parentbusinessunitid', 'Parent Business', ['businessunit']),
    str('divisionname', 'Division', 100),
    str('websiteurl', 'Website', 200),
    str('emailaddress', 'Email', 100),
    str('address1_city', 'City', 80),
    str('address1_country', 'Country/Region', 80),
    bool('isdisabled', 'Is Disabled', readOnly),
  ],
})

export const systemuser = defineTable({
  logicalName: 'systemuser',
  entitySetName: 'systemusers',
  schemaName: 'SystemUser',
  displayName: 'User',
  displayCollectionName: 'Users',
  description: 'Person with access to the Microsoft CRM system and who owns objects in the Microsoft CRM database.',
  primaryIdAttribute: 'systemuserid',
  primaryNameAttribute: 'fullname',
  ownershipType: 'OrganizationOwned',
  attributes: [
    str('fullname', 'Full Name', 200, readOnly),
    str('firstname', 'First Name', 256, { requiredLevel: 'Recommended' }),
    str('lastname', 'Last Name', 256, { requiredLevel: 'Recommended' }),
    str('domainname', 'User Name', 1024, { requiredLevel: 'SystemRequired' }),
    str('internalemailaddress', 'Primary Email', 100, { requiredLevel: 'SystemRequired' }),
    {
      logicalName: 'azureactivedirectoryobjectid',
      type: 'Uniqueidentifier',
      displayName: 'Azure AD Object ID',
      isValidForUpdate: false,
    },
    str('title', 'Title', 128),
    str('jobtitle', 'Job Title', 100),
    lookup('businessunitid', 'Business Unit', ['businessunit'], { requiredLevel: 'SystemRequired' }),
    lookup('parentsystemuserid', 'Manager', ['systemuser']),
    str('mobilephone', 'Mobile Phone', 64),
    str('address1_telephone1', 'Main Phone', 64),
    str('address1_city', 'City', 128),
    str('address1_country', 'Country/Region', 128),
    bool('isdisabled', 'Status', readOnly),
    picklist(
      'accessmode',
      'Access Mode',
      opts([
        [0, 'Read-Write'],
        [1, 'Administrative'],
        [2, 'Read'],
        [3, 'Support User'],
        [4, 'Non-interactive'],
        [5, 'Delegated Admin'],
      ]),
      { requiredLevel: 'SystemRequired' },
    ),
  ],
})

export const team = defineTable({
  logicalName: 'team',
  entitySetName: 'teams',
  schemaName: 'Team',
  displayName: 'Team',
  displayCollectionName: 'Teams',
  description: 'Collection of system users that routinely collaborate. Teams can be used to simplify record sharing.',
  primaryIdAttribute: 'teamid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  attributes: [
    str('name', 'Team Name', 160, { requiredLevel: 'SystemRequired' }),
    str('description', 'Description', 2000),
    lookup('businessunitid', 'Business Unit', ['businessunit'], { requiredLevel: 'SystemRequired' }),
    lookup('administratorid', 'Administrator', ['systemuser'], { requiredLevel: 'SystemRequired' }),
    picklist(
      'teamtype',
      'Team Type',
      opts([
        [0, 'Owner'],
        [1, 'Access'],
        [2, 'Security Group'],
        [3, 'Office Group'],
      ]),
      { requiredLevel: 'SystemRequired' },
    ),
    str('emailaddress', 'Email', 100),
    bool('isdefault', 'Is Default', readOnly),
  ],
})

export const uomschedule = defineTable({
  logicalName: 'uomschedule',
  entitySetName: 'uomschedules',
  schemaName: 'UoMSchedule',
  displayName: 'Unit Group',
  displayCollectionName: 'Unit Groups',
  description: 'Grouping of units.',
  primaryIdAttribute: 'uomscheduleid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  state: ACTIVE_INACTIVE,
  attributes: [
    str('name', 'Name', 200, { requiredLevel: 'SystemRequired' }),
    str('baseuomname', 'Base Unit Name', 100),
    str('description', 'Description', 2000),
  ],
})

export const uom = defineTable({
  logicalName: 'uom',
  entitySetName: 'uoms',
  schemaName: 'UoM',
  displayName: 'Unit',
  displayCollectionName: 'Units',
  description: 'Unit of measure.',
  primaryIdAttribute: 'uomid',
  primaryNameAttribute: 'name',
  ownershipType: 'OrganizationOwned',
  attributes: [
    str('name', 'Name', 100, { requiredLevel: 'SystemRequired' }),
    lookup('uomscheduleid', 'Unit Schedule', ['uomschedule'], { requiredLevel: 'SystemRequired' }),
    lookup('baseuom', 'Base Unit', ['uom']),
    decimal('quantity', 'Quantity', 5, { requiredLevel: 'SystemRequired' }),
    bool('isschedulebaseuom', 'Is Schedule Base Unit', readOnly),
  ],
})

export const coreTables: TableDefinition[] = [
  businessunit,
  systemuser,
  team,
  transactioncurrency,
  organization,
  uomschedule,
  uom,
]
