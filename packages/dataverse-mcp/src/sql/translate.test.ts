import { ToolError } from '@bizmcp/core'
import { describe, expect, it } from 'vitest'
import { fixtureTables } from './fixture.test-support.js'
import { translateSql } from './translate.js'

const xml = async (sql: string) => (await translateSql(sql, fixtureTables)).fetchXml

async function refusal(sql: string): Promise<ToolError> {
  try {
    await translateSql(sql, fixtureTables)
  } catch (error) {
    if (error instanceof ToolError) return error
    throw error
  }
  throw new Error(`expected a refusal for: ${sql}`)
}

describe('translateSql: supported SQL', () => {
  it('columns, aliases and entity set names', async () => {
    const t = await translateSql('SELECT name AS n, revenue, primarycontactid FROM accounts', fixtureTables)
    expect(t.fetchXml).toBe(
      '<fetch><entity name="account"><attribute name="name" /><attribute name="revenue" /><attribute name="primarycontactid" /></entity></fetch>',
    )
    expect(t.entitySetName).toBe('accounts')
    expect(t.columns.map((c) => [c.name, c.key, c.type])).toEqual([
      ['n', 'name', 'String'],
      ['revenue', 'revenue', 'Money'],
      ['primarycontactid', '_primarycontactid_value', 'Lookup'],
    ])
  })

  it('* selects all columns of the table', async () => {
    const t = await translateSql('SELECT * FROM account', fixtureTables)
    expect(t.fetchXml).toBe('<fetch><entity name="account"><all-attributes /></entity></fetch>')
    expect(t.columns.map((c) => c.name)).toContain('accountid')
    expect(t.columns.find((c) => c.name === 'ownerid')?.key).toBe('_ownerid_value')
  })

  it('TOP and DISTINCT', async () => {
    expect(await xml('SELECT DISTINCT TOP 10 address1_city FROM account')).toBe(
      '<fetch top="10" distinct="true"><entity name="account"><attribute name="address1_city" /></entity></fetch>',
    )
  })

  it('comparisons, AND/OR and parentheses', async () => {
    expect(
      await xml(
        "SELECT name FROM account WHERE (revenue >= 1000000 OR numberofemployees < 50) AND name <> 'x' AND 5 < numberofemployees AND name != 'y'",
      ),
    ).toBe(
      '<fetch><entity name="account"><attribute name="name" /><filter><filter type="or"><condition attribute="revenue" operator="ge" value="1000000" /><condition attribute="numberofemployees" operator="lt" value="50" /></filter><condition attribute="name" operator="ne" value="x" /><condition attribute="numberofemployees" operator="gt" value="5" /><condition attribute="name" operator="ne" value="y" /></filter></entity></fetch>',
    )
  })

  it('NOT is pushed down (De Morgan, negated operators)', async () => {
    expect(await xml('SELECT name FROM account WHERE NOT (revenue > 5 OR name IS NULL)')).toBe(
      '<fetch><entity name="account"><attribute name="name" /><filter><condition attribute="revenue" operator="le" value="5" /><condition attribute="name" operator="not-null" /></filter></entity></fetch>',
    )
    expect(await xml("SELECT name FROM account WHERE NOT name LIKE 'A%' OR name = 'B'")).toContain(
      '<filter type="or"><filter><condition attribute="name" operator="not-like" value="A%" /><condition attribute="name" operator="not-null" /></filter><condition attribute="name" operator="eq" value="B" /></filter>',
    )
  })

  it('LIKE / NOT LIKE keep % and _', async () => {
    expect(await xml("SELECT name FROM account WHERE name LIKE 'Con_oso%'")).toContain(
      '<condition attribute="name" operator="like" value="Con_oso%" />',
    )
    expect(await xml("SELECT name FROM account WHERE name NOT LIKE '%Ltd'")).toContain(
      '<filter><condition attribute="name" operator="not-like" value="%Ltd" /><condition attribute="name" operator="not-null" /></filter>',
    )
  })

  it('IN / NOT IN, BETWEEN, IS [NOT] NULL', async () => {
    expect(
      await xml(
        "SELECT name FROM account WHERE address1_city IN ('Paris', 'O''Hare') AND industrycode NOT IN (1, 2) AND createdon BETWEEN '2024-01-01' AND '2024-12-31' AND fax IS NULL AND websiteurl IS NOT NULL",
      ),
    ).toBe(
      '<fetch><entity name="account"><attribute name="name" /><filter><condition attribute="address1_city" operator="in"><value>Paris</value><value>O&apos;Hare</value></condition><condition attribute="industrycode" operator="not-in"><value>1</value><value>2</value></condition><condition attribute="createdon" operator="between"><value>2024-01-01</value><value>2024-12-31</value></condition><condition attribute="fax" operator="null" /><condition attribute="websiteurl" operator="not-null" /></filter></entity></fetch>',
    )
  })

  it('typed values: choice labels, booleans, GUIDs', async () => {
    const t = await xml(
      "SELECT fullname FROM lead WHERE statecode = 'Open' AND decisionmaker = 1 AND ownerid = '{6C9F1E2A-0000-4000-8000-000000000001}'",
    )
    expect(t).toContain('<condition attribute="statecode" operator="eq" value="0" />')
    expect(t).toContain('<condition attribute="decisionmaker" operator="eq" value="1" />')
    expect(t).toContain('<condition attribute="ownerid" operator="eq" value="6c9f1e2a-0000-4000-8000-000000000001" />')
  })

  it('INNER and LEFT JOIN on lookups, multi-hop, with conditions on joined tables', async () => {
    const t = await translateSql(
      "SELECT l.fullname, a.name AS account, u.fullname AS owner FROM lead l JOIN account a ON l.parentaccountid = a.accountid LEFT JOIN systemuser u ON a.ownerid = u.systemuserid WHERE u.fullname LIKE 'A%'",
      fixtureTables,
    )
    expect(t.fetchXml).toBe(
      '<fetch><entity name="lead"><attribute name="fullname" /><filter><condition entityname="u" attribute="fullname" operator="like" value="A%" /></filter><link-entity name="account" from="accountid" to="parentaccountid" link-type="inner" alias="a"><attribute name="name" /><link-entity name="systemuser" from="systemuserid" to="ownerid" link-type="outer" alias="u"><attribute name="fullname" /></link-entity></link-entity></entity></fetch>',
    )
    expect(t.columns.map((c) => [c.name, c.key, c.table])).toEqual([
      ['fullname', 'fullname', 'lead'],
      ['account', 'a.name', 'account'],
      ['owner', 'u.fullname', 'systemuser'],
    ])
  })

  it('joins in the one-to-many direction and extra ON conditions', async () => {
    expect(
      await xml(
        'SELECT a.name, c.fullname FROM account a LEFT OUTER JOIN contact c ON c.parentcustomerid = a.accountid AND c.statecode = 0',
      ),
    ).toBe(
      '<fetch><entity name="account"><attribute name="name" /><link-entity name="contact" from="parentcustomerid" to="accountid" link-type="outer" alias="c"><attribute name="fullname" /><filter><condition attribute="statecode" operator="eq" value="0" /></filter></link-entity></entity></fetch>',
    )
  })

  it('selecting only joined columns keeps the root from returning every column', async () => {
    expect(await xml('SELECT u.fullname FROM lead l JOIN systemuser u ON l.ownerid = u.systemuserid')).toContain(
      '<entity name="lead"><attribute name="leadid" />',
    )
  })

  it('DISTINCT over joined columns only becomes a group by', async () => {
    expect(await xml('SELECT DISTINCT u.fullname FROM lead l JOIN systemuser u ON l.ownerid = u.systemuserid')).toBe(
      '<fetch aggregate="true"><entity name="lead"><link-entity name="systemuser" from="systemuserid" to="ownerid" link-type="inner" alias="u"><attribute name="fullname" alias="fullname" groupby="true" /></link-entity></entity></fetch>',
    )
  })

  it('GROUP BY with COUNT(*), COUNT(col), COUNT(DISTINCT col), SUM, AVG, MIN, MAX', async () => {
    const t = await translateSql(
      'SELECT u.fullname AS owner, COUNT(*) AS leads, COUNT(l.companyname), COUNT(DISTINCT l.address1_city) cities, SUM(l.estimatedamount) AS total, AVG(l.numberofemployees), MIN(l.createdon), MAX(l.revenue) FROM lead l JOIN systemuser u ON l.ownerid = u.systemuserid GROUP BY u.fullname ORDER BY total DESC',
      fixtureTables,
    )
    expect(t.fetchXml).toBe(
      '<fetch aggregate="true"><entity name="lead"><attribute name="leadid" alias="leads" aggregate="count" /><attribute name="companyname" alias="count_companyname" aggregate="countcolumn" /><attribute name="address1_city" alias="cities" aggregate="countcolumn" distinct="true" /><attribute name="estimatedamount" alias="total" aggregate="sum" /><attribute name="numberofemployees" alias="avg_numberofemployees" aggregate="avg" /><attribute name="createdon" alias="min_createdon" aggregate="min" /><attribute name="revenue" alias="max_revenue" aggregate="max" /><order alias="total" descending="true" /><link-entity name="systemuser" from="systemuserid" to="ownerid" link-type="inner" alias="u"><attribute name="fullname" alias="fullname" groupby="true" /></link-entity></entity></fetch>',
    )
    expect(t.columns.map((c) => [c.name, c.key, c.type])).toEqual([
      ['owner', 'fullname', 'String'],
      ['leads', 'leads', 'Integer'],
      ['count_companyname', 'count_companyname', 'Integer'],
      ['cities', 'cities', 'Integer'],
      ['total', 'total', 'Money'],
      ['avg_numberofemployees', 'avg_numberofemployees', 'Double'],
      ['min_createdon', 'min_createdon', 'DateTime'],
      ['max_revenue', 'max_revenue', 'Money'],
    ])
  })

  it('aggregates without GROUP BY; ORDER BY an aggregate expression or a grouped column', async () => {
    expect(await xml('SELECT COUNT(*) FROM lead')).toBe(
      '<fetch aggregate="true"><entity name="lead"><attribute name="leadid" alias="count" aggregate="count" /></entity></fetch>',
    )
    const t = await xml(
      'SELECT leadsourcecode, COUNT(*) n FROM lead GROUP BY leadsourcecode ORDER BY COUNT(*) DESC, leadsourcecode',
    )
    expect(t).toContain('<order alias="n" descending="true" /><order alias="leadsourcecode" />')
    expect(t).toContain('useraworderby="true"')
  })

  it('ORDER BY columns, aliases, positions and joined columns', async () => {
    expect(await xml('SELECT name AS n, revenue FROM account ORDER BY n, 2 DESC')).toContain(
      '<order attribute="name" /><order attribute="revenue" descending="true" />',
    )
    expect(
      await xml(
        'SELECT a.name, u.fullname FROM account a JOIN systemuser u ON a.ownerid = u.systemuserid ORDER BY a.name, u.fullname',
      ),
    ).toContain(
      '<order attribute="name" /><link-entity name="systemuser" from="systemuserid" to="ownerid" link-type="inner" alias="u"><attribute name="fullname" /><order attribute="fullname" />',
    )
    // a joined column first: FetchXML would apply it last, so it moves to the entity with entityname
    expect(
      await xml(
        'SELECT a.name, u.fullname FROM account a JOIN systemuser u ON a.ownerid = u.systemuserid ORDER BY u.fullname DESC, a.name',
      ),
    ).toContain('<order entityname="u" attribute="fullname" descending="true" /><order attribute="name" />')
  })

  it('OFFSET/FETCH: FETCH NEXT alone is top; OFFSET is skipped after fetching', async () => {
    const first = await translateSql(
      'SELECT name FROM account ORDER BY name OFFSET 0 ROWS FETCH NEXT 20 ROWS ONLY',
      fixtureTables,
    )
    expect(first.fetchXml).toContain('<fetch top="20">')
    const later = await translateSql(
      'SELECT name FROM account ORDER BY name OFFSET 40 ROWS FETCH NEXT 20 ROWS ONLY',
      fixtureTables,
    )
    expect(later.fetchXml).toMatch(/^<fetch>/)
    expect(later.paging).toEqual({ skip: 40, want: 20 })
  })

  it('TOP above 5000 leaves paging to the client', async () => {
    const t = await translateSql('SELECT TOP 12000 name FROM account', fixtureTables)
    expect(t.fetchXml).toMatch(/^<fetch>/)
    expect(t.paging).toEqual({ skip: 0, want: 12000 })
  })

  it('accepts [brackets], dbo., _x_value and case-insensitive names', async () => {
    expect(await xml("SELECT [Name], _PrimaryContactId_value FROM dbo.[Account] WHERE [Name] = N'A'")).toBe(
      '<fetch><entity name="account"><attribute name="name" /><attribute name="primarycontactid" /><filter><condition attribute="name" operator="eq" value="A" /></filter></entity></fetch>',
    )
  })

  it('escapes XML in values', async () => {
    expect(await xml('SELECT name FROM account WHERE name = \'A & B <C> "D"\'')).toContain(
      'value="A &amp; B &lt;C&gt; &quot;D&quot;"',
    )
  })
})

