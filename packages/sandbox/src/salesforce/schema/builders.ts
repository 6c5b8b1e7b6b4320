// Short constructors for field definitions, so the object files read like a field list.
import type { FieldDef, FieldType, ObjectDef, PicklistValue } from './types.js'

type Extra = Partial<Omit<FieldDef, 'name' | 'type'>>

const labelOf = (name: string) =>
  name
    .replace(/Id$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()

export function field(name: string, type: FieldType, extra: Extra = {}): FieldDef {
  return { name, label: extra.label ?? labelOf(name), type, ...extra }
}

export const text = (name: string, length = 255, extra: Extra = {}) => field(name, 'string', { length, ...extra })
export const longText = (name: string, extra: Extra = {}) => field(name, 'textarea', { length: 32000, ...extra })
export const email = (name: string, extra: Extra = {}) => field(name, 'email', { length: 80, ...extra })
export const phone = (name: string, extra: Extra = {}) => field(name, 'phone', { length: 40, ...extra })
export const url = (name: string, extra: Extra = {}) => field(name, 'url', { length: 255, ...extra })
export const currency = (name: string, extra: Extra = {}) =>
  field(name, 'currency', { precision: 18, scale: 2, ...extra })
export const percent = (name: string, extra: Extra = {}) => field(name, 'percent', { precision: 3, scale: 0, ...extra })
export const double = (name: string, extra: Extra = {}) => field(name, 'double', { precision: 18, scale: 2, ...extra })
export const int = (name: string, extra: Extra = {}) => field(name, 'int', { precision: 8, ...extra })
export const date = (name: string, extra: Extra = {}) => field(name, 'date', extra)
export const datetime = (name: string, extra: Extra = {}) => field(name, 'datetime', extra)
export const bool = (name: string, defaultValue = false, extra: Extra = {}) =>
  field(name, 'boolean', { nillable: false, defaultedOnCreate: true, defaultValue, ...extra })

export function picklist(name: string, values: Array<string | PicklistValue>, extra: Extra = {}): FieldDef {
  const picklistValues = values.map((v) => (typeof v === 'string' ? { value: v } : v))
  return field(name, 'picklist', { length: 255, picklistValues, ...extra })
}

/** A lookup: `relationshipName` names the parent in SOQL, `childRelationshipName` the children. */
export function ref(
  name: string,
  referenceTo: string | string[],
  relationshipName: string,
  childRelationshipName?: string,
  extra: Extra = {},
): FieldDef {
  return field(name, 'reference', {
    length: 18,
    referenceTo: Array.isArray(referenceTo) ? referenceTo : [referenceTo],
    relationshipName,
    ...(childRelationshipName ? { childRelationshipName } : {}),
    ...extra,
  })
}

/** Read-only to clients: the platform sets it. */
export const readOnly: Extra = { createable: false, updateable: false }

/** Fields every object has; owned objects also get OwnerId. */
export function systemFields(owned: boolean): FieldDef[] {
  const audit: Extra = { ...readOnly, nillable: false, defaultedOnCreate: true }
  return [
    field('Id', 'id', { label: 'Record ID', length: 18, ...audit }),
    ...(owned
      ? [ref('OwnerId', 'User', 'Owner', undefined, { label: 'Owner ID', nillable: false, defaultedOnCreate: true })]
      : []),
    bool('IsDeleted', false, { label: 'Deleted', ...readOnly }),
    datetime('CreatedDate', { ...audit }),
    ref('CreatedById', 'User', 'CreatedBy', undefined, { label: 'Created By ID', ...audit }),
    datetime('LastModifiedDate', { ...audit }),
    ref('LastModifiedById', 'User', 'LastModifiedBy', undefined, { label: 'Last Modified By ID', ...audit }),
    datetime('SystemModstamp', { label: 'System Modstamp', ...audit }),
  ]
}

/** The compound Name of people (User, Contact, Lead), built from FirstName and LastName. */
export const personName = () =>
  text('Name', 121, { label: 'Full Name', ...readOnly, calculated: true, nameField: true })

export function object(
  name: string,
  keyPrefix: string,
  labelPlural: string,
  fields: FieldDef[],
  options: { owned?: boolean; label?: string } & Partial<
    Pick<ObjectDef, 'createable' | 'updateable' | 'deletable'>
  > = {},
): ObjectDef {
  const { owned = false, label = labelOf(name), ...flags } = options
  return { name, label, labelPlural, keyPrefix, fields: [...systemFields(owned), ...fields], ...flags }
}
