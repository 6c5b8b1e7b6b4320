// Small builders so that the entity catalogue reads as a table of fields.
import type { ErpField } from '../model.js'

type Options = Pick<ErpField, 'mandatory' | 'readOnly' | 'label'>

export const str = (
  name: string,
  maxLength: number,
  label: string,
  options: Omit<Options, 'label'> = {},
): ErpField => ({
  name,
  type: 'String',
  maxLength,
  label,
  ...options,
})

export const dec = (name: string, label: string, options: Omit<Options, 'label'> = {}): ErpField => ({
  name,
  type: 'Decimal',
  label,
  ...options,
})

export const int = (name: string, label: string, options: Omit<Options, 'label'> = {}): ErpField => ({
  name,
  type: 'Int32',
  label,
  ...options,
})

export const int64 = (name: string, label: string, options: Omit<Options, 'label'> = {}): ErpField => ({
  name,
  type: 'Int64',
  label,
  ...options,
})

/** F&O's date fields are Edm.DateTimeOffset at 12:00 UTC on the day; 1900-01-01 stands for "no date". */
export const date = (name: string, label: string, options: Omit<Options, 'label'> = {}): ErpField => ({
  name,
  type: 'DateTimeOffset',
  label,
  ...options,
})

export const guid = (name: string, label: string, options: Omit<Options, 'label'> = {}): ErpField => ({
  name,
  type: 'Guid',
  label,
  ...options,
})

export const enumField = (
  name: string,
  enumType: string,
  label: string,
  options: Omit<Options, 'label'> = {},
): ErpField => ({ name, type: 'Enum', enumType, label, ...options })
