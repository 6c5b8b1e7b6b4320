// $filter for the Dataverse Web API: the shared OData parser with Dataverse's query functions
// (Microsoft.Dynamics.CRM.*) and its syntax error (0x80060888).

import {
  type FilterNode,
  type ParseOptions,
  parseFilter as parseODataFilter,
} from '../../shared/odata/filter-parser.js'
import { querySyntaxError } from '../errors.js'

export type { CompareOp, FilterNode, Literal, Operand, ParseOptions } from '../../shared/odata/filter-parser.js'

export const CRM_FUNCTION_PREFIX = 'Microsoft.Dynamics.CRM.'

export function parseFilter(source: string, options: ParseOptions = {}): FilterNode {
  return parseODataFilter(source, { syntaxError: querySyntaxError, functionPrefix: CRM_FUNCTION_PREFIX, ...options })
}
