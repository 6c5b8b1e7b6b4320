import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { canonicalKey, describeKey } from '../odata/keys.js'
import {
  checkBatch,
  companyFor,
  companyIdArg,
  entitySetArg,
  errorText,
  keyArg,
  RecordOutcome,
  refuseInvalidRecords,
  summary,
  writeInOrder,
} from './support.js'

const SHOWN = 10

export const dataDeleteEntities = defineErpTool({
  name: 'data_delete_entities',
  title: 'Delete records',
  description:
    'Deletes up to 100 records by key once the user approves (irreversible): checks all exist first, stops at the first failure.',
  input: z.object({
    entitySet: entitySetArg,
    keys: z.array(keyArg),
    companyId: companyIdArg,
  }),
  output: z.object({ results: z.array(RecordOutcome) }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  toolset: 'data',
  consent: ({ entitySet, keys, companyId }) => {
    const shown = keys.slice(0, SHOWN).map((k) => describeKey(k))
    const more = keys.length > SHOWN ? `; and ${keys.length - SHOWN} more` : ''
    return `Delete ${keys.length} ${entitySet} record${keys.length === 1 ? '' : 's'}${companyId ? ` in ${companyId}` : ''}: ${shown.join('; ')}${more}?`
  },
  render: (out) => summary(out.results, 'deleted'),
  async run({ entitySet, keys, companyId }, ctx) {
    checkBatch(keys.length, 'keys')
    const entity = await ctx.client.odata.entity(entitySet, ctx.signal)
    const problems: Array<{ index: number; problems: string[] }> = []
    const targets: Array<Record<string, unknown>> = []
    for (const [index, given] of keys.entries()) {
      try {
        const company = await companyFor(ctx.client, entity, given, companyId, ctx.signal)
        const key = canonicalKey(entity, given, company)
        await ctx.client.odata.get(entity, key, { select: entity.keys, signal: ctx.signal })
        targets.push(key)
      } catch (error) {
        if (ctx.signal.aborted) throw error
        problems.push({ index, problems: [errorText(error)] })
      }
    }
    refuseInvalidRecords('data_delete_entities', entity, problems)
    const results = await writeInOrder(
      targets,
      async (key) => {
        await ctx.client.odata.delete(entity, key, { signal: ctx.signal })
        return key
      },
      'deleted',
      ctx.signal,
    )
    return { results }
  },
})