describe('translateSql: refusals name the construct and the alternative', () => {
  const cases: Array<[string, string, RegExp, RegExp?]> = [
    ["INSERT INTO account (name) VALUES ('x')", 'Unsupported', /INSERT/, /create_record/],
    ["UPDATE account SET name = 'x'", 'Unsupported', /UPDATE/, /update_record/],
    ['DELETE FROM account', 'Unsupported', /DELETE/, /delete_record/],
    ['DROP TABLE account', 'Unsupported', /DROP/, /delete_table/],
    ['EXEC sp_who', 'Unsupported', /EXEC/],
    ['SELECT name FROM account; DELETE FROM account', 'Unsupported', /one statement.*2/],
    ['WITH x AS (SELECT name FROM account) SELECT * FROM x', 'Unsupported', /Common table expressions/, /Inline/],
    ['SELECT name FROM account UNION SELECT fullname FROM contact', 'Unsupported', /UNION/],
    [
      'SELECT name FROM account WHERE accountid IN (SELECT parentcustomerid FROM contact)',
      'Unsupported',
      /Subqueries/,
      /JOIN/,
    ],
    ['SELECT name FROM account WHERE EXISTS (SELECT 1 FROM contact)', 'Unsupported', /Subqueries/],
    ['SELECT n FROM (SELECT name AS n FROM account) x', 'Unsupported', /Subqueries/],
    ['SELECT name, COUNT(*) FROM account GROUP BY name HAVING COUNT(*) > 1', 'Unsupported', /HAVING/, /WHERE/],
    [
      'SELECT a.name FROM account a RIGHT JOIN contact c ON a.primarycontactid = c.contactid',
      'Unsupported',
      /RIGHT JOIN/,
    ],
    [
      'SELECT a.name FROM account a FULL OUTER JOIN contact c ON a.primarycontactid = c.contactid',
      'Unsupported',
      /FULL OUTER JOIN/,
    ],
    ['SELECT a.name FROM account a CROSS JOIN contact c', 'Unsupported', /CROSS JOIN/],
    ['SELECT a.name FROM account a, contact c', 'Unsupported', /comma-separated/],
    ['SELECT UPPER(name) FROM account', 'Unsupported', /UPPER\(\)/],
    ['SELECT name FROM account WHERE LEN(name) > 3', 'Unsupported', /LEN\(\)/],
    ['SELECT revenue * 2 FROM account', 'Unsupported', /Arithmetic/],
    ["SELECT STRING_AGG(name, ',') FROM account", 'Unsupported', /STRING_AGG/],
    ['SELECT name FROM account LIMIT 10', 'Unsupported', /LIMIT/, /TOP/],
    ['SELECT TOP 10 PERCENT name FROM account', 'Unsupported', /PERCENT/],
    ['SELECT name FROM account WHERE revenue > numberofemployees', 'Unsupported', /Comparing two columns/],
    ['SELECT name FROM acount', 'NotFound', /acount.*account/],
    ['SELECT nmae FROM account', 'InvalidInput', /'nmae'.*'name'/],
    ["SELECT name FROM account WHERE numberofemployees = 'ten'", 'InvalidInput', /'ten'.*Integer/, /whole number/],
    ['SELECT name FROM account WHERE name = 5', 'InvalidInput', /5.*String/, /quoted string/],
    ["SELECT name FROM account WHERE createdon > 'yesterday'", 'InvalidInput', /DateTime/, /ISO date/],
    ["SELECT name FROM account WHERE primarycontactid = 'abc'", 'InvalidInput', /Lookup/, /GUID/],
    ["SELECT name FROM account WHERE industrycode = 'Nonsense'", 'InvalidInput', /choice column/, /Accounting/],
    ['SELECT name FROM account WHERE revenue LIKE 5', 'InvalidInput', /LIKE needs a text column/],
    ['SELECT name FROM account WHERE fax = NULL', 'InvalidInput', /NULL/, /IS NULL/],
    ['SELECT name, COUNT(*) FROM account', 'InvalidInput', /neither grouped nor aggregated/, /GROUP BY/],
    ['SELECT name, revenue FROM account GROUP BY name', 'InvalidInput', /revenue.*neither grouped/],
    ['SELECT SUM(name) FROM account', 'InvalidInput', /needs a number column/],
    ['SELECT * FROM account GROUP BY name', 'Unsupported', /SELECT \*/],
    [
      'SELECT a.name FROM account a JOIN contact c ON a.name = c.fullname',
      'InvalidInput',
      /not a lookup relationship/,
      /a\.primarycontactid = c\.contactid/,
    ],
    [
      'SELECT a.name FROM account a JOIN campaign c ON a.accountid = c.campaignid',
      'InvalidInput',
      /not a lookup relationship/,
      /no lookup column/,
    ],
    [
      'SELECT statecode FROM account a JOIN contact c ON a.primarycontactid = c.contactid',
      'InvalidInput',
      /ambiguous/,
      /a\.statecode or c\.statecode/,
    ],
    [
      'SELECT name FROM account ORDER BY name OFFSET 100000 ROWS FETCH NEXT 10 ROWS ONLY',
      'Unsupported',
      /paging limit/,
    ],
    ['SELECT name FROM account OFFSET 10 ROWS FETCH NEXT 10 ROWS ONLY', 'InvalidInput', /needs ORDER BY/],
    ['SELECT name FROM account WHERE name = @p', 'Unsupported', /@p/],
    ['SELECT COUNT(*) OVER () FROM account', 'Unsupported', /window/],
    ['SELEC name FROM account', 'Unsupported', /SELEC/],
    ['SELECT "name" FROM account', 'Unsupported', /Literal values/, /\[brackets\]/],
    [
      'SELECT a.name FROM account a JOIN contact c ON a.primarycontactid = c.contactid AND a.statecode = 0',
      'Unsupported',
      /ON clause of 'c'/,
      /WHERE/,
    ],
    ['SELECT name FROM account WHERE', 'InvalidInput', /could not be parsed/],
  ]
  for (const [sql, code, message, fix] of cases) {
    it(sql, async () => {
      const error = await refusal(sql)
      expect(error.code).toBe(code)
      expect(error.message).toMatch(message)
      if (fix) expect(error.fix).toMatch(fix)
      expect(error.fix.length).toBeGreaterThan(0)
    })
  }
})
