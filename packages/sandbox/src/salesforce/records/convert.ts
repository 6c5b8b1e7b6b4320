// Lead conversion as the SOAP convertLead call does it: the lead becomes an account, a contact and
// (unless asked not to) an opportunity, or is merged into an existing account and contact, whose
// fields are only filled where empty. The lead is then marked converted for good.
import { SalesforceError } from '../errors.js'
import { toId18 } from '../ids.js'
import type { ObjectModel } from '../schema/model.js'
import { OPPORTUNITY_STAGES } from '../schema/setup-values.js'
import type { DbValue, Row } from '../store.js'
import { toApiValue } from '../values.js'
import { createRecord, updateRecord, type WriteContext } from './writer.js'

export interface LeadConvert {
  leadId?: string
  convertedStatus?: string
  accountId?: string
  contactId?: string
  opportunityId?: string
  opportunityName?: string
  doNotCreateOpportunity?: boolean
  overwriteLeadSource?: boolean
  ownerId?: string
  sendNotificationEmail?: boolean
}

export interface ConvertError {
  fields: string[]
  message: string
  statusCode: string
}

export interface LeadConvertResult {
  accountId: string | null
  contactId: string | null
  errors: ConvertError[]
  leadId: string | null
  opportunityId: string | null
  success: boolean
}

/** Lead field → Account field, as the standard lead field mapping does it. */
const TO_ACCOUNT: Array<[string, string]> = [
  ['Phone', 'Phone'],
  ['Website', 'Website'],
  ['Industry', 'Industry'],
  ['AnnualRevenue', 'AnnualRevenue'],
  ['NumberOfEmployees', 'NumberOfEmployees'],
  ['Rating', 'Rating'],
  ['LeadSource', 'AccountSource'],
  ['Street', 'BillingStreet'],
  ['City', 'BillingCity'],
  ['State', 'BillingState'],
  ['PostalCode', 'BillingPostalCode'],
  ['Country', 'BillingCountry'],
]

const TO_CONTACT: Array<[string, string]> = [
  ['FirstName', 'FirstName'],
  ['LastName', 'LastName'],
  ['Salutation', 'Salutation'],
  ['Title', 'Title'],
  ['Email', 'Email'],
  ['Phone', 'Phone'],
  ['MobilePhone', 'MobilePhone'],
  ['LeadSource', 'LeadSource'],
  ['Description', 'Description'],
  ['Street', 'MailingStreet'],
  ['City', 'MailingCity'],
  ['State', 'MailingState'],
  ['PostalCode', 'MailingPostalCode'],
  ['Country', 'MailingCountry'],
]

const MAX_OPPORTUNITY_NAME = 80

const fail = (statusCode: string, message: string, fields: string[] = []) =>
  new SalesforceError(400, statusCode, message, fields)

const empty = (value: DbValue | undefined) => value === null || value === undefined || value === ''

/** The API value of each mapped lead field that has one. */
function mapped(leads: ObjectModel, lead: Row, mapping: Array<[string, string]>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [from, to] of mapping) {
    if (!empty(lead[from])) out[to] = toApiValue(leads.field(from)!, lead[from])
  }
  return out
}

