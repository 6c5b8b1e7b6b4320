// Evaluates a parsed $filter against in-memory metadata objects (EntityDefinitions is small and not paged).

import { querySyntaxError } from '../errors.js'
import type { FilterNode, Literal, Operand } from '../odata/filter-parser.js'

function operandValue(op: Operand, item: Record<string, unknown>, typeName: string): unknown {
  if (op.kind === 'literal') return literal(op.value)
  if (op.kind === 'array') throw querySyntaxError('Arrays are not supported in metadata filters.')
  let value: unknown = item
  for (const segment of op.path) {
    if (typeof value !== 'object' || value === null || !(segment in value)) {
      throw querySyntaxError(
        `Could not find a property named '${segment}' on type 'Microsoft.Dynamics.CRM.${typeName}'.`,
      )
    }
    value = (value as Record<string, unknown>)[segment]
  }
  // enum-like complex values such as OwnershipType or AttributeTypeName compare by their Value
  if (typeof value === 'object' && value !== null && 'Value' in value) return (value as { Value: unknown }).Value
  return value
}

function literal(lit: Literal): unknown {
  return lit.kind === 'null' ? null : lit.value
}

export function matchesFilter(node: FilterNode, item: Record<string, unknown>, typeName: string): boolean {
  switch (node.kind) {
    case 'and':
      return matchesFilter(node.left, item, typeName) && matchesFilter(node.right, item, typeName)
    case 'or':
      return matchesFilter(node.left, item, typeName) || matchesFilter(node.right, item, typeName)
    case 'not':
      return !matchesFilter(node.expr, item, typeName)
    case 'compare': {
      const a = operandValue(node.left, item, typeName)
      const b = operandValue(node.right, item, typeName)
      const x = typeof a === 'string' ? a.toLowerCase() : a
      const y = typeof b === 'string' ? b.toLowerCase() : b
      switch (node.op) {
        case 'eq':
          return x === y
        case 'ne':
          return x !== y
        case 'gt':
          return (x as number) > (y as number)
        case 'ge':
          return (x as number) >= (y as number)
        case 'lt':
          return (x as number) < (y as number)
        case 'le':
          return (x as number) <= (y as number)
      }
      return false
    }
    case 'text': {
      const value = operandValue({ kind: 'property', path: node.property }, item, typeName)
      const text = String(literal(node.value) ?? '').toLowerCase()
      const s = String(value ?? '').toLowerCase()
      return node.fn === 'contains'
        ? s.includes(text)
        : node.fn === 'startswith'
          ? s.startsWith(text)
          : s.endsWith(text)
    }
    default:
      throw querySyntaxError('This filter is not supported on metadata queries.')
  }
}
