// Reads finance & operations' CSDL ($metadata) into entities, enums and actions. Company-specific
// entities are the ones keyed by dataAreaId; F&O marks fields with annotations of its own
// vocabulary (IsRequired, AllowEdit, AllowEditOnCreate), and entity sets name the collections.
import { XMLParser } from 'fast-xml-parser'
import type { ActionInfo, EntityInfo, ErpMetadata, FieldInfo, NavigationInfo } from './types.js'

type Node = Record<string, any>

const REPEATED = new Set([
  'Schema',
  'EntityType',
  'ComplexType',
  'EnumType',
  'Member',
  'Property',
  'NavigationProperty',
  'PropertyRef',
  'Annotation',
  'Action',
  'Function',
  'Parameter',
  'EntitySet',
  'ActionImport',
  'EntityContainer',
  'Reference',
  'Include',
  'PropertyValue',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
})

export const DATA_AREA_ID = 'dataAreaId'

const list = (value: unknown): Node[] => (Array.isArray(value) ? value : value ? [value] : [])

/** The term's last two segments, so that aliases (`Core.`) and full namespaces match alike. */
function termName(term: string): string {
  return term.split('.').slice(-1)[0] ?? term
}

function annotations(node: Node): Map<string, Node> {
  return new Map(list(node.Annotation).map((a) => [termName(String(a.Term ?? '')), a]))
}

const boolOf = (annotation: Node | undefined): boolean | undefined =>
  annotation === undefined ? undefined : String(annotation.Bool ?? 'true').toLowerCase() === 'true'

/** A readable label: a description, or a label that is text rather than a label id (`@SYS123`). */
function labelOf(notes: Map<string, Node>): string | undefined {
  for (const term of ['Description', 'Label', 'LabelId', 'DisplayName']) {
    const value = notes.get(term)?.String
    if (typeof value === 'string' && value.trim() && !/^@\w+$/.test(value.trim())) return value.trim()
  }
  return undefined
}

/** `Edm.String` → `String`; `Microsoft.Dynamics.DataEntities.NoYes` → enum `NoYes`; `Collection(X)` kept. */
function typeOf(raw: string, enums: ReadonlyMap<string, readonly string[]>): { type: string; enumType?: string } {
  if (raw.startsWith('Edm.')) return { type: raw.slice(4) }
  const short = raw.split('.').slice(-1)[0] ?? raw
  if (enums.has(short)) return { type: 'Enum', enumType: short }
  return { type: short }
}

/**
 * Mandatory fields: F&O annotates them IsRequired. Documents without that annotation (the sandbox)
 * mark them Nullable="false"; keys are left out there, since number sequences fill many of them.
 */
function field(
  node: Node,
  keys: Set<string>,
  enums: ReadonlyMap<string, readonly string[]>,
  usesIsRequired: boolean,
): FieldInfo {
  const notes = annotations(node)
  const name = String(node.Name)
  const { type, enumType } = typeOf(String(node.Type ?? 'Edm.String'), enums)
  const allowEdit = boolOf(notes.get('AllowEdit')) ?? !boolOf(notes.get('Computed'))
  const allowEditOnCreate = boolOf(notes.get('AllowEditOnCreate')) ?? allowEdit
  const required = boolOf(notes.get('IsRequired')) ?? boolOf(notes.get('Mandatory'))
  const maxLength = Number(node.MaxLength)
  const label = labelOf(notes)
  return {
    name,
    type,
    ...(enumType ? { enumType } : {}),
    ...(Number.isFinite(maxLength) && maxLength > 0 ? { maxLength } : {}),
    mandatory: usesIsRequired ? required === true : String(node.Nullable).toLowerCase() === 'false' && !keys.has(name),
    readOnly: !allowEdit || keys.has(name),
    readOnlyOnCreate: !allowEditOnCreate,
    ...(label ? { label } : {}),
  }
}

/** A capability restriction such as InsertRestrictions { Insertable: false }. */
function restricted(annotation: Node | undefined, property: string): boolean {
  const values = list(annotation?.Record?.PropertyValue)
  return values.some((v) => v.Property === property && String(v.Bool).toLowerCase() === 'false')
}

/** `Collection(Microsoft.Dynamics.DataEntities.X)` → { type: 'X', many: true } */
function typeRef(raw: string): { type: string; many: boolean } {
  const many = /^Collection\((.*)\)$/.exec(raw)
  const inner = many ? (many[1] ?? '') : raw
  return { type: inner.split('.').slice(-1)[0] ?? inner, many: Boolean(many) }
}

const returnName = (raw: string) => {
  const ref = typeRef(raw)
  return ref.many ? `${ref.type}[]` : ref.type
}

