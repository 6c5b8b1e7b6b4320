import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { matchScore, words } from '../names.js'

const TOP = 10

export const dataFindEntityType = defineErpTool({
  name: 'data_find_entity_type',
  title: 'Find entity types',
  description: "Finds data entities by keywords, e.g. 'vendor invoice'. Returns entity set names for the data_ tools.",
  input: z.object({ keywords: z.string() }),
  output: z.object({ entities: z.array(z.object({ entitySet: z.string(), label: z.string().optional() })) }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'data',
  async run({ keywords }, ctx) {
    const metadata = await ctx.client.odata.metadata(ctx.signal)
    const wanted = [...new Set(words(keywords))]
    const scored = metadata.entities
      .map((entity) => ({
        entity,
        score: matchScore(wanted, [
          { text: entity.entitySet, weight: 4 },
          { text: entity.name, weight: 4 },
          { text: entity.label ?? '', weight: 4 },
          { text: entity.fields.map((f) => `${f.name} ${f.label ?? ''}`).join(' '), weight: 1 },
          { text: entity.navigation.map((n) => n.name).join(' '), weight: 1 },
        ]),
      }))
      .filter((s) => s.score > 0)
      .sort(
        (a, b) =>
          b.score - a.score ||
          a.entity.entitySet.length - b.entity.entitySet.length ||
          a.entity.entitySet.localeCompare(b.entity.entitySet),
      )
      .slice(0, TOP)
    return {
      entities: scored.map(({ entity }) => ({
        entitySet: entity.entitySet,
        ...(entity.label ? { label: entity.label } : {}),
      })),
    }
  },
})
