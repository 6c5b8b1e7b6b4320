// The Partner SOAP endpoint (`/services/Soap/u/{version}`) for the one call that has no REST
// resource, convertLead. Requests are SOAP 1.1 envelopes with the access token in SessionHeader;
// answers are envelopes in the urn:partner.soap.sforce.com namespace, and faults for bad calls.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { convertLead, type LeadConvert, type LeadConvertResult } from '../records/convert.js'
import type { WriteContext } from '../records/writer.js'

const SOAPENV = 'http://schemas.xmlsoap.org/soap/envelope/'
const XSI = 'http://www.w3.org/2001/XMLSchema-instance'
/** convertLead takes at most this many LeadConvert elements per call. */
export const MAX_LEAD_CONVERTS = 100

export interface SoapDeps {
  /** the user of a live session token, or undefined */
  sessionUser(token: string): string | undefined
  /** counts the call against the daily allowance; false when it is used up */
  countCall(): boolean
  usage(): { current: number; limit: number }
  writeContext(userId: string): WriteContext
}

// ---------------------------------------------------------------------------------------------
// XML out

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

type XmlValue = string | number | boolean | null | XmlValue[] | { [key: string]: XmlValue }

/** Elements from a value: arrays repeat the element, null is xsi:nil. */
function element(name: string, value: XmlValue): string {
  if (Array.isArray(value)) return value.map((v) => element(name, v)).join('')
  if (value === null) return `<${name} xsi:nil="true"/>`
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`
  return `<${name}>${escapeXml(String(value))}</${name}>`
}

function xmlResponse(body: string, status: number): Response {
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>${body}`, {
    status,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
  })
}

function envelope(deps: SoapDeps, method: string, results: XmlValue): Response {
  const { current, limit } = deps.usage()
  const header = element('LimitInfoHeader', { limitInfo: { current, limit, type: 'API REQUESTS' } })
  return xmlResponse(
    `<soapenv:Envelope xmlns:soapenv="${SOAPENV}" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="${XSI}">` +
      `<soapenv:Header>${header}</soapenv:Header>` +
      `<soapenv:Body>${element(`${method}Response`, { result: results })}</soapenv:Body></soapenv:Envelope>`,
    200,
  )
}

/** A SOAP fault: `sf:` codes are API faults (UnexpectedErrorFault), `soapenv:Client` a bad request. */
export function soapFault(code: string, message: string, apiFault = true): Response {
  const detail = apiFault
    ? `<detail><sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault"><sf:exceptionCode>${escapeXml(code)}</sf:exceptionCode><sf:exceptionMessage>${escapeXml(message)}</sf:exceptionMessage></sf:UnexpectedErrorFault></detail>`
    : ''
  return xmlResponse(
    `<soapenv:Envelope xmlns:soapenv="${SOAPENV}" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="${XSI}">` +
      `<soapenv:Body><soapenv:Fault><faultcode>${apiFault ? `sf:${code}` : code}</faultcode>` +
      `<faultstring>${escapeXml(apiFault ? `${code}: ${message}` : message)}</faultstring>${detail}` +
      '</soapenv:Fault></soapenv:Body></soapenv:Envelope>',
    500,
  )
}

// ---------------------------------------------------------------------------------------------
// XML in

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'leadConverts',
})

type Node = Record<string, unknown>

/** The text of an element, or undefined when it is absent, empty or xsi:nil. */
function text(node: Node, name: string): string | undefined {
  const value = node[name]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'object') {
    const obj = value as Node
    if (obj['@nil'] === 'true') return undefined
    const inner = obj['#text']
    return inner === undefined || inner === '' ? undefined : String(inner)
  }
  return value === '' ? undefined : String(value)
}

function bool(node: Node, name: string): boolean | undefined {
  const value = text(node, name)
  return value === undefined ? undefined : value === 'true' || value === '1'
}

function leadConvertOf(node: Node): LeadConvert {
  return {
    leadId: text(node, 'leadId'),
    convertedStatus: text(node, 'convertedStatus'),
    accountId: text(node, 'accountId'),
    contactId: text(node, 'contactId'),
    opportunityId: text(node, 'opportunityId'),
    opportunityName: text(node, 'opportunityName'),
    doNotCreateOpportunity: bool(node, 'doNotCreateOpportunity'),
    overwriteLeadSource: bool(node, 'overwriteLeadSource'),
    ownerId: text(node, 'ownerId'),
    sendNotificationEmail: bool(node, 'sendNotificationEmail'),
  }
}

function resultXml(result: LeadConvertResult): XmlValue {
  return {
    accountId: result.accountId,
    contactId: result.contactId,
    errors: result.errors.map((e) => ({ fields: e.fields, message: e.message, statusCode: e.statusCode })),
    leadId: result.leadId,
    opportunityId: result.opportunityId,
    success: result.success,
  }
}

/** POST /services/Soap/u/{version} */
export async function handlePartnerSoap(deps: SoapDeps, request: Request): Promise<Response> {
  if (request.method !== 'POST') return soapFault('soapenv:Client', 'The SOAP API accepts POST only', false)
  const body = await request.text()
  if (body.length === 0 || XMLValidator.validate(body) !== true)
    return soapFault('soapenv:Client', 'Unable to parse the request: the body is not well-formed XML', false)
  const parsed = parser.parse(body) as Node
  const env = parsed.Envelope as Node | undefined
  const soapBody = env?.Body as Node | undefined
  if (!env || !soapBody || typeof soapBody !== 'object')
    return soapFault('soapenv:Client', 'Unable to find a SOAP envelope with a Body', false)
  const header = (env.Header ?? {}) as Node
  const sessionHeader = (typeof header === 'object' ? header.SessionHeader : undefined) as Node | undefined
  const token = sessionHeader ? text(sessionHeader, 'sessionId') : undefined
  const userId = token ? deps.sessionUser(token) : undefined
  if (!userId) return soapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session')
  if (!deps.countCall()) return soapFault('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.')
  const method = Object.keys(soapBody).find((k) => !k.startsWith('@') && k !== '#text')
  if (method !== 'convertLead')
    return soapFault(
      'soapenv:Client',
      `No operation available for request {urn:partner.soap.sforce.com}${method ?? ''}`,
      false,
    )
  const call = (soapBody.convertLead ?? {}) as Node
  const items = (typeof call === 'object' && Array.isArray(call.leadConverts) ? call.leadConverts : []) as Node[]
  if (items.length === 0) return soapFault('INVALID_FIELD', 'convertLead needs at least one leadConverts element')
  if (items.length > MAX_LEAD_CONVERTS)
    return soapFault(
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${MAX_LEAD_CONVERTS} records into this call`,
    )
  const ctx = deps.writeContext(userId)
  const results = items.map((item) => convertLead(ctx, leadConvertOf(typeof item === 'object' && item ? item : {})))
  return envelope(deps, 'convertLead', results.map(resultXml))
}
