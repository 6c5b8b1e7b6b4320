// The actions the two api_ tools find and invoke: OData actions from $metadata, named
// `{EntitySet}.{Action}` (or the action alone when unbound), and custom service operations from
// the /api/services listing, named `{ServiceGroup}/{Service}/{Operation}`.
import { ToolError } from '@bizmcp/core'
import { closestNames, matchScore, words } from '../names.js'
import type { ErpODataClient } from '../odata/client.js'
import type { ActionInfo, EntityInfo, ErpMetadata } from '../odata/types.js'

export type FoundAction = {
  name: string
  kind: 'odata' | 'service'
  boundTo?: string
  /** `name: Type`, with `?` for optional ones */
  parameters?: string[]
  returns?: string
  description?: string
}

export const odataActionName = (action: ActionInfo) =>
  action.entitySet ? `${action.entitySet}.${action.name}` : action.name

export function odataActions(metadata: ErpMetadata): Array<{ action: ActionInfo; entity?: EntityInfo }> {
  return [
    ...metadata.entities.flatMap((entity) => entity.actions.map((action) => ({ action, entity }))),
    ...metadata.unboundActions.map((action) => ({ action })),
  ]
}

export function describeOData(action: ActionInfo): FoundAction {
  return {
    name: odataActionName(action),
    kind: 'odata',
    boundTo: action.boundTo,
    parameters: action.parameters.map((p) => `${p.name}: ${p.type}${p.optional ? '?' : ''}`),
    ...(action.returns ? { returns: action.returns } : {}),
    ...(action.description ? { description: action.description } : {}),
  }
}

/** The names listed under any array property of a services response (`ServiceGroups`, `Services`, `Operations`). */
function namesIn(body: Record<string, unknown>): string[] {
  for (const value of Object.values(body)) {
    if (Array.isArray(value)) {
      return value
        .map((item) => (item && typeof item === 'object' ? (item as { Name?: unknown }).Name : item))
        .filter((name): name is string => typeof name === 'string' && name.length > 0)
    }
  }
  return []
}

const EXPANDED_SERVICES = 25

/**
 * Custom service operations whose group, service or operation name matches the keywords. Groups
 * and services are listed first and only matching ones are opened, so a real environment with
 * hundreds of service groups costs a few requests, not thousands.
 */
export async function findServiceOperations(
  odata: ErpODataClient,
  keywords: string[],
  signal: AbortSignal,
): Promise<Array<FoundAction & { score: number }>> {
  const groups = namesIn(await odata.describeService('', signal))
  const services: Array<{ group: string; service: string; groupScore: number }> = []
  for (const group of groups) {
    const groupScore = matchScore(keywords, [{ text: group, weight: 1 }])
    const listing = groupScore > 0 || groups.length <= 10 ? namesIn(await odata.describeService(group, signal)) : []
    for (const service of listing) services.push({ group, service, groupScore })
  }
  const ranked = services
    .map((s) => ({ ...s, score: s.groupScore + matchScore(keywords, [{ text: s.service, weight: 1 }]) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, EXPANDED_SERVICES)
  const found: Array<FoundAction & { score: number }> = []
  for (const { group, service, score } of ranked) {
    const operations = namesIn(await odata.describeService(`${group}/${service}`, signal))
    for (const operation of operations) {
      const opScore = score + matchScore(keywords, [{ text: operation, weight: 3 }])
      found.push({ name: `${group}/${service}/${operation}`, kind: 'service', score: opScore })
    }
  }
  return found
}

export interface ResolvedAction {
  kind: 'odata' | 'service'
  name: string
  action?: ActionInfo
  entity?: EntityInfo
}

/** An action by the name api_find_actions gave, or close to it. */
export function resolveAction(metadata: ErpMetadata, rawName: string): ResolvedAction {
  const name = rawName
    .trim()
    .replace(/\/?Microsoft\.Dynamics\.DataEntities\./, '.')
    .replace(/^\./, '')
  const segments = name.split('/').filter(Boolean)
  if (segments.length === 3) return { kind: 'service', name: segments.join('/') }
  if (segments.length > 1) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `'${rawName}' is not an action name: custom services are named ServiceGroup/Service/Operation.`,
      fix: 'Use a name exactly as api_find_actions returns it.',
    })
  }
  const all = odataActions(metadata)
  const dot = name.lastIndexOf('.')
  const setName = dot > 0 ? name.slice(0, dot) : undefined
  const actionName = dot > 0 ? name.slice(dot + 1) : name
  const lower = actionName.toLowerCase()
  const matches = all.filter(
    ({ action, entity }) =>
      action.name.toLowerCase() === lower &&
      (setName === undefined ||
        entity?.entitySet.toLowerCase() === setName.toLowerCase() ||
        entity?.name.toLowerCase() === setName.toLowerCase()),
  )
  if (matches.length === 1) {
    const [{ action, entity }] = matches as [{ action: ActionInfo; entity?: EntityInfo }]
    return { kind: 'odata', name: odataActionName(action), action, ...(entity ? { entity } : {}) }
  }
  if (matches.length > 1) {
    throw new ToolError({
      code: 'InvalidInput',
      message: `Several entities have an action '${actionName}': ${matches.map((m) => odataActionName(m.action)).join(', ')}.`,
      fix: 'Name the action with its entity set, e.g. SalesOrderHeadersV2.Confirm.',
    })
  }
  // compare bare action names, then name the matches in full
  const bare = closestNames(
    actionName,
    all.map((a) => a.action.name),
  )
  const close = all.filter((a) => bare.includes(a.action.name)).map((a) => odataActionName(a.action))
  throw new ToolError({
    code: 'NotFound',
    message: `There is no action '${rawName}'.${close.length ? ` Close names: ${close.join(', ')}.` : ''}`,
    fix: 'Call api_find_actions with keywords and use a name it returns.',
    details: { suggestions: close },
  })
}

export { words }
