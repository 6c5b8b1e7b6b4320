// Small constructors for attribute and table definitions, so the table files read like the
// product's column lists instead of repeating object boilerplate.
import type { AttributeDefinition, OptionDefinition, TableDefinition } from './types.js'

type Extra = Partial<Omit<AttributeDefinition, 'logicalName' | 'type' | 'displayName'>>

const MONEY_MAX = 922337203685477

export const str = (
  logicalName: string,
  displayName: string,
  maxLength = 100,
  extra: Extra = {},
): AttributeDefinition => ({
  logicalName,
  type: 'String',
  displayName,
  maxLength,
  ...extra,
})

export const memo = (
  logicalName: string,
  displayName: string,
  maxLength = 2000,
  extra: Extra = {},
): AttributeDefinition => ({
  logicalName,
  type: 'Memo',
  displayName,
  maxLength,
  ...extra,
})

export const int = (
  logicalName: string,
  displayName: string,
  minValue = -2147483648,
  maxValue = 2147483647,
  extra: Extra = {},
): AttributeDefinition => ({ logicalName, type: 'Integer', displayName, minValue, maxValue, ...extra })

export const decimal = (
  logicalName: string,
  displayName: string,
  precision = 2,
  extra: Extra = {},
): AttributeDefinition => ({
  logicalName,
  type: 'Decimal',
  displayName,
  precision,
  minValue: -100000000000,
  maxValue: 100000000000,
  ...extra,
})

export const double = (
  logicalName: string,
  displayName: string,
  minValue: number,
  maxValue: number,
  extra: Extra = {},
): AttributeDefinition => ({ logicalName, type: 'Double', displayName, precision: 5, minValue, maxValue, ...extra })

export const money = (logicalName: string, displayName: string, extra: Extra = {}): AttributeDefinition => ({
  logicalName,
  type: 'Money',
  displayName,
  precision: 2,
  minValue: -MONEY_MAX,
  maxValue: MONEY_MAX,
  ...extra,
})

export const bool = (logicalName: string, displayName: string, extra: Extra = {}): AttributeDefinition => ({
  logicalName,
  type: 'Boolean',
  displayName,
  ...extra,
})

export const dateTime = (logicalName: string, displayName: string, extra: Extra = {}): AttributeDefinition => ({
  logicalName,
  type: 'DateTime',
  displayName,
  dateFormat: 'DateAndTime',
  ...extra,
})

export const dateOnly = (logicalName: string, displayName: string, extra: Extra = {}): AttributeDefinition => ({
  logicalName,
  type: 'DateTime',
  displayName,
  dateFormat: 'DateOnly',
  ...extra,
})

/** options as `[value, label]` pairs, the way the reference docs list them */
export const opts = (pairs: Array<[number, string]>): OptionDefinition[] =>
  pairs.map(([value, label]) => ({ value, label }))

export const picklist = (
  logicalName: string,
  displayName: string,
  options: OptionDefinition[],
  extra: Extra = {},
): AttributeDefinition => ({ logicalName, type: 'Picklist', displayName, options, ...extra })

export const lookup = (
  logicalName: string,
  displayName: string,
  targets: string[],
  extra: Extra = {},
): AttributeDefinition => ({
  logicalName,
  type: 'Lookup',
  displayName,
  targets,
  ...extra,
})

export const customer = (logicalName: string, displayName: string, extra: Extra = {}): AttributeDefinition => ({
  logicalName,
  type: 'Customer',
  displayName,
  targets: ['account', 'contact'],
  ...extra,
})

export const entityName = (logicalName: string, displayName: string, extra: Extra = {}): AttributeDefinition => ({
  logicalName,
  type: 'EntityName',
  displayName,
  ...extra,
})

export const readOnly: Extra = { isValidForCreate: false, isValidForUpdate: false }

/** statecode options as `[value, label]`, statuscode options as `[value, label, state]` */
export interface StateModel {
  states: Array<[number, string]>
  statuses: Array<[number, string, number]>
}

export const stateAttributes = (model: StateModel): AttributeDefinition[] => [
  {
    logicalName: 'statecode',
    type: 'State',
    displayName: 'Status',
    requiredLevel: 'SystemRequired',
    options: opts(model.states),
  },
  {
    logicalName: 'statuscode',
    type: 'Status',
    displayName: 'Status Reason',
    options: model.statuses.map(([value, label, state]) => ({ value, label, state })),
  },
]

/** The default status reason of a state: the first listed for it. */
export const defaultStatus = (model: StateModel, state: number): number => {
  const hit = model.statuses.find(([, , s]) => s === state)
  if (!hit) throw new Error(`no status for state ${state}`)
  return hit[0]
}

export const ACTIVE_INACTIVE: StateModel = {
  states: [
    [0, 'Active'],
    [1, 'Inactive'],
  ],
  statuses: [
    [1, 'Active', 0],
    [2, 'Inactive', 1],
  ],
}

export interface TableSpec {
  logicalName: string
  entitySetName: string
  schemaName: string
  displayName: string
  displayCollectionName: string
  description?: string
  primaryIdAttribute: string
  primaryNameAttribute: string
  ownershipType: TableDefinition['ownershipType']
  isActivity?: boolean
  isCustomEntity?: boolean
  searchEnabled?: boolean
  state?: StateModel
  attributes: AttributeDefinition[]
}

/**
 * Builds a table with the columns every Dataverse table carries: primary key, audit columns,
 * version number, ownership columns for user-owned tables and statecode/statuscode.
 */
export function defineTable(spec: TableSpec): TableDefinition {
  const { state, attributes, ...meta } = spec
  const cols: AttributeDefinition[] = [
    {
      logicalName: spec.primaryIdAttribute,
      type: 'Uniqueidentifier',
      displayName: spec.displayName,
      requiredLevel: 'SystemRequired',
      isValidForUpdate: false,
    },
    ...attributes,
  ]
  if (state) cols.push(...stateAttributes(state))
  if (spec.ownershipType === 'UserOwned') {
    cols.push(
      {
        logicalName: 'ownerid',
        type: 'Owner',
        displayName: 'Owner',
        targets: ['systemuser', 'team'],
        requiredLevel: 'SystemRequired',
      },
      lookup('owninguser', 'Owning User', ['systemuser'], readOnly),
      lookup('owningteam', 'Owning Team', ['team'], readOnly),
      lookup('owningbusinessunit', 'Owning Business Unit', ['businessunit'], readOnly),
    )
  }
  cols.push(
    dateTime('createdon', 'Created On', readOnly),
    dateTime('modifiedon', 'Modified On', readOnly),
    lookup('createdby', 'Created By', ['systemuser'], readOnly),
    lookup('modifiedby', 'Modified By', ['systemuser'], readOnly),
    { logicalName: 'versionnumber', type: 'BigInt', displayName: 'Version Number', ...readOnly },
  )
  const seen = new Set<string>()
  for (const c of cols) {
    if (seen.has(c.logicalName)) throw new Error(`${spec.logicalName}.${c.logicalName} defined twice`)
    seen.add(c.logicalName)
  }
  return { ...meta, attributes: cols }
}
