import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { keyFieldsOf } from '../odata/keys.js'
import { entitySetArg } from './support.js'

const Parameter = z.object({ name: z.string(), type: z.string(), optional: z.boolean().optional() })

export const dataGetEntityMetadata = defineErpTool({
  name: 'data_get_entity_metadata',
  title: 'Describe an entity',
  description:
    'Fields (type, mandatory, read-only, enum values), keys, navigation and bound actions of one entity set, and whether it is company-specific (keyed by dataAreaId) or global.',
  input: z.object({ entitySet: entitySetArg }),
  output: z.object({
    entitySet: z.string(),
    name: z.string(),
    label: z.string().optional(),
    companySpecific: z.boolean(),
    readOnly: z.boolean(),
    keys: z.array(z.string()),
    fields: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        values: z.array(z.string()).optional(),
        maxLength: z.number().optional(),
        mandatory: z.boolean().optional(),
        readOnly: z.boolean().optional(),
        label: z.string().optional(),
      }),
    ),
    navigation: z.array(z.object({ name: z.string(), target: z.string(), many: z.boolean() })),
    actions: z.array(
      z.object({
        name: z.string(),
        boundTo: z.string(),
        parameters: z.array(Parameter),
        returns: z.string().optional(),
      }),
    ),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'data',
  async run({ entitySet }, ctx) {
    const metadata = await ctx.client.odata.metadata(ctx.signal)
    const entity = await ctx.client.odata.entity(entitySet, ctx.signal)
    return {
      entitySet: entity.entitySet,
      name: entity.name,
      ...(entity.label ? { label: entity.label } : {}),
      companySpecific: entity.companySpecific,
      readOnly: entity.readOnly,
      keys: keyFieldsOf(entity),
      fields: entity.fields.map((f) => {
        const values = f.enumType ? metadata.enums.get(f.enumType) : undefined
        return {
          name: f.name,
          type: f.enumType ?? f.type,
          ...(values?.length ? { values: [...values] } : {}),
          ...(f.maxLength ? { maxLength: f.maxLength } : {}),
          ...(f.mandatory ? { mandatory: true } : {}),
          ...(f.readOnly ? { readOnly: true } : {}),
          ...(f.label && f.label !== f.name ? { label: f.label } : {}),
        }
      }),
      navigation: entity.navigation,
      actions: entity.actions.map((a) => ({
        name: `${entity.entitySet}.${a.name}`,
        boundTo: a.boundTo,
        parameters: a.parameters.map((p) => ({
          name: p.name,
          type: p.type,
          ...(p.optional ? { optional: true } : {}),
        })),
        ...(a.returns ? { returns: a.returns } : {}),
      })),
    }
  },
})
