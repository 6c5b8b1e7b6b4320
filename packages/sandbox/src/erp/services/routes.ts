// /api/services: GET lists service groups, services, operations and an operation's signature;
// POST runs an operation with its parameters as a JSON object.

import { jsonResponse } from '../../shared/http.js'
import type { ErpRequestContext } from '../context.js'
import { methodNotAllowed, odataError, readJsonBody } from '../odata/http.js'
import { serviceGroups } from './catalog.js'

export async function handleServices(ctx: ErpRequestContext, path: string): Promise<Response> {
  const parts = path
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part))
  const [groupName, serviceName, operationName, extra] = parts
  const notFound = (what: string) =>
    odataError(
      404,
      `No service ${what} is deployed at /api/services/${parts.join('/')}.`,
      'System.Web.Http.HttpResponseException',
    )
  if (extra !== undefined) throw notFound('operation')
  if (!groupName) {
    if (ctx.request.method !== 'GET') throw methodNotAllowed(ctx.request.method, 'the service group list')
    return jsonResponse({ ServiceGroups: Object.keys(serviceGroups).map((Name) => ({ Name })) })
  }
  const group = serviceGroups[groupName]
  if (!group) throw notFound(`group '${groupName}'`)
  if (!serviceName) {
    if (ctx.request.method !== 'GET') throw methodNotAllowed(ctx.request.method, `the service group '${groupName}'`)
    return jsonResponse({ Services: Object.keys(group).map((Name) => ({ Name })) })
  }
  const service = group[serviceName]
  if (!service) throw notFound(`'${serviceName}' in '${groupName}'`)
  if (!operationName) {
    if (ctx.request.method !== 'GET') throw methodNotAllowed(ctx.request.method, `the service '${serviceName}'`)
    return jsonResponse({ Operations: Object.keys(service).map((Name) => ({ Name })) })
  }
  const operation = service[operationName]
  if (!operation) throw notFound(`operation '${operationName}' in '${groupName}/${serviceName}'`)
  if (ctx.request.method === 'GET') {
    return jsonResponse({ Parameters: operation.parameters, Return: { Name: 'return', Type: operation.returns } })
  }
  if (ctx.request.method !== 'POST') throw methodNotAllowed(ctx.request.method, `the operation '${operationName}'`)
  const body = await readJsonBody(ctx.request)
  return jsonResponse(operation.run(ctx, body))
}
