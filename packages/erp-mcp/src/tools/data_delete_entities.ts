import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { canonicalKey, describeKey } from '../odata/keys.js'
import {
  companyFor,
  companyIdArg,
  entitySetArg,
  errorText,
  keyArg,
  RecordOutcome,
  type RecordOutcomeValue,
  refuseInvalidRecords,
} from './support.js'

const SHOWN = 10

export const dataDeleteEntities = defineErpTool({
  name: 'data_delete_entities',
  title: 'Delete records',
  description:
    'Deletes up to 100 records of one entity set by key, after the user approves. Each record must exist first; no transaction across records, so it stops at the first failure and reports each record. Irreversible.',
  input: z.object({
    entitySet: entitySetArg,
    keys: z.array(keyArg).min(1).max(100),
    companyId: companyIdArg,
  }),
  output: z.object({
    entitySet: z.string(),
    deleted: z.number().int(),
    failed: z.number().int(),
    results: z.array(RecordOutcome),
  }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  toolset: 'data',
  consent: ({ entitySet, keys, companyId }) => {
    const shown = keys.slice(0, SHOWN).map((k) => describeKey(k))
    const more = keys.length > SHOWN ? `; and ${keys.length - SHOWN} more` : ''
    return `Delete ${keys.length} ${entitySet} record${keys.length === 1 ? '' : 's'}${companyId ? ` in ${companyId}` : ''}: ${shown.join('; ')}${more}?`
  },
  render: (out) =>
    `Deleted ${out.deleted} ${out.entitySet} record${out.deleted === 1 ? '' : 's'}${out.failed ? '; one failed, the rest were not attempted' : ''}.`,
  async run({ entitySet, keys, companyId }, ctx) {
    const entity = await ctx.client.odata.entity(entitySet, ctx.signal)
    const problems: Array<{ index: number; problems: string[] }> = []
    const targets: Array<{ key: Record<string, unknown>; company: string | undefined }> = []
    for (const [index, given] of keys.entries()) {
      try {
        const company = await companyFor(ctx.client, entity, given, companyId, ctx.signal)
        const key = canonicalKey(entity, given, company)
        await ctx.client.odata.get(entity, key, {
          ...(company ? { company } : {}),
          select: entity.keys,
          signal: ctx.signal,
        })
        targets.push({ key, company })
      } catch (error) {
        if (ctx.signal.aborted) throw error
        problems.push({ index, problems: [errorText(error)] })
      }
    }
    refuseInvalidRecords('data_delete_entities', entity, problems)
    const results: RecordOutcomeValue[] = []
    let failedAt = -1
    for (const [index, target] of targets.entries()) {
      if (failedAt >= 0) {
        results.push({ index, status: 'notAttempted', key: target.key })
        continue
      }
      try {
        await ctx.client.odata.delete(entity, target.key, {
          ...(target.company ? { company: target.company } : {}),
          signal: ctx.signal,
        })
        results.push({ index, status: 'deleted', key: target.key })
      } catch (error) {
        if (ctx.signal.aborted) throw error
        failedAt = index
        results.push({ index, status: 'failed', key: target.key, error: errorText(error) })
      }
    }
    return {
      entitySet: entity.entitySet,
      deleted: results.filter((r) => r.status === 'deleted').length,
      failed: failedAt >= 0 ? 1 : 0,
      results,
    }
  },
})
