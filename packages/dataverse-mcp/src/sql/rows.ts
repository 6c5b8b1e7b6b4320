// Web API FetchXML rows (root columns by name, lookups as `_x_value`, joined columns as
// `alias.column`, aggregates by alias; null columns left out) back to the SQL column names.
import type { OutputColumn } from './select.js'

const FORMATTED = '@OData.Community.Display.V1.FormattedValue'
/** suffix of the property holding a column's formatted value (choice label, lookup name …) */
export const FORMATTED_SUFFIX = '@formatted'

export function mapRows(
  rows: Array<Record<string, unknown>>,
  columns: OutputColumn[],
  formatted: boolean,
): Array<Record<string, unknown>> {
  return rows.map((row) => {
    const out: Record<string, unknown> = {}
    for (const column of columns) {
      out[column.name] = row[column.key] ?? null
      if (!formatted) continue
      const label = row[`${column.key}${FORMATTED}`]
      if (label !== undefined && label !== null && label !== out[column.name])
        out[`${column.name}${FORMATTED_SUFFIX}`] = label
    }
    return out
  })
}

const cell = (value: unknown): string => {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A CSV rendering: shorter than the JSON for a model to read. */
export function toCsv(rows: Array<Record<string, unknown>>): string {
  const seen = new Set<string>()
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key)
  const keys = [...seen]
  return [keys.map(cell).join(','), ...rows.map((row) => keys.map((k) => cell(row[k])).join(','))].join('\n')
}
