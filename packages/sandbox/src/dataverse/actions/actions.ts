// Emulated Dataverse messages: WhoAmI, QualifyLead, CloseIncident, WinOpportunity/LoseOpportunity, SendEmail.

import type { RequestContext } from '../context.js'
import { badRequest, ErrorCodes, segmentNotFound } from '../errors.js'
import { type DvRequest, type DvResponse, json, noContent } from '../http.js'
import type { TableModel } from '../model.js'
import { parseEntityReference } from '../records/references.js'
import { createRecord, setLookup, setState } from '../records/writer.js'
import { parseJsonBody } from '../routes/body.js'
import {
  bindTo,
  copyAttributes,
  entityParameter,
  entityResult,
  requireOpen,
  requireParameter,
  requireRow,
  requireTable,
  validStatus,
} from './support.js'

const CRM = 'Microsoft.Dynamics.CRM.'

function requirePost(req: DvRequest, name: string): Record<string, unknown> {
  if (req.method !== 'POST')
    throw badRequest(ErrorCodes.methodNotAllowed, `The action '${name}' must be called with POST.`)
  const body = parseJsonBody(req.bodyText, name)
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest(ErrorCodes.invalidPayload, `The body of '${name}' must be a JSON object.`)
  return body as Record<string, unknown>
}

export function isUnboundOperation(name: string): boolean {
  return ['WhoAmI', 'CloseIncident', 'WinOpportunity', 'LoseOpportunity'].includes(name.replace(CRM, ''))
}

export function handleUnboundOperation(ctx: RequestContext, req: DvRequest, rawName: string): DvResponse {
  const name = rawName.replace(CRM, '')
  switch (name) {
    case 'WhoAmI':
      if (req.method !== 'GET')
        throw badRequest(ErrorCodes.methodNotAllowed, "The function 'WhoAmI' must be called with GET.")
      return json(200, {
        '@odata.context': `${ctx.apiBase}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
        BusinessUnitId: ctx.caller.businessUnitId,
        UserId: ctx.caller.userId,
        OrganizationId: ctx.organizationId,
      })
    case 'CloseIncident':
      return closeIncident(ctx, requirePost(req, name))
    case 'WinOpportunity':
    case 'LoseOpportunity':
      return closeOpportunity(ctx, requirePost(req, name), name)
    default:
      throw segmentNotFound(rawName)
  }
}

export function handleBoundOperation(
  ctx: RequestContext,
  req: DvRequest,
  table: TableModel,
  id: string,
  rawName: string,
): DvResponse {
  const name = rawName.replace(CRM, '')
  if (name === 'QualifyLead' && table.def.logicalName === 'lead') return qualifyLead(ctx, id, requirePost(req, name))
  if (name === 'SendEmail' && table.def.logicalName === 'email') return sendEmail(ctx, id, requirePost(req, name))
  throw segmentNotFound(rawName)
}

function qualifyLead(ctx: RequestContext, leadId: string, body: Record<string, unknown>): DvResponse {
  const action = 'QualifyLead'
  const leads = requireTable(ctx, action, 'lead')
  const createAccount = requireParameter<boolean>(body, 'CreateAccount', 'boolean', action)
  const createContact = requireParameter<boolean>(body, 'CreateContact', 'boolean', action)
  const createOpportunity = requireParameter<boolean>(body, 'CreateOpportunity', 'boolean', action)
  const status = requireParameter<number>(body, 'Status', 'number', action)
  return ctx.store.transaction(() => {
    const lead = requireRow(ctx, leads, leadId)
    requireOpen(leads, lead, 'The lead is closed. You cannot convert or qualify a lead that is already closed.')
    validStatus(leads, 1, status, action)
    const currency = entityParameter(ctx, body.OpportunityCurrencyId, 'OpportunityCurrencyId')
    const customer = entityParameter(ctx, body.OpportunityCustomerId, 'OpportunityCustomerId')
    entityParameter(ctx, body.SourceCampaignId, 'SourceCampaignId')
    const created: Array<Record<string, unknown>> = []
    let account: { table: TableModel; id: string } | undefined
    let contact: { table: TableModel; id: string } | undefined
    if (createAccount) {
      const accounts = requireTable(ctx, action, 'account')
      if (!lead.companyname)
        throw badRequest(
          ErrorCodes.invalidArgument,
          "The lead has no company name, so an account can't be created from it.",
        )
      const values = copyAttributes(lead, accounts, {
        companyname: 'name',
        emailaddress1: 'emailaddress1',
        telephone1: 'telephone1',
        websiteurl: 'websiteurl',
        address1_city: 'address1_city',
      })
      if (accounts.attributes.has('originatingleadid')) values['originatingleadid@odata.bind'] = bindTo(leads, leadId)
      account = { table: accounts, id: createRecord(ctx, accounts, values) }
      created.push(entityResult(accounts, account.id))
    }
    if (createContact) {
      const contacts = requireTable(ctx, action, 'contact')
      const values = copyAttributes(lead, contacts, {
        firstname: 'firstname',
        lastname: 'lastname',
        emailaddress1: 'emailaddress1',
        telephone1: 'telephone1',
        jobtitle: 'jobtitle',
      })
      if (account && contacts.attributes.has('parentcustomerid'))
        values['parentcustomerid@odata.bind'] = bindTo(account.table, account.id)
      if (contacts.attributes.has('originatingleadid')) values['originatingleadid@odata.bind'] = bindTo(leads, leadId)
      contact = { table: contacts, id: createRecord(ctx, contacts, values) }
      created.push(entityResult(contacts, contact.id))
    }
    if (createOpportunity) {
      const opportunities = requireTable(ctx, action, 'opportunity')
      const values = copyAttributes(lead, opportunities, {
        subject: 'name',
        estimatedamount: 'estimatedvalue',
        description: 'description',
      })
      const buyer = customer ?? account ?? contact ?? existingCustomer(ctx, lead)
      if (buyer && opportunities.attributes.has('customerid'))
        values['customerid@odata.bind'] = bindTo(buyer.table, buyer.id)
      if (opportunities.attributes.has('originatingleadid'))
        values['originatingleadid@odata.bind'] = bindTo(leads, leadId)
      if (currency && opportunities.attributes.has('transactioncurrencyid'))
        values['transactioncurrencyid@odata.bind'] = bindTo(currency.table, currency.id)
      const id = createRecord(ctx, opportunities, values)
      created.push(entityResult(opportunities, id))
      // the lead remembers the opportunity it became
      if (leads.attributes.has('qualifyingopportunityid'))
        setLookup(ctx, leads, leadId, 'qualifyingopportunityid', 'opportunity', id)
    }
    setState(ctx, leads, leadId, 1, status)
    return json(200, {
      '@odata.context': `${ctx.apiBase}$metadata#Collection(Microsoft.Dynamics.CRM.crmbaseentity)`,
      value: created,
    })
  })
}

