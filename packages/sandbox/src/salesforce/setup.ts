// What every emulated org has before any demo data: the sign-in users, the sales process rows
// (OpportunityStage, LeadStatus) and the standard price book. Runs once per database.
import type { SalesforceConfig } from './config.js'
import { createRecord, type WriteContext } from './records/writer.js'
import { FORECAST_CATEGORY_NAMES, LEAD_STATUSES, OPPORTUNITY_STAGES } from './schema/setup-values.js'
import type { Store } from './store.js'

export interface OrgIdentity {
  adminId: string
  standardPricebookId: string
}

export function ensureOrgSetup(store: Store, config: SalesforceConfig, now: Date): OrgIdentity {
  const saved = store.getMeta('org_identity')
  if (saved) return JSON.parse(saved) as OrgIdentity
  const model = store.model
  return store.transaction(() => {
    const adminId = store.nextId(model.object('User')!.def.keyPrefix)
    const ctx: WriteContext = { store, now, userId: adminId, system: true }
    config.logins.forEach((login, i) => {
      const local = login.username.split('@')[0]!
      createRecord(
        ctx,
        model.object('User')!,
        {
          Username: login.username,
          FirstName: login.firstName,
          LastName: login.lastName,
          Alias: local.slice(0, 8),
          Email: login.username,
          Title: login.title,
          CompanyName: config.orgName,
        },
        i === 0 ? adminId : undefined,
      )
    })
    for (const [i, stage] of OPPORTUNITY_STAGES.entries()) {
      createRecord(ctx, model.object('OpportunityStage')!, {
        MasterLabel: stage.name,
        ApiName: stage.name,
        IsActive: true,
        SortOrder: i + 1,
        IsClosed: stage.isClosed,
        IsWon: stage.isWon,
        ForecastCategory: stage.forecastCategory,
        ForecastCategoryName: FORECAST_CATEGORY_NAMES[stage.forecastCategory],
        DefaultProbability: stage.probability,
      })
    }
    for (const [i, status] of LEAD_STATUSES.entries()) {
      createRecord(ctx, model.object('LeadStatus')!, {
        MasterLabel: status.name,
        ApiName: status.name,
        SortOrder: i + 1,
        IsDefault: status.isDefault,
        IsConverted: status.isConverted,
      })
    }
    const standardPricebookId = createRecord(ctx, model.object('Pricebook2')!, {
      Name: 'Standard Price Book',
      IsActive: true,
      IsStandard: true,
      Description: 'The standard price book of the org',
    })
    const identity: OrgIdentity = { adminId, standardPricebookId }
    store.setMeta('org_identity', JSON.stringify(identity))
    return identity
  })
}
