// Turns AttributeMetadata JSON posted to the metadata API into a column definition, with the
// checks Dataverse makes on types, lengths, ranges and options.

import { badRequest, ErrorCodes, payloadError } from '../errors.js'
import type { AttributeDefinition, AttributeType, OptionDefinition } from '../schema/types.js'
import { checkSchemaName, labelText, notSupported, requireLabel } from './names.js'

type Json = Record<string, unknown>

const CREATABLE: Record<string, AttributeType> = {
  StringAttributeMetadata: 'String',
  MemoAttributeMetadata: 'Memo',
  IntegerAttributeMetadata: 'Integer',
  BigIntAttributeMetadata: 'BigInt',
  DecimalAttributeMetadata: 'Decimal',
  DoubleAttributeMetadata: 'Double',
  MoneyAttributeMetadata: 'Money',
  BooleanAttributeMetadata: 'Boolean',
  DateTimeAttributeMetadata: 'DateTime',
  PicklistAttributeMetadata: 'Picklist',
  LookupAttributeMetadata: 'Lookup',
}

/** Real Dataverse column types this emulator doesn't create. */
const NOT_EMULATED = new Set([
  'MultiSelectPicklistAttributeMetadata',
  'ImageAttributeMetadata',
  'FileAttributeMetadata',
  'ComplexLookupAttributeMetadata',
  'UniqueIdentifierAttributeMetadata',
  'StateAttributeMetadata',
  'StatusAttributeMetadata',
  'EntityNameAttributeMetadata',
  'ManagedPropertyAttributeMetadata',
])

/** Inclusive value ranges and precision limits per numeric type. */
const RANGES: Partial<Record<AttributeType, { min: number; max: number; precision?: [number, number] }>> = {
  Integer: { min: -2147483648, max: 2147483647 },
  BigInt: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  Decimal: { min: -100000000000, max: 100000000000, precision: [0, 10] },
  Double: { min: -100000000000, max: 100000000000, precision: [0, 5] },
  Money: { min: -922337203685477, max: 922337203685477, precision: [0, 4] },
}

const MAX_LENGTH: Partial<Record<AttributeType, { default: number; max: number }>> = {
  String: { default: 100, max: 4000 },
  Memo: { default: 2000, max: 1048576 },
}

const FIRST_OPTION_VALUE = 100000000

const invalid = (message: string) => badRequest(ErrorCodes.invalidArgument, message)

