// Field paths such as `Account.Owner.Name`: each relationship becomes a LEFT JOIN, and a
// polymorphic one (Who, What) joins every object it may point at.
import type { SQLInputValue } from 'node:sqlite'
import type { ObjectModel, SchemaModel } from '../schema/model.js'
import type { FieldDef } from '../schema/types.js'
import { quote, tableOf } from '../store.js'
import { offsetOf, queryError } from './parse.js'

export interface Fragment {
  sql: string
  params: SQLInputValue[]
}

export interface JoinNode {
  key: string
  /** relationship names from the root, as the schema spells them */
  names: string[]
  targets: Array<{ object: ObjectModel; alias: string }>
  /** SQL of the lookup column the join follows */
  fkExpr: string
  /** SQL of the parent's Id (null when the lookup is empty) and, if polymorphic, of its type */
  idExpr: string
  typeExpr?: string
}

export interface ResolvedField {
  expr: string
  field: FieldDef
  /** the relationship the field is reached through; undefined for the root object's own fields */
  node?: JoinNode
}

const POLYMORPHIC_FIELDS: Record<string, FieldDef> = {
  id: { name: 'Id', label: 'Id', type: 'id' },
  name: { name: 'Name', label: 'Name', type: 'string' },
  type: { name: 'Type', label: 'Type', type: 'picklist' },
}

export class PathResolver {
  readonly joins = new Map<string, JoinNode>()
  private readonly joinSql: string[] = []
  private counter = 0

  constructor(
    readonly model: SchemaModel,
    readonly root: ObjectModel,
    readonly rootAlias: string,
    readonly soql: string,
    readonly objectAlias?: string,
  ) {}

  fromClause(): string {
    return [`${tableOf(this.root)} AS ${this.rootAlias}`, ...this.joinSql].join(' ')
  }

  /** `Name`, `a.Name` (with the FROM alias) or `Account.Owner.Name`. */
  resolve(path: string): ResolvedField {
    let parts = path.split('.')
    if (parts.length > 1 && this.objectAlias && parts[0]!.toLowerCase() === this.objectAlias.toLowerCase())
      parts = parts.slice(1)
    let object = this.root
    let alias = this.rootAlias
    let node: JoinNode | undefined
    for (let i = 0; i < parts.length - 1; i++) {
      const name = parts[i]!
      if (node && node.targets.length > 1) throw this.badRelationship(name)
      const fk = object.parent(name)
      if (!fk) throw this.badRelationship(name)
      node = this.join(node, alias, fk)
      object = node.targets[0]!.object
      alias = node.targets[0]!.alias
    }
    const last = parts[parts.length - 1]!
    if (node && node.targets.length > 1) {
      const field = POLYMORPHIC_FIELDS[last.toLowerCase()]
      if (!field) throw this.noSuchColumn(last, 'Name')
      const expr =
        field.name === 'Id' ? node.idExpr : field.name === 'Type' ? node.typeExpr! : this.coalesce(node, 'Name')
      return { expr, field, node }
    }
    const field = object.field(last)
    if (!field) throw this.noSuchColumn(last, object.name)
    return { expr: `${alias}.${quote(field.name)}`, field, node }
  }

  private coalesce(node: JoinNode, column: string): string {
    const parts = node.targets.filter((t) => t.object.field(column)).map((t) => `${t.alias}.${quote(column)}`)
    return parts.length === 1 ? parts[0]! : `COALESCE(${parts.join(', ')})`
  }

  private join(parent: JoinNode | undefined, parentAlias: string, fk: FieldDef): JoinNode {
    const names = [...(parent?.names ?? []), fk.relationshipName!]
    const key = names.join('.').toLowerCase()
    const existing = this.joins.get(key)
    if (existing) return existing
    const fkExpr = `${parentAlias}.${quote(fk.name)}`
    const targets = (fk.referenceTo ?? []).map((name) => {
      const object = this.model.object(name)!
      const alias = `j${++this.counter}`
      this.joinSql.push(`LEFT JOIN ${tableOf(object)} AS ${alias} ON ${alias}."Id" = ${fkExpr}`)
      return { object, alias }
    })
    const node: JoinNode = {
      key,
      names,
      targets,
      fkExpr,
      idExpr:
        targets.length === 1
          ? `${targets[0]!.alias}."Id"`
          : `COALESCE(${targets.map((t) => `${t.alias}."Id"`).join(', ')})`,
    }
    if (targets.length > 1) {
      // Object names come from the schema (validated API names), so they are safe as literals.
      node.typeExpr = `CASE ${targets.map((t) => `WHEN ${t.alias}."Id" IS NOT NULL THEN '${t.object.name}'`).join(' ')} END`
    }
    this.joins.set(key, node)
    return node
  }

  noSuchColumn(name: string, objectName: string) {
    return queryError(
      'INVALID_FIELD',
      this.soql,
      `No such column '${name}' on entity '${objectName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      offsetOf(this.soql, name),
    )
  }

  badRelationship(name: string) {
    return queryError(
      'INVALID_FIELD',
      this.soql,
      `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      offsetOf(this.soql, name),
    )
  }
}
