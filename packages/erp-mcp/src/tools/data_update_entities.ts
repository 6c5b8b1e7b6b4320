import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { canonicalKey, keyFieldsOf } from '../odata/keys.js'
import { DATA_AREA_ID } from '../odata/metadata.js'
import {
  canonicalValues,
  checkBatch,
  companyFor,
  companyIdArg,
  entitySetArg,
  errorText,
  keyArg,
  RecordOutcome,
  RowOutput,
  refuseInvalidRecords,
  refuseReadOnly,
  summary,
  valueProblems,
  writeInOrder,
} from './support.js'

export const dataUpdateEntities = defineErpTool({
  name: 'data_update_entities',
  title: 'Update records',
  description:
    'Changes fields of up to 100 records by key: checks all exist and validates first, then stops at the first failure (no transaction).',
  input: z.object({
    entitySet: entitySetArg,
    updates: z.array(z.object({ key: keyArg, values: RowOutput })),
    companyId: companyIdArg,
  }),
  output: z.object({ results: z.array(RecordOutcome) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  toolset: 'data',
  render: (out) => summary(out.results, 'updated'),
  async run({ entitySet, updates, companyId }, ctx) {
    checkBatch(updates.length, 'updates')
    const metadata = await ctx.client.odata.metadata(ctx.signal)
    const entity = await ctx.client.odata.entity(entitySet, ctx.signal)
    refuseReadOnly(entity, 'changed')
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
      const keyChanges = Object.keys(update.values).filter(
        (k) => keyFields.has(k.toLowerCase()) && k.toLowerCase() !== DATA_AREA_ID.toLowerCase(),
      )
      if (keyChanges.length && !list.some((p) => p.includes('key field')))
        list.push(`key fields cannot change: ${keyChanges.join(', ')}`)
      try {
        const company = await companyFor(ctx.client, entity, update.key, companyId, ctx.signal)
        const key = canonicalKey(entity, update.key, company)
        // the record must exist before anything is written
        if (!list.length) await ctx.client.odata.get(entity, key, { select: entity.keys, signal: ctx.signal })
        const values = canonicalValues(entity, update.values)
        delete values[DATA_AREA_ID]
        targets.push({ key, company, values })
      } catch (error) {
        if (ctx.signal.aborted) throw error
        list.push(errorText(error))
      }
      if (list.length) problems.push({ index, problems: list })
    }
    refuseInvalidRecords('data_update_entities', entity, problems)
    const results = await writeInOrder(
      targets,
      async (target) => {
        await ctx.client.odata.update(entity, target.key, target.values, { signal: ctx.signal })
        return target.key
      },
      'updated',
      ctx.signal,
    )
    return { results }
  },
})
