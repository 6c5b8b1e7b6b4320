// Names and labels in metadata payloads: schema-name rules, Label values, entity set names.

import { badRequest, DataverseError, ErrorCodes } from '../errors.js'

export type ComponentType = 'Entity' | 'Attribute' | 'Relationship'

const SCHEMA_NAME = /^[A-Za-z][A-Za-z0-9_]*$/
/** a publisher prefix is 2–8 letters or digits starting with a letter, followed by `_` */
const PREFIXED = /^[A-Za-z][A-Za-z0-9]{1,7}_[A-Za-z0-9]/

const invalidPrefix = (name: string, type: ComponentType) =>
  badRequest(
    ErrorCodes.invalidNamePrefix,
    `The schema name ${name} for type ${type} is invalid or missing.Custom attribute, entity, entitykey, option set and relationship names must start with a valid customization prefix.The prefix for a solution component should match the prefix that is specified for the publisher of the solution.`,
  )

/** Checks a new component's schema name; returns it. */
export function checkSchemaName(value: unknown, type: ComponentType): string {
  if (typeof value !== 'string' || value === '') throw invalidPrefix(String(value ?? ''), type)
  if (!SCHEMA_NAME.test(value) || value.includes('__')) {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `The schema name ${value} for type ${type} is invalid. A schema name must start with a letter and contain only letters, digits and single underscores.`,
    )
  }
  if (!PREFIXED.test(value) || value.toLowerCase().startsWith('mscrm_')) throw invalidPrefix(value, type)
  return value
}

interface LocalizedLabelInput {
  Label?: unknown
  LanguageCode?: unknown
}

/** The text of a Label ({ LocalizedLabels: [...] }), preferring English (1033). */
export function labelText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const labels = (value as { LocalizedLabels?: unknown }).LocalizedLabels
  if (!Array.isArray(labels)) return undefined
  const usable = labels.filter(
    (l): l is LocalizedLabelInput & { Label: string } =>
      typeof l === 'object' && l !== null && typeof (l as LocalizedLabelInput).Label === 'string',
  )
  return (usable.find((l) => l.LanguageCode === 1033) ?? usable[0])?.Label
}

export function requireLabel(value: unknown, property: string, owner: string): string {
  const text = labelText(value)
  if (text === undefined || text.trim() === '') {
    throw badRequest(
      ErrorCodes.invalidArgument,
      `${property} is required for ${owner}: give it a Label with LocalizedLabels.`,
    )
  }
  return text
}

/** English plural of a logical name, as Dataverse forms entity set names (new_category → new_categories). */
export function pluralize(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/.test(name)) return `${name}es`
  return `${name}s`
}

export const notSupported = (message: string) => new DataverseError(400, ErrorCodes.notSupported, message)
