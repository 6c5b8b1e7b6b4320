import { describe, expect, it } from 'vitest'
import { ids } from '../test-fixtures.js'
import { API, makeEmulator } from '../test-helpers.js'

const names = (res: { json: { value: Array<{ name?: string; fullname?: string }> } }) =>
  res.json.value.map((r) => r.name ?? r.fullname)

describe('$filter', () => {
  it('compares with eq/ne/gt/ge/lt/le, case-insensitively for text', async () => {
    const { call } = makeEmulator()
    expect(names(await call('GET', "accounts?$select=name&$filter=name eq 'contoso ltd'"))).toEqual(['Contoso Ltd'])
    expect(names(await call('GET', 'accounts?$select=name&$filter=revenue gt 800000'))).toEqual(['Contoso Ltd'])
    expect(names(await call('GET', 'accounts?$select=name&$filter=numberofemployees le 90&$orderby=name'))).toEqual([
      'A. Datum',
      'Fabrikam Inc',
    ])
    expect(names(await call('GET', '2>1'.length ? 'accounts?$select=name&$filter=revenue eq null' : ''))).toEqual([
      'A. Datum',
    ])
    expect(
      names(
        await call(
          'GET',
          "accounts?$select=name&$filter=(address1_city eq 'Seattle' and statecode eq 0) or creditonhold eq true&$orderby=name",
        ),
      ),
    ).toEqual(['Contoso Ltd', 'Fabrikam Inc'])
    expect(names(await call('GET', "accounts?$select=name&$filter=not (address1_city eq 'Seattle')"))).toEqual([
      'Fabrikam Inc',
    ])
  })

  it('supports contains/startswith/endswith and lookups by _x_value', async () => {
    const { call } = makeEmulator()
    expect(names(await call('GET', "accounts?$select=name&$filter=contains(name,'abri')"))).toEqual(['Fabrikam Inc'])
    expect(names(await call('GET', "accounts?$select=name&$filter=startswith(name,'A.')"))).toEqual(['A. Datum'])
    expect(names(await call('GET', "accounts?$select=name&$filter=endswith(name,'ltd')"))).toEqual(['Contoso Ltd'])
    expect(names(await call('GET', "accounts?$select=name&$filter=contains(name,'%')"))).toEqual([])
    const contacts = await call(
      'GET',
      `contacts?$select=fullname&$filter=_parentcustomerid_value eq ${ids.contoso}&$orderby=fullname`,
    )
    expect(names(contacts)).toEqual(['Alice Anders', 'Bob Baker'])
  })

  it('filters on related single-valued properties and with any/all lambdas', async () => {
    const { call } = makeEmulator()
    expect(
      names(await call('GET', "contacts?$select=fullname&$filter=parentcustomerid_account/name eq 'Fabrikam Inc'")),
    ).toEqual(['Carol Chen'])
    expect(
      names(await call('GET', "accounts?$select=name&$filter=contact_customer_accounts/any(c:c/firstname eq 'Bob')")),
    ).toEqual(['Contoso Ltd'])
    expect(
      names(
        await call(
          'GET',
          'accounts?$select=name&$filter=contact_customer_accounts/all(c:c/emailaddress1 ne null)&$orderby=name',
        ),
      ),
    ).toEqual(['A. Datum', 'Contoso Ltd'])
  })

  it('supports the Microsoft.Dynamics.CRM query functions', async () => {
    const { call } = makeEmulator()
    const q = async (f: string) => names(await call('GET', `accounts?$select=name&$orderby=name&$filter=${f}`))
    expect(await q("Microsoft.Dynamics.CRM.In(PropertyName='industrycode',PropertyValues=['1','2'])")).toEqual([
      'Fabrikam Inc',
    ])
    expect(await q("Microsoft.Dynamics.CRM.NotIn(PropertyName='industrycode',PropertyValues=['1'])")).toEqual([
      'A. Datum',
      'Contoso Ltd',
    ])
    expect(
      await q("Microsoft.Dynamics.CRM.Between(PropertyName='numberofemployees',PropertyValues=['10','100'])"),
    ).toEqual(['A. Datum', 'Fabrikam Inc'])
    expect(await q("Microsoft.Dynamics.CRM.LastXDays(PropertyName='createdon',PropertyValue=5)")).toEqual([
      'Contoso Ltd',
    ])
    expect(await q("Microsoft.Dynamics.CRM.LastXDays(PropertyName='createdon',PropertyValue=30)")).toEqual([
      'Contoso Ltd',
      'Fabrikam Inc',
    ])
    expect(await q("Microsoft.Dynamics.CRM.NextXDays(PropertyName='createdon',PropertyValue=3)")).toEqual([])
    expect(await q("Microsoft.Dynamics.CRM.LastXHours(PropertyName='createdon',PropertyValue=48)")).toEqual([
      'Contoso Ltd',
    ])
    expect(await q("Microsoft.Dynamics.CRM.ThisYear(PropertyName='createdon')")).toEqual(expect.any(Array))
    const today = new Date().toISOString().slice(0, 10)
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    expect(await q(`Microsoft.Dynamics.CRM.On(PropertyName='createdon',PropertyValue='${yesterday}')`)).toEqual([
      'Contoso Ltd',
    ])
    expect(await q("Microsoft.Dynamics.CRM.Yesterday(PropertyName='createdon')")).toEqual(['Contoso Ltd'])
    expect(await q(`Microsoft.Dynamics.CRM.OnOrAfter(PropertyName='createdon',PropertyValue='${today}')`)).toEqual([])
    expect(await q(`Microsoft.Dynamics.CRM.OnOrBefore(PropertyName='createdon',PropertyValue='${today}')`)).toEqual([
      'A. Datum',
      'Contoso Ltd',
      'Fabrikam Inc',
    ])
    expect(await q("Microsoft.Dynamics.CRM.EqualUserId(PropertyName='ownerid')")).toEqual(['A. Datum', 'Contoso Ltd'])
    expect(await q("Microsoft.Dynamics.CRM.NotEqualUserId(PropertyName='ownerid')")).toEqual(['Fabrikam Inc'])
  })

  it('rejects unknown properties, incompatible types and unknown functions', async () => {
    const { call } = makeEmulator()
    const unknown = await call('GET', "accounts?$filter=nmae eq 'x'")
    expect(unknown.status).toBe(400)
    expect(unknown.json.error).toEqual({
      code: '0x80060888',
      message: "Could not find a property named 'nmae' on type 'Microsoft.Dynamics.CRM.account'.",
    })
    const types = await call('GET', 'accounts?$filter=name eq 5')
    expect(types.status).toBe(400)
    expect(types.json.error.message).toBe(
      "A binary operator with incompatible types was detected. Found operand types 'Edm.String' and 'Edm.Int32' for operator kind 'Equal'.",
    )
    expect(
      (await call('GET', "accounts?$filter=Microsoft.Dynamics.CRM.Sometime(PropertyName='createdon')")).status,
    ).toBe(400)
    expect(
      (await call('GET', "accounts?$filter=Microsoft.Dynamics.CRM.LastXDays(PropertyName='name',PropertyValue=3)"))
        .status,
    ).toBe(400)
    expect((await call('GET', 'accounts?$filter=name eq')).status).toBe(400)
    expect((await call('GET', 'accounts?$skip=1')).status).toBe(400)
    expect((await call('GET', 'accounts?$top=-1')).status).toBe(400)
    // a lookup is filtered as _x_value, not by its logical name
    expect((await call('GET', `contacts?$filter=parentcustomerid eq ${ids.contoso}`)).status).toBe(400)
  })

  it('resists SQL injection through literals', async () => {
    const { call } = makeEmulator()
    const res = await call('GET', `accounts?$filter=name eq '${encodeURIComponent("x'' OR 1=1 --")}'`)
    expect(res.status).toBe(200)
    expect(res.json.value).toEqual([])
    expect((await call('GET', `accounts?$filter=name eq '${encodeURIComponent("x' OR 1=1 --")}'`)).status).toBe(400)
  })

  it('accepts parameter aliases', async () => {
    const { call } = makeEmulator()
    expect(names(await call('GET', "accounts?$select=name&$filter=@p1 eq @p2&@p1=name&@p2='Fabrikam Inc'"))).toEqual([
      'Fabrikam Inc',
    ])
  })
})

