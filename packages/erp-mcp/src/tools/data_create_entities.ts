import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { keyOf } from '../odata/keys.js'
import { DATA_AREA_ID } from '../odata/metadata.js'
import {
  canonicalValues,
  checkBatch,
  companyIdArg,
  entitySetArg,
  oneCompany,
  RecordOutcome,
  RowOutput,
  refuseInvalidRecords,
  refuseReadOnly,
  summary,
  valueProblems,
  writeInOrder,
} from './support.js'

export const dataCreateEntities = defineErpTool({
  name: 'data_create_entities',
  title: 'Create records',
  description:
    'Creates up to 100 records of one entity set: validates all first, then stops at the first failure (no transaction) and reports each.',
  input: z.object({
    entitySet: entitySetArg,
    records: z.array(RowOutput),
    companyId: companyIdArg,
  }),
  output: z.object({ results: z.array(RecordOutcome) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  toolset: 'data',
  render: (out) => summary(out.results, 'created'),
  async run({ entitySet, records, companyId }, ctx) {
    checkBatch(records.length, 'records')
    const metadata = await ctx.client.odata.metadata(ctx.signal)
    const entity = await ctx.client.odata.entity(entitySet, ctx.signal)
    refuseReadOnly(entity, 'created')
    const company = oneCompany(companyId)
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
    const results = await writeInOrder(
      prepared,
      async (values) =>
        keyOf(entity, { ...values, ...(await ctx.client.odata.create(entity, values, { signal: ctx.signal })) }),
      'created',
      ctx.signal,
    )
    return { results }
  },
})
