import { buildRecordBody, type DataverseClient } from '@bizmcp/dataverse-mcp'
import { z } from 'zod'
import { defineServiceTool } from '../define-tool.js'
import { caseText, gatherEvidence, matchStrength, productsMentioned, vote } from '../support/evidence.js'
import { type Activity, firstAddress, loadActivity, loadCase, lookup, type Ref, str } from '../support/records.js'
import { cleanSubject, confidence as conf, round, stripSignature, terms } from '../support/text.js'

/** source cases listed per prediction */
const MAX_SOURCES = 5
const incidents = (ids: string[]) => ids.slice(0, MAX_SOURCES).map((id) => `incident:${id}`)

const URGENT = new Set(['urgent', 'asap', 'immediately', 'outage', 'stopped', 'halted', 'critical', 'emergency'])

const Prediction = z.object({
  field: z.string(),
  value: z.string(),
  label: z.string().optional(),
  confidence: z.number(),
  outcome: z.string(),
  why: z.string(),
  sources: z.array(z.string()).optional(),
})
type Prediction = z.infer<typeof Prediction>
type Draft = Omit<Prediction, 'outcome' | 'value'> & { value: string | number; terms?: string[]; write?: unknown }

/** predictions below this confidence are returned, not written */
const MIN_CONFIDENCE = 0.5

export const enrichCase = defineServiceTool({
  name: 'enrich_case',
  title: 'Enrich case',
  description:
    'Predicts case title, type, priority, product, customer, contact and category from its text, a source email and similar resolved cases; sets empty fields unless overwrite.',
  input: z.object({
    caseId: z.string(),
    activityId: z.string().optional(),
    overwrite: z.boolean().default(false),
    dryRun: z.boolean().default(false),
  }),
  output: z.object({ predictions: z.array(Prediction) }),
  annotations: { destructiveHint: false, idempotentHint: true },
  toolset: 'assist',
  render: (out) =>
    out.predictions.map((p) => `${p.field}: ${p.label ?? p.value} (${p.confidence}) ${p.outcome}`).join('\n') ||
    'Nothing to predict.',
  async run({ caseId, activityId, overwrite, dryRun }, ctx) {
    const { client, signal } = ctx
    const row = await loadCase(client, caseId, signal)
    const id = String(row.incidentid)
    const activity = activityId ? await loadActivity(client, activityId, signal) : undefined
    const evidence = await gatherEvidence(client, caseText(row, activity), signal)
    const strength = matchStrength(evidence)
    const drafts: Draft[] = []

    // title: the source's subject, or the first sentence of the description
    if (activity?.subject) {
      drafts.push({
        field: 'title',
        value: cleanSubject(activity.subject).slice(0, 200),
        confidence: 0.9,
        why: `Subject of the source ${activity.table}.`,
        sources: [`${activity.table}:${activity.id}`],
      })
    } else if (!str(row, 'title') && str(row, 'description')) {
      const first = /^[^.?!\n]{10,200}/.exec(str(row, 'description').trim())?.[0]
      if (first)
        drafts.push({
          field: 'title',
          value: first.trim(),
          confidence: 0.6,
          why: 'First sentence of the description.',
        })
    }

    // customer and contact: the sender of the source email, else the case's contact
    drafts.push(...(await customerPredictions(client, row, activity, signal)))

    // product: named in the text, backed by the products of similar resolved cases
    const titleText = [str(row, 'title'), activity?.subject ?? ''].join('\n')
    const bodyText = [str(row, 'description'), activity ? stripSignature(activity.body) : ''].join('\n')
    const mentioned = await productsMentioned(client, titleText, bodyText, signal)
    const productVote = vote(evidence.cases, (c) =>
      c.product ? { value: c.product.id, label: c.product.name ?? '' } : undefined,
    )
    const named = mentioned[0]
    if (named) {
      const agree = productVote?.value === named.product.id
      drafts.push({
        field: 'productid',
        value: named.product.id,
        label: named.product.name ?? '',
        confidence: named.where === 0 ? (agree ? 0.95 : 0.85) : agree ? 0.85 : 0.7,
        why: `The ${named.where === 0 ? 'title or subject' : 'text'} names '${named.matched}'${agree ? `; ${round(productVote.share * 100)}% of similar resolved cases are about this product` : ''}.`,
        terms: [named.matched],
        ...(agree ? { sources: incidents(productVote.cases) } : {}),
        write: { table: 'product', id: named.product.id },
      })
    } else if (productVote) {
      drafts.push({
        field: 'productid',
        value: productVote.value,
        label: productVote.label ?? '',
        confidence: conf(productVote.share * strength),
        why: `Product of ${round(productVote.share * 100)}% (by search weight) of the most similar resolved cases.`,
        sources: incidents(productVote.cases),
        terms: evidence.terms.slice(0, 8),
        write: { table: 'product', id: productVote.value },
      })
    }

    // case type: what the similar resolved cases were
    const typeVote = vote(evidence.cases, (c) =>
      c.casetypecode !== undefined ? { value: c.casetypecode, label: c.casetype ?? '' } : undefined,
    )
    if (typeVote) {
      drafts.push({
        field: 'casetypecode',
        value: typeVote.value,
        label: typeVote.label ?? '',
        confidence: conf(typeVote.share * strength),
        why: `Case type of ${round(typeVote.share * 100)}% (by search weight) of the most similar resolved cases.`,
        sources: incidents(typeVote.cases),
        terms: evidence.terms.slice(0, 8),
      })
    }

    // priority: urgent words in the customer's text, else the similar cases' priority
    const urgent = [...new Set(terms(`${titleText}\n${bodyText}`).filter((t) => URGENT.has(t)))]
    const priorityVote = vote(evidence.cases, (c) =>
      c.prioritycode !== undefined ? { value: c.prioritycode, label: c.priority ?? '' } : undefined,
    )
    if (urgent.length) {
      drafts.push({
        field: 'prioritycode',
        value: 1,
        label: 'High',
        confidence: 0.8,
        why: `The text says ${urgent.map((t) => `'${t}'`).join(', ')}.`,
        terms: urgent,
      })
    } else if (priorityVote) {
      drafts.push({
        field: 'prioritycode',
        value: priorityVote.value,
        label: priorityVote.label ?? '',
        confidence: conf(priorityVote.share * strength),
        why: `Priority of ${round(priorityVote.share * 100)}% (by search weight) of the most similar resolved cases; no urgent words in the text.`,
        sources: incidents(priorityVote.cases),
      })
    }

    // category: the knowledge article that matches best (no category column is written)
    const article = evidence.articles[0]
    if (article) {
      drafts.push({
        field: 'category',
        value: article.number,
        label: article.title,
        confidence: conf(article.weight * Math.min(1, article.sharedTerms.length / 6)),
        why: 'The best-matching published knowledge article names the problem category.',
        sources: [`knowledgearticle:${article.id}`],
        terms: article.sharedTerms.slice(0, 8),
      })
    }

    // write: only empty fields (unless overwrite), only confident predictions
    const values: Record<string, unknown> = {}
    const predictions: Prediction[] = drafts.map(({ write, terms: matched, ...p }) => {
      const current = currentValue(row, p.field)
      let note: string | undefined
      if (p.field === 'category') note = 'not a case column'
      else if (current !== undefined && String(current) === String(p.value)) note = 'already set to this value'
      else if (current !== undefined && !overwrite) note = 'kept existing value'
      else if (p.confidence < MIN_CONFIDENCE) note = `confidence below ${MIN_CONFIDENCE}`
      else if (dryRun) note = 'dry run'
      if (!note) values[p.field] = write ?? p.value
      const why =
        matched?.length && !p.why.includes(matched[0] ?? '') ? `${p.why} Terms: ${matched.join(', ')}.` : p.why
      return { ...p, value: String(p.value), why, outcome: note ?? 'set' }
    })
    const updated = Object.keys(values)
    if (updated.length) {
      const meta = await client.table('incident', signal)
      const body = await buildRecordBody(client, meta, values, 'update', signal)
      await client.update('incidents', id, body, { ifMatch: '*', signal })
    }
    return { predictions }
  },
})

