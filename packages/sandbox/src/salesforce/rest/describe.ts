// describeGlobal and sObject describe, built from the schema.
import type { ObjectModel, SchemaModel } from '../schema/model.js'
import type { FieldDef } from '../schema/types.js'

const SOAP_TYPES: Record<FieldDef['type'], string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  currency: 'xsd:double',
  percent: 'xsd:double',
  double: 'xsd:double',
  int: 'xsd:int',
  boolean: 'xsd:boolean',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
}

function urls(version: string, name: string) {
  const base = `/services/data/v${version}/sobjects/${name}`
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` }
}

function flags(object: ObjectModel) {
  const createable = object.def.createable !== false
  const updateable = object.def.updateable !== false
  const deletable = object.def.deletable !== false
  return {
    activateable: false,
    createable,
    custom: false,
    customSetting: false,
    deepCloneable: false,
    deletable,
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: object.def.keyPrefix,
    label: object.def.label,
    labelPlural: object.def.labelPlural,
    layoutable: createable,
    mergeable: ['Account', 'Contact', 'Lead'].includes(object.name),
    mruEnabled: createable,
    name: object.name,
    queryable: true,
    replicateable: true,
    retrieveable: true,
    searchable: createable,
    triggerable: createable,
    undeletable: deletable,
    updateable,
  }
}

export function describeGlobal(model: SchemaModel, version: string) {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: [...model.objects.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((object) => ({ ...flags(object), urls: urls(version, object.name) })),
  }
}

export function describeObjectBasic(object: ObjectModel, version: string) {
  return { objectDescribe: { ...flags(object), urls: urls(version, object.name) }, recentItems: [] }
}

function describeField(object: ObjectModel, f: FieldDef) {
  const numeric = ['currency', 'percent', 'double', 'int'].includes(f.type)
  const textual = !numeric && !['boolean', 'date', 'datetime'].includes(f.type)
  const length = textual ? (f.length ?? 0) : 0
  const defaultedOnCreate = f.defaultedOnCreate ?? f.defaultValue !== undefined
  return {
    aggregatable: f.type !== 'textarea' && f.type !== 'boolean',
    autoNumber: false,
    byteLength: length * 3,
    calculated: f.calculated ?? false,
    cascadeDelete: f.cascadeDelete ?? false,
    caseSensitive: false,
    createable: object.def.createable !== false && f.createable !== false,
    custom: false,
    defaultValue: f.defaultValue ?? null,
    defaultedOnCreate,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: f.type === 'int' ? (f.precision ?? 9) : 0,
    externalId: f.externalId ?? false,
    filterable: f.type !== 'textarea',
    groupable: !['textarea', 'currency', 'percent', 'double', 'datetime'].includes(f.type),
    idLookup: f.name === 'Id' || (f.externalId ?? false),
    label: f.label,
    length,
    name: f.name,
    nameField: f.nameField ?? false,
    namePointing: (f.referenceTo?.length ?? 0) > 1,
    nillable: f.nillable !== false && f.type !== 'boolean' && f.name !== 'Id',
    permissionable: f.nillable !== false && f.createable !== false,
    picklistValues: (f.picklistValues ?? []).map((p) => ({
      active: true,
      defaultValue: p.default ?? false,
      label: p.label ?? p.value,
      validFor: null,
      value: p.value,
    })),
    polymorphicForeignKey: (f.referenceTo?.length ?? 0) > 1,
    precision: numeric && f.type !== 'int' ? (f.precision ?? 18) : 0,
    referenceTo: f.referenceTo ?? [],
    relationshipName: f.relationshipName ?? null,
    relationshipOrder: null,
    restrictedPicklist: f.restrictedPicklist ?? false,
    scale: numeric && f.type !== 'int' ? (f.scale ?? 0) : 0,
    soapType: SOAP_TYPES[f.type],
    sortable: f.type !== 'textarea',
    type: f.type,
    unique: f.unique ?? false,
    updateable: object.def.updateable !== false && f.updateable !== false,
  }
}

export function describeObject(object: ObjectModel, version: string) {
  return {
    ...flags(object),
    actionOverrides: [],
    childRelationships: [...object.children.values()].map((c) => ({
      cascadeDelete: c.cascadeDelete,
      childSObject: c.childSObject,
      deprecatedAndHidden: false,
      field: c.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: c.relationshipName,
      restrictedDelete: false,
    })),
    compactLayoutable: true,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields: object.def.fields.map((f) => describeField(object, f)),
    implementedBy: null,
    implementsInterfaces: null,
    isInterface: false,
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [],
    searchLayoutable: true,
    supportedScopes: object.owned
      ? [
          { label: 'All', name: 'everything' },
          { label: 'My', name: 'mine' },
        ]
      : [{ label: 'All', name: 'everything' }],
    urls: urls(version, object.name),
  }
}
