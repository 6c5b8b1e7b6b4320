// Instance annotations requested with `Prefer: odata.include-annotations=…`, and formatted values.

import type { AttributeDefinition } from './schema/types.js'

export const FORMATTED = 'OData.Community.Display.V1.FormattedValue'
export const LOOKUP_LOGICAL_NAME = 'Microsoft.Dynamics.CRM.lookuplogicalname'
export const ASSOCIATED_NAVIGATION = 'Microsoft.Dynamics.CRM.associatednavigationproperty'

/** A predicate for annotation names from the preference value (`*`, `ns.*`, names, `-excluded`). */
export function annotationMatcher(preference: string | undefined): (name: string) => boolean {
  if (!preference) return () => false
  const terms = preference
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  const matches = (term: string, name: string) =>
    term === '*' || term === name || (term.endsWith('.*') && name.startsWith(term.slice(0, -1)))
  return (name) => {
    if (terms.some((t) => t.startsWith('-') && matches(t.slice(1), name))) return false
    return terms.some((t) => !t.startsWith('-') && matches(t, name))
  }
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

function decimal(precision: number) {
  return new Intl.NumberFormat('en-US', { minimumFractionDigits: precision, maximumFractionDigits: precision })
}

function dateTime(value: string, dateOnly: boolean): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
  const d = `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${date.getUTCFullYear()}`
  if (dateOnly) return d
  const h = date.getUTCHours()
  const m = String(date.getUTCMinutes()).padStart(2, '0')
  return `${d} ${h % 12 === 0 ? 12 : h % 12}:${m} ${h < 12 ? 'AM' : 'PM'}`
}

/** The display text Dataverse gives a value (UTC, en-US), or undefined when it gives none. */
export function formatValue(attr: AttributeDefinition, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined
  switch (attr.type) {
    case 'Picklist':
    case 'State':
    case 'Status':
      return attr.options?.find((o) => o.value === value)?.label ?? String(value)
    case 'Boolean': {
      const n = value === true ? 1 : 0
      return attr.options?.find((o) => o.value === n)?.label ?? (n ? 'Yes' : 'No')
    }
    case 'Money':
      return money.format(Number(value))
    case 'Integer':
    case 'BigInt':
      return integer.format(Number(value))
    case 'Decimal':
    case 'Double':
      return decimal(attr.precision ?? 2).format(Number(value))
    case 'DateTime':
      return dateTime(String(value), attr.dateFormat === 'DateOnly')
    default:
      return undefined
  }
}
