import { randomUUID } from 'node:crypto'
import type { Clock } from '../shared/clock.js'
import { jsonResponse } from '../shared/http.js'

/** An OAuth error as Entra returns it: an `error` code, an AADSTS-numbered description and trace ids. */
export class EntraError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: string,
    readonly code: number,
    readonly detail: string,
  ) {
    super(`AADSTS${code}: ${detail}`)
  }
}

/** Builders for the errors the emulator returns; each description says what to fix. */
export const entraErrors = {
  tenantNotFound: (tenant: string) =>
    new EntraError(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check the tenant id or domain in the authority URL; the sandbox's tenants are listed by \`bizmcp sandbox serve --json\`.`,
    ),
  missingParameter: (name: string) =>
    new EntraError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  unsupportedGrant: (grant: string) =>
    new EntraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grant}'. The sandbox supports client_credentials, password, refresh_token and urn:ietf:params:oauth:grant-type:jwt-bearer (on-behalf-of).`,
    ),
  unknownClient: (clientId: string, tenant: string) =>
    new EntraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. Check the client id, or register the app in the sandbox's Entra config.`,
    ),
  invalidSecret: (clientId: string) =>
    new EntraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    ),
  missingClientCredential: () =>
    new EntraError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    ),
  unsupportedClientAssertion: () =>
    new EntraError(
      401,
      'invalid_client',
      7000218,
      'The sandbox does not accept client assertions (certificate credentials); send client_secret instead.',
    ),
  invalidScope: (scope: string, why: string) =>
    new EntraError(
      400,
      'invalid_scope',
      70011,
      `The provided value for the input parameter 'scope' is not valid. The scope '${scope}' ${why}`,
    ),
  unknownResource: (resource: string, tenant: string, known: string[]) =>
    new EntraError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant}. Known resources: ${known.join(', ')}.`,
    ),
  badUserCredentials: () =>
    new EntraError(
      400,
      'invalid_grant',
      50126,
      'Error validating credentials due to invalid username or password. Check the user principal name and password of a sandbox user.',
    ),
  invalidAssertion: (why: string) => new EntraError(400, 'invalid_grant', 50013, `Assertion failed validation: ${why}`),
  assertionExpired: () =>
    new EntraError(
      400,
      'invalid_grant',
      500133,
      "Assertion is not within its valid time range. The user's token has expired; have the user sign in again and send the new token.",
    ),
  invalidRefreshToken: (why: string) =>
    new EntraError(
      400,
      'invalid_grant',
      70000,
      `The provided refresh token is not valid: ${why} Sign the user in again.`,
    ),
  badRequest: (why: string) => new EntraError(400, 'invalid_request', 900144, why),
}

export function entraErrorResponse(error: EntraError, clock: Clock): Response {
  const traceId = randomUUID()
  const correlationId = randomUUID()
  const timestamp = clock()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
  return jsonResponse(
    {
      error: error.error,
      error_description: `${error.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp.replace('T', ' ')}`,
      error_codes: [error.code],
      timestamp: timestamp.replace('T', ' '),
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${error.code}`,
    },
    error.status,
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  )
}
