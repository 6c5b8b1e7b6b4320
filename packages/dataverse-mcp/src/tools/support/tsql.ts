// A table's metadata as a T-SQL CREATE TABLE statement, the form the official Dataverse MCP
// server's describe_table uses: types mapped to T-SQL, lookups as REFERENCES, choices listed.
import type { ColumnInfo, TableMetadata } from '../../client/types.js'

export function sqlType(column: ColumnInfo): string {
  switch (column.type) {
    case 'String':
      return `nvarchar(${column.maxLength ?? 4000})`
    case 'Memo':
      return 'nvarchar(max)'
    case 'EntityName':
      return 'nvarchar(128)'
    case 'Integer':
    case 'Picklist':
    case 'State':
    case 'Status':
      return 'int'
    case 'BigInt':
      return 'bigint'
    case 'Decimal':
      return `decimal(23, ${column.precision ?? 2})`
    case 'Double':
      return 'float'
    case 'Money':
      return 'money'
    case 'Boolean':
      return 'bit'
    case 'DateTime':
      return 'datetime'
    case 'Uniqueidentifier':
    case 'Lookup':
    case 'Customer':
    case 'Owner':
      return 'uniqueidentifier'
    default:
      return 'nvarchar(max)'
  }
}

const ident = (name: string) => (/^[a-z_][a-z0-9_]*$/i.test(name) ? name : `[${name.replace(/]/g, ']]')}]`)

export function createTableSql(table: TableMetadata, referencedIds: Map<string, string>): string {
  const readable = table.columns.filter((c) => c.isValidForRead)
  const width = Math.max(...readable.map((c) => c.logicalName.length), 10)
  const lines = readable.map((column, index) => {
    let line = `  ${ident(column.logicalName).padEnd(width)} ${sqlType(column)}`
    if (column.isPrimaryId) line += ' NOT NULL PRIMARY KEY'
    else if (column.requiredLevel === 'SystemRequired' || column.requiredLevel === 'ApplicationRequired')
      line += ' NOT NULL'
    const targets = column.targets ?? []
    if (targets.length === 1 && targets[0]) {
      line += ` REFERENCES ${ident(targets[0])}(${ident(referencedIds.get(targets[0]) ?? `${targets[0]}id`)})`
    }
    if (index < readable.length - 1) line += ','
    const notes: string[] = []
    if (column.displayName && column.displayName.toLowerCase() !== column.logicalName) notes.push(column.displayName)
    if (column.isPrimaryName) notes.push('primary name')
    if (targets.length > 1) {
      notes.push(`references ${targets.map((t) => `${t}(${referencedIds.get(t) ?? `${t}id`})`).join(' or ')}`)
    }
    if (column.options?.length) notes.push(column.options.map((o) => `${o.value}=${o.label}`).join(', '))
    return notes.length ? `${line} -- ${notes.join('; ')}` : line
  })
  const header = `-- ${table.displayName}${table.description ? `: ${table.description}` : ''} (entity set ${table.entitySetName})`
  return `${header}\nCREATE TABLE ${ident(table.logicalName)} (\n${lines.join('\n')}\n);`
}
