// Small, fixed records for the documented Sales MCP scenarios that the generated data cannot
// serve. Scenario 2 of the Dynamics 365 Sales MCP docs: a web lead from a marketing campaign asks
// for metal packaging for cold-pressed olive oil; the org knows the company (a past order), the
// person (a decision maker) and her preference for sustainable packaging, and sells matching
// products (Corvane's smart packaging line: containers with freshness sensor tags).
// Emitted last, from its own random stream, so nothing generated before changes.
import type { SeedRow } from '../schema/types.js'
import { type Batch, batched } from './batch.js'
import { DAY, day, ref, type SeedContext } from './context.js'

export const OLIVE_OIL_SCENARIO = {
  company: 'Verdelia Olive Oil Co.',
  leadEmail: 'sofia.marin@verdelia-oliveoil.com',
  leadSubject: 'Metal packaging for cold-pressed olive oil',
  productNumbers: ['CRV-PKG-TIN500', 'CRV-PKG-SLIM250', 'CRV-PKG-TAG'],
} as const

const PRODUCTS = [
  {
    number: 'CRV-PKG-TIN500',
    name: 'SmartTin 500 ml Olive Oil Tin',
    description:
      'Opaque, food-safe tinplate tin for cold-pressed olive oil, 500 ml, fully recyclable metal with no plastic liner. Blocks light; ships with an FT-1 freshness tag slot.',
    price: 2.4,
    cost: 1.1,
  },
  {
    number: 'CRV-PKG-SLIM250',
    name: 'SlimCan 250 ml Aluminium Oil Bottle',
    description:
      'Slim, opaque aluminium bottle for premium olive oil, 250 ml, made from 70% recycled aluminium. Light-proof and recyclable; NFC freshness tag built in.',
    price: 1.9,
    cost: 0.8,
  },
  {
    number: 'CRV-PKG-TAG',
    name: 'FT-1 Freshness Tag (temperature and light)',
    description:
      'Adhesive NFC sensor tag that logs temperature and light exposure of packaged food oils from filling to shelf; read with a phone or an EdgeHub gateway.',
    price: 0.65,
    cost: 0.3,
  },
]

