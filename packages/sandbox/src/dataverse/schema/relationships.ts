// One-to-many relationships with the product's schema names and navigation property names.
// Clients bind lookups (`parentcustomerid_account@odata.bind`) and $expand by these names, so the
// business relationships are listed one by one; the per-table system relationships (created by,
// owning user ...) follow the product's naming patterns.
import type { RelationshipDefinition, TableDefinition } from './types.js'

type Rel = [
  schemaName: string,
  referencedEntity: string,
  referencingEntity: string,
  referencingAttribute: string,
  referencingNav: string,
]

const BUSINESS: Rel[] = [
  // core
  [
    'business_unit_parent_business_unit',
    'businessunit',
    'businessunit',
    'parentbusinessunitid',
    'parentbusinessunitid',
  ],
  ['business_unit_system_users', 'businessunit', 'systemuser', 'businessunitid', 'businessunitid'],
  ['user_parent_user', 'systemuser', 'systemuser', 'parentsystemuserid', 'parentsystemuserid'],
  ['business_unit_teams', 'businessunit', 'team', 'businessunitid', 'businessunitid'],
  ['lk_teambase_administratorid', 'systemuser', 'team', 'administratorid', 'administratorid'],
  ['basecurrency_organization', 'transactioncurrency', 'organization', 'basecurrencyid', 'basecurrencyid'],
  ['unit_of_measure_schedule_conversions', 'uomschedule', 'uom', 'uomscheduleid', 'uomscheduleid'],
  ['unit_of_measurement_base_unit', 'uom', 'uom', 'baseuom', 'baseuom'],
  // customers
  ['account_parent_account', 'account', 'account', 'parentaccountid', 'parentaccountid'],
  ['account_primary_contact', 'contact', 'account', 'primarycontactid', 'primarycontactid'],
  ['account_originating_lead', 'lead', 'account', 'originatingleadid', 'originatingleadid'],
  ['contact_customer_accounts', 'account', 'contact', 'parentcustomerid', 'parentcustomerid_account'],
  ['contact_customer_contacts', 'contact', 'contact', 'parentcustomerid', 'parentcustomerid_contact'],
  ['contact_originating_lead', 'lead', 'contact', 'originatingleadid', 'originatingleadid'],
  // leads
  ['campaign_leads', 'campaign', 'lead', 'campaignid', 'campaignid'],
  ['lead_parent_account', 'account', 'lead', 'parentaccountid', 'parentaccountid'],
  ['lead_parent_contact', 'contact', 'lead', 'parentcontactid', 'parentcontactid'],
  ['lead_customer_accounts', 'account', 'lead', 'customerid', 'customerid_account'],
  ['lead_customer_contacts', 'contact', 'lead', 'customerid', 'customerid_contact'],
  ['lead_qualifying_opportunity', 'opportunity', 'lead', 'qualifyingopportunityid', 'qualifyingopportunityid'],
  // opportunities
  ['opportunity_customer_accounts', 'account', 'opportunity', 'customerid', 'customerid_account'],
  ['opportunity_customer_contacts', 'contact', 'opportunity', 'customerid', 'customerid_contact'],
  ['opportunity_parent_account', 'account', 'opportunity', 'parentaccountid', 'parentaccountid'],
  ['opportunity_parent_contact', 'contact', 'opportunity', 'parentcontactid', 'parentcontactid'],
  ['opportunity_originating_lead', 'lead', 'opportunity', 'originatingleadid', 'originatingleadid'],
  ['campaign_opportunities', 'campaign', 'opportunity', 'campaignid', 'campaignid'],
  ['price_level_opportunties', 'pricelevel', 'opportunity', 'pricelevelid', 'pricelevelid'],
  ['opportunity_products', 'opportunity', 'opportunityproduct', 'opportunityid', 'opportunityid'],
  ['product_opportunities', 'product', 'opportunityproduct', 'productid', 'productid'],
  ['unit_of_measurement_opportunity_products', 'uom', 'opportunityproduct', 'uomid', 'uomid'],
  ['Opportunity_OpportunityClose', 'opportunity', 'opportunityclose', 'opportunityid', 'opportunityid'],
  ['competitor_opportunity_activities', 'competitor', 'opportunityclose', 'competitorid', 'competitorid'],
  // catalog
  ['price_level_products', 'pricelevel', 'product', 'pricelevelid', 'pricelevelid'],
  ['product_parent_product', 'product', 'product', 'parentproductid', 'parentproductid'],
  ['unit_of_measure_schedule_product', 'uomschedule', 'product', 'defaultuomscheduleid', 'defaultuomscheduleid'],
  ['unit_of_measurement_products', 'uom', 'product', 'defaultuomid', 'defaultuomid'],
  ['price_level_product_price_levels', 'pricelevel', 'productpricelevel', 'pricelevelid', 'pricelevelid'],
  ['product_price_levels', 'product', 'productpricelevel', 'productid', 'productid'],
  ['unit_of_measurement_product_price_level', 'uom', 'productpricelevel', 'uomid', 'uomid'],
  [
    'unit_of_measure_schedule_product_price_level',
    'uomschedule',
    'productpricelevel',
    'uomscheduleid',
    'uomscheduleid',
  ],
  // quotes and orders
  ['quote_customer_accounts', 'account', 'quote', 'customerid', 'customerid_account'],
  ['quote_customer_contacts', 'contact', 'quote', 'customerid', 'customerid_contact'],
  ['opportunity_quotes', 'opportunity', 'quote', 'opportunityid', 'opportunityid'],
  ['price_level_quotes', 'pricelevel', 'quote', 'pricelevelid', 'pricelevelid'],
  ['order_customer_accounts', 'account', 'salesorder', 'customerid', 'customerid_account'],
  ['order_customer_contacts', 'contact', 'salesorder', 'customerid', 'customerid_contact'],
  ['opportunity_sales_orders', 'opportunity', 'salesorder', 'opportunityid', 'opportunityid'],
  ['quote_orders', 'quote', 'salesorder', 'quoteid', 'quoteid'],
  ['price_level_orders', 'pricelevel', 'salesorder', 'pricelevelid', 'pricelevelid'],
  // service
  ['incident_customer_accounts', 'account', 'incident', 'customerid', 'customerid_account'],
  ['incident_customer_contacts', 'contact', 'incident', 'customerid', 'customerid_contact'],
  ['contact_as_primary_contact', 'contact', 'incident', 'primarycontactid', 'primarycontactid'],
  ['product_incidents', 'product', 'incident', 'productid', 'productid'],
  ['incident_parent_incident', 'incident', 'incident', 'parentcaseid', 'parentcaseid'],
  ['Incident_IncidentResolutions', 'incident', 'incidentresolution', 'incidentid', 'incidentid'],
  ['queue_entries', 'queue', 'queueitem', 'queueid', 'queueid'],
  ['Incident_QueueItem', 'incident', 'queueitem', 'objectid', 'objectid_incident'],
  ['Email_QueueItem', 'email', 'queueitem', 'objectid', 'objectid_email'],
  ['PhoneCall_QueueItem', 'phonecall', 'queueitem', 'objectid', 'objectid_phonecall'],
  ['Task_QueueItem', 'task', 'queueitem', 'objectid', 'objectid_task'],
  ['Appointment_QueueItem', 'appointment', 'queueitem', 'objectid', 'objectid_appointment'],
  ['queueitem_workerid_systemuser', 'systemuser', 'queueitem', 'workerid', 'workerid_systemuser'],
  ['queueitem_workerid_team', 'team', 'queueitem', 'workerid', 'workerid_team'],
]

