// Opportunities with product lines, close activities, quotes and orders. Each opportunity is
// planned once from its own random stream (so adding a field to one plan does not reshuffle the
// others), then every table is written from the plans.
import { type Batch, batched } from './batch.js'
import { DAY, day, iso, money, type OpportunityRef, ref, type SeedContext } from './context.js'
import { COMPETITORS, DEAL_SHAPES, PRODUCTS } from './data/catalog.js'
import { OPPORTUNITY_SITUATION } from './data/sales.js'

const OPPORTUNITIES_PER_SCALE = 250
const STAGES = [
  { stage: 0, step: '1-Qualify', probability: [10, 20] },
  { stage: 1, step: '2-Develop', probability: [25, 40] },
  { stage: 2, step: '3-Propose', probability: [50, 70] },
  { stage: 3, step: '4-Close', probability: [75, 90] },
] as const

interface Line {
  id: string
  number: string
  qty: number
  price: number
  discount: number
}

interface Plan {
  ref: OpportunityRef
  leadId: string | null
  campaignId: string | null
  shape: string
  lines: Line[]
  stage: (typeof STAGES)[number]
  probability: number
  rating: number
  actualValue: number | null
  actualClose: number | null
  status: number
  competitor: number | null
  quote: { id: string; state: number; status: number; number: string; created: number } | null
  order: { id: string; state: number; status: number; number: string; created: number } | null
  closeId: string | null
  modified: number
  timeframe: number
  budget: number
}

function planAll(ctx: SeedContext): Plan[] {
  const r = ctx.rng.fork('opportunities')
  const qualified = ctx.leads.filter((l) => l.opportunityId !== null)
  const count = Math.max(ctx.scaled(OPPORTUNITIES_PER_SCALE), qualified.length)
  const reps = ctx.usersWithRole('sales-rep')
  const shapeWeights = DEAL_SHAPES.map((s, i) => [i, s.weight] as const)
  const plans: Plan[] = []
  for (let i = 0; i < count; i++) {
    const p = r.fork(String(i))
    const lead = qualified[i]
    const account = lead ? lead.account! : p.int(0, ctx.accounts.length - 1)
    const acc = ctx.accounts[account]!
    const contactId = lead?.contactId ?? p.pick(acc.contactIds)
    const ownerIndex = lead
      ? lead.ownerIndex
      : p.chance(0.25)
        ? ctx.currentUserIndex
        : p.chance(0.6)
          ? acc.ownerIndex
          : p.pick(reps)
    let created: number
    let closeDate: number
    if (lead) {
      created = lead.qualifiedOn!
      closeDate = created + p.int(30, 200) * DAY
    } else {
      closeDate = ctx.now + p.int(-365, 180) * DAY
      created = Math.min(closeDate - p.int(30, 200) * DAY, ctx.now - p.int(1, 20) * DAY)
    }
    created = Math.max(created, acc.created + DAY)
    const shape = DEAL_SHAPES[p.weighted(shapeWeights)]!
    const lines: Line[] = shape.lines.map((number) => {
      const item = PRODUCTS.find((x) => x.number === number)!
      const scale = acc.employees > 2000 ? 1 : acc.employees > 500 ? 0.6 : 0.35
      const qty = Math.max(item.qty[0], Math.round(p.int(item.qty[0], item.qty[1]) * scale))
      return { id: p.guid(), number, qty, price: item.price, discount: p.chance(0.4) ? p.int(5, 15) / 100 : 0 }
    })
    const value = money(lines.reduce((s, l) => s + l.qty * l.price * (1 - l.discount), 0))

    const overdue = closeDate < ctx.now - 14 * DAY
    const state =
      closeDate > ctx.now
        ? 0
        : overdue
          ? p.weighted([
              [1, 45],
              [2, 40],
              [0, 15],
            ] as const)
          : p.weighted([
              [0, 5],
              [1, 3],
              [2, 2],
            ] as const)
    const daysToClose = (closeDate - ctx.now) / DAY
    const stage =
      state === 1
        ? STAGES[3]
        : state === 2
          ? STAGES[p.int(0, 3)]!
          : STAGES[daysToClose > 120 ? p.int(0, 1) : daysToClose > 45 ? p.int(1, 2) : p.int(2, 3)]!
    const probability = state === 1 ? 100 : state === 2 ? 0 : p.int(stage.probability[0], stage.probability[1])
    const actualClose = state === 0 ? null : Math.min(closeDate + p.int(-10, 10) * DAY, ctx.now - DAY)
    const status = state === 0 ? (p.chance(0.06) ? 2 : 1) : state === 1 ? 3 : p.chance(0.7) ? 5 : 4
    const competitor = status === 5 ? p.int(0, COMPETITORS.length - 1) : null
    const quoted =
      state === 1 || (state === 0 && stage.stage >= 2 && p.chance(0.7)) || (state === 2 && stage.stage >= 2)
    const quoteCreated = Math.min(
      created + Math.max(1, Math.floor(((actualClose ?? ctx.now) - created) / DAY / 2)) * DAY,
      ctx.now - DAY,
    )
    const quote = quoted
      ? {
          id: p.guid(),
          number: `QUO-${String(1001 + i).padStart(5, '0')}-${p.code(6)}`,
          state: state === 1 ? 2 : state === 2 ? 3 : 1,
          status: state === 1 ? 4 : state === 2 ? 5 : 3,
          created: quoteCreated,
        }
      : null
    const orderAge = actualClose === null ? 0 : (ctx.now - actualClose) / DAY
    const order =
      state === 1
        ? {
            id: p.guid(),
            number: `ORD-${String(1001 + i).padStart(5, '0')}-${p.code(6)}`,
            state: orderAge > 60 ? 4 : orderAge > 20 ? 3 : 1,
            status: orderAge > 60 ? 100003 : orderAge > 20 ? 100001 : 3,
            created: actualClose!,
          }
        : null
    const oppRef: OpportunityRef = {
      id: lead?.opportunityId ?? p.guid(),
      name: `${acc.name} – ${shape.name}`,
      account,
      contactId,
      ownerIndex,
      created,
      state,
      closeDate,
      value,
    }
    plans.push({
      ref: oppRef,
      leadId: lead?.id ?? null,
      campaignId: lead?.campaignKey ? (ctx.campaigns.get(lead.campaignKey)?.id ?? null) : null,
      shape: shape.name,
      lines,
      stage,
      probability,
      rating: probability >= 60 ? 1 : probability >= 25 ? 2 : 3,
      actualValue: state === 1 ? money(value * p.float(0.92, 1.04)) : null,
      actualClose,
      status,
      competitor,
      quote,
      order,
      closeId: state === 0 ? null : p.guid(),
      modified: actualClose ?? Math.min(created + p.int(0, 60) * DAY, ctx.now),
      timeframe: daysToClose < 0 ? 0 : daysToClose < 60 ? 1 : daysToClose < 150 ? 2 : 3,
      budget: money(Math.ceil((value * p.float(0.9, 1.3)) / 5000) * 5000),
    })
  }
  return plans
}