/** A lead linked to an existing account or contact makes that the opportunity's customer. */
function existingCustomer(
  ctx: RequestContext,
  lead: Record<string, unknown>,
): { table: TableModel; id: string } | undefined {
  for (const [attr, tableName] of [
    ['parentaccountid', 'account'],
    ['parentcontactid', 'contact'],
  ] as const) {
    const id = lead[attr]
    const table = ctx.model.table(tableName)
    if (typeof id === 'string' && table) return { table, id }
  }
  return undefined
}

function activityParameter(body: Record<string, unknown>, name: string, action: string): Record<string, unknown> {
  const value = requireParameter<Record<string, unknown>>(body, name, 'object', action)
  return { ...value }
}

function closeIncident(ctx: RequestContext, body: Record<string, unknown>): DvResponse {
  const action = 'CloseIncident'
  const incidents = requireTable(ctx, action, 'incident')
  const resolutions = requireTable(ctx, action, 'incidentresolution')
  const resolution = activityParameter(body, 'IncidentResolution', action)
  const status = requireParameter<number>(body, 'Status', 'number', action)
  const bind = resolution['incidentid@odata.bind']
  if (typeof bind !== 'string')
    throw badRequest(ErrorCodes.invalidArgument, "IncidentResolution needs 'incidentid@odata.bind' naming the case.")
  const ref = parseEntityReference(ctx, bind)
  if (ref.table !== incidents)
    throw badRequest(ErrorCodes.invalidArgument, "'incidentid@odata.bind' must name an incident.")
  delete resolution['@odata.type']
  ctx.store.transaction(() => {
    const incident = requireRow(ctx, incidents, ref.id)
    requireOpen(
      incidents,
      incident,
      'This case has already been resolved. Close and reopen the case, and then try again.',
    )
    validStatus(incidents, 1, status, action)
    const id = createRecord(ctx, resolutions, resolution)
    if (resolutions.attributes.has('statecode')) setState(ctx, resolutions, id, 1)
    setState(ctx, incidents, ref.id, 1, status)
  })
  return noContent()
}

function closeOpportunity(
  ctx: RequestContext,
  body: Record<string, unknown>,
  action: 'WinOpportunity' | 'LoseOpportunity',
): DvResponse {
  const opportunities = requireTable(ctx, action, 'opportunity')
  const closes = requireTable(ctx, action, 'opportunityclose')
  const close = activityParameter(body, 'OpportunityClose', action)
  const status = requireParameter<number>(body, 'Status', 'number', action)
  const bind = close['opportunityid@odata.bind']
  if (typeof bind !== 'string')
    throw badRequest(
      ErrorCodes.invalidArgument,
      "OpportunityClose needs 'opportunityid@odata.bind' naming the opportunity.",
    )
  const ref = parseEntityReference(ctx, bind)
  if (ref.table !== opportunities)
    throw badRequest(ErrorCodes.invalidArgument, "'opportunityid@odata.bind' must name an opportunity.")
  delete close['@odata.type']
  const state = action === 'WinOpportunity' ? 1 : 2
  ctx.store.transaction(() => {
    const opportunity = requireRow(ctx, opportunities, ref.id)
    requireOpen(opportunities, opportunity, 'The opportunity is already closed. Reopen it before you close it again.')
    validStatus(opportunities, state, status, action)
    const id = createRecord(ctx, closes, close)
    if (closes.attributes.has('statecode')) setState(ctx, closes, id, 1)
    setState(ctx, opportunities, ref.id, state, status)
  })
  return noContent()
}

function sendEmail(ctx: RequestContext, emailId: string, body: Record<string, unknown>): DvResponse {
  const action = 'SendEmail'
  const emails = requireTable(ctx, action, 'email')
  requireParameter<boolean>(body, 'IssueSend', 'boolean', action)
  return ctx.store.transaction(() => {
    const email = requireRow(ctx, emails, emailId)
    requireOpen(emails, email, 'The email is not a draft: only draft emails can be sent.')
    const statuses = emails.attributes.get('statuscode')?.options ?? []
    const sent = statuses.find((o) => o.label === 'Sent' && o.state === 1) ?? statuses.find((o) => o.state === 1)
    setState(ctx, emails, emailId, 1, sent?.value)
    return json(200, {
      '@odata.context': `${ctx.apiBase}$metadata#Microsoft.Dynamics.CRM.SendEmailResponse`,
      Subject: (email.subject as string | null) ?? '',
    })
  })
}
