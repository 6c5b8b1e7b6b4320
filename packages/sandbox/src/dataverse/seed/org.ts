// The seller's organization: business units, users, teams, currency, units and queues.

import type { Rng } from '../../shared/prng.js'
import type { SeedRow } from '../schema/types.js'
import type { Batch } from './batch.js'
import { batched } from './batch.js'
import { DAY, ref, type SeedContext, type UserRef } from './context.js'
import { COMPANY } from './data/catalog.js'
import { CURRENT_USER_INDEX, STAFF } from './data/sales.js'

const BUS: Array<{ key: string; name: string; division: string; city: string; country: string }> = [
  { key: 'root', name: COMPANY.name, division: 'Corporate', city: COMPANY.city, country: COMPANY.country },
  { key: 'na', name: 'Sales North America', division: 'Sales', city: 'Chicago', country: 'United States' },
  { key: 'emea', name: 'Sales EMEA', division: 'Sales', city: 'Rotterdam', country: 'Netherlands' },
  { key: 'service', name: 'Customer Service', division: 'Service', city: COMPANY.city, country: COMPANY.country },
]

/** The CRM users of the demo organization; stable for a seed, whatever the scale. */
export function buildUsers(rng: Rng): {
  users: UserRef[]
  businessUnits: Map<string, string>
  currentUserIndex: number
} {
  const r = rng.fork('org')
  const businessUnits = new Map(BUS.map((b) => [b.key, r.guid()]))
  const users = STAFF.map((s) => {
    const handle = `${s.first}.${s.last}`.toLowerCase().replace(/[^a-z.]/g, '')
    return {
      id: r.guid(),
      aadObjectId: r.guid(),
      first: s.first,
      last: s.last,
      fullname: `${s.first} ${s.last}`,
      email: `${handle}@${COMPANY.domain}`,
      title: s.title,
      role: s.role,
      buKey: s.bu,
      buId: businessUnits.get(s.bu)!,
    }
  })
  return { users, businessUnits, currentUserIndex: CURRENT_USER_INDEX }
}

