import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { matchScore, words } from '../names.js'
import { describeOData, findServiceOperations, odataActions } from './actions.js'

const Action = z.object({
  name: z.string(),
  kind: z.enum(['odata', 'service']),
  boundTo: z.string().optional(),
  parameters: z.array(z.object({ name: z.string(), type: z.string(), optional: z.boolean().optional() })).optional(),
  returns: z.string().optional(),
  description: z.string().optional(),
})

export const apiFindActions = defineErpTool({
  name: 'api_find_actions',
  title: 'Find actions',
  description:
    'Finds OData actions (from $metadata, with parameters) and custom service operations (/api/services) by keywords or entity set. Returns names for api_invoke_action.',
  input: z.object({
    keywords: z.string().optional(),
    entitySet: z.string().optional().describe('Only actions bound to this entity set'),
    top: z.number().int().min(1).max(50).default(20),
  }),
  output: z.object({ actions: z.array(Action) }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'actions',
  async run({ keywords, entitySet, top }, ctx) {
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
      .sort((a, b) => b.score - a.score)
      .map((a) => a.found)
    // custom services are not bound to entities; they are searched by keywords only
    const services = !entity && wanted.length ? await findServiceOperations(ctx.client.odata, wanted, ctx.signal) : []
    return { actions: [...odata, ...services].slice(0, top) }
  },
})