/** Activity collection names on the regarding record: `Account_Emails`, `Lead_Phonecalls` ... */
const ACTIVITY_COLLECTION: Record<string, string> = {
  email: 'Emails',
  task: 'Tasks',
  phonecall: 'Phonecalls',
  appointment: 'Appointments',
}
const REGARDING_PREFIX: Record<string, string> = {
  account: 'Account',
  contact: 'Contact',
  lead: 'Lead',
  opportunity: 'Opportunity',
  incident: 'Incident',
}

/** Tables whose system relationships use the older `lk_<table>base_createdby` naming. */
const BASE_NAMED = new Set([
  'account',
  'contact',
  'lead',
  'opportunity',
  'incident',
  'annotation',
  'systemuser',
  'businessunit',
  'team',
  'transactioncurrency',
  'competitor',
  'product',
  'pricelevel',
  'productpricelevel',
  'opportunityproduct',
  'quote',
  'salesorder',
  'queue',
  'queueitem',
])

const OWNING_USER: Record<string, string> = {
  account: 'user_accounts',
  contact: 'contact_owning_user',
  lead: 'lead_owning_user',
  opportunity: 'opportunity_owning_user',
  incident: 'system_user_incidents',
  email: 'user_email',
  task: 'user_task',
  phonecall: 'user_phonecall',
  appointment: 'user_appointment',
}
const OWNING_TEAM: Record<string, string> = { lead: 'lead_owning_team' }
const OWNING_BU: Record<string, string> = {
  email: 'business_unit_email_activities',
  task: 'business_unit_task_activities',
  phonecall: 'business_unit_phone_call_activities',
  appointment: 'business_unit_appointment_activities',
}
const CURRENCY: Record<string, string> = { incident: 'TransactionCurrency_Incident' }

