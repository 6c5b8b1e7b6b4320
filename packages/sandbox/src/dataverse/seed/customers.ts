// Customer accounts (with some parent companies) and their contacts.

import type { Rng } from '../../shared/prng.js'
import type { SeedRow } from '../schema/types.js'
import { type Batch, batched } from './batch.js'
import { type AccountRef, DAY, fill, money, ref, type SeedContext } from './context.js'
import { CITIES, domainOf, INDUSTRIES, NAME_ROOTS, STREETS } from './data/companies.js'
import { DEPARTMENTS, FIRST_NAMES, JOB_TITLES, LAST_NAMES } from './data/people.js'

const ACCOUNTS_PER_SCALE = 300
const CITY_WEIGHTS = CITIES.map((c, i) => [i, c.weight] as const)
const INDUSTRY_WEIGHTS = INDUSTRIES.map((p, i) => [i, p.weight] as const)

export function phone(rng: Rng, prefix: string): string {
  return `${prefix} ${rng.int(200, 989)} ${String(rng.int(0, 9999)).padStart(4, '0')}`
}

function companyName(rng: Rng, suffixes: string[], used: Set<string>, city: string): string {
  for (let attempt = 0; ; attempt++) {
    const root = rng.pick(NAME_ROOTS)
    const suffix = rng.pick(suffixes)
    let name =
      attempt < 3
        ? `${root} ${suffix}`
        : attempt < 8
          ? `${root} & ${rng.pick(NAME_ROOTS)} ${suffix}`
          : `${root} ${suffix} ${city} ${rng.int(2, 99)}`
    if (name.length > 100) name = name.slice(0, 100)
    if (!used.has(name)) {
      used.add(name)
      return name
    }
  }
}

export function* customerPhase(ctx: SeedContext): Generator<Batch> {
  const r = ctx.rng.fork('customers')
  const reps = ctx.usersWithRole('sales-rep')
  const count = ctx.scaled(ACCOUNTS_PER_SCALE)
  const used = new Set<string>()
  const accounts: AccountRef[] = []

  // decide everything about accounts first so primary contacts can be referenced by id
  for (let i = 0; i < count; i++) {
    const ind = INDUSTRIES[r.weighted(INDUSTRY_WEIGHTS)]!
    const cityIndex = r.weighted(CITY_WEIGHTS)
    const city = CITIES[cityIndex]!
    const employees = Math.round(Math.exp(r.float(Math.log(ind.employees[0]), Math.log(ind.employees[1]))))
    const name = companyName(r, ind.suffixes, used, city.city)
    const contacts = r.weighted([
      [1, 2],
      [2, 4],
      [3, 5],
      [4, 3],
      [5, 1],
      [6, 1],
    ] as const)
    // the signed-in user covers a larger territory than the others
    const ownerIndex = r.chance(0.2) ? ctx.currentUserIndex : r.pick(reps)
    accounts.push({
      id: r.guid(),
      name,
      domain: `${domainOf(name)}.com`,
      industry: ind.code,
      cityIndex,
      employees,
      revenue: money(
        Math.round((employees * r.float(ind.revenuePerEmployee[0], ind.revenuePerEmployee[1])) / 100000) * 100000,
      ),
      ownerIndex,
      created: ctx.now - r.int(60, 1500) * DAY - r.int(0, 86_399) * 1000,
      contactIds: Array.from({ length: contacts }, () => r.guid()),
      asset: r.pick(ind.assets),
    })
  }
  ctx.accounts = accounts

  // roughly one in twelve accounts is a subsidiary of one of the first, larger accounts of its industry
  const parents = new Map<number, AccountRef[]>()
  const accountRows: SeedRow[] = accounts.map((a, i) => {
    const city = CITIES[a.cityIndex]!
    const candidates = parents.get(a.industry) ?? []
    const parent = r.chance(0.08) ? candidates.find((p) => p.employees > a.employees) : undefined
    if (candidates.length < 30 && !parent) parents.set(a.industry, [...candidates, a])
    const isCustomer = r.chance(0.55)
    return ctx.own(
      ctx.stamp(
        {
          accountid: a.id,
          name: a.name,
          accountnumber: `C-${String(10001 + i).padStart(6, '0')}`,
          industrycode: a.industry,
          revenue: a.revenue,
          numberofemployees: a.employees,
          address1_line1: `${r.int(10, 9800)} ${r.pick(STREETS)}`,
          address1_city: city.city,
          address1_stateorprovince: city.state,
          address1_postalcode: `${city.postal}${city.country === 'United States' ? String(r.int(10, 99)) : ''}`,
          address1_country: city.country,
          telephone1: phone(r, city.phone),
          fax: null,
          websiteurl: `https://www.${a.domain}`,
          emailaddress1: `info@${a.domain}`,
          tickersymbol: null,
          sic: null,
          parentaccountid: parent ? ref('account', parent.id) : null,
          primarycontactid: ref('contact', a.contactIds[0]!),
          originatingleadid: null,
          transactioncurrencyid: ctx.currency(),
          customertypecode: isCustomer
            ? 3
            : r.weighted([
                [8, 8],
                [5, 1],
                [9, 1],
              ] as const),
          accountcategorycode: isCustomer && a.revenue > 400_000_000 ? 1 : 2,
          ownershipcode: parent
            ? 3
            : r.weighted([
                [1, 3],
                [2, 6],
                [4, 1],
              ] as const),
          paymenttermscode: r.weighted([
            [1, 6],
            [3, 2],
            [4, 1],
            [2, 1],
          ] as const),
          creditlimit: isCustomer ? money(Math.round(a.revenue / 2_000_000) * 10_000 + 25_000) : null,
          preferredcontactmethodcode: 1,
          donotemail: false,
          description: fill('{industry} company in {city} running {asset}. {status}', {
            industry: INDUSTRIES.find((p) => p.code === a.industry)!.suffixes[0]!,
            city: city.city,
            asset: a.asset,
            status: isCustomer
              ? 'Corvane customer; monitored assets are managed in Insight.'
              : 'Prospect; no Corvane equipment installed yet.',
          }),
          statecode: 0,
          statuscode: 1,
        },
        a.created,
        a.created + r.int(0, Math.max(0, Math.floor((ctx.now - a.created) / DAY))) * DAY,
        a.ownerIndex,
      ),
      a.ownerIndex,
    )
  })
  yield* batched(ctx, 'account', accountRows)
  yield* batched(ctx, 'contact', contactRows(ctx, r))
}

