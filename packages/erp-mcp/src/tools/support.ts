// Pieces the erp tools share: argument schemas (worded once, so the listing stays short), field
// validation against $metadata, and the company a key or record belongs to.
import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import type { ErpClient } from '../client.js'
import { closestNames } from '../names.js'
import { type KeyValues, LiteralError, odataLiteral } from '../odata/keys.js'
import { DATA_AREA_ID, findField } from '../odata/metadata.js'
import type { EntityInfo, FieldInfo } from '../odata/types.js'
import { companyScope } from '../odata/url.js'

export const entitySetArg = z.string().describe('Entity set, e.g. CustomersV3')
export const companyIdArg = z.string().optional().describe("dataAreaId, e.g. usmf, or 'cross-company'")
export const keyArg = z.record(z.string(), z.unknown()).describe('e.g. {"CustomerAccount":"US-001"}')
export const RowOutput = z.record(z.string(), z.unknown())

/** The named fields of an entity, canonical case; unknown names are refused with close matches. */
export function resolveFields(entity: EntityInfo, names: string[], what = 'field'): FieldInfo[] {
  return names.map((name) => {
    const field = findField(entity, name)
    if (field) return field
    throw unknownField(entity, name, what)
  })
}

export function unknownField(entity: EntityInfo, name: string, what = 'field'): ToolError {
  const close = closestNames(
    name,
    entity.fields.map((f) => f.name),
  )
  return new ToolError({
    code: 'InvalidInput',
    message: `${entity.entitySet} has no ${what} '${name}'.${close.length ? ` Close names: ${close.join(', ')}.` : ''}`,
    fix: `Use field names from data_get_entity_metadata for ${entity.entitySet}.`,
    details: { entitySet: entity.entitySet, field: name, suggestions: close },
  })
}

/**
 * The company a record is addressed in: the key's dataAreaId, else companyId, else the user's
 * default company. Undefined for global entities.
 */
export async function companyFor(
  client: ErpClient,
  entity: EntityInfo,
  key: KeyValues | undefined,
  companyId: string | undefined,
  signal: AbortSignal,
): Promise<string | undefined> {
  if (!entity.companySpecific) return undefined
  const fromKey = Object.entries(key ?? {}).find(([k]) => k.toLowerCase() === DATA_AREA_ID.toLowerCase())?.[1]
  if (fromKey !== undefined && fromKey !== '') {
    const id = String(fromKey).toLowerCase()
    const named = oneCompany(companyId)
    if (named && named !== id) {
      throw new ToolError({
        code: 'InvalidInput',
        message: `The key says dataAreaId '${id}' and companyId says '${companyId}'.`,
        fix: 'Give the company once: in the key or as companyId.',
      })
    }
    return id
  }
  return oneCompany(companyId) ?? ((await client.odata.session(signal)).company || undefined)
}

/** The one legal entity `companyId` names, parsed as the read tools parse it; undefined for none or all. */
export function oneCompany(companyId: string | undefined): string | undefined {
  const scope = companyScope(companyId)
  return scope.kind === 'company' ? scope.id : undefined
}

/** Problems of one record's values against the entity's fields (names, types, lengths, editability). */
export function valueProblems(
  entity: EntityInfo,
  values: Record<string, unknown>,
  mode: 'create' | 'update',
  enums: ReadonlyMap<string, readonly string[]>,
): string[] {
  const problems: string[] = []
  for (const [name, value] of Object.entries(values)) {
    const field = findField(entity, name)
    if (!field) {
      const close = closestNames(
        name,
        entity.fields.map((f) => f.name),
      )
      problems.push(`no field '${name}'${close.length ? ` (close: ${close.join(', ')})` : ''}`)
      continue
    }
    if (field.name !== name) problems.push(`field '${name}' is spelt '${field.name}' (names are case-sensitive)`)
    if (mode === 'create' ? field.readOnlyOnCreate : field.readOnly && field.name !== DATA_AREA_ID) {
      problems.push(
        `${field.name} is read-only${mode === 'update' && isKey(entity, field.name) ? ' (a key field)' : ''}`,
      )
      continue
    }
    if (value === null) continue
    if (typeof value === 'object') {
      problems.push(`${field.name} takes a single value, not an object or list`)
      continue
    }
    try {
      odataLiteral(value, field)
    } catch (error) {
      if (error instanceof LiteralError) problems.push(error.message)
      else throw error
      continue
    }
    const members = field.enumType ? enums.get(field.enumType) : undefined
    if (members?.length && !members.includes(String(value)))
      problems.push(`${field.name} is one of ${members.join(', ')}; got ${JSON.stringify(value)}`)
    if (field.maxLength && typeof value === 'string' && value.length > field.maxLength)
      problems.push(`${field.name} is at most ${field.maxLength} characters; got ${value.length}`)
  }
  if (mode === 'create') {
    const given = new Set(Object.keys(values).map((k) => k.toLowerCase()))
    const missing = entity.fields.filter(
      (f) => f.mandatory && f.name !== DATA_AREA_ID && !given.has(f.name.toLowerCase()),
    )
    if (missing.length) problems.push(`mandatory ${missing.map((f) => f.name).join(', ')} missing`)
  }
  return problems
}

