import { ToolError } from '@bizmcp/core'
import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { keyOf } from '../odata/keys.js'
import { DATA_AREA_ID } from '../odata/metadata.js'
import {
  canonicalValues,
  companyIdArg,
  entitySetArg,
  errorText,
  RecordOutcome,
  type RecordOutcomeValue,
  refuseInvalidRecords,
  valueProblems,
} from './support.js'

export const dataCreateEntities = defineErpTool({
  name: 'data_create_entities',
  title: 'Create records',
  description:
    'Creates up to 100 records in one entity set. All are checked against $metadata first; there is no transaction across records, so it stops at the first failure and reports each record.',
  input: z.object({
    entitySet: entitySetArg,
    records: z.array(z.record(z.string(), z.unknown())).min(1).max(100).describe('Field values per record'),
    companyId: companyIdArg,
  }),
  output: z.object({
    entitySet: z.string(),
    created: z.number().int(),
    failed: z.number().int(),
    results: z.array(RecordOutcome),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  toolset: 'data',
  async run({ entitySet, records, companyId }, ctx) {
    const metadata = await ctx.client.odata.metadata(ctx.signal)
    const entity = await ctx.client.odata.entity(entitySet, ctx.signal)
    if (entity.readOnly) {
      throw new ToolError({
        code: 'InvalidInput',
        message: `${entity.entitySet} is read-only: records cannot be created through OData.`,
        fix: 'Find a writable entity with data_find_entity_type, or use an action (api_find_actions).',
      })
    }
    const company = companyId && !/^cross-company$/i.test(companyId) ? companyId.toLowerCase() : undefined
    const prepared = records.map((record) => {
      const values = canonicalValues(entity, record)
      if (entity.companySpecific && company && values[DATA_AREA_ID] === undefined) values[DATA_AREA_ID] = company
      return values
    })
    refuseInvalidRecords(
      'data_create_entities',
      entity,
      prepared
        .map((values, index) => {
          const problems = valueProblems(entity, records[index]!, 'create', metadata.enums)
          const given = values[DATA_AREA_ID]
          if (company && given !== undefined && String(given).toLowerCase() !== company)
            problems.push(`dataAreaId '${given}' differs from companyId '${company}'`)
          return { index, problems }
        })
        .filter((p) => p.problems.length),
    )
    const results: RecordOutcomeValue[] = []
    let failedAt = -1
    for (const [index, values] of prepared.entries()) {
      if (failedAt >= 0) {
        results.push({ index, status: 'notAttempted' })
        continue
      }
      try {
        const created = await ctx.client.odata.create(entity, values, { signal: ctx.signal })
        results.push({ index, status: 'created', key: keyOf(entity, { ...values, ...created }) })
      } catch (error) {
        if (ctx.signal.aborted) throw error
        failedAt = index
        results.push({ index, status: 'failed', error: errorText(error) })
      }
    }
    return {
      entitySet: entity.entitySet,
      created: results.filter((r) => r.status === 'created').length,
      failed: failedAt >= 0 ? 1 : 0,
      results,
    }
  },
})
