import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { keyFieldsOf } from '../odata/keys.js'
import { entitySetArg, RowOutput } from './support.js'

export const dataGetEntityMetadata = defineErpTool({
  name: 'data_get_entity_metadata',
  title: 'Describe an entity',
  description:
    'Fields (type, mandatory, read-only, enum values), keys, navigation and actions of an entity set; companySpecific means keyed by dataAreaId.',
  input: z.object({ entitySet: entitySetArg }),
  output: z.object({
    entitySet: z.string(),
    label: z.string().optional(),
    companySpecific: z.boolean(),
    readOnly: z.boolean().optional(),
    keys: z.array(z.string()),
    fields: z.array(RowOutput),
    navigation: z.array(RowOutput),
    actions: z.array(RowOutput),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'data',
  async run({ entitySet }, ctx) {
    const metadata = await ctx.client.odata.metadata(ctx.signal)
    const entity = await ctx.client.odata.entity(entitySet, ctx.signal)
    return {
      entitySet: entity.entitySet,
      ...(entity.label ? { label: entity.label } : {}),
      companySpecific: entity.companySpecific,
      ...(entity.readOnly ? { readOnly: true } : {}),
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
      navigation: entity.navigation.map((n) => ({ name: n.name, target: n.target, many: n.many })),
      actions: entity.actions.map((a) => ({
        name: `${entity.entitySet}.${a.name}`,
        boundTo: a.boundTo,
        parameters: a.parameters.map((p) => `${p.name}: ${p.type}${p.optional ? '?' : ''}`),
        ...(a.returns ? { returns: a.returns } : {}),
      })),
    }
  },
})
