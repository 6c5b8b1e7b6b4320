import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { canonicalKey, keyFieldsOf } from '../odata/keys.js'
import { DATA_AREA_ID } from '../odata/metadata.js'
import {
  canonicalValues,
  companyFor,
  companyIdArg,
  entitySetArg,
  errorText,
  keyArg,
  RecordOutcome,
  type RecordOutcomeValue,
  refuseInvalidRecords,
  valueProblems,
} from './support.js'

export const dataUpdateEntities = defineErpTool({
  name: 'data_update_entities',
  title: 'Update records',
  description:
    'Changes fields of up to 100 existing records of one entity set, each by key. Values and keys are checked first (each record must exist); no transaction across records, so it stops at the first failure and reports each record.',
  input: z.object({
    entitySet: entitySetArg,
    updates: z
      .array(z.object({ key: keyArg, values: z.record(z.string(), z.unknown()).describe('Fields to change') }))
      .min(1)
      .max(100),
    companyId: companyIdArg,
  }),
  output: z.object({
    entitySet: z.string(),
    updated: z.number().int(),
    failed: z.number().int(),
    results: z.array(RecordOutcome),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  toolset: 'data',
  async run({ entitySet, updates, companyId }, ctx) {
    const metadata = await ctx.client.odata.metadata(ctx.signal)
    const entity = await ctx.client.odata.entity(entitySet, ctx.signal)
    if (entity.readOnly) {
      throw new ToolError({
        code: 'InvalidInput',
        message: `${entity.entitySet} is read-only: records cannot be changed through OData.`,
        fix: 'Find a writable entity with data_find_entity_type, or use an action (api_find_actions).',
      })
    }
    const keyFields = new Set(keyFieldsOf(entity).map((k) => k.toLowerCase()))
    const problems: Array<{ index: number; problems: string[] }> = []
    const targets: Array<{
      key: Record<string, unknown>
      company: string | undefined
      values: Record<string, unknown>
    }> = []
    for (const [index, update] of updates.entries()) {
      const list = valueProblems(entity, update.values, 'update', metadata.enums)
      if (!Object.keys(update.values).length) list.push('values is empty')
      const keyChanges = Object.keys(update.values).filter((k) => keyFields.has(k.toLowerCase()) && k !== DATA_AREA_ID)
      if (keyChanges.length && !list.some((p) => p.includes('read-only')))
        list.push(`key fields cannot change: ${keyChanges.join(', ')}`)
      let company: string | undefined
      try {
        company = await companyFor(ctx.client, entity, update.key, companyId, ctx.signal)
        const key = canonicalKey(entity, update.key, company)
        // the record must exist before anything is written
        if (!list.length)
          await ctx.client.odata.get(entity, key, {
            ...(company ? { company } : {}),
            select: entity.keys,
            signal: ctx.signal,
          })
        targets.push({ key, company, values: canonicalValues(entity, update.values) })
      } catch (error) {
        if (ctx.signal.aborted) throw error
        list.push(errorText(error))
      }
      if (list.length) problems.push({ index, problems: list })
    }
    refuseInvalidRecords('data_update_entities', entity, problems)
    const results: RecordOutcomeValue[] = []
    let failedAt = -1
    for (const [index, target] of targets.entries()) {
      if (failedAt >= 0) {
        results.push({ index, status: 'notAttempted', key: target.key })
        continue
      }
      try {
        await ctx.client.odata.update(entity, target.key, target.values, {
          ...(target.company ? { company: target.company } : {}),
          signal: ctx.signal,
        })
        results.push({ index, status: 'updated', key: target.key })
      } catch (error) {
        if (ctx.signal.aborted) throw error
        failedAt = index
        results.push({ index, status: 'failed', key: target.key, error: errorText(error) })
      }
    }
    return {
      entitySet: entity.entitySet,
      updated: results.filter((r) => r.status === 'updated').length,
      failed: failedAt >= 0 ? 1 : 0,
      results,
    }
  },
})
