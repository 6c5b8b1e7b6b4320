// SOQL functions: aggregates (COUNT, SUM, ...), date functions (CALENDAR_YEAR, DAY_ONLY, ...) and
// the display wrappers (toLabel, FORMAT, convertCurrency) that leave the value as it is here.
import type { FieldDef } from '../schema/types.js'
import { queryError } from './parse.js'

export const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX'])
const NUMERIC = new Set(['int', 'double', 'currency', 'percent'])

const int = (name: string): FieldDef => ({ name, label: name, type: 'int' })
const dbl = (name: string): FieldDef => ({ name, label: name, type: 'double' })
const part = (format: string, expr: string) => `CAST(strftime('${format}', ${expr}) AS INTEGER)`

/** Date functions as SQL over the stored ISO text; fiscal ones follow the calendar (fiscal year from January). */
const DATE_FUNCTIONS: Record<string, (expr: string) => { sql: string; type: FieldDef['type'] }> = {
  CALENDAR_YEAR: (e) => ({ sql: part('%Y', e), type: 'int' }),
  FISCAL_YEAR: (e) => ({ sql: part('%Y', e), type: 'int' }),
  CALENDAR_QUARTER: (e) => ({ sql: `((${part('%m', e)} + 2) / 3)`, type: 'int' }),
  FISCAL_QUARTER: (e) => ({ sql: `((${part('%m', e)} + 2) / 3)`, type: 'int' }),
  CALENDAR_MONTH: (e) => ({ sql: part('%m', e), type: 'int' }),
  FISCAL_MONTH: (e) => ({ sql: part('%m', e), type: 'int' }),
  DAY_IN_MONTH: (e) => ({ sql: part('%d', e), type: 'int' }),
  DAY_IN_WEEK: (e) => ({ sql: `(${part('%w', e)} + 1)`, type: 'int' }),
  DAY_IN_YEAR: (e) => ({ sql: part('%j', e), type: 'int' }),
  WEEK_IN_YEAR: (e) => ({ sql: `((${part('%j', e)} - 1) / 7 + 1)`, type: 'int' }),
  HOUR_IN_DAY: (e) => ({ sql: part('%H', e), type: 'int' }),
  DAY_ONLY: (e) => ({ sql: `substr(${e}, 1, 10)`, type: 'date' }),
}

const PASS_THROUGH = new Set(['TOLABEL', 'FORMAT', 'CONVERTCURRENCY'])

export interface CompiledFunction {
  expr: string
  /** the type the result is returned as */
  field: FieldDef
  aggregate: boolean
}

export function compileFunction(
  soql: string,
  name: string,
  arg: { expr: string; field: FieldDef } | undefined,
  rawValue: string,
): CompiledFunction {
  const upper = name.toUpperCase()
  const fail = (message: string) => queryError('MALFORMED_QUERY', soql, message, soql.indexOf(rawValue))
  if (AGGREGATES.has(upper)) {
    if (!arg) {
      if (upper === 'COUNT') return { expr: 'COUNT(*)', field: int('expr'), aggregate: true }
      throw fail(`${upper} needs a field`)
    }
    const type = arg.field.type
    if ((upper === 'SUM' || upper === 'AVG') && !NUMERIC.has(type))
      throw fail(`field ${arg.field.name} does not support aggregate operator ${upper}`)
    if ((upper === 'MIN' || upper === 'MAX') && (type === 'boolean' || type === 'textarea' || type === 'multipicklist'))
      throw fail(`field ${arg.field.name} does not support aggregate operator ${upper}`)
    switch (upper) {
      case 'COUNT':
        return { expr: `COUNT(${arg.expr})`, field: int('expr'), aggregate: true }
      case 'COUNT_DISTINCT':
        return { expr: `COUNT(DISTINCT ${arg.expr})`, field: int('expr'), aggregate: true }
      case 'SUM':
        return { expr: `SUM(${arg.expr})`, field: dbl('expr'), aggregate: true }
      case 'AVG':
        return { expr: `AVG(${arg.expr})`, field: dbl('expr'), aggregate: true }
      default:
        return { expr: `${upper}(${arg.expr})`, field: { ...arg.field }, aggregate: true }
    }
  }
  const dateFn = DATE_FUNCTIONS[upper]
  if (dateFn) {
    if (!arg || (arg.field.type !== 'date' && arg.field.type !== 'datetime'))
      throw fail(`${upper} takes a date or datetime field`)
    const { sql, type } = dateFn(arg.expr)
    return { expr: sql, field: { name: 'expr', label: upper, type }, aggregate: false }
  }
  if (PASS_THROUGH.has(upper) && arg) return { expr: arg.expr, field: arg.field, aggregate: false }
  throw fail(`Unsupported function: ${name}`)
}
