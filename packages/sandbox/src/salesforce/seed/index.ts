// A believable Sales Cloud org, generated deterministically from a seed and a reference date:
// a sales team with roles, accounts (some with parents), contacts, leads through the funnel,
// opportunities across stages and quarters, products with line items, and activities.
import { createRecord, type WriteContext } from '../records/writer.js'
import { OPPORTUNITY_STAGES } from '../schema/setup-values.js'
import type { OrgIdentity } from '../setup.js'
import type { Store } from '../store.js'
import { Random } from './random.js'
import {
  CITIES,
  COMPANY_FIRST,
  COMPANY_SECOND,
  EVENT_SUBJECTS,
  FIRST_NAMES,
  LAST_NAMES,
  NEXT_STEPS,
  PRODUCTS,
  STREETS,
  TASK_SUBJECTS,
  TITLES,
} from './vocabulary.js'

export interface DemoSeedOptions {
  /** seed of the generator (42 by default) */
  seed?: number
  /** multiplies accounts, contacts, leads, opportunities and activities */
  scale?: number
  /** "today" of the data: dates are spread around it (the emulator's clock by default) */
  referenceDate?: Date
}

const DAY = 86_400_000

class Dates {
  readonly today: Date
  constructor(reference: Date) {
    this.today = new Date(Date.UTC(reference.getUTCFullYear(), reference.getUTCMonth(), reference.getUTCDate()))
  }
  /** a date `days` from today (negative: past) */
  date(days: number): string {
    return new Date(this.today.getTime() + days * DAY).toISOString().slice(0, 10)
  }
  /** a datetime in office hours, `days` from today */
  dateTime(days: number, rng: Random): string {
    const ms = this.today.getTime() + days * DAY + rng.int(8, 17) * 3_600_000 + rng.pick([0, 15, 30, 45]) * 60_000
    return new Date(ms).toISOString()
  }
  /** the first day of the quarter `offset` quarters from this one, as days from today */
  quarterStart(offset: number): number {
    const y = this.today.getUTCFullYear()
    const m = this.today.getUTCMonth()
    const start = Date.UTC(y, m - (m % 3) + 3 * offset, 1)
    return Math.round((start - this.today.getTime()) / DAY)
  }
}

interface Team {
  reps: string[]
  managers: string[]
  all: string[]
}

export function loadDemoData(store: Store, org: OrgIdentity, options: DemoSeedOptions = {}): void {
  if (store.getMeta('demo_seeded') === '1') return
  const rng = new Random(options.seed ?? 42)
  const scale = Math.max(0.1, options.scale ?? 1)
  const dates = new Dates(options.referenceDate ?? new Date())
  const n = (count: number) => Math.max(1, Math.round(count * scale))
  store.transaction(() => {
    const ctx = (userId: string, createdDays = -400): WriteContext => ({
      store,
      now: new Date(dates.today.getTime() + createdDays * DAY),
      userId,
      system: true,
    })
    const team = users(store, org, ctx, rng.fork('users'))
    const accountIds = accounts(store, ctx, team, rng.fork('accounts'), n(120))
    const contactsByAccount = contacts(store, ctx, rng.fork('contacts'), accountIds, n(300))
    const opportunityIds = opportunities(store, ctx, dates, rng.fork('opportunities'), accountIds, org, n(150))
    leads(store, ctx, team, dates, rng.fork('leads'), contactsByAccount, n(250))
    activities(store, ctx, dates, rng.fork('activities'), contactsByAccount, opportunityIds, n(200), n(100))
    store.setMeta('demo_seeded', '1')
  })
}

