import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { matchScore, words } from '../names.js'
import { describeOData, findServiceOperations, odataActions } from './actions.js'
import { RowOutput } from './support.js'

const TOP = 20

export const apiFindActions = defineErpTool({
  name: 'api_find_actions',
  title: 'Find actions',
  description:
    'Finds OData actions (with parameters) and custom service operations by keywords or entity set. Returns names for api_invoke_action.',
  input: z.object({ keywords: z.string().optional(), entitySet: z.string().optional() }),
  output: z.object({ actions: z.array(RowOutput) }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'actions',
  async run({ keywords, entitySet }, ctx) {
    const metadata = await ctx.client.odata.metadata(ctx.signal)
    const wanted = [...new Set(words(keywords ?? ''))]
    const entity = entitySet ? await ctx.client.odata.entity(entitySet, ctx.signal) : undefined
    const odata = odataActions(metadata)
      .filter((a) => !entity || a.entity === entity)
      .map((a) => ({
        found: describeOData(a.action),
        score: wanted.length
          ? matchScore(wanted, [
              { text: a.action.name, weight: 3 },
              { text: a.entity ? `${a.entity.entitySet} ${a.entity.label ?? ''}` : '', weight: 2 },
              { text: a.action.description ?? '', weight: 1 },
            ])
          : 1,
      }))
      .filter((a) => a.score > 0)
    // custom services are not bound to entities; they are searched by keywords only
    const services = !entity && wanted.length ? await findServiceOperations(ctx.client.odata, wanted, ctx.signal) : []
    const ranked = [...odata, ...services.map(({ score, ...found }) => ({ found, score }))]
      .sort((a, b) => b.score - a.score)
      .slice(0, TOP)
    return { actions: ranked.map((a) => a.found) }
  },
})