function rel(
  schemaName: string,
  referencedEntity: string,
  referencingEntity: string,
  referencingAttribute: string,
  referencingNav: string,
  referencedIdAttribute: string,
): RelationshipDefinition {
  return {
    schemaName,
    referencedEntity,
    referencedAttribute: referencedIdAttribute,
    referencingEntity,
    referencingAttribute,
    referencedEntityNavigationPropertyName: schemaName,
    referencingEntityNavigationPropertyName: referencingNav,
  }
}

/** All relationships among the given tables; those whose tables are absent are skipped. */
export function buildRelationships(tables: TableDefinition[]): RelationshipDefinition[] {
  const byName = new Map(tables.map((t) => [t.logicalName, t]))
  const out: RelationshipDefinition[] = []
  const add = (r: Rel) => {
    const [schemaName, referenced, referencing, attribute, nav] = r
    const target = byName.get(referenced)
    const source = byName.get(referencing)
    if (!target || !source) return
    if (!source.attributes.some((a) => a.logicalName === attribute)) return
    out.push(rel(schemaName, referenced, referencing, attribute, nav, target.primaryIdAttribute))
  }

  for (const r of BUSINESS) add(r)

  for (const t of tables) {
    const name = t.logicalName
    const has = (a: string) => t.attributes.some((x) => x.logicalName === a)
    const plural = t.entitySetName
    const lk = BASE_NAMED.has(name) ? `lk_${name}base` : `lk_${name}`
    add([`${lk}_createdby`, 'systemuser', name, 'createdby', 'createdby'])
    add([`${lk}_modifiedby`, 'systemuser', name, 'modifiedby', 'modifiedby'])
    if (has('owninguser')) add([OWNING_USER[name] ?? `user_${plural}`, 'systemuser', name, 'owninguser', 'owninguser'])
    if (has('owningteam')) add([OWNING_TEAM[name] ?? `team_${plural}`, 'team', name, 'owningteam', 'owningteam'])
    if (has('owningbusinessunit')) {
      add([
        OWNING_BU[name] ?? `business_unit_${plural}`,
        'businessunit',
        name,
        'owningbusinessunit',
        'owningbusinessunit',
      ])
    }
    if (has('transactioncurrencyid') && !BUSINESS.some((r) => r[2] === name && r[3] === 'transactioncurrencyid')) {
      add([
        CURRENCY[name] ?? `transactioncurrency_${name}`,
        'transactioncurrency',
        name,
        'transactioncurrencyid',
        'transactioncurrencyid',
      ])
    }
    const regarding = t.attributes.find((a) => a.logicalName === 'regardingobjectid')
    for (const target of regarding?.targets ?? []) {
      const collection = ACTIVITY_COLLECTION[name] ?? `${name}s`
      const prefix = REGARDING_PREFIX[target] ?? target
      add([`${prefix}_${collection}`, target, name, 'regardingobjectid', `regardingobjectid_${target}_${name}`])
    }
    if (name === 'annotation') {
      const objectid = t.attributes.find((a) => a.logicalName === 'objectid')
      for (const target of objectid?.targets ?? []) {
        add([`${REGARDING_PREFIX[target] ?? target}_Annotation`, target, name, 'objectid', `objectid_${target}`])
      }
    }
  }
  return out
}