function users(store: Store, org: OrgIdentity, ctx: (u: string) => WriteContext, rng: Random): Team {
  const model = store.model
  const role = (name: string, parent?: string) =>
    createRecord(ctx(org.adminId), model.object('UserRole')!, {
      Name: name,
      DeveloperName: name.replace(/[^A-Za-z]+/g, '_').replace(/_$/, ''),
      ...(parent ? { ParentRoleId: parent } : {}),
    })
  const ceo = role('CEO')
  const vp = role('VP, Sales', ceo)
  const west = role('Sales Manager, West', vp)
  const east = role('Sales Manager, East', vp)
  const aeWest = role('Account Executive, West', west)
  const aeEast = role('Account Executive, East', east)
  const sdr = role('Sales Development', vp)
  const existing = store.all('SELECT "Id", "Username" FROM "sf_User" ORDER BY rowid')
  const byName = (prefix: string) =>
    String(existing.find((u) => String(u.Username).startsWith(prefix))?.Id ?? org.adminId)
  const users = model.object('User')!
  const admin = org.adminId
  store.update(users, admin, { UserRoleId: ceo })
  const person = (first: string, last: string, title: string, roleId: string, manager?: string) =>
    createRecord(ctx(admin), users, {
      Username: `${first}.${last}@bizmcp-sandbox.example`.toLowerCase(),
      FirstName: first,
      LastName: last,
      Alias: `${first[0]}${last}`.slice(0, 8).toLowerCase(),
      Email: `${first}.${last}@bizmcp-sandbox.example`.toLowerCase(),
      Title: title,
      Department: 'Sales',
      UserRoleId: roleId,
      Phone: `(415) 555-${String(rng.int(1000, 9999))}`,
      ...(manager ? { ManagerId: manager } : {}),
    })
  const vpUser = person('Jordan', 'Blake', 'VP, Sales', vp, admin)
  const westManager = person('Morgan', 'Lee', 'Sales Manager, West', west, vpUser)
  const eastManager = person('Riley', 'Chen', 'Sales Manager, East', east, vpUser)
  const sam = byName('sales')
  store.update(users, sam, { UserRoleId: aeWest, ManagerId: westManager, Department: 'Sales' })
  const reps = [
    sam,
    person('Taylor', 'Brooks', 'Account Executive', aeWest, westManager),
    person('Casey', 'Nguyen', 'Account Executive', aeEast, eastManager),
    person('Drew', 'Patel', 'Account Executive', aeEast, eastManager),
  ]
  const sdrUser = person('Jamie', 'Ortiz', 'Sales Development Rep', sdr, vpUser)
  const managers = [westManager, eastManager]
  return { reps, managers, all: [...reps, ...managers, sdrUser, vpUser] }
}

function accounts(
  store: Store,
  ctx: (u: string, d?: number) => WriteContext,
  team: Team,
  rng: Random,
  count: number,
): string[] {
  const object = store.model.object('Account')!
  const ids: string[] = []
  const used = new Set<string>()
  const parents: Array<{ id: string; name: string; industry: string; owner: string }> = []
  for (let i = 0; i < count; i++) {
    const [city, state, country] = rng.pick(CITIES)
    const owner = rng.pick([...team.reps, ...team.reps, ...team.managers])
    const created = -rng.int(30, 720)
    // Some accounts are regional subsidiaries of an earlier one.
    const parent = parents.length > 5 && rng.chance(0.15) ? rng.pick(parents) : undefined
    let name: string
    let industry: string
    if (parent) {
      name = `${parent.name} ${city}`
      industry = parent.industry
    } else {
      const [second, ind] = rng.pick(COMPANY_SECOND)
      name = `${rng.pick(COMPANY_FIRST)} ${second}`
      industry = ind
    }
    for (let k = 2; used.has(name) && k < 100; k++) name = `${name.replace(/ \d+$/, '')} ${k}`
    used.add(name)
    const employees = rng.weighted([
      [rng.int(10, 200), 4],
      [rng.int(200, 2000), 4],
      [rng.int(2000, 50000), 2],
    ] as const)
    const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`
    const id = createRecord(ctx(owner, created), object, {
      Name: name,
      OwnerId: owner,
      Type: rng.weighted([
        ['Customer - Direct', 5],
        ['Prospect', 4],
        ['Customer - Channel', 2],
        ['Channel Partner / Reseller', 1],
        ['Technology Partner', 1],
      ] as const),
      Industry: industry,
      Rating: rng.pick(['Hot', 'Warm', 'Cold']),
      AccountSource: rng.pick(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
      NumberOfEmployees: employees,
      AnnualRevenue: Math.round((employees * rng.int(80, 400)) / 1000) * 1000 * 1000,
      BillingStreet: `${rng.int(1, 999)} ${rng.pick(STREETS)}`,
      BillingCity: city,
      BillingState: state,
      BillingPostalCode: String(rng.int(10000, 99999)),
      BillingCountry: country,
      ShippingCity: city,
      ShippingCountry: country,
      Phone: `(${rng.int(200, 989)}) 555-${String(rng.int(1000, 9999))}`,
      Website: `https://www.${domain}`,
      AccountNumber: `CD${String(100000 + i)}`,
      ...(parent ? { ParentId: parent.id } : {}),
    })
    ids.push(id)
    if (!parent) parents.push({ id, name, industry, owner })
  }
  return ids
}