function currentValue(row: Record<string, unknown>, field: string): string | number | undefined {
  const ref = lookup(row, field)
  if (ref) return ref.id
  const value = row[field]
  return typeof value === 'string' || typeof value === 'number' ? (value === '' ? undefined : value) : undefined
}

async function customerPredictions(
  client: DataverseClient,
  row: Record<string, unknown>,
  activity: Activity | undefined,
  signal: AbortSignal,
): Promise<Draft[]> {
  const out: Draft[] = []
  const sender =
    activity?.table === 'email' && activity.row.directioncode === false
      ? firstAddress(str(activity.row, 'sender'))
      : undefined
  let contact: Record<string, unknown> | undefined
  let basis = ''
  let source = ''
  if (sender) {
    const { rows } = await client.query('contacts', {
      select: ['contactid', 'fullname', '_parentcustomerid_value'],
      filter: `emailaddress1 eq '${sender.replace(/'/g, "''")}' and statecode eq 0`,
      formatted: true,
      top: 2,
      signal,
    })
    if (rows.length === 1) {
      contact = rows[0]
      basis = `The source email came from ${sender}, this contact's address`
      source = `email:${activity?.id}`
    }
  }
  const caseContact = lookup(row, 'primarycontactid')
  if (!contact && caseContact) {
    contact = await client.retrieve('contacts', caseContact.id, {
      select: ['contactid', 'fullname', '_parentcustomerid_value'],
      formatted: true,
      signal,
    })
    basis = "The case's contact"
    source = `contact:${caseContact.id}`
  }
  if (!contact) return out
  const contactId = String(contact.contactid)
  const contactName = str(contact, 'fullname')
  if (sender)
    out.push({
      field: 'primarycontactid',
      value: contactId,
      label: contactName,
      confidence: 0.95,
      why: `${basis}.`,
      sources: [source],
      write: { table: 'contact', id: contactId },
    })
  const parent: Ref | undefined = lookup(contact, 'parentcustomerid')
  const customer: Ref = parent ?? { table: 'contact', id: contactId, name: contactName }
  out.push({
    field: 'customerid',
    value: customer.id,
    label: customer.name ?? '',
    confidence: sender ? 0.95 : 0.9,
    why: parent
      ? `${basis}; the contact belongs to this ${parent.table}.`
      : `${basis}; the contact has no parent account, so the contact is the customer.`,
    sources: [source],
    write: { table: customer.table || 'account', id: customer.id },
  })
  return out
}
