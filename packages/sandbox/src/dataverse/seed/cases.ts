// Customer Service cases about concrete product problems, their resolutions and queue entries.
import type { SeedRow } from '../schema/types.js'
import { type Batch, batched } from './batch.js'
import { type CaseRef, DAY, fill, HOUR, iso, ref, type SeedContext } from './context.js'
import { CITIES } from './data/companies.js'
import { PROBLEMS } from './data/problems.js'

const CASES_PER_SCALE = 400

export const shortName = (name: string) => name.replace(/\s*\(.*\)$/, '')

export function* casePhase(ctx: SeedContext): Generator<Batch> {
  const r = ctx.rng.fork('cases')
  const count = ctx.scaled(CASES_PER_SCALE)
  const agents = ctx.usersWithRole('agent')
  const info: Array<{ origin: number; priority: number }> = []

  for (let i = 0; i < count; i++) {
    const account = r.int(0, ctx.accounts.length - 1)
    const acc = ctx.accounts[account]!
    const contactId = r.pick(acc.contactIds)
    const problemIndex = r.int(0, PROBLEMS.length - 1)
    const problem = PROBLEMS[problemIndex]!
    const productNumber = r.pick(problem.products)
    const product = ctx.products.get(productNumber)!
    const age = Math.floor(365 * r.next() ** 1.6)
    const created = Math.max(ctx.now - age * DAY - r.int(0, 20 * 3600) * 1000, acc.created + DAY)
    const days = (ctx.now - created) / DAY
    const resolvedChance = days > 30 ? 0.8 : days > 7 ? 0.5 : 0.15
    const state = r.chance(0.04) ? 2 : r.chance(resolvedChance) ? 1 : 0
    const status =
      state === 0
        ? r.weighted([
            [1, 45],
            [3, 25],
            [4, 15],
            [2, 15],
          ] as const)
        : state === 1
          ? problem.caseType === 2
            ? 5
            : 1000
          : r.weighted([
              [6, 4],
              [2000, 1],
            ] as const)
    const resolvedOn = state === 0 ? null : Math.min(created + r.int(2, 15 * 24) * HOUR, ctx.now - HOUR)
    const ownerIndex = r.chance(0.12) ? ctx.currentUserIndex : r.pick(agents)
    const values = {
      product: shortName(product.name),
      site: `${CITIES[acc.cityIndex]!.city} plant`,
      count: r.int(3, 40),
    }
    const caseRef: CaseRef = {
      id: r.guid(),
      ticket: `CAS-${String(1001 + i).padStart(5, '0')}-${r.code(6)}`,
      title: fill(r.pick(problem.titles), values).slice(0, 200),
      account,
      contact: ctx.contactIndex.get(contactId) ?? null,
      ownerIndex,
      problem: problemIndex,
      product: productNumber,
      created,
      state,
      status,
      resolvedOn,
      report: fill(r.pick(problem.report), values),
    }
    ctx.cases.push(caseRef)
    info.push({
      origin: r.weighted([
        [2, 40],
        [1, 30],
        [3, 25],
        [700610000, 5],
      ] as const),
      priority: r.weighted([
        [1, 20],
        [2, 60],
        [3, 20],
      ] as const),
    })
  }

  const slaHours: Record<number, number> = { 1: 24, 2: 72, 3: 120 }
  yield* batched(
    ctx,
    'incident',
    ctx.cases.map((c, i) => {
      const acc = ctx.accounts[c.account]!
      const { origin, priority } = info[i]!
      const contact = c.contact === null ? null : ctx.contacts[c.contact]!
      const modified = c.resolvedOn ?? Math.min(c.created + r.int(1, 72) * HOUR, ctx.now)
      return ctx.own(
        ctx.stamp(
          {
            incidentid: c.id,
            title: c.title,
            ticketnumber: c.ticket,
            description: c.report.slice(0, 2000),
            customerid: ref('account', acc.id),
            primarycontactid: contact ? ref('contact', contact.id) : null,
            productid: ref('product', ctx.products.get(c.product)!.id),
            parentcaseid: null,
            prioritycode: priority,
            caseorigincode: origin,
            casetypecode: PROBLEMS[c.problem]!.caseType,
            severitycode: 1,
            customersatisfactioncode:
              c.state === 1
                ? r.weighted([
                    [5, 4],
                    [4, 4],
                    [3, 2],
                    [2, 1],
                  ] as const)
                : null,
            firstresponsesent: c.state !== 0 || ctx.now - c.created > 6 * HOUR,
            isescalated: priority === 1 && c.status === 4,
            escalatedon: priority === 1 && c.status === 4 ? iso(c.created + 20 * HOUR) : null,
            followupby: c.state === 0 ? iso(Math.max(c.created, ctx.now - DAY) + 2 * DAY) : null,
            resolveby: iso(c.created + slaHours[priority]! * HOUR),
            responseby: iso(c.created + (priority === 1 ? 4 : 8) * HOUR),
            numberofchildincidents: 0,
            statecode: c.state,
            statuscode: c.status,
          },
          c.created,
          modified,
          c.ownerIndex,
        ),
        c.ownerIndex,
      )
    }),
  )

  yield* batched(
    ctx,
    'incidentresolution',
    ctx.cases.flatMap((c) => {
      if (c.state !== 1 || c.resolvedOn === null) return []
      const problem = PROBLEMS[c.problem]!
      return [
        ctx.own(
          ctx.stamp(
            {
              activityid: r.guid(),
              subject: c.status === 5 ? 'Problem solved' : 'Information provided',
              description: problem.fix,
              activitytypecode: 'incidentresolution',
              prioritycode: 1,
              scheduledstart: null,
              scheduledend: null,
              actualstart: null,
              actualend: iso(c.resolvedOn),
              scheduleddurationminutes: null,
              actualdurationminutes: null,
              incidentid: ref('incident', c.id),
              timespent: r.int(2, 40) * 15,
              resolutiontypecode: c.status,
              statecode: 1,
              statuscode: 2,
            },
            c.resolvedOn,
            c.resolvedOn,
            c.ownerIndex,
          ),
          c.ownerIndex,
        ),
      ]
    }),
  )

  const support = ctx.queueIds.get('support')!
  const tier2 = ctx.queueIds.get('tier2')!
  yield* batched(
    ctx,
    'queueitem',
    ctx.cases.flatMap((c): SeedRow[] => {
      if (c.state !== 0) return []
      const escalated = c.status === 4
      return [
        ctx.stamp(
          {
            queueitemid: r.guid(),
            title: c.title,
            queueid: ref('queue', escalated ? tier2 : support),
            objectid: ref('incident', c.id),
            workerid: r.chance(0.8) ? ref('systemuser', ctx.user(c.ownerIndex).id) : null,
            enteredon: iso(c.created),
            workeridmodifiedon: iso(Math.min(c.created + 2 * HOUR, ctx.now)),
            statecode: 0,
            statuscode: 1,
          },
          c.created,
          Math.min(c.created + 2 * HOUR, ctx.now),
          c.ownerIndex,
        ),
      ]
    }),
  )
}
