import { describe, expect, it } from 'vitest'
import { ids } from '../test-fixtures.js'
import { makeEmulator } from '../test-helpers.js'

const fetch = (set: string, xml: string) => `${set}?fetchXml=${encodeURIComponent(xml)}`
const ALL = { Prefer: 'odata.include-annotations="*"' }

describe('FetchXML', () => {
  it('returns selected attributes, lookups as _x_value, and omits null columns', async () => {
    const { call } = makeEmulator()
    const res = await call(
      'GET',
      fetch(
        'accounts',
        `<fetch><entity name='account'><attribute name='name'/><attribute name='revenue'/><attribute name='parentaccountid'/><order attribute='name'/></entity></fetch>`,
      ),
    )
    expect(res.status).toBe(200)
    expect(res.json.value).toHaveLength(3)
    const [adatum, contoso] = res.json.value
    expect(adatum).toMatchObject({ name: 'A. Datum', _parentaccountid_value: ids.contoso, accountid: ids.adatum })
    expect('revenue' in adatum).toBe(false)
    expect('_parentaccountid_value' in contoso).toBe(false)
    expect(adatum['@odata.etag']).toMatch(/^W\//)
    expect(res.json['@odata.nextLink']).toBeUndefined()
  })

  it('joins with link-entity (inner, outer, nested) and names columns alias.attribute', async () => {
    const { call } = makeEmulator()
    const xml = `<fetch>
      <entity name='contact'>
        <attribute name='fullname'/>
        <order attribute='fullname'/>
        <link-entity name='account' from='accountid' to='parentcustomerid' alias='acct' link-type='inner'>
          <attribute name='name'/>
          <filter><condition attribute='address1_city' operator='eq' value='Seattle'/></filter>
          <link-entity name='systemuser' from='systemuserid' to='ownerid' link-type='outer'>
            <attribute name='fullname' alias='acctowner'/>
          </link-entity>
        </link-entity>
      </entity></fetch>`
    const res = await call('GET', fetch('contacts', xml))
    expect(res.status).toBe(200)
    expect(res.json.value.map((r: Record<string, unknown>) => [r.fullname, r['acct.name'], r.acctowner])).toEqual([
      ['Alice Anders', 'Contoso Ltd', 'Avery Admin'],
      ['Bob Baker', 'Contoso Ltd', 'Avery Admin'],
    ])
  })

  it('filters with nested and/or and the condition operators', async () => {
    const { call } = makeEmulator()
    const q = async (filter: string) => {
      const res = await call(
        'GET',
        fetch(
          'accounts',
          `<fetch><entity name='account'><attribute name='name'/><order attribute='name'/><filter>${filter}</filter></entity></fetch>`,
        ),
      )
      expect(res.status).toBe(200)
      return res.json.value.map((r: { name: string }) => r.name)
    }
    expect(await q(`<condition attribute='name' operator='like' value='%on%'/>`)).toEqual(['Contoso Ltd'])
    expect(await q(`<condition attribute='name' operator='not-like' value='%on%'/>`)).toEqual([
      'A. Datum',
      'Fabrikam Inc',
    ])
    expect(await q(`<condition attribute='name' operator='begins-with' value='fab'/>`)).toEqual(['Fabrikam Inc'])
    expect(await q(`<condition attribute='name' operator='ends-with' value='datum'/>`)).toEqual(['A. Datum'])
    expect(
      await q(`<condition attribute='industrycode' operator='in'><value>1</value><value>2</value></condition>`),
    ).toEqual(['Fabrikam Inc'])
    expect(await q(`<condition attribute='industrycode' operator='not-in'><value>1</value></condition>`)).toEqual([
      'A. Datum',
      'Contoso Ltd',
    ])
    expect(
      await q(
        `<condition attribute='numberofemployees' operator='between'><value>50</value><value>300</value></condition>`,
      ),
    ).toEqual(['Contoso Ltd', 'Fabrikam Inc'])
    expect(
      await q(
        `<condition attribute='numberofemployees' operator='not-between'><value>50</value><value>300</value></condition>`,
      ),
    ).toEqual(['A. Datum'])
    expect(await q(`<condition attribute='revenue' operator='null'/>`)).toEqual(['A. Datum'])
    expect(
      await q(
        `<condition attribute='revenue' operator='not-null'/><condition attribute='revenue' operator='ge' value='1000000'/>`,
      ),
    ).toEqual(['Contoso Ltd'])
    expect(await q(`<condition attribute='createdon' operator='last-x-days' value='5'/>`)).toEqual(['Contoso Ltd'])
    expect(await q(`<condition attribute='createdon' operator='next-x-days' value='5'/>`)).toEqual([])
    expect(await q(`<condition attribute='createdon' operator='yesterday'/>`)).toEqual(['Contoso Ltd'])
    expect(await q(`<condition attribute='createdon' operator='today'/>`)).toEqual([])
    expect(
      await q(
        `<condition attribute='createdon' operator='on-or-before' value='${new Date().toISOString().slice(0, 10)}'/>`,
      ),
    ).toHaveLength(3)
    expect(await q(`<condition attribute='ownerid' operator='eq-userid'/>`)).toEqual(['A. Datum', 'Contoso Ltd'])
    expect(await q(`<condition attribute='ownerid' operator='ne-userid'/>`)).toEqual(['Fabrikam Inc'])
    expect(
      await q(
        `<filter type='or'><condition attribute='address1_city' operator='eq' value='Redmond'/><filter><condition attribute='statecode' operator='eq' value='1'/><condition attribute='industrycode' operator='eq' value='3'/></filter></filter>`,
      ),
    ).toEqual(['A. Datum', 'Fabrikam Inc'])
  })

  it('filters on a link-entity column with entityname', async () => {
    const { call } = makeEmulator()
    const xml = `<fetch><entity name='contact'><attribute name='fullname'/>
      <link-entity name='account' from='accountid' to='parentcustomerid' alias='a' link-type='outer'/>
      <filter><condition entityname='a' attribute='name' operator='eq' value='Fabrikam Inc'/></filter></entity></fetch>`
    const res = await call('GET', fetch('contacts', xml))
    expect(res.json.value.map((r: { fullname: string }) => r.fullname)).toEqual(['Carol Chen'])
  })

  it('pages with count/page and returns the paging cookie and morerecords, never a nextLink', async () => {
    const { call } = makeEmulator()
    const page = (n: number) =>
      call(
        'GET',
        fetch(
          'contacts',
          `<fetch count='2' page='${n}' returntotalrecordcount='true'><entity name='contact'><attribute name='fullname'/><order attribute='fullname'/></entity></fetch>`,
        ),
        { headers: ALL },
      )
    const first = await page(1)
    expect(first.json.value.map((r: { fullname: string }) => r.fullname)).toEqual(['Alice Anders', 'Bob Baker'])
    expect(first.json['@Microsoft.Dynamics.CRM.morerecords']).toBe(true)
    expect(first.json['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie']).toMatch(
      /^<cookie pagenumber="2" pagingcookie=".+" istracking="False" \/>$/,
    )
    expect(first.json['@Microsoft.Dynamics.CRM.totalrecordcount']).toBe(3)
    expect(first.json['@odata.nextLink']).toBeUndefined()
    const second = await page(2)
    expect(second.json.value.map((r: { fullname: string }) => r.fullname)).toEqual(['Carol Chen'])
    expect(second.json['@Microsoft.Dynamics.CRM.morerecords']).toBe(false)
    expect(second.json['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie']).toBeUndefined()
  })

  it('limits with top', async () => {
    const { call } = makeEmulator()
    const res = await call(
      'GET',
      fetch(
        'accounts',
        `<fetch top='1'><entity name='account'><attribute name='name'/><order attribute='revenue' descending='true'/></entity></fetch>`,
      ),
    )
    expect(res.json.value.map((r: { name: string }) => r.name)).toEqual(['Contoso Ltd'])
  })

  it('aggregates with groupby, dategrouping, count, countcolumn, distinct and order by alias', async () => {
    const { call } = makeEmulator()
    const xml = `<fetch aggregate='true'><entity name='account'>
      <attribute name='industrycode' groupby='true' alias='industry'/>
      <attribute name='accountid' aggregate='count' alias='n'/>
      <attribute name='revenue' aggregate='countcolumn' alias='withrevenue'/>
      <attribute name='revenue' aggregate='sum' alias='total'/>
      <attribute name='numberofemployees' aggregate='avg' alias='avgstaff'/>
      <attribute name='address1_city' aggregate='countcolumn' distinct='true' alias='cities'/>
      <order alias='total' descending='true'/></entity></fetch>`
    const res = await call('GET', fetch('accounts', xml), { headers: ALL })
    expect(res.status).toBe(200)
    expect(res.json.value).toEqual([
      {
        'industry@OData.Community.Display.V1.FormattedValue': 'Consulting',
        industry: 3,
        n: 2,
        withrevenue: 1,
        total: 1500000,
        avgstaff: 131,
        cities: 1,
      },
      {
        'industry@OData.Community.Display.V1.FormattedValue': 'Accounting',
        industry: 1,
        n: 1,
        withrevenue: 1,
        total: 750000.5,
        avgstaff: 90,
        cities: 1,
      },
    ])
    const byYear = await call(
      'GET',
      fetch(
        'accounts',
        `<fetch aggregate='true'><entity name='account'><attribute name='createdon' groupby='true' dategrouping='year' alias='y'/><attribute name='accountid' aggregate='count' alias='n'/></entity></fetch>`,
      ),
    )
    const total = byYear.json.value.reduce((s: number, r: { n: number }) => s + r.n, 0)
    expect(total).toBe(3)
    expect(byYear.json.value[0].y).toBeGreaterThan(2000)
  })

  it('supports all-attributes and link-type any/not any', async () => {
    const { call } = makeEmulator()
    const all = await call(
      'GET',
      fetch(
        'accounts',
        `<fetch top='1'><entity name='account'><all-attributes/><order attribute='name'/></entity></fetch>`,
      ),
    )
    expect(all.json.value[0]).toMatchObject({ name: 'A. Datum', numberofemployees: 12 })
    const any = await call(
      'GET',
      fetch(
        'accounts',
        `<fetch><entity name='account'><attribute name='name'/><link-entity name='contact' from='parentcustomerid' to='accountid' link-type='any'><filter><condition attribute='firstname' operator='eq' value='Carol'/></filter></link-entity></entity></fetch>`,
      ),
    )
    expect(any.json.value.map((r: { name: string }) => r.name)).toEqual(['Fabrikam Inc'])
    const none = await call(
      'GET',
      fetch(
        'accounts',
        `<fetch><entity name='account'><attribute name='name'/><link-entity name='contact' from='parentcustomerid' to='accountid' link-type='not any'/></entity></fetch>`,
      ),
    )
    expect(none.json.value.map((r: { name: string }) => r.name)).toEqual(['A. Datum'])
  })

  it('reports errors for bad XML, unknown entities, attributes and operators', async () => {
    const { call } = makeEmulator()
    const bad = async (set: string, xml: string) => {
      const res = await call('GET', fetch(set, xml))
      expect(res.status).toBe(400)
      return res.json.error
    }
    expect((await bad('accounts', '<fetch><entity name="account">')).message).toMatch(/Invalid FetchXML/)
    expect((await bad('accounts', `<fetch><entity name='widget'/></fetch>`)).message).toBe(
      "The entity with a name = 'widget' with namemapping = 'Logical' was not found in the MetadataCache.",
    )
    expect(
      (await bad('accounts', `<fetch><entity name='account'><attribute name='nope'/></entity></fetch>`)).message,
    ).toBe("'account' entity doesn't contain attribute with Name = 'nope' and NameMapping = 'Logical'.")
    expect(
      (
        await bad(
          'accounts',
          `<fetch><entity name='account'><filter><condition attribute='name' operator='sounds-like' value='x'/></filter></entity></fetch>`,
        )
      ).message,
    ).toMatch(/sounds-like/)
    expect(
      (
        await bad(
          'accounts',
          `<fetch><entity name='account'><filter><condition attribute='numberofemployees' operator='eq' value='many'/></filter></entity></fetch>`,
        )
      ).message,
    ).toMatch(/System.Int32/)
    expect((await bad('accounts', `<fetch top='2' count='2'><entity name='account'/></fetch>`)).message).toMatch(/top/)
    expect(
      (
        await bad(
          'accounts',
          `<fetch aggregate='true'><entity name='account'><attribute name='revenue' aggregate='sum'/></entity></fetch>`,
        )
      ).message,
    ).toMatch(/alias/)
    expect((await bad('contacts', `<fetch><entity name='account'/></fetch>`)).message).toMatch(/doesn't match/)
  })
})