export function* orgPhase(ctx: SeedContext): Generator<Batch> {
  const r = ctx.rng.fork('org-rows')
  const built = buildUsers(ctx.rng)
  ctx.users = built.users
  ctx.businessUnits = built.businessUnits
  ctx.currentUserIndex = built.currentUserIndex
  const founded = Date.UTC(2019, 0, 7, 9)
  const admin = 0

  // business units exist before any user, so they carry no created by
  yield* batched(
    ctx,
    'businessunit',
    BUS.map((b) =>
      ctx.stamp(
        {
          businessunitid: ctx.businessUnits.get(b.key)!,
          name: b.name,
          parentbusinessunitid: b.key === 'root' ? null : ref('businessunit', ctx.businessUnits.get('root')!),
          divisionname: b.division,
          websiteurl: `https://www.${COMPANY.domain}`,
          emailaddress: null,
          address1_city: b.city,
          address1_country: b.country,
          isdisabled: false,
        },
        founded,
        founded,
        null,
      ),
    ),
  )

  yield* batched(
    ctx,
    'systemuser',
    STAFF.map((s, i) => {
      const u = ctx.user(i)
      const created = i === 0 ? founded : founded + r.int(1, 900) * DAY
      return ctx.stamp(
        {
          systemuserid: u.id,
          fullname: u.fullname,
          firstname: u.first,
          lastname: u.last,
          domainname: u.email,
          internalemailaddress: u.email,
          azureactivedirectoryobjectid: u.aadObjectId,
          title: s.title,
          jobtitle: s.title,
          businessunitid: ref('businessunit', u.buId),
          parentsystemuserid: s.manager === undefined ? null : ref('systemuser', ctx.user(s.manager).id),
          mobilephone: `+1 414 555 0${String(100 + i).padStart(3, '0')}`,
          address1_telephone1: `+1 414 555 0${String(100 + i).padStart(3, '0')}`,
          address1_city: s.city,
          address1_country: s.country,
          isdisabled: false,
          accessmode: 0,
        },
        created,
        created + r.int(0, 200) * DAY,
        i === 0 ? null : admin,
      )
    }),
  )

  const teams: Array<[string, string, string, number]> = [
    ['Sales North America', 'Account executives and SDRs for the US, Canada and Mexico.', 'na', 2],
    ['Sales EMEA', 'Account executives for Europe.', 'emea', 3],
    ['Tier 1 Support', 'First-line support engineers handling incoming cases.', 'service', 16],
    ['Tier 2 Engineering Support', 'Senior engineers for escalated hardware and integration cases.', 'service', 19],
  ]
  ctx.teamIds = teams.map(() => r.guid())
  yield* batched(
    ctx,
    'team',
    teams.map(([name, description, bu, adminIndex], i) =>
      ctx.stamp(
        {
          teamid: ctx.teamIds[i]!,
          name,
          description,
          businessunitid: ref('businessunit', ctx.businessUnits.get(bu)!),
          administratorid: ref('systemuser', ctx.user(adminIndex).id),
          teamtype: 0,
          emailaddress: null,
          isdefault: false,
        },
        founded + 30 * DAY,
        founded + 400 * DAY,
        admin,
      ),
    ),
  )

  ctx.currencyId = r.guid()
  yield* batched(ctx, 'transactioncurrency', [
    ctx.stamp(
      {
        transactioncurrencyid: ctx.currencyId,
        currencyname: 'US Dollar',
        isocurrencycode: 'USD',
        currencysymbol: '$',
        exchangerate: 1,
        currencyprecision: 2,
        statecode: 0,
        statuscode: 1,
      },
      founded,
      founded,
      admin,
    ),
  ])

  ctx.organizationId = r.guid()
  yield* batched(ctx, 'organization', [
    ctx.stamp(
      {
        organizationid: ctx.organizationId,
        name: COMPANY.name,
        basecurrencyid: ref('transactioncurrency', ctx.currencyId),
        basecurrencysymbol: '$',
        fiscalyeardisplaycode: 0,
        defaultcountrycode: '+1',
      },
      founded,
      founded,
      admin,
    ),
  ])

  ctx.uomScheduleId = r.guid()
  ctx.uomId = r.guid()
  yield* batched(ctx, 'uomschedule', [
    ctx.stamp(
      {
        uomscheduleid: ctx.uomScheduleId,
        name: 'Default Unit',
        baseuomname: 'Primary Unit',
        description: 'Unit group for products sold per piece, license or service day.',
        statecode: 0,
        statuscode: 1,
      },
      founded,
      founded,
      admin,
    ),
  ])
  yield* batched(ctx, 'uom', [
    ctx.stamp(
      {
        uomid: ctx.uomId,
        name: 'Primary Unit',
        uomscheduleid: ref('uomschedule', ctx.uomScheduleId),
        baseuom: null,
        quantity: 1,
        isschedulebaseuom: true,
      },
      founded,
      founded,
      admin,
    ),
  ])

  const queues: Array<[string, string, string, string, number]> = [
    [
      'support',
      'Support - Incoming',
      'Cases created from support@corvane.com, the web form and phone calls, before triage.',
      'support@corvane.com',
      16,
    ],
    [
      'tier2',
      'Support - Tier 2',
      'Escalated cases that need a senior engineer or a field visit.',
      'tier2@corvane.com',
      19,
    ],
    ['sales', 'Sales Inquiries', 'Demo requests and pricing inquiries from the website.', 'sales@corvane.com', 2],
  ]
  const rows: SeedRow[] = queues.map(([key, name, description, email, owner]) => {
    const id = r.guid()
    ctx.queueIds.set(key, id)
    return ctx.own(
      ctx.stamp(
        {
          queueid: id,
          name,
          description,
          emailaddress: email,
          queueviewtype: 0,
          queuetypecode: 1,
          statecode: 0,
          statuscode: 1,
        },
        founded + 60 * DAY,
        founded + 500 * DAY,
        admin,
      ),
      owner,
    )
  })
  yield* batched(ctx, 'queue', rows)
}