export function* opportunityPhase(ctx: SeedContext): Generator<Batch> {
  const plans = planAll(ctx)
  ctx.opportunities = plans.map((p) => p.ref)
  const r = ctx.rng.fork('opportunity-text')

  yield* batched(
    ctx,
    'opportunity',
    plans.map((p) => {
      const o = p.ref
      const acc = ctx.accounts[o.account]!
      return ctx.own(
        ctx.stamp(
          {
            opportunityid: o.id,
            name: o.name,
            customerid: ref('account', acc.id),
            parentaccountid: ref('account', acc.id),
            parentcontactid: o.contactId ? ref('contact', o.contactId) : null,
            originatingleadid: p.leadId ? ref('lead', p.leadId) : null,
            campaignid: p.campaignId ? ref('campaign', p.campaignId) : null,
            pricelevelid: ref('pricelevel', ctx.priceLevelId),
            transactioncurrencyid: ctx.currency(),
            estimatedvalue: o.value,
            actualvalue: p.actualValue,
            estimatedclosedate: day(o.closeDate),
            actualclosedate: p.actualClose === null ? null : day(p.actualClose),
            closeprobability: p.probability,
            salesstagecode: 1,
            salesstage: p.stage.stage,
            stepname: p.stage.step,
            opportunityratingcode: p.rating,
            prioritycode: 1,
            budgetamount: p.budget,
            budgetstatus:
              o.state === 1
                ? 3
                : r.weighted([
                    [1, 2],
                    [2, 3],
                    [3, 1],
                  ] as const),
            purchasetimeframe: p.timeframe,
            purchaseprocess: acc.employees > 500 ? 1 : 0,
            need: r.weighted([
              [0, 3],
              [1, 3],
              [2, 1],
            ] as const),
            decisionmaker: r.chance(0.6),
            isrevenuesystemcalculated: true,
            description: `${p.shape} for ${acc.asset} at ${acc.name}.`,
            currentsituation: r.pick(OPPORTUNITY_SITUATION),
            customerneed: `Earlier warning of failures on ${acc.asset} and fewer manual inspection rounds.`,
            customerpainpoints: `Unplanned stops on ${acc.asset}; maintenance planned by calendar rather than condition.`,
            proposedsolution: p.lines.map((l) => `${l.qty} × ${ctx.products.get(l.number)!.name}`).join('; '),
            statecode: o.state,
            statuscode: p.status,
          },
          o.created,
          p.modified,
          o.ownerIndex,
        ),
        o.ownerIndex,
      )
    }),
  )

  yield* batched(
    ctx,
    'opportunityproduct',
    plans.flatMap((p) =>
      p.lines.map((l, i) => {
        const product = ctx.products.get(l.number)!
        const base = money(l.qty * l.price)
        const discount = money(base * l.discount)
        return ctx.own(
          ctx.stamp(
            {
              opportunityproductid: l.id,
              opportunityproductname: product.name,
              opportunityid: ref('opportunity', p.ref.id),
              productid: ref('product', product.id),
              uomid: ref('uom', ctx.uomId),
              productdescription: null,
              isproductoverridden: false,
              ispriceoverridden: false,
              quantity: l.qty,
              priceperunit: l.price,
              baseamount: base,
              manualdiscountamount: discount,
              extendedamount: money(base - discount),
              sequencenumber: i + 1,
              description: null,
              transactioncurrencyid: ctx.currency(),
            },
            p.ref.created,
            p.ref.created,
            p.ref.ownerIndex,
          ),
          p.ref.ownerIndex,
        )
      }),
    ),
  )

  yield* batched(
    ctx,
    'opportunityclose',
    plans.flatMap((p) => {
      if (!p.closeId || p.actualClose === null) return []
      const won = p.ref.state === 1
      const competitor = p.competitor === null ? null : COMPETITORS[p.competitor]!
      return [
        ctx.own(
          ctx.stamp(
            {
              activityid: p.closeId,
              subject: won ? `Won: ${p.ref.name}` : `Lost: ${p.ref.name}`,
              description: won
                ? `Customer signed the order for ${p.shape.toLowerCase()}. Key factors: installation without cabling and the pilot results.`
                : competitor
                  ? `Lost to ${competitor.name}. ${competitor.strengths.split(';')[0]} was decisive for the customer.`
                  : 'Customer canceled the project after a budget review.',
              activitytypecode: 'opportunityclose',
              prioritycode: 1,
              scheduledstart: null,
              scheduledend: null,
              actualstart: null,
              actualend: iso(p.actualClose),
              scheduleddurationminutes: null,
              actualdurationminutes: null,
              opportunityid: ref('opportunity', p.ref.id),
              actualrevenue: won ? p.actualValue : null,
              competitorid: p.competitor === null ? null : ref('competitor', ctx.competitorIds[p.competitor]!),
              transactioncurrencyid: ctx.currency(),
              statecode: 1,
              statuscode: 2,
            },
            p.actualClose,
            p.actualClose,
            p.ref.ownerIndex,
          ),
          p.ref.ownerIndex,
        ),
      ]
    }),
  )

  yield* batched(
    ctx,
    'quote',
    plans.flatMap((p) => {
      if (!p.quote) return []
      const q = p.quote
      const acc = ctx.accounts[p.ref.account]!
      const lineTotal = p.ref.value
      return [
        ctx.own(
          ctx.stamp(
            {
              quoteid: q.id,
              name: `Quote – ${p.ref.name}`,
              quotenumber: q.number,
              revisionnumber: 0,
              customerid: ref('account', acc.id),
              opportunityid: ref('opportunity', p.ref.id),
              pricelevelid: ref('pricelevel', ctx.priceLevelId),
              transactioncurrencyid: ctx.currency(),
              totallineitemamount: lineTotal,
              discountamount: 0,
              totaltax: 0,
              totalamount: lineTotal,
              effectivefrom: day(q.created),
              effectiveto: day(q.created + 60 * DAY),
              closedon: p.actualClose === null ? null : day(p.actualClose),
              description: `Prices valid for 60 days. Payment terms net 30. Subscriptions are billed annually in advance.`,
              statecode: q.state,
              statuscode: q.status,
            },
            q.created,
            p.actualClose ?? q.created,
            p.ref.ownerIndex,
          ),
          p.ref.ownerIndex,
        ),
      ]
    }),
  )

  yield* batched(
    ctx,
    'salesorder',
    plans.flatMap((p) => {
      if (!p.order) return []
      const o = p.order
      const acc = ctx.accounts[p.ref.account]!
      const total = p.actualValue ?? p.ref.value
      return [
        ctx.own(
          ctx.stamp(
            {
              salesorderid: o.id,
              name: `Order – ${p.ref.name}`,
              ordernumber: o.number,
              customerid: ref('account', acc.id),
              opportunityid: ref('opportunity', p.ref.id),
              quoteid: p.quote ? ref('quote', p.quote.id) : null,
              pricelevelid: ref('pricelevel', ctx.priceLevelId),
              transactioncurrencyid: ctx.currency(),
              totallineitemamount: total,
              discountamount: 0,
              totaltax: 0,
              totalamount: total,
              submitdate: day(o.created),
              requestdeliveryby: day(o.created + 21 * DAY),
              datefulfilled: o.state >= 3 ? day(Math.min(o.created + 20 * DAY, ctx.now)) : null,
              description:
                'Ship hardware to the plant receiving dock; installation to be scheduled with the field service team.',
              statecode: o.state,
              statuscode: o.status,
            },
            o.created,
            Math.min(o.created + 20 * DAY, ctx.now),
            p.ref.ownerIndex,
          ),
          p.ref.ownerIndex,
        ),
      ]
    }),
  )
}
