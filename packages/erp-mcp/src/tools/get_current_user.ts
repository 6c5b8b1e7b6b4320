import { z } from 'zod'
import { defineErpTool } from '../define-tool.js'
import { RowOutput } from './support.js'

export const getCurrentUser = defineErpTool({
  name: 'get_current_user',
  title: 'Current user',
  description: 'The signed-in user: id, name, default company (used when companyId is omitted) and the companies.',
  input: z.object({}),
  output: z.object({
    userId: z.string(),
    userName: z.string().optional(),
    email: z.string().optional(),
    defaultCompany: z.string(),
    companies: z.array(RowOutput),
  }),
  annotations: { readOnlyHint: true, openWorldHint: true },
  toolset: 'user',
  async run(_args, ctx) {
    const { odata } = ctx.client
    const session = await odata.session(ctx.signal)
    const [users, companies] = await Promise.all([
      odata.entity('SystemUsers', ctx.signal).then((entity) =>
        odata.query(entity, {
          filter: `UserID eq '${session.userId.replace(/'/g, "''")}'`,
          select: ['UserID', 'UserName', 'Email'],
          top: 1,
          signal: ctx.signal,
        }),
      ),
      odata.entity('LegalEntities', ctx.signal).then((entity) =>
        odata.queryAll(entity, {
          select: ['LegalEntityId', 'Name'],
          orderby: 'LegalEntityId',
          maxRows: 1000,
          signal: ctx.signal,
        }),
      ),
    ])
    const user = users.rows[0] ?? {}
    return {
      userId: session.userId,
      ...(typeof user.UserName === 'string' && user.UserName ? { userName: user.UserName } : {}),
      ...(typeof user.Email === 'string' && user.Email ? { email: user.Email } : {}),
      defaultCompany: session.company,
      companies: companies.rows.map((row) => ({
        id: String(row.LegalEntityId).toLowerCase(),
        name: String(row.Name ?? ''),
      })),
    }
  },
})