describe('ordering, top, count and paging', () => {
  it('orders, limits and counts', async () => {
    const { call } = makeEmulator()
    const res = await call('GET', 'accounts?$select=name&$orderby=revenue desc&$top=2&$count=true')
    expect(names(res)).toEqual(['Contoso Ltd', 'Fabrikam Inc'])
    expect(res.json['@odata.count']).toBe(3)
    expect(res.json['@odata.context']).toBe(`${API}$metadata#accounts(name)`)
  })

  it('pages with odata.maxpagesize and a nextLink carrying $skiptoken, ignoring $top', async () => {
    const { call } = makeEmulator()
    const seen: string[] = []
    let url: string | undefined = 'contacts?$select=fullname&$top=1'
    let pages = 0
    while (url && pages < 10) {
      const res = await call('GET', url, { headers: { Prefer: 'odata.maxpagesize=2' } })
      expect(res.status).toBe(200)
      expect(res.headers.get('Preference-Applied')).toBe('odata.maxpagesize=2')
      seen.push(...(names(res) as string[]))
      const next: string | undefined = res.json['@odata.nextLink']
      if (next) expect(next).toContain('$skiptoken=')
      url = next?.slice(API.length)
      pages++
    }
    expect(pages).toBe(2)
    expect(seen.sort()).toEqual(['Alice Anders', 'Bob Baker', 'Carol Chen'])
  })

  it('rejects a skiptoken that is not a paging cookie', async () => {
    const { call } = makeEmulator()
    expect((await call('GET', 'accounts?$skiptoken=abc')).status).toBe(400)
  })
})

