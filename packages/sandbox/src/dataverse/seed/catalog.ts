// Reference data that does not grow with scale: price list, products, competitors, campaigns,
// the ideal customer profile and the knowledge base.
import type { SeedRow } from '../schema/types.js'
import { type Batch, batched } from './batch.js'
import { DAY, iso, ref, type SeedContext } from './context.js'
import { CAMPAIGNS, COMPETITORS, FAMILIES, PRODUCTS } from './data/catalog.js'
import { HOWTO_ARTICLES, PROBLEMS } from './data/problems.js'

export function* catalogPhase(ctx: SeedContext): Generator<Batch> {
  const r = ctx.rng.fork('catalog')
  const admin = 0
  const marketing = ctx.usersWithRole('marketing')[0] ?? admin
  const catalogDate = Date.UTC(2024, 0, 2, 15)

  ctx.priceLevelId = r.guid()
  yield* batched(ctx, 'pricelevel', [
    ctx.stamp(
      {
        pricelevelid: ctx.priceLevelId,
        name: 'Corvane List Prices 2026 (USD)',
        description:
          'Standard list prices for direct sales in US dollars. Discounts above 15% need sales manager approval.',
        begindate: '2026-01-01',
        enddate: '2026-12-31',
        transactioncurrencyid: ctx.currency(),
        statecode: 0,
        statuscode: 100001,
      },
      Date.UTC(2025, 11, 1, 14),
      Date.UTC(2025, 11, 15, 10),
      admin,
    ),
  ])

  const familyIds = new Map<string, string>()
  const productRows: SeedRow[] = []
  for (const f of FAMILIES) {
    const id = r.guid()
    familyIds.set(f.key, id)
    productRows.push(
      ctx.stamp(
        {
          productid: id,
          name: f.name,
          productnumber: f.number,
          description: f.description,
          productstructure: 2,
          producttypecode: null,
          quantitydecimal: 0,
          parentproductid: null,
          price: null,
          standardcost: null,
          currentcost: null,
          defaultuomscheduleid: null,
          defaultuomid: null,
          pricelevelid: null,
          transactioncurrencyid: ctx.currency(),
          vendorname: 'Corvane Systems',
          validfromdate: '2024-01-01',
          validtodate: null,
          statecode: 0,
          statuscode: 1,
        },
        catalogDate,
        catalogDate + 30 * DAY,
        admin,
      ),
    )
  }
  for (const p of PRODUCTS) {
    const id = r.guid()
    ctx.products.set(p.number, { id, name: p.name, price: p.price })
    productRows.push(
      ctx.stamp(
        {
          productid: id,
          name: p.name,
          productnumber: p.number,
          description: p.description,
          productstructure: 1,
          producttypecode: p.type,
          quantitydecimal: 0,
          parentproductid: ref('product', familyIds.get(p.family)!),
          price: p.price,
          standardcost: p.cost,
          currentcost: p.cost,
          defaultuomscheduleid: ref('uomschedule', ctx.uomScheduleId),
          defaultuomid: ref('uom', ctx.uomId),
          pricelevelid: ref('pricelevel', ctx.priceLevelId),
          transactioncurrencyid: ctx.currency(),
          vendorname: 'Corvane Systems',
          validfromdate: '2024-01-01',
          validtodate: p.retired ? '2025-12-31' : null,
          statecode: p.retired ? 1 : 0,
          statuscode: p.retired ? 2 : 1,
        },
        catalogDate + r.int(0, 60) * DAY,
        catalogDate + r.int(300, 700) * DAY,
        admin,
      ),
    )
  }
  yield* batched(ctx, 'product', productRows)

  yield* batched(
    ctx,
    'productpricelevel',
    PRODUCTS.filter((p) => !p.retired).map((p) =>
      ctx.stamp(
        {
          productpricelevelid: r.guid(),
          productidname: p.name,
          pricelevelid: ref('pricelevel', ctx.priceLevelId),
          productid: ref('product', ctx.products.get(p.number)!.id),
          uomid: ref('uom', ctx.uomId),
          uomscheduleid: ref('uomschedule', ctx.uomScheduleId),
          amount: p.price,
          pricingmethodcode: 1,
          transactioncurrencyid: ctx.currency(),
        },
        Date.UTC(2025, 11, 1, 15),
        Date.UTC(2025, 11, 15, 10),
        admin,
      ),
    ),
  )

  ctx.competitorIds = COMPETITORS.map(() => r.guid())
  yield* batched(
    ctx,
    'competitor',
    COMPETITORS.map((c, i) =>
      ctx.stamp(
        {
          competitorid: ctx.competitorIds[i]!,
          name: c.name,
          websiteurl: c.city ? c.website : null,
          tickersymbol: null,
          reportedrevenue: c.revenue || null,
          address1_city: c.city || null,
          address1_country: c.country || null,
          overview: c.overview,
          strengths: c.strengths,
          weaknesses: c.weaknesses,
          opportunities: null,
          threats: null,
          transactioncurrencyid: ctx.currency(),
        },
        Date.UTC(2024, 2, 4, 16) + i * 9 * DAY,
        Date.UTC(2026, 1, 20, 11) + i * 3 * DAY,
        marketing,
      ),
    ),
  )

  yield* batched(
    ctx,
    'campaign',
    CAMPAIGNS.map((c) => {
      const id = r.guid()
      const start = Date.parse(`${c.start}T00:00:00Z`)
      const end = Date.parse(`${c.end}T23:59:59Z`)
      ctx.campaigns.set(c.key, { id, name: c.name, start, end })
      const done = end < ctx.now
      return ctx.own(
        ctx.stamp(
          {
            campaignid: id,
            name: c.name,
            codename: c.code,
            typecode: c.type,
            description: c.description,
            objective: c.objective,
            proposedstart: c.start,
            proposedend: c.end,
            actualstart: start < ctx.now ? c.start : null,
            actualend: done ? c.end : null,
            budgetedcost: c.budget,
            expectedrevenue: c.expected,
            expectedresponse: 4,
            istemplate: false,
            transactioncurrencyid: ctx.currency(),
            statecode: 0,
            statuscode: done ? 3 : start < ctx.now ? 2 : 1,
          },
          start - 45 * DAY,
          Math.min(end + 5 * DAY, ctx.now),
          marketing,
        ),
        marketing,
      )
    }),
  )

  yield* batched(ctx, 'bizmcp_idealcustomerprofile', icpRows(ctx, r.guid.bind(r)))
  yield* batched(ctx, 'knowledgearticle', knowledgeRows(ctx))
}