export function parseMetadata(xml: string): ErpMetadata {
  const doc = parser.parse(xml) as Node
  const usesIsRequired = /Term="[^"]*\bIsRequired"/.test(xml)
  const schemas = list(doc.Edmx?.DataServices?.Schema)
  const enums = new Map<string, readonly string[]>()
  for (const schema of schemas) {
    for (const e of list(schema.EnumType)) {
      const members = list(e.Member)
        .map((m, i) => ({ name: String(m.Name), value: Number(m.Value ?? i) }))
        .sort((a, b) => a.value - b.value)
        .map((m) => m.name)
      enums.set(String(e.Name), members)
    }
  }

  const setByType = new Map<string, string>()
  const actionImports: Node[] = []
  for (const schema of schemas) {
    for (const container of list(schema.EntityContainer)) {
      for (const set of list(container.EntitySet)) {
        const type = typeRef(String(set.EntityType ?? '')).type
        if (!setByType.has(type)) setByType.set(type, String(set.Name))
      }
      actionImports.push(...list(container.ActionImport))
    }
  }

  const actionsBySet = new Map<string, ActionInfo[]>()
  for (const schema of schemas) {
    for (const action of list(schema.Action)) {
      const notes = annotations(action)
      const params = list(action.Parameter)
      const bound = String(action.IsBound ?? 'false').toLowerCase() === 'true'
      const binding = bound ? params[0] : undefined
      const target = binding ? typeRef(String(binding.Type ?? '')) : undefined
      const entitySet = target ? setByType.get(target.type) : undefined
      const returnType = action.ReturnType?.Type ? String(action.ReturnType.Type) : undefined
      const description = labelOf(notes)
      const info: ActionInfo = {
        name: String(action.Name),
        boundTo: !bound ? 'none' : target?.many ? 'collection' : 'entity',
        ...(entitySet ? { entitySet } : {}),
        parameters: (bound ? params.slice(1) : params).map((p) => {
          const pNotes = annotations(p)
          const pType = typeOf(String(p.Type ?? 'Edm.String'), enums)
          return {
            name: String(p.Name),
            type: pType.enumType ?? pType.type,
            optional: pNotes.has('OptionalParameter') || String(p.Nullable).toLowerCase() !== 'false',
          }
        }),
        ...(returnType ? { returns: returnName(returnType) } : {}),
        ...(description ? { description } : {}),
      }
      if (entitySet) {
        const existing = actionsBySet.get(entitySet) ?? []
        existing.push(info)
        actionsBySet.set(entitySet, existing)
      } else if (!bound) {
        actionsBySet.set('', [...(actionsBySet.get('') ?? []), info])
      }
    }
  }
  const unboundActions = (actionsBySet.get('') ?? []).filter(
    (a) => actionImports.length === 0 || actionImports.some((i) => typeRef(String(i.Action ?? '')).type === a.name),
  )

  const entities: EntityInfo[] = []
  for (const schema of schemas) {
    for (const type of list(schema.EntityType)) {
      const name = String(type.Name)
      const entitySet = setByType.get(name)
      if (!entitySet) continue
      const keyNames = list(type.Key?.PropertyRef).map((k) => String(k.Name))
      const keySet = new Set(keyNames)
      const notes = annotations(type)
      const fields = list(type.Property).map((p) => field(p, keySet, enums, usesIsRequired))
      const navigation: NavigationInfo[] = list(type.NavigationProperty).map((n) => {
        const ref = typeRef(String(n.Type ?? ''))
        return { name: String(n.Name), target: setByType.get(ref.type) ?? ref.type, many: ref.many }
      })
      const label = labelOf(notes)
      entities.push({
        name,
        entitySet,
        ...(label ? { label } : {}),
        companySpecific: keySet.has(DATA_AREA_ID),
        keys: keyNames.filter((k) => k !== DATA_AREA_ID),
        fields,
        navigation,
        actions: actionsBySet.get(entitySet) ?? [],
        readOnly:
          boolOf(notes.get('IsReadOnly')) === true ||
          boolOf(notes.get('ReadOnly')) === true ||
          restricted(notes.get('InsertRestrictions'), 'Insertable'),
      })
    }
  }
  entities.sort((a, b) => (a.entitySet < b.entitySet ? -1 : a.entitySet > b.entitySet ? 1 : 0))
  return metadataOf(entities, enums, unboundActions)
}

export function metadataOf(
  entities: EntityInfo[],
  enums: ReadonlyMap<string, readonly string[]>,
  unboundActions: ActionInfo[] = [],
): ErpMetadata {
  const bySet = new Map(entities.map((e) => [e.entitySet, e]))
  const byLower = new Map<string, EntityInfo>()
  for (const e of entities) {
    if (!byLower.has(e.entitySet.toLowerCase())) byLower.set(e.entitySet.toLowerCase(), e)
  }
  for (const e of entities) {
    if (!byLower.has(e.name.toLowerCase())) byLower.set(e.name.toLowerCase(), e)
  }
  return {
    entities,
    enums,
    unboundActions,
    bySet: (name) => bySet.get(name),
    find: (name) => bySet.get(name.trim()) ?? byLower.get(name.trim().toLowerCase()),
  }
}

/** A field of an entity by name, exact first, then ignoring case. */
export function findField(entity: EntityInfo, name: string): FieldInfo | undefined {
  return (
    entity.fields.find((f) => f.name === name) ?? entity.fields.find((f) => f.name.toLowerCase() === name.toLowerCase())
  )
}
