// Dataverse-shaped errors: `{"error":{"code":"0x...","message":"..."}}` with the HTTP status the service uses.

export const ErrorCodes = {
  /** record not found */
  objectDoesNotExist: '0x80040217',
  /** unknown property, bad query syntax, incompatible operand types */
  queryBuilderError: '0x80060888',
  /** payload could not be converted to the entity type */
  invalidPayload: '0x80048d19',
  /** resource (entity set, function, segment) not found */
  resourceNotFound: '0x8006088a',
  invalidArgument: '0x80040203',
  /** value outside the valid range / too long */
  validationFailed: '0x80044331',
  duplicateRecord: '0x80040237',
  concurrencyVersionMismatch: '0x80060882',
  unspecified: '0x80040216',
  /** 429: too many requests in the window */
  throttledRequests: '0x80072322',
  unauthorized: '0x80072560',
  /** metadata: a table with this schema name already exists */
  duplicateName: '0x80044363',
  /** metadata: DuplicateAttributeSchemaName */
  duplicateAttributeSchemaName: '0x80047013',
  /** metadata: InvalidNamePrefix (no customization prefix) */
  invalidNamePrefix: '0x80044366',
  /** metadata: CannotDeleteMetadata (system tables and columns) */
  cannotDeleteMetadata: '0x8004F032',
  invalidState: '0x8004431a',
  methodNotAllowed: '0x80060891',
  notSupported: '0x80040800',
  /** FetchXML: unknown entity / attribute */
  fetchNoEntity: '0x80041102',
  fetchNoAttribute: '0x80041103',
} as const

export class DataverseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'DataverseError'
  }
}

export const badRequest = (code: string, message: string) => new DataverseError(400, code, message)

export const recordNotFound = (table: string, id: string) =>
  new DataverseError(404, ErrorCodes.objectDoesNotExist, `${table} With Id = ${id} Does Not Exist`)

export const segmentNotFound = (segment: string) =>
  new DataverseError(404, ErrorCodes.resourceNotFound, `Resource not found for the segment '${segment}'.`)

export const unknownProperty = (name: string, table: string) =>
  badRequest(
    ErrorCodes.queryBuilderError,
    `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${table}'.`,
  )

export const querySyntaxError = (message: string) => badRequest(ErrorCodes.queryBuilderError, message)

export const payloadError = (entitySet: string, inner: string) =>
  badRequest(
    ErrorCodes.invalidPayload,
    `Error identified in Payload provided by the user for Entity :'${entitySet}', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ----> InnerException : ${inner}`,
  )

export function errorBody(err: DataverseError) {
  return { error: { code: err.code, message: err.message } }
}