function live(ctx: WriteContext, objectName: string, raw: string | undefined, field: string): Row | undefined {
  if (raw === undefined || raw === '') return undefined
  const id = toId18(raw)
  const model = ctx.store.model
  if (!id) throw fail('MALFORMED_ID', `${field}: id value of incorrect type: ${raw}`, [field])
  const object = model.object(objectName)!
  const row = model.objectForId(id)?.name === objectName ? ctx.store.byId(object, id) : undefined
  if (!row || row.IsDeleted === 1) throw fail('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field])
  return row
}

/** The last day of the calendar quarter of `now` (the fiscal year is the calendar year). */
function endOfQuarter(now: Date): string {
  const y = now.getUTCFullYear()
  const q = Math.floor(now.getUTCMonth() / 3)
  return new Date(Date.UTC(y, q * 3 + 3, 0)).toISOString().slice(0, 10)
}

function convertOne(ctx: WriteContext, input: LeadConvert): LeadConvertResult {
  const { store } = ctx
  const model = store.model
  const leads = model.object('Lead')!
  const lead = live(ctx, 'Lead', input.leadId, 'leadId')
  if (!lead) throw fail('REQUIRED_FIELD_MISSING', 'Required field is missing: leadId', ['leadId'])
  const leadId = String(lead.Id)
  if (lead.IsConverted === 1) throw fail('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', ['leadId'])

  const statusName = input.convertedStatus ?? ''
  const status = statusName
    ? store.get('SELECT * FROM "sf_LeadStatus" WHERE "MasterLabel" = ? AND "IsDeleted" = 0', [statusName])
    : undefined
  if (status?.IsConverted !== 1)
    throw fail('INVALID_STATUS', `invalid convertedStatus: ${statusName}`, ['convertedStatus'])

  const owner = live(ctx, 'User', input.ownerId, 'ownerId')
  if (owner && owner.IsActive !== 1) throw fail('INACTIVE_OWNER_OR_USER', 'owner or user is inactive', ['ownerId'])
  const ownerId = String(owner?.Id ?? lead.OwnerId)

  const account = live(ctx, 'Account', input.accountId, 'accountId')
  const contact = live(ctx, 'Contact', input.contactId, 'contactId')
  if (contact && !account)
    throw fail('REQUIRED_FIELD_MISSING', 'An accountId must be given with a contactId', ['accountId'])
  if (contact && account && contact.AccountId !== account.Id)
    throw fail('INVALID_CROSS_REFERENCE_KEY', 'The contact is not associated with the account', ['contactId'])

  const createOpportunity = input.doNotCreateOpportunity !== true
  const existingOpportunity = createOpportunity
    ? live(ctx, 'Opportunity', input.opportunityId, 'opportunityId')
    : undefined
  if (existingOpportunity && existingOpportunity.AccountId !== (account?.Id ?? null))
    throw fail('INVALID_CROSS_REFERENCE_KEY', 'The opportunity is not associated with the account', ['opportunityId'])
  const opportunityName = input.opportunityName ?? String(lead.Company ?? '')
  if (createOpportunity && opportunityName.length > MAX_OPPORTUNITY_NAME)
    throw fail('STRING_TOO_LONG', `opportunityName: data value too large (max length=${MAX_OPPORTUNITY_NAME})`, [
      'opportunityName',
    ])

  // Account: a new one named after the company, or the given one with its empty fields filled.
  const accounts = model.object('Account')!
  const accountFields = mapped(leads, lead, TO_ACCOUNT)
  let accountId: string
  if (account) {
    accountId = String(account.Id)
    const fill = Object.fromEntries(Object.entries(accountFields).filter(([k]) => empty(account[k])))
    if (Object.keys(fill).length) updateRecord(ctx, accounts, accountId, fill)
  } else {
    accountId = createRecord(ctx, accounts, { Name: lead.Company, OwnerId: ownerId, ...accountFields })
  }

  const contacts = model.object('Contact')!
  const contactFields = mapped(leads, lead, TO_CONTACT)
  let contactId: string
  if (contact) {
    contactId = String(contact.Id)
    const fill = Object.fromEntries(
      Object.entries(contactFields).filter(
        ([k]) => empty(contact[k]) || (k === 'LeadSource' && input.overwriteLeadSource === true),
      ),
    )
    if (Object.keys(fill).length) updateRecord(ctx, contacts, contactId, fill)
  } else {
    contactId = createRecord(ctx, contacts, { ...contactFields, AccountId: accountId, OwnerId: ownerId })
  }

  let opportunityId: string | null = null
  if (existingOpportunity) opportunityId = String(existingOpportunity.Id)
  else if (createOpportunity) {
    opportunityId = createRecord(ctx, model.object('Opportunity')!, {
      Name: opportunityName,
      AccountId: accountId,
      ContactId: contactId,
      OwnerId: ownerId,
      StageName: OPPORTUNITY_STAGES[0]!.name,
      CloseDate: endOfQuarter(ctx.now),
      ...(empty(lead.LeadSource) ? {} : { LeadSource: lead.LeadSource }),
    })
  }

  // The lead's activities move to the contact, and to the opportunity (or account) when unrelated.
  for (const name of ['Task', 'Event']) {
    const activities = model.object(name)!
    const rows = store.all(`SELECT "Id", "WhatId" FROM "sf_${name}" WHERE "WhoId" = ? AND "IsDeleted" = 0`, [leadId])
    for (const row of rows) {
      store.update(activities, String(row.Id), {
        WhoId: contactId,
        WhatId: row.WhatId ?? opportunityId ?? accountId,
        SystemModstamp: ctx.now.toISOString(),
      })
    }
  }

  const now = ctx.now.toISOString()
  store.update(leads, leadId, {
    Status: statusName,
    IsConverted: 1,
    ConvertedDate: now.slice(0, 10),
    ConvertedAccountId: accountId,
    ConvertedContactId: contactId,
    ConvertedOpportunityId: opportunityId,
    IsUnreadByOwner: 0,
    LastModifiedDate: now,
    LastModifiedById: ctx.userId,
    SystemModstamp: now,
  })
  return { accountId, contactId, errors: [], leadId, opportunityId, success: true }
}

/** Converts one lead; a failure leaves nothing behind and is reported in the result. */
export function convertLead(ctx: WriteContext, input: LeadConvert): LeadConvertResult {
  try {
    return ctx.store.transaction(() => convertOne(ctx, input))
  } catch (error) {
    if (!(error instanceof SalesforceError)) throw error
    const leadId = input.leadId ? (toId18(input.leadId) ?? input.leadId) : null
    return {
      accountId: null,
      contactId: null,
      errors: [{ fields: error.fields, message: error.message, statusCode: error.errorCode }],
      leadId,
      opportunityId: null,
      success: false,
    }
  }
}