/** The profile lead qualification scores against: weights add up to 100. */
export const ICP_CRITERIA: Array<
  [name: string, attribute: string, operator: number, value: string, weight: number, description: string]
> = [
  [
    'Target industry',
    'industrycode',
    100000001,
    '12,17,18,24,31',
    25,
    'Discrete manufacturing, food processing, capital-intensive process industries, oil and gas midstream, and utilities: rotating equipment is critical to their output.',
  ],
  [
    'Company size',
    'numberofemployees',
    100000002,
    '250,10000',
    20,
    'Mid-size to large companies with a maintenance team that can act on alerts but without a large in-house reliability group.',
  ],
  [
    'Annual revenue',
    'revenue',
    100000002,
    '50000000,2000000000',
    15,
    'Revenue between USD 50 million and 2 billion: budget for a multi-site rollout and short approval paths.',
  ],
  [
    'Geography',
    'address1_country',
    100000001,
    'United States,Canada,Mexico,United Kingdom,Germany,Netherlands',
    10,
    'Countries where Corvane has field engineers and certified installers.',
  ],
  [
    'Budget',
    'budgetamount',
    100000003,
    '50000',
    15,
    'A budget of at least USD 50,000 covers a pilot and the first production rollout.',
  ],
  [
    'Purchase timeframe',
    'purchasetimeframe',
    100000001,
    '0,1,2',
    10,
    'Buying this quarter or next (Immediate, This Quarter, Next Quarter).',
  ],
  [
    'Decision maker engaged',
    'decisionmaker',
    100000000,
    'true',
    5,
    'The lead can approve the purchase or has direct access to who does.',
  ],
]