describe('annotations', () => {
  it('adds formatted values for choices, money, numbers, dates and lookups', async () => {
    const { call } = makeEmulator()
    const res = await call(
      'GET',
      `accounts(${ids.contoso})?$select=name,industrycode,revenue,numberofemployees,creditonhold,createdon,statecode,_ownerid_value`,
      {
        headers: { Prefer: 'odata.include-annotations="*"' },
      },
    )
    const f = (p: string) => res.json[`${p}@OData.Community.Display.V1.FormattedValue`]
    expect(f('industrycode')).toBe('Consulting')
    expect(f('revenue')).toBe('$1,500,000.00')
    expect(f('numberofemployees')).toBe('250')
    expect(f('creditonhold')).toBe('No')
    expect(f('statecode')).toBe('Active')
    expect(f('createdon')).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d\d (AM|PM)$/)
    expect(f('_ownerid_value')).toBe('Avery Admin')
    expect(res.json['_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBe('systemuser')
    expect(res.headers.get('Preference-Applied')).toBe('odata.include-annotations="*"')
  })

  it('only adds the annotations asked for', async () => {
    const { call } = makeEmulator()
    const res = await call('GET', `accounts(${ids.contoso})?$select=industrycode,_ownerid_value`, {
      headers: { Prefer: 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"' },
    })
    expect(res.json['industrycode@OData.Community.Display.V1.FormattedValue']).toBe('Consulting')
    expect(res.json['_ownerid_value@Microsoft.Dynamics.CRM.lookuplogicalname']).toBeUndefined()
    const none = await call('GET', `accounts(${ids.contoso})?$select=industrycode`)
    expect(Object.keys(none.json).some((k) => k.includes('FormattedValue'))).toBe(false)
  })
})

describe('$apply', () => {
  it('groups and aggregates', async () => {
    const { call } = makeEmulator()
    const res = await call(
      'GET',
      '$apply'.length
        ? 'accounts?$apply=groupby((industrycode),aggregate(revenue with sum as total,numberofemployees with average as avgstaff,$count as n))'
        : '',
    )
    expect(res.status).toBe(200)
    expect(res.json.value).toEqual([
      { industrycode: 1, total: 750000.5, avgstaff: 90, n: 1 },
      { industrycode: 3, total: 1500000, avgstaff: 131, n: 2 },
    ])
  })

  it('aggregates without grouping, filters first, counts distinct values', async () => {
    const { call } = makeEmulator()
    const res = await call(
      'GET',
      "accounts?$apply=filter(address1_city eq 'Seattle')/aggregate(numberofemployees with max as most,numberofemployees with min as least,industrycode with countdistinct as kinds)",
    )
    expect(res.json.value).toEqual([{ most: 250, least: 12, kinds: 1 }])
  })

  it('rejects aggregates on the wrong types and unknown properties', async () => {
    const { call } = makeEmulator()
    expect((await call('GET', 'accounts?$apply=aggregate(name with sum as total)')).status).toBe(400)
    expect((await call('GET', 'accounts?$apply=groupby((nope))')).status).toBe(400)
  })
})