function typeOf(body: Json): AttributeType {
  const raw = body['@odata.type']
  const declared = typeof body.AttributeType === 'string' ? body.AttributeType : undefined
  if (typeof raw !== 'string') {
    throw invalid(
      "Set '@odata.type' to the column's metadata type, such as 'Microsoft.Dynamics.CRM.StringAttributeMetadata'.",
    )
  }
  const name = raw.replace(/^#/, '').replace(/^Microsoft\.Dynamics\.CRM\./, '')
  const type = CREATABLE[name]
  if (!type) {
    if (NOT_EMULATED.has(name))
      throw notSupported(`Creating columns of type ${name} is not supported by this emulator.`)
    throw payloadError(
      'EntityDefinitions',
      `Microsoft.OData.ODataException: A type named '${raw.replace(/^#/, '')}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
    )
  }
  if (declared !== undefined && declared !== type) {
    throw invalid(`AttributeType '${declared}' does not match the @odata.type '${name}'.`)
  }
  return type
}

function numberOr(value: unknown, fallback: number, property: string): number {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`${property} must be a number.`)
  return value
}

function requiredLevel(body: Json): AttributeDefinition['requiredLevel'] {
  const value = (body.RequiredLevel as { Value?: unknown } | undefined)?.Value ?? 'None'
  if (value === 'None' || value === 'Recommended' || value === 'ApplicationRequired') return value
  throw invalid(
    `RequiredLevel '${String(value)}' is not valid for a custom column; use None, Recommended or ApplicationRequired.`,
  )
}

function picklistOptions(body: Json, schemaName: string): OptionDefinition[] {
  if (body['GlobalOptionSet@odata.bind'] !== undefined)
    throw notSupported('Global choices (GlobalOptionSet@odata.bind) are not supported by this emulator.')
  const options = (body.OptionSet as { Options?: unknown } | undefined)?.Options
  if (!Array.isArray(options) || options.length === 0) {
    throw invalid(`The choice column ${schemaName} needs an OptionSet with at least one option.`)
  }
  const used = new Set<number>()
  const out: OptionDefinition[] = []
  for (const option of options as Json[]) {
    const label = labelText(option?.Label)
    if (!label) throw invalid(`Every option of ${schemaName} needs a Label.`)
    let value = option.Value
    if (value === undefined || value === null) {
      value = FIRST_OPTION_VALUE + out.length
      while (used.has(value as number)) value = (value as number) + 1
    }
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw invalid(`Option values of ${schemaName} must be integers.`)
    if (used.has(value)) throw invalid(`The option value ${value} appears twice in ${schemaName}.`)
    used.add(value)
    out.push({ value, label })
  }
  return out
}

function booleanOptions(body: Json): OptionDefinition[] {
  const set = (body.OptionSet ?? {}) as { TrueOption?: Json; FalseOption?: Json }
  return [
    { value: 1, label: labelText(set.TrueOption?.Label) ?? 'Yes' },
    { value: 0, label: labelText(set.FalseOption?.Label) ?? 'No' },
  ]
}

/** A column definition from posted AttributeMetadata; `owner` names the table in messages. */
export function attributeFromMetadata(input: unknown, owner: string): AttributeDefinition {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw payloadError('EntityDefinitions', 'Microsoft.OData.ODataException: The attribute must be a JSON object.')
  const body = input as Json
  const type = typeOf(body)
  const schemaName = checkSchemaName(body.SchemaName, 'Attribute')
  const attr: AttributeDefinition = {
    logicalName: schemaName.toLowerCase(),
    schemaName,
    type,
    displayName: requireLabel(body.DisplayName, 'DisplayName', `column ${schemaName} of ${owner}`),
    requiredLevel: requiredLevel(body),
    isCustomAttribute: true,
  }
  const description = labelText(body.Description)
  if (description !== undefined) attr.description = description

  const length = MAX_LENGTH[type]
  if (length) {
    const max = numberOr(body.MaxLength, length.default, 'MaxLength')
    if (!Number.isInteger(max) || max < 1 || max > length.max) {
      throw invalid(`MaxLength ${max} of ${schemaName} is out of range: it must be between 1 and ${length.max}.`)
    }
    attr.maxLength = max
  }
  const range = RANGES[type]
  if (range) {
    const min = numberOr(body.MinValue, range.min, 'MinValue')
    const max = numberOr(body.MaxValue, range.max, 'MaxValue')
    if (min < range.min || max > range.max || min > max) {
      throw invalid(
        `MinValue and MaxValue of ${schemaName} must lie between ${range.min} and ${range.max}, MinValue first.`,
      )
    }
    attr.minValue = min
    attr.maxValue = max
    if (range.precision) {
      const precision = numberOr(body.Precision, 2, 'Precision')
      const [low, high] = range.precision
      if (!Number.isInteger(precision) || precision < low || precision > high) {
        throw invalid(`Precision ${precision} of ${schemaName} must be between ${low} and ${high}.`)
      }
      attr.precision = precision
    }
  }
  if (type === 'DateTime') {
    const format = body.Format ?? 'DateAndTime'
    if (format !== 'DateOnly' && format !== 'DateAndTime') {
      throw invalid(`Format '${String(format)}' of ${schemaName} is not valid; use DateOnly or DateAndTime.`)
    }
    attr.dateFormat = format
  }
  if (type === 'Picklist') attr.options = picklistOptions(body, schemaName)
  if (type === 'Boolean') attr.options = booleanOptions(body)
  return attr
}