export function* scenarioPhase(ctx: SeedContext): Generator<Batch> {
  const r = ctx.rng.fork('scenarios')
  const admin = 0
  const me = ctx.currentUserIndex
  const marketing = ctx.usersWithRole('marketing')[0] ?? admin
  const catalogDate = Date.UTC(2026, 2, 2, 15)

  const familyId = r.guid()
  const productIds = PRODUCTS.map(() => r.guid())
  const productRow = (row: SeedRow) =>
    ctx.stamp(
      {
        productstructure: 1,
        producttypecode: 1,
        quantitydecimal: 0,
        parentproductid: ref('product', familyId),
        standardcost: null,
        currentcost: null,
        defaultuomscheduleid: ref('uomschedule', ctx.uomScheduleId),
        defaultuomid: ref('uom', ctx.uomId),
        pricelevelid: ref('pricelevel', ctx.priceLevelId),
        transactioncurrencyid: ctx.currency(),
        vendorname: 'Corvane Systems',
        validfromdate: '2026-03-01',
        validtodate: null,
        statecode: 0,
        statuscode: 1,
        ...row,
      },
      catalogDate,
      catalogDate + 10 * DAY,
      admin,
    )
  yield* batched(ctx, 'product', [
    productRow({
      productid: familyId,
      name: 'Smart Packaging',
      productnumber: 'CRV-FAM-PKG',
      description: 'Recyclable metal containers for food oils with built-in freshness sensing.',
      productstructure: 2,
      producttypecode: null,
      parentproductid: null,
      defaultuomscheduleid: null,
      defaultuomid: null,
      pricelevelid: null,
      price: null,
    }),
    ...PRODUCTS.map((p, i) =>
      productRow({
        productid: productIds[i]!,
        name: p.name,
        productnumber: p.number,
        description: p.description,
        price: p.price,
        standardcost: p.cost,
        currentcost: p.cost,
      }),
    ),
  ])
  yield* batched(
    ctx,
    'productpricelevel',
    PRODUCTS.map((p, i) =>
      ctx.stamp(
        {
          productpricelevelid: r.guid(),
          productidname: p.name,
          pricelevelid: ref('pricelevel', ctx.priceLevelId),
          productid: ref('product', productIds[i]!),
          uomid: ref('uom', ctx.uomId),
          uomscheduleid: ref('uomschedule', ctx.uomScheduleId),
          amount: p.price,
          pricingmethodcode: 1,
          transactioncurrencyid: ctx.currency(),
        },
        catalogDate,
        catalogDate,
        admin,
      ),
    ),
  )

  const campaignId = r.guid()
  const campaignStart = Date.UTC(2026, 8, 1)
  yield* batched(ctx, 'campaign', [
    ctx.own(
      ctx.stamp(
        {
          campaignid: campaignId,
          name: 'Sustainable Food Packaging – Web 2026',
          codename: 'CMP-26-PKG',
          typecode: 1,
          description: 'Search and social ads for the Smart Packaging line, leading to the website chat.',
          objective: 'Generate 60 qualified packaging leads from food and beverage producers.',
          proposedstart: '2026-09-01',
          proposedend: '2026-12-15',
          actualstart: '2026-09-01',
          actualend: null,
          budgetedcost: 25000,
          expectedrevenue: 400000,
          expectedresponse: 4,
          istemplate: false,
          transactioncurrencyid: ctx.currency(),
          statecode: 0,
          statuscode: 2,
        },
        campaignStart - 30 * DAY,
        campaignStart,
        marketing,
      ),
      marketing,
    ),
  ])

  const accountId = r.guid()
  const contactId = r.guid()
  const opportunityId = r.guid()
  const orderId = r.guid()
  const leadId = r.guid()
  const since = Date.UTC(2025, 2, 10, 16)
  const won = Date.UTC(2025, 5, 18, 15)
  const own = (row: SeedRow, created: number, modified = created) => ctx.own(ctx.stamp(row, created, modified, me), me)

  yield* batched(ctx, 'account', [
    own(
      {
        accountid: accountId,
        name: OLIVE_OIL_SCENARIO.company,
        accountnumber: 'VOO-1042',
        industrycode: 17,
        revenue: 85_000_000,
        numberofemployees: 420,
        telephone1: '+1 559 555 0142',
        websiteurl: 'https://www.verdelia-oliveoil.com',
        emailaddress1: 'info@verdelia-oliveoil.com',
        address1_city: 'Fresno',
        address1_stateorprovince: 'CA',
        address1_country: 'United States',
        customertypecode: 3,
        accountcategorycode: 2,
        transactioncurrencyid: ctx.currency(),
        donotemail: false,
        statecode: 0,
        statuscode: 1,
      },
      since,
      won,
    ),
  ])
  yield* batched(ctx, 'contact', [
    own(
      {
        contactid: contactId,
        firstname: 'Sofia',
        lastname: 'Marin',
        fullname: 'Sofia Marin',
        jobtitle: 'Managing Director',
        emailaddress1: OLIVE_OIL_SCENARIO.leadEmail,
        telephone1: '+1 559 555 0143',
        parentcustomerid: ref('account', accountId),
        accountrolecode: 1,
        transactioncurrencyid: ctx.currency(),
        donotemail: false,
        statecode: 0,
        statuscode: 1,
      },
      since,
    ),
  ])
  yield* batched(ctx, 'opportunity', [
    own(
      {
        opportunityid: opportunityId,
        name: 'Verdelia cold-room temperature monitoring',
        customerid: ref('account', accountId),
        parentaccountid: ref('account', accountId),
        parentcontactid: ref('contact', contactId),
        pricelevelid: ref('pricelevel', ctx.priceLevelId),
        transactioncurrencyid: ctx.currency(),
        estimatedvalue: 48_000,
        actualvalue: 48_000,
        estimatedclosedate: day(won),
        actualclosedate: day(won),
        closeprobability: 100,
        statecode: 1,
        statuscode: 3,
      },
      since,
      won,
    ),
  ])
  yield* batched(ctx, 'opportunityclose', [
    own(
      {
        activityid: r.guid(),
        subject: 'Won: Verdelia cold-room temperature monitoring',
        description: 'Customer signed the order for cold-room temperature monitoring.',
        activitytypecode: 'opportunityclose',
        prioritycode: 1,
        actualend: new Date(won).toISOString().replace('.000Z', 'Z'),
        opportunityid: ref('opportunity', opportunityId),
        actualrevenue: 48_000,
        transactioncurrencyid: ctx.currency(),
        statecode: 1,
        statuscode: 2,
      },
      won,
    ),
  ])
  yield* batched(ctx, 'salesorder', [
    own(
      {
        salesorderid: orderId,
        name: 'Order – Verdelia cold-room temperature monitoring',
        ordernumber: 'ORD-09042-VRDLIA',
        customerid: ref('account', accountId),
        opportunityid: ref('opportunity', opportunityId),
        pricelevelid: ref('pricelevel', ctx.priceLevelId),
        transactioncurrencyid: ctx.currency(),
        totallineitemamount: 48_000,
        discountamount: 0,
        totaltax: 0,
        totalamount: 48_000,
        submitdate: day(won),
        datefulfilled: day(won + 20 * DAY),
        statecode: 3,
        statuscode: 100001,
      },
      won,
      won + 20 * DAY,
    ),
  ])
  const leadCreated = ctx.now - 2 * DAY
  yield* batched(ctx, 'lead', [
    own(
      {
        leadid: leadId,
        subject: OLIVE_OIL_SCENARIO.leadSubject,
        firstname: 'Sofia',
        lastname: 'Marin',
        fullname: 'Sofia Marin',
        companyname: OLIVE_OIL_SCENARIO.company,
        jobtitle: 'Managing Director',
        emailaddress1: OLIVE_OIL_SCENARIO.leadEmail,
        telephone1: '+1 559 555 0143',
        websiteurl: 'https://www.verdelia-oliveoil.com',
        address1_city: 'Fresno',
        address1_stateorprovince: 'CA',
        address1_country: 'United States',
        leadsourcecode: 8,
        leadqualitycode: 1,
        industrycode: 17,
        revenue: 85_000_000,
        numberofemployees: 420,
        budgetamount: 60_000,
        budgetstatus: 2,
        purchasetimeframe: 1,
        purchaseprocess: 2,
        decisionmaker: true,
        need: 1,
        estimatedamount: 60_000,
        prioritycode: 1,
        preferredcontactmethodcode: 2,
        campaignid: ref('campaign', campaignId),
        parentaccountid: ref('account', accountId),
        parentcontactid: ref('contact', contactId),
        customerid: ref('account', accountId),
        transactioncurrencyid: ctx.currency(),
        donotemail: false,
        description:
          "Website chat: I'm looking for metal packaging for cold pressed olive oil. Can you tell me what options you have?",
        statecode: 0,
        statuscode: 1,
      },
      leadCreated,
    ),
  ])
  yield* batched(ctx, 'annotation', [
    own(
      {
        annotationid: r.guid(),
        subject: 'Packaging preferences',
        notetext:
          'Sofia wants sustainable packaging for their retail lines: recyclable metal, no plastic liners. She signs off purchases herself.',
        objectid: ref('account', accountId),
        objecttypecode: 'account',
        isdocument: false,
      },
      won + 30 * DAY,
    ),
  ])
}