function* contactRows(ctx: SeedContext, r: Rng): Generator<SeedRow> {
  const titleWeights = JOB_TITLES.map((t, i) => [i, t[2]] as const)
  for (let ai = 0; ai < ctx.accounts.length; ai++) {
    const a = ctx.accounts[ai]!
    const city = CITIES[a.cityIndex]!
    const usedEmails = new Set<string>()
    for (let ci = 0; ci < a.contactIds.length; ci++) {
      const first = r.pick(FIRST_NAMES)
      const last = r.pick(LAST_NAMES)
      // the primary contact is the decision maker
      const [title, role] =
        ci === 0
          ? (r.pick(JOB_TITLES.filter((t) => t[1] === 1)) as (typeof JOB_TITLES)[number])
          : JOB_TITLES[r.weighted(titleWeights)]!
      let email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '')
      if (usedEmails.has(email)) email = `${email}${ci}`
      usedEmails.add(email)
      email = `${email}@${a.domain}`
      const created = a.created + r.int(0, 120) * DAY + r.int(0, 86_399) * 1000
      const telephone = phone(r, city.phone)
      ctx.contactIndex.set(a.contactIds[ci]!, ctx.contacts.length)
      ctx.contacts.push({ id: a.contactIds[ci]!, account: ai, first, last, email, title, phone: telephone, created })
      yield ctx.own(
        ctx.stamp(
          {
            contactid: a.contactIds[ci]!,
            firstname: first,
            lastname: last,
            fullname: `${first} ${last}`,
            salutation: null,
            jobtitle: title,
            department: DEPARTMENTS[title] ?? null,
            emailaddress1: email,
            telephone1: telephone,
            mobilephone: r.chance(0.6) ? phone(r, city.phone) : null,
            address1_line1: null,
            address1_city: city.city,
            address1_stateorprovince: city.state,
            address1_postalcode: null,
            address1_country: city.country,
            parentcustomerid: ref('account', a.id),
            accountrolecode: role,
            originatingleadid: null,
            transactioncurrencyid: ctx.currency(),
            preferredcontactmethodcode: r.weighted([
              [1, 5],
              [2, 3],
              [3, 2],
            ] as const),
            donotemail: r.chance(0.03),
            description: null,
            statecode: 0,
            statuscode: 1,
          },
          created,
          created + r.int(0, 400) * DAY,
          a.ownerIndex,
        ),
        a.ownerIndex,
      )
    }
  }
}
