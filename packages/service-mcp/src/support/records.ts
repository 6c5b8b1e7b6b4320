// Reading the records the tools work on: a case, a source activity, a contact. Unknown ids become
// NotFound errors whose fix names the tool that finds the right id.
import { isToolError, ToolError } from '@bizmcp/core'
import { type DataverseClient, parseGuid } from '@bizmcp/dataverse-mcp'

const FORMATTED = '@OData.Community.Display.V1.FormattedValue'
const LOOKUP_TABLE = '@Microsoft.Dynamics.CRM.lookuplogicalname'

export interface Ref {
  table: string
  id: string
  name?: string
}

/** a record reference as tools return it: `table:id` */
export const refText = (r: { table: string; id: string }) => `${r.table}:${r.id}`

export const CASE_COLUMNS = [
  'incidentid',
  'title',
  'ticketnumber',
  'description',
  'statecode',
  'statuscode',
  'prioritycode',
  'casetypecode',
  'caseorigincode',
  'customerid',
  'primarycontactid',
  'productid',
  'ownerid',
  'createdon',
  'modifiedon',
]

/** $select names: lookups are read as _x_value */
export const selectOf = (columns: string[]) =>
  columns.map((c) => (['customerid', 'primarycontactid', 'productid', 'ownerid'].includes(c) ? `_${c}_value` : c))

export function lookup(row: Record<string, unknown>, column: string): Ref | undefined {
  const key = `_${column}_value`
  const id = row[key]
  if (typeof id !== 'string' || !id) return undefined
  const table = row[`${key}${LOOKUP_TABLE}`]
  const name = row[`${key}${FORMATTED}`]
  return { table: typeof table === 'string' ? table : '', id, ...(typeof name === 'string' ? { name } : {}) }
}

export const label = (row: Record<string, unknown>, column: string): string | undefined => {
  const value = row[`${column}${FORMATTED}`]
  return typeof value === 'string' ? value : undefined
}

export const str = (row: Record<string, unknown>, column: string): string =>
  typeof row[column] === 'string' ? (row[column] as string) : ''

export function guidArg(value: string, what: string, finder: string): string {
  const id = parseGuid(value)
  if (!id) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `'${value}' is not a GUID, so it cannot be a ${what} id.`,
      fix: `Pass the ${what}'s GUID as ${finder} returns it.`,
    })
  }
  return id
}

async function retrieveOr404(
  client: DataverseClient,
  set: string,
  id: string,
  select: string[],
  signal: AbortSignal,
): Promise<Record<string, unknown> | undefined> {
  try {
    return await client.retrieve(set, id, { select, formatted: true, signal })
  } catch (error) {
    if (isToolError(error) && error.code === 'NotFound') return undefined
    throw error
  }
}

export async function loadCase(client: DataverseClient, caseId: string, signal: AbortSignal) {
  const id = guidArg(caseId, 'case', 'list_cases')
  const notFound = () =>
    new ToolError({
      code: 'NotFound',
      message: `There is no case (incident) with id ${id}.`,
      fix: 'Find the case with list_cases (e.g. text: the case number) and pass its id.',
    })
  const row = await retrieveOr404(client, 'incidents', id, selectOf(CASE_COLUMNS), signal)
  if (!row) throw notFound()
  return row
}

export interface Activity {
  table: string
  id: string
  subject: string
  body: string
  row: Record<string, unknown>
}

const ACTIVITY_TABLES: Array<[string, string]> = [
  ['email', 'emails'],
  ['phonecall', 'phonecalls'],
  ['task', 'tasks'],
]

/** An email, phone call or task by id (email first). */
export async function loadActivity(client: DataverseClient, activityId: string, signal: AbortSignal) {
  const id = guidArg(activityId, 'activity', 'fetch or read_query on email')
  for (const [table, set] of ACTIVITY_TABLES) {
    const select = ['activityid', 'subject', 'description', '_regardingobjectid_value', 'statecode', 'statuscode']
    if (table === 'email') select.push('sender', 'torecipients', 'directioncode')
    const row = await retrieveOr404(client, set, id, select, signal)
    if (row) return { table, id, subject: str(row, 'subject'), body: str(row, 'description'), row } as Activity
  }
  throw new ToolError({
    code: 'NotFound',
    message: `There is no email, phone call or task with id ${id}.`,
    fix: "Leave activityId out to use the case's own text, or find the email regarding the case with read_query.",
  })
}

/** The first email address in a recipients or sender string. */
export function firstAddress(text: string): string | undefined {
  return /[^\s<>;,"]+@[^\s<>;,"]+\.[^\s<>;,"]+/.exec(text)?.[0]?.toLowerCase()
}

export const escapeOData = (text: string) => text.replace(/'/g, "''")

/** ids as `col eq a or col eq b`, for lookups and keys */
export const anyOf = (column: string, ids: string[]) => ids.map((id) => `${column} eq ${id}`).join(' or ')
