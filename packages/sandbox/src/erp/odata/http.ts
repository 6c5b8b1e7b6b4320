// Responses in finance & operations' OData shape: OData-Version 4.0, minimal metadata JSON, and
// errors as `{"error":{"code":"","message":…,"innererror":{"message","type","stacktrace"}}}`.
import { ErpError } from '../model.js'

const JSON_TYPE = 'application/json; odata.metadata=minimal; odata.streaming=true'

export function odataJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': JSON_TYPE, 'OData-Version': '4.0', ...headers },
  })
}

export function odataText(text: string, contentType: string, status = 200): Response {
  return new Response(text, { status, headers: { 'Content-Type': contentType, 'OData-Version': '4.0' } })
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers: { 'OData-Version': '4.0', ...headers } })
}

/** Write and business-logic failures say "An error has occurred." on top and the detail inside, as F&O does. */
const GENERIC_TYPES = new Set([
  'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataException',
  'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException',
  'Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataDeleteException',
])

export function errorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  if (error instanceof ErpError) {
    return odataJson(
      {
        error: {
          code: '',
          message: GENERIC_TYPES.has(error.innerType) ? 'An error has occurred.' : error.message,
          innererror: { message: error.message, type: error.innerType, stacktrace: '' },
        },
      },
      error.status,
      headers,
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return odataJson(
    {
      error: {
        code: '',
        message: 'An error has occurred.',
        innererror: { message, type: 'System.Exception', stacktrace: '' },
      },
    },
    500,
  )
}

export const odataError = (status: number, message: string, type = 'Microsoft.OData.ODataException') =>
  new ErpError(status, message, type)

export const notFoundSegment = (segment: string) =>
  new ErpError(
    404,
    `No HTTP resource was found that matches the request URI for the segment '${segment}'.`,
    'Microsoft.OData.UriParser.ODataUnrecognizedPathException',
  )

export const methodNotAllowed = (method: string, what: string) =>
  new ErpError(405, `The HTTP method '${method}' is not allowed on ${what}.`, 'System.Web.Http.HttpResponseException')

export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text()
  if (!text.trim()) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw odataError(400, 'The request body is not valid JSON.', 'Microsoft.OData.ODataException')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw odataError(400, 'The request body must be a JSON object.', 'Microsoft.OData.ODataException')
  }
  return parsed as Record<string, unknown>
}