function icpRows(ctx: SeedContext, guid: () => string): SeedRow[] {
  const marketing = ctx.usersWithRole('marketing')[0] ?? 0
  return ICP_CRITERIA.map(([name, attribute, operator, value, weight, description], i) =>
    ctx.stamp(
      {
        bizmcp_idealcustomerprofileid: guid(),
        bizmcp_name: name,
        bizmcp_profile: 'Corvane Core ICP 2026',
        bizmcp_attribute: attribute,
        bizmcp_operator: operator,
        bizmcp_value: value,
        bizmcp_weight: weight,
        bizmcp_description: description,
        statecode: 0,
        statuscode: 1,
      },
      Date.UTC(2026, 0, 12, 15) + i * 60_000,
      Date.UTC(2026, 1, 3, 9) + i * 60_000,
      marketing,
    ),
  )
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const list = (tag: 'ul' | 'ol', items: string[]) =>
  `<${tag}>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</${tag}>`

function knowledgeRows(ctx: SeedContext): SeedRow[] {
  const r = ctx.rng.fork('knowledge')
  const authors = ctx.usersWithRole('agent', 'service-manager')
  const productNames = (numbers: string[]) => numbers.map((n) => ctx.products.get(n)?.name ?? n)
  const articles = [
    ...PROBLEMS.map((p) => ({
      title: p.kb.title,
      summary: p.kb.summary,
      keywords: p.kb.keywords,
      html:
        `<h2>Summary</h2><p>${esc(p.kb.summary)}</p>` +
        `<h2>Applies to</h2>${list('ul', productNames(p.products))}` +
        `<h2>Symptoms</h2>${list('ul', p.kb.symptoms)}` +
        `<h2>Cause</h2><p>${esc(p.kb.cause)}</p>` +
        `<h2>Resolution</h2>${list('ol', p.kb.steps)}`,
    })),
    ...HOWTO_ARTICLES.map((a) => ({
      title: a.title,
      summary: a.summary,
      keywords: a.keywords,
      html:
        `<h2>Summary</h2><p>${esc(a.summary)}</p>` +
        `<h2>Applies to</h2>${list('ul', productNames(a.products))}` +
        a.sections.map(([h, items]) => `<h2>${esc(h)}</h2>${list('ul', items)}`).join(''),
    })),
  ]
  return articles.map((a, i) => {
    const created = Date.UTC(2024, 3, 1, 14) + r.int(0, 700) * DAY
    const published = created + r.int(2, 20) * DAY
    const modified = Math.min(published + r.int(0, 300) * DAY, ctx.now - DAY)
    const author = r.pick(authors)
    return ctx.own(
      ctx.stamp(
        {
          knowledgearticleid: r.guid(),
          title: a.title,
          content: a.html,
          description: a.summary.length > 155 ? `${a.summary.slice(0, 152)}...` : a.summary,
          keywords: a.keywords,
          articlepublicnumber: `KA-${String(1001 + i).padStart(5, '0')}`,
          majorversionnumber: r.int(1, 3),
          minorversionnumber: 0,
          isinternal: false,
          islatestversion: true,
          isprimary: true,
          isrootarticle: false,
          publishon: iso(published),
          expirationdate: null,
          knowledgearticleviews: r.int(15, 2400),
          rating: Math.round(r.float(3.2, 4.9) * 10) / 10,
          statecode: 3,
          statuscode: 7,
        },
        created,
        modified,
        author,
      ),
      author,
    )
  })
}
