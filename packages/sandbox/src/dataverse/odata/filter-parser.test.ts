import { describe, expect, it } from 'vitest'
import { parseFilter } from './filter-parser.js'
import { parseApply, parseExpand, parseOrderBy } from './query-options.js'

describe('filter parser', () => {
  it('gives and precedence over or and honours parentheses', () => {
    const node = parseFilter("a eq 1 or b eq 'x' and not (c ne null)")
    expect(node.kind).toBe('or')
    if (node.kind !== 'or') return
    expect(node.right.kind).toBe('and')
  })

  it('parses literals: strings with quotes, guids, dates, numbers, booleans', () => {
    const node = parseFilter(
      "name eq 'O''Neil' and _x_value eq 6a3f62b5-8b2c-4b1e-9a6e-08f0a6f3c0de and createdon ge 2024-01-31T10:00:00Z and revenue gt 1.5 and flag eq true",
    )
    expect(JSON.stringify(node)).toContain('"value":"O\'Neil"')
    expect(JSON.stringify(node)).toContain('"kind":"guid"')
    expect(JSON.stringify(node)).toContain('"kind":"datetime"')
  })

  it('parses query functions with named and array arguments', () => {
    const node = parseFilter("Microsoft.Dynamics.CRM.In(PropertyName='industrycode',PropertyValues=['1','3'])")
    expect(node).toEqual({
      kind: 'function',
      name: 'In',
      args: {
        PropertyName: { kind: 'literal', value: { kind: 'string', value: 'industrycode' } },
        PropertyValues: {
          kind: 'array',
          items: [
            { kind: 'string', value: '1' },
            { kind: 'string', value: '3' },
          ],
        },
      },
    })
  })

  it('parses lambdas', () => {
    expect(parseFilter("contacts/any(c:c/fullname eq 'x')")).toMatchObject({
      kind: 'lambda',
      quantifier: 'any',
      navigation: 'contacts',
      variable: 'c',
    })
  })

  it('rejects malformed expressions', () => {
    expect(() => parseFilter("name eq 'unterminated")).toThrow(/unterminated/)
    expect(() => parseFilter('name equals 1')).toThrow(/comparison operator/)
    expect(() => parseFilter('(name eq 1')).toThrow(/'\)' expected/)
    expect(() => parseFilter('name eq 1 1')).toThrow(/unexpected text/)
    expect(() => parseFilter('frobnicate(name)')).toThrow(/unknown function/)
    expect(() => parseFilter('name eq #')).toThrow(/not valid/)
  })
})

describe('query option parsers', () => {
  it('parses $orderby', () => {
    expect(parseOrderBy('name desc, revenue')).toEqual([
      { property: 'name', descending: true },
      { property: 'revenue', descending: false },
    ])
    expect(() => parseOrderBy('name sideways')).toThrow()
  })

  it('parses nested $expand options', () => {
    expect(parseExpand("a($select=x,y;$filter=x eq 'a,b';$top=2),b")).toMatchObject([
      { navigation: 'a', select: ['x', 'y'], top: 2 },
      { navigation: 'b' },
    ])
    expect(() => parseExpand('a($skip=1)')).toThrow()
  })

  it('parses $apply', () => {
    expect(
      parseApply('filter(name ne null)/groupby((industrycode),aggregate(revenue with sum as total,$count as n))'),
    ).toMatchObject([
      { kind: 'filter' },
      {
        kind: 'groupby',
        properties: ['industrycode'],
        aggregates: [
          { property: 'revenue', method: 'sum', alias: 'total' },
          { method: 'count', alias: 'n' },
        ],
      },
    ])
    expect(() => parseApply('groupby((a),aggregate(b with median as m))')).toThrow()
    expect(() => parseApply('pivot(a)')).toThrow()
  })
})