function contacts(
  store: Store,
  ctx: (u: string, d?: number) => WriteContext,
  rng: Random,
  accountIds: string[],
  count: number,
): Map<string, string[]> {
  const object = store.model.object('Contact')!
  const byAccount = new Map<string, string[]>()
  for (let i = 0; i < count; i++) {
    // Every account gets one contact first, then the rest go to random accounts.
    const accountId = i < accountIds.length ? accountIds[i]! : rng.pick(accountIds)
    const account = store.byId(store.model.object('Account')!, accountId)!
    const first = rng.pick(FIRST_NAMES)
    const last = rng.pick(LAST_NAMES)
    const domain = String(account.Website ?? 'https://www.example.com').replace(/^https:\/\/www\./, '')
    const id = createRecord(ctx(String(account.OwnerId), -rng.int(10, 600)), object, {
      AccountId: accountId,
      OwnerId: account.OwnerId,
      FirstName: first,
      LastName: last,
      Salutation: rng.pick(['Mr.', 'Ms.', 'Dr.', 'Mrs.']),
      Title: rng.pick(TITLES),
      Email: `${first}.${last}${i}@${domain}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
      Phone: `(${rng.int(200, 989)}) 555-${String(rng.int(1000, 9999))}`,
      MailingCity: account.BillingCity,
      MailingState: account.BillingState,
      MailingCountry: account.BillingCountry,
      LeadSource: rng.pick(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
    })
    byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), id])
  }
  return byAccount
}

function opportunities(
  store: Store,
  ctx: (u: string, d?: number) => WriteContext,
  dates: Dates,
  rng: Random,
  accountIds: string[],
  org: OrgIdentity,
  count: number,
): string[] {
  const model = store.model
  const entries = products(store, ctx, org)
  const ids: string[] = []
  const open = OPPORTUNITY_STAGES.filter((s) => !s.isClosed)
  for (let i = 0; i < count; i++) {
    const accountId = rng.pick(accountIds)
    const account = store.byId(model.object('Account')!, accountId)!
    const outcome = rng.weighted([
      ['won', 25],
      ['lost', 15],
      ['open', 60],
    ] as const)
    let stage: string
    let closeDays: number
    if (outcome === 'open') {
      stage = rng.pick(open).name
      // Later stages close sooner; a few open deals are already overdue.
      const quarter = rng.weighted([
        [0, 5],
        [1, 3],
        [2, 1],
      ] as const)
      const start = Math.max(dates.quarterStart(quarter), quarter === 0 ? -20 : 0)
      closeDays = rng.chance(0.08) ? -rng.int(1, 20) : start + rng.int(0, 85)
    } else {
      stage = outcome === 'won' ? 'Closed Won' : 'Closed Lost'
      closeDays = dates.quarterStart(-rng.int(0, 3)) + rng.int(0, 88)
      if (closeDays > 0) closeDays = -rng.int(1, 30)
    }
    const createdDays = Math.min(closeDays, 0) - rng.int(20, 150)
    const amount =
      Math.round(
        rng.weighted([
          [rng.int(5, 30), 5],
          [rng.int(30, 150), 4],
          [rng.int(150, 600), 1],
        ] as const),
      ) * 1000
    const owner = String(account.OwnerId)
    const type = rng.pick(['New Customer', 'Existing Customer - Upgrade', 'Existing Customer - Replacement'])
    const withProducts = rng.chance(0.6)
    const id = createRecord(ctx(owner, createdDays), model.object('Opportunity')!, {
      Name: `${String(account.Name)} - ${rng.pick(['Generators', 'Service Plan', 'Expansion', 'Renewal', 'Pilot', 'Upgrade'])}`,
      AccountId: accountId,
      OwnerId: owner,
      StageName: stage,
      CloseDate: dates.date(closeDays),
      Amount: amount,
      Type: type,
      LeadSource: rng.pick(['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other']),
      ...(outcome === 'open' ? { NextStep: rng.pick(NEXT_STEPS) } : {}),
      ...(withProducts ? { Pricebook2Id: org.standardPricebookId } : {}),
    })
    if (withProducts) {
      for (let k = rng.int(1, 4); k > 0; k--) {
        const entry = rng.pick(entries)
        createRecord(ctx(owner, createdDays), model.object('OpportunityLineItem')!, {
          OpportunityId: id,
          PricebookEntryId: entry.id,
          Quantity: rng.int(1, 10),
          UnitPrice: Math.round(entry.price * rng.pick([1, 1, 0.95, 0.9, 0.85])),
        })
      }
    }
    ids.push(id)
  }
  return ids
}

function products(
  store: Store,
  ctx: (u: string) => WriteContext,
  org: OrgIdentity,
): Array<{ id: string; price: number }> {
  const model = store.model
  return PRODUCTS.map(([name, family, price, unit], i) => {
    const productId = createRecord(ctx(org.adminId), model.object('Product2')!, {
      Name: name,
      ProductCode: `GC${String(1000 + i * 10)}`,
      Family: family,
      IsActive: true,
      ExternalId: `PRD-${String(1000 + i)}`,
      QuantityUnitOfMeasure: unit,
      Description: `${name} (${family.toLowerCase()})`,
    })
    const id = createRecord(ctx(org.adminId), model.object('PricebookEntry')!, {
      Pricebook2Id: org.standardPricebookId,
      Product2Id: productId,
      UnitPrice: price,
      IsActive: true,
    })
    return { id, price }
  })
}

function leads(
  store: Store,
  ctx: (u: string, d?: number) => WriteContext,
  team: Team,
  dates: Dates,
  rng: Random,
  contactsByAccount: Map<string, string[]>,
  count: number,
): void {
  const model = store.model
  const accountIds = [...contactsByAccount.keys()]
  for (let i = 0; i < count; i++) {
    const first = rng.pick(FIRST_NAMES)
    const last = rng.pick(LAST_NAMES)
    const [second, industry] = rng.pick(COMPANY_SECOND)
    const company = `${rng.pick(COMPANY_FIRST)} ${second}`
    const [city, state, country] = rng.pick(CITIES)
    const status = rng.weighted([
      ['Open - Not Contacted', 35],
      ['Working - Contacted', 30],
      ['Closed - Not Converted', 15],
      ['Closed - Converted', 20],
    ] as const)
    const createdDays = -rng.int(1, 365)
    const owner = rng.weighted([
      [team.all[team.all.length - 2]!, 4],
      [rng.pick(team.reps), 6],
    ] as const)
    const converted = status === 'Closed - Converted'
    let conversion: Record<string, unknown> = {}
    if (converted) {
      const accountId = rng.pick(accountIds)
      const contactId = rng.pick(contactsByAccount.get(accountId)!)
      const opportunity = store.get(
        'SELECT "Id" FROM "sf_Opportunity" WHERE "AccountId" = ? AND "IsDeleted" = 0 LIMIT 1',
        [accountId],
      )
      conversion = {
        IsConverted: true,
        ConvertedDate: dates.date(Math.min(-1, createdDays + rng.int(5, 60))),
        ConvertedAccountId: accountId,
        ConvertedContactId: contactId,
        ...(opportunity ? { ConvertedOpportunityId: opportunity.Id } : {}),
      }
    }
    createRecord(ctx(owner, createdDays), model.object('Lead')!, {
      FirstName: first,
      LastName: last,
      Salutation: rng.pick(['Mr.', 'Ms.', 'Dr.', 'Mrs.']),
      Title: rng.pick(TITLES),
      Company: company,
      Email: `${first}.${last}${i}@${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
      Phone: `(${rng.int(200, 989)}) 555-${String(rng.int(1000, 9999))}`,
      City: city,
      State: state,
      Country: country,
      Industry: industry,
      Status: status,
      LeadSource: rng.weighted([
        ['Web', 5],
        ['Phone Inquiry', 2],
        ['Partner Referral', 2],
        ['Purchased List', 2],
        ['Other', 1],
      ] as const),
      Rating: rng.pick(['Hot', 'Warm', 'Warm', 'Cold']),
      NumberOfEmployees: rng.int(5, 5000),
      AnnualRevenue: rng.int(1, 500) * 100000,
      OwnerId: owner,
      IsUnreadByOwner: status === 'Open - Not Contacted' && rng.chance(0.5),
      ...conversion,
    })
  }
}

function activities(
  store: Store,
  ctx: (u: string, d?: number) => WriteContext,
  dates: Dates,
  rng: Random,
  contactsByAccount: Map<string, string[]>,
  opportunityIds: string[],
  taskCount: number,
  eventCount: number,
): void {
  const model = store.model
  const leadIds = store.all('SELECT "Id", "OwnerId" FROM "sf_Lead" WHERE "IsConverted" = 0').map((r) => String(r.Id))
  const opportunities = model.object('Opportunity')!
  // Who/What: a contact with its account or one of the account's opportunities, or an open lead.
  const link = (): { WhoId: string; WhatId?: string; owner: string } => {
    if (leadIds.length && rng.chance(0.25)) {
      const lead = store.byId(model.object('Lead')!, rng.pick(leadIds))!
      return { WhoId: String(lead.Id), owner: String(lead.OwnerId) }
    }
    if (rng.chance(0.5)) {
      const opp = store.byId(opportunities, rng.pick(opportunityIds))!
      const contacts = contactsByAccount.get(String(opp.AccountId)) ?? []
      return {
        WhoId: contacts.length ? rng.pick(contacts) : [...contactsByAccount.values()][0]![0]!,
        WhatId: String(opp.Id),
        owner: String(opp.OwnerId),
      }
    }
    const accountId = rng.pick([...contactsByAccount.keys()])
    const account = store.byId(model.object('Account')!, accountId)!
    return { WhoId: rng.pick(contactsByAccount.get(accountId)!), WhatId: accountId, owner: String(account.OwnerId) }
  }
  for (let i = 0; i < taskCount; i++) {
    const { owner, ...links } = link()
    const due = rng.int(-60, 30)
    const [subject, type] = rng.pick(TASK_SUBJECTS)
    const status =
      due < -7
        ? rng.weighted([
            ['Completed', 8],
            ['Not Started', 1],
            ['Deferred', 1],
          ] as const)
        : rng.weighted([
            ['Not Started', 5],
            ['In Progress', 3],
            ['Completed', 2],
            ['Waiting on someone else', 1],
          ] as const)
    createRecord(ctx(owner, Math.min(due, 0) - rng.int(1, 14)), model.object('Task')!, {
      ...links,
      OwnerId: owner,
      Subject: subject,
      Type: type,
      TaskSubtype: type === 'Call' ? 'Call' : type === 'Email' ? 'Email' : 'Task',
      ActivityDate: dates.date(due),
      Status: status,
      Priority: rng.weighted([
        ['Normal', 7],
        ['High', 2],
        ['Low', 1],
      ] as const),
      ...(type === 'Call' && status === 'Completed'
        ? { CallDurationInSeconds: rng.int(60, 2400), CallType: 'Outbound' }
        : {}),
    })
  }
  for (let i = 0; i < eventCount; i++) {
    const { owner, ...links } = link()
    const day = rng.int(-45, 30)
    createRecord(ctx(owner, Math.min(day, 0) - rng.int(1, 14)), model.object('Event')!, {
      ...links,
      OwnerId: owner,
      Subject: rng.pick(EVENT_SUBJECTS),
      Type: 'Meeting',
      StartDateTime: dates.dateTime(day, rng),
      DurationInMinutes: rng.pick([30, 30, 45, 60, 60, 90]),
      Location: rng.pick(['Zoom', 'Customer site', 'HQ', 'Teams', 'Phone']),
      ShowAs: 'Busy',
    })
  }
}