const isKey = (entity: EntityInfo, name: string) => entity.keys.includes(name)

/** Values with field names in their canonical case. */
export function canonicalValues(entity: EntityInfo, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [findField(entity, k)?.name ?? k, v]))
}

export const MAX_BATCH = 100

export function checkBatch(size: number, what: string) {
  if (size < 1 || size > MAX_BATCH) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `${what} has ${size} entries; a call takes 1 to ${MAX_BATCH}.`,
      fix: `Send between 1 and ${MAX_BATCH} ${what} per call, in several calls if needed.`,
    })
  }
}

/** A per-record result line, as the write tools report it. */
export const RecordOutcome = z.object({
  index: z.number().int(),
  status: z.string(),
  key: RowOutput.optional(),
  error: z.string().optional(),
})
export type RecordOutcomeValue = z.infer<typeof RecordOutcome>

/** Entities such as transaction history cannot be written through OData: say so before anything else. */
export function refuseReadOnly(entity: EntityInfo, verb: 'created' | 'changed') {
  if (!entity.readOnly) return
  throw new ToolError({
    code: 'InvalidInput',
    message: `${entity.entitySet} is read-only: records cannot be ${verb} through OData.`,
    fix: 'Find a writable entity with data_find_entity_type, or use an action (api_find_actions).',
  })
}

export function refuseInvalidRecords(
  tool: string,
  entity: EntityInfo,
  problems: Array<{ index: number; problems: string[] }>,
) {
  if (!problems.length) return
  const lines = problems.slice(0, 10).map((p) => `record ${p.index}: ${p.problems.join('; ')}`)
  throw new ToolError({
    code: 'InvalidInput',
    message: `${tool} changed nothing: ${problems.length} record${problems.length > 1 ? 's are' : ' is'} invalid for ${entity.entitySet}. ${lines.join('. ')}${problems.length > 10 ? ` … and ${problems.length - 10} more` : ''}.`,
    fix: `Correct those records (data_get_entity_metadata lists ${entity.entitySet}'s fields, types and mandatory fields) and send the batch again.`,
    details: { invalid: problems.map((p) => p.index) },
  })
}

/** `Created 2 of 3 records; record 2 failed: …; the rest were not attempted.` */
export function summary(results: RecordOutcomeValue[], done: string): string {
  const ok = results.filter((r) => r.status === done).length
  const failed = results.find((r) => r.status === 'failed')
  const skipped = results.filter((r) => r.status === 'notAttempted').length
  const verb = done.charAt(0).toUpperCase() + done.slice(1)
  return `${verb} ${ok} of ${results.length} record${results.length === 1 ? '' : 's'}${failed ? `; record ${failed.index} failed: ${failed.error}` : ''}${skipped ? `; ${skipped} not attempted` : ''}.\n${JSON.stringify(results)}`
}

export function errorText(error: unknown): string {
  if (error instanceof ToolError) return `${error.message} ${error.fix}`
  return error instanceof Error ? error.message : String(error)
}

/**
 * Runs one write per record in order, stopping at the first failure: F&O has no transaction
 * across separate requests, so what was written stays written and the outcome says so. A failure
 * of the first record (nothing written) is the call's error, with its fix.
 */
export async function writeInOrder<T>(
  items: T[],
  write: (item: T, index: number) => Promise<Record<string, unknown> | undefined>,
  done: RecordOutcomeValue['status'],
  signal: AbortSignal,
): Promise<RecordOutcomeValue[]> {
  const results: RecordOutcomeValue[] = []
  let failed = false
  for (const [index, item] of items.entries()) {
    if (failed) {
      results.push({ index, status: 'notAttempted' })
      continue
    }
    try {
      const key = await write(item, index)
      results.push({ index, status: done, ...(key ? { key } : {}) })
    } catch (error) {
      if (signal.aborted || index === 0) throw error
      failed = true
      results.push({ index, status: 'failed', error: errorText(error) })
    }
  }
  return results
}
