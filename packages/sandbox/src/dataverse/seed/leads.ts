// Leads: a trade-show wave that is mostly still open, plus a year and a half of web, campaign and
// referral leads with realistic qualification outcomes. Qualified leads point at the account,
// contact and opportunity that qualification produced.
import type { SeedRow } from '../schema/types.js'
import { type Batch, batched } from './batch.js'
import { DAY, day, fill, type LeadRef, money, ref, type SeedContext } from './context.js'
import { phone } from './customers.js'
import { CITIES, domainOf, INDUSTRIES, NAME_ROOTS } from './data/companies.js'
import { FIRST_NAMES, JOB_TITLES, LAST_NAMES } from './data/people.js'
import { DISQUALIFY_REASONS, LEAD_SOURCES_NOTE, LEAD_TOPICS, NEEDS } from './data/sales.js'

const LEADS_PER_SCALE = 600
const TRADE_SHOW_SHARE = 0.2
const OFF_PROFILE_INDUSTRIES = [6, 25, 3, 8, 22]

const SOURCES: Array<readonly [number, number]> = [
  [8, 30],
  [1, 10],
  [6, 10],
  [4, 8],
  [2, 5],
  [3, 10],
  [9, 7],
  [5, 5],
  [10, 5],
  [7, 5],
]
const SOURCE_CAMPAIGN: Record<number, string> = { 1: 'ads', 6: 'webinar', 4: 'partner', 8: 'utilities' }

export function* leadPhase(ctx: SeedContext): Generator<Batch> {
  yield* batched(ctx, 'lead', leadRows(ctx))
}

