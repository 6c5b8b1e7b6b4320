// Lookups over a SchemaDef: objects and fields by case-insensitive name, key prefixes, and the
// child relationships each object gets from the lookups that point at it.
import type { FieldDef, ObjectDef, SchemaDef } from './types.js'

export interface ChildRelationship {
  relationshipName: string
  childSObject: string
  field: string
  cascadeDelete: boolean
}

export class ObjectModel {
  readonly fields = new Map<string, FieldDef>()
  /** relationship name (lower case) → the reference field, e.g. `account` → AccountId */
  readonly parents = new Map<string, FieldDef>()
  readonly children = new Map<string, ChildRelationship>()

  constructor(readonly def: ObjectDef) {
    for (const f of def.fields) {
      this.fields.set(f.name.toLowerCase(), f)
      if (f.type === 'reference' && f.relationshipName) this.parents.set(f.relationshipName.toLowerCase(), f)
    }
  }

  get name(): string {
    return this.def.name
  }

  field(name: string): FieldDef | undefined {
    return this.fields.get(name.toLowerCase())
  }

  parent(relationshipName: string): FieldDef | undefined {
    return this.parents.get(relationshipName.toLowerCase())
  }

  child(relationshipName: string): ChildRelationship | undefined {
    return this.children.get(relationshipName.toLowerCase())
  }

  get owned(): boolean {
    return this.fields.has('ownerid')
  }

  /** The field that names records (Name, or MasterLabel for setup rows). */
  get nameField(): FieldDef | undefined {
    return this.def.fields.find((f) => f.nameField)
  }
}

export class SchemaModel {
  readonly objects = new Map<string, ObjectModel>()
  private readonly byPrefix = new Map<string, ObjectModel>()

  constructor(readonly def: SchemaDef) {
    for (const o of def.objects) {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(o.name)) throw new Error(`Object name '${o.name}' is not a valid API name.`)
      for (const f of o.fields) {
        if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(f.name))
          throw new Error(`Field name '${o.name}.${f.name}' is not a valid API name.`)
      }
      const model = new ObjectModel(o)
      this.objects.set(o.name.toLowerCase(), model)
      // The first object with a prefix owns it (OpportunityStage and LeadStatus share 01J).
      if (!this.byPrefix.has(o.keyPrefix)) this.byPrefix.set(o.keyPrefix, model)
    }
    for (const child of this.objects.values()) {
      for (const f of child.def.fields) {
        if (f.type !== 'reference' || !f.childRelationshipName) continue
        for (const target of f.referenceTo ?? []) {
          const parent = this.objects.get(target.toLowerCase())
          if (!parent) throw new Error(`${child.name}.${f.name} refers to unknown object '${target}'.`)
          parent.children.set(f.childRelationshipName.toLowerCase(), {
            relationshipName: f.childRelationshipName,
            childSObject: child.name,
            field: f.name,
            cascadeDelete: f.cascadeDelete ?? false,
          })
        }
      }
    }
  }

  object(name: string): ObjectModel | undefined {
    return this.objects.get(name.toLowerCase())
  }

  objectForId(id: string): ObjectModel | undefined {
    return this.byPrefix.get(id.slice(0, 3))
  }

  /** All lookups (object, field) that point at `objectName`, for cascading deletes. */
  referencesTo(objectName: string): Array<{ object: ObjectModel; field: FieldDef }> {
    const out: Array<{ object: ObjectModel; field: FieldDef }> = []
    for (const o of this.objects.values()) {
      for (const f of o.def.fields) {
        if (f.type === 'reference' && f.referenceTo?.includes(objectName)) out.push({ object: o, field: f })
      }
    }
    return out
  }
}
