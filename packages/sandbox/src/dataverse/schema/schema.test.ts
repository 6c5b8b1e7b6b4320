import { describe, expect, it } from 'vitest'
import { getAttribute, getTable, manyToOne, oneToMany, standardSchema } from './index.js'

const { tables, relationships } = standardSchema

describe('standardSchema', () => {
  it('has unique logical names, entity set names and relationship schema names', () => {
    const unique = (xs: string[]) => new Set(xs).size === xs.length
    expect(unique(tables.map((t) => t.logicalName))).toBe(true)
    expect(unique(tables.map((t) => t.entitySetName))).toBe(true)
    expect(unique(relationships.map((r) => r.schemaName))).toBe(true)
  })

  it('gives every table its primary id, primary name and audit columns', () => {
    for (const t of tables) {
      expect(getAttribute(t, t.primaryIdAttribute)?.type, t.logicalName).toBe('Uniqueidentifier')
      expect(getAttribute(t, t.primaryNameAttribute)?.type, t.logicalName).toMatch(/^(String|Memo)$/)
      for (const c of ['createdon', 'modifiedon']) {
        expect(getAttribute(t, c)?.isValidForCreate, `${t.logicalName}.${c}`).toBe(false)
      }
      expect(getAttribute(t, 'versionnumber')?.type).toBe('BigInt')
      if (t.ownershipType === 'UserOwned') expect(getAttribute(t, 'ownerid')?.type).toBe('Owner')
    }
  })

  it('ties every status reason to an existing state', () => {
    for (const t of tables) {
      const state = getAttribute(t, 'statecode')
      const status = getAttribute(t, 'statuscode')
      if (!state) continue
      const states = new Set(state.options!.map((o) => o.value))
      for (const o of status!.options!) expect(states.has(o.state!), `${t.logicalName} ${o.label}`).toBe(true)
      for (const s of states) expect(status!.options!.some((o) => o.state === s)).toBe(true)
    }
  })

  it('has a relationship for every lookup target, pointing at real tables and attributes', () => {
    const names = new Set(tables.map((t) => t.logicalName))
    for (const t of tables) {
      for (const a of t.attributes) {
        if (a.type !== 'Lookup' && a.type !== 'Customer') continue
        for (const target of a.targets!) {
          expect(names.has(target), `${t.logicalName}.${a.logicalName} → ${target}`).toBe(true)
          const hits = relationships.filter(
            (r) =>
              r.referencingEntity === t.logicalName &&
              r.referencingAttribute === a.logicalName &&
              r.referencedEntity === target,
          )
          expect(hits.length, `${t.logicalName}.${a.logicalName} → ${target}`).toBe(1)
        }
      }
    }
    for (const r of relationships) {
      expect(r.referencedAttribute).toBe(getTable(standardSchema, r.referencedEntity).primaryIdAttribute)
      expect(getAttribute(getTable(standardSchema, r.referencingEntity), r.referencingAttribute)).toBeDefined()
    }
  })

  it('uses the product names for the relationships clients are written against', () => {
    const nav = (schemaName: string) => relationships.find((r) => r.schemaName === schemaName)
    expect(nav('contact_customer_accounts')?.referencingEntityNavigationPropertyName).toBe('parentcustomerid_account')
    expect(nav('account_primary_contact')?.referencingEntityNavigationPropertyName).toBe('primarycontactid')
    expect(nav('incident_customer_accounts')?.referencingEntityNavigationPropertyName).toBe('customerid_account')
    expect(nav('Incident_Emails')?.referencingEntityNavigationPropertyName).toBe('regardingobjectid_incident_email')
    expect(nav('Lead_Tasks')?.referencingEntityNavigationPropertyName).toBe('regardingobjectid_lead_task')
    expect(nav('lead_owning_user')?.referencingEntityNavigationPropertyName).toBe('owninguser')
    expect(nav('Account_Annotation')?.referencingEntityNavigationPropertyName).toBe('objectid_account')
    expect(manyToOne(standardSchema, 'lead').length).toBeGreaterThan(8)
    expect(oneToMany(standardSchema, 'account').map((r) => r.schemaName)).toContain('opportunity_customer_accounts')
  })

  it('marks the searchable tables and the custom profile table', () => {
    const searchable = tables.filter((t) => t.searchEnabled).map((t) => t.logicalName)
    expect(searchable.sort()).toEqual(['account', 'contact', 'incident', 'knowledgearticle', 'lead'])
    expect(getTable(standardSchema, 'bizmcp_idealcustomerprofile').isCustomEntity).toBe(true)
    expect(() => getTable(standardSchema, 'nosuchtable')).toThrow(/nosuchtable/)
  })
})