function* leadRows(ctx: SeedContext): Generator<SeedRow> {
  const r = ctx.rng.fork('leads')
  const count = ctx.scaled(LEADS_PER_SCALE)
  const reps = ctx.usersWithRole('sales-rep')
  const sdrs = ctx.usersWithRole('sdr')
  const show = ctx.campaigns.get('tradeshow')!
  const used = new Set(ctx.accounts.map((a) => a.name))
  const cityWeights = CITIES.map((c, i) => [i, c.weight] as const)

  for (let i = 0; i < count; i++) {
    const fromShow = r.chance(TRADE_SHOW_SHARE)
    const created = fromShow
      ? show.end + r.int(0, 13) * DAY + r.int(8 * 3600, 18 * 3600) * 1000
      : ctx.now - r.int(1, 540) * DAY - r.int(0, 86_399) * 1000
    const age = (ctx.now - created) / DAY
    const source = fromShow ? 7 : r.weighted(SOURCES)
    const campaignKey = fromShow ? 'tradeshow' : (SOURCE_CAMPAIGN[source] ?? null)
    const campaign = campaignKey ? ctx.campaigns.get(campaignKey) : undefined
    const inCampaign = campaign && created >= campaign.start && created <= campaign.end + 60 * DAY

    // outcome depends on how long the lead has been worked
    let state: number
    let status: number
    if (fromShow || age <= 90) {
      state = r.weighted([
        [0, 85],
        [1, 7],
        [2, 8],
      ] as const)
    } else {
      state = r.weighted([
        [0, 25],
        [1, 28],
        [2, 47],
      ] as const)
    }
    if (state === 0) status = age < 7 || r.chance(0.45) ? 1 : 2
    else if (state === 1) status = 3
    else
      status = r.weighted([
        [4, 3],
        [5, 3],
        [6, 3],
        [7, 1],
      ] as const)

    const qualifiedOn = state === 1 ? Math.min(created + r.int(3, 45) * DAY, ctx.now - DAY) : null
    const account = state === 1 ? r.int(0, ctx.accounts.length - 1) : null
    const acc = account === null ? null : ctx.accounts[account]!
    const contact = acc ? (ctx.contacts[ctx.contactIndex.get(acc.contactIds[0]!)!] ?? null) : null

    const onProfile = r.chance(0.7)
    const ind = onProfile ? r.pick(INDUSTRIES) : null
    const industry = acc ? acc.industry : ind ? ind.code : r.pick(OFF_PROFILE_INDUSTRIES)
    const cityIndex = acc ? acc.cityIndex : r.weighted(cityWeights)
    const city = CITIES[cityIndex]!
    const employees = acc
      ? acc.employees
      : Math.round(Math.exp(r.float(Math.log(20), Math.log(onProfile ? 12000 : 3000))))
    const revenue = acc ? acc.revenue : money(Math.round((employees * r.float(150000, 500000)) / 100000) * 100000)
    const asset = acc ? acc.asset : r.pick((ind ?? r.pick(INDUSTRIES)).assets)
    const company = acc
      ? acc.name
      : (() => {
          for (let k = 0; ; k++) {
            const n = `${r.pick(NAME_ROOTS)} ${r.pick((ind ?? r.pick(INDUSTRIES)).suffixes)}${k > 4 ? ` ${city.city} ${r.int(2, 999)}` : ''}`
            if (!used.has(n)) {
              used.add(n)
              return n
            }
          }
        })()
    const domain = acc ? acc.domain : `${domainOf(company)}.com`
    const first = contact?.first ?? r.pick(FIRST_NAMES)
    const last = contact?.last ?? r.pick(LAST_NAMES)
    const [title, role] = contact
      ? [contact.title, JOB_TITLES.find((t) => t[0] === contact.title)?.[1] ?? 1]
      : r.pick(JOB_TITLES)
    const handle = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '')
    const email = contact?.email ?? `${handle}@${domain}`
    const timeframe = r.weighted([
      [0, 1],
      [1, 3],
      [2, 3],
      [3, 3],
      [4, 2],
    ] as const)
    const budget = r.chance(0.75) ? money(r.int(3, 80) * 5000) : null
    const decisionMaker = role === 1
    const need = r.weighted([
      [0, 3],
      [1, 4],
      [2, 3],
      [3, 1],
    ] as const)
    const fit =
      (onProfile || acc ? 25 : 0) +
      (employees >= 250 && employees <= 10000 ? 20 : 0) +
      (revenue >= 50e6 && revenue <= 2e9 ? 15 : 0) +
      (budget !== null && budget >= 50000 ? 15 : 0) +
      (timeframe <= 2 ? 10 : 0) +
      (decisionMaker ? 5 : 0) +
      (['United States', 'Canada', 'Mexico', 'United Kingdom', 'Germany', 'Netherlands'].includes(city.country)
        ? 10
        : 0)
    const rating = fit >= 85 ? 1 : fit >= 60 ? 2 : 3
    const needText = fill(r.pick(NEEDS), { asset })
    const ownerIndex = fromShow
      ? r.chance(0.35)
        ? ctx.currentUserIndex
        : r.pick([...sdrs, ...reps])
      : r.chance(0.2)
        ? ctx.currentUserIndex
        : r.pick(state === 0 && r.chance(0.4) ? sdrs : reps)
    const topic = fill(r.pick(LEAD_TOPICS), { asset, city: city.city })
    const opportunityId = state === 1 ? r.guid() : null
    const id = r.guid()

    const leadRef: LeadRef = {
      id,
      first,
      last,
      email,
      company,
      ownerIndex,
      created,
      state,
      status,
      campaignKey: inCampaign ? campaignKey : null,
      asset,
      need: needText,
      city: city.city,
      opportunityId,
      account,
      contactId: contact?.id ?? null,
      qualifiedOn,
    }
    ctx.leads.push(leadRef)

    const modified =
      qualifiedOn ??
      (state === 2 ? Math.min(created + r.int(5, 90) * DAY, ctx.now) : created + r.int(0, Math.min(30, age)) * DAY)
    yield ctx.own(
      ctx.stamp(
        {
          leadid: id,
          subject: topic,
          firstname: first,
          lastname: last,
          fullname: `${first} ${last}`,
          companyname: company,
          jobtitle: title,
          emailaddress1: email,
          telephone1: phone(r, city.phone),
          mobilephone: r.chance(0.4) ? phone(r, city.phone) : null,
          websiteurl: `https://www.${domain}`,
          address1_line1: null,
          address1_city: city.city,
          address1_stateorprovince: city.state,
          address1_postalcode: null,
          address1_country: city.country,
          leadsourcecode: source,
          leadqualitycode: rating,
          industrycode: industry,
          revenue: r.chance(0.8) ? revenue : null,
          numberofemployees: employees,
          budgetamount: budget,
          budgetstatus:
            budget === null
              ? 0
              : r.weighted([
                  [1, 3],
                  [2, 3],
                  [3, 1],
                ] as const),
          purchasetimeframe: timeframe,
          purchaseprocess:
            employees > 500
              ? 1
              : r.weighted([
                  [0, 1],
                  [2, 1],
                ] as const),
          decisionmaker: decisionMaker,
          need,
          estimatedamount: budget === null ? null : money(budget * r.float(0.8, 1.6)),
          estimatedclosedate: timeframe <= 2 ? day(created + (timeframe + 1) * 80 * DAY) : null,
          prioritycode: 1,
          salesstagecode: 1,
          salesstage: 0,
          preferredcontactmethodcode: r.weighted([
            [1, 4],
            [2, 4],
            [3, 2],
          ] as const),
          campaignid: inCampaign && campaign ? ref('campaign', campaign.id) : null,
          parentaccountid: acc ? ref('account', acc.id) : null,
          parentcontactid: contact ? ref('contact', contact.id) : null,
          customerid: acc ? ref('account', acc.id) : null,
          qualifyingopportunityid: opportunityId ? ref('opportunity', opportunityId) : null,
          transactioncurrencyid: ctx.currency(),
          donotemail: false,
          description: `${fromShow ? `Scanned at ${show.name}.` : LEAD_SOURCES_NOTE[source]} ${needText}`,
          qualificationcomments:
            state === 1
              ? 'Confirmed need, budget and timeline on a discovery call; converted to an opportunity.'
              : state === 2
                ? (DISQUALIFY_REASONS[status] ?? null)
                : null,
          statecode: state,
          statuscode: status,
        },
        created,
        modified,
        ownerIndex,
      ),
      ownerIndex,
    )
  }
}
