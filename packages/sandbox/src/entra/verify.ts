import { createLocalJWKSet, errors, type JSONWebKeySet, jwtVerify } from 'jose'
import { trimTrailingSlashes } from '../shared/http.js'
import type { AccessTokenClaims } from './tokens.js'

export type TokenRejection = 'missing' | 'malformed' | 'signature' | 'expired' | 'not-yet-valid' | 'audience' | 'issuer'

export type VerifyResult =
  | { ok: true; claims: AccessTokenClaims }
  | { ok: false; reason: TokenRejection; description: string }

export interface VerifyOptions {
  /** The resource the token must be for, e.g. `http://sandbox.localhost/dataverse` (a trailing slash is ignored). */
  audience: string | string[]
  /** Accepted issuers. */
  issuer: string | string[]
  /** Public keys of the issuer. */
  keys: JSONWebKeySet
  /** Current time; defaults to the system clock. */
  now?: Date
  clockToleranceSeconds?: number
}

/** What the other emulators call: verification against this sandbox's issuer and keys. */
export type AccessTokenVerifier = (
  token: string | undefined,
  options: { audience: string | string[] },
) => Promise<VerifyResult>

/**
 * Verifies an Entra-style access token. Accepts the raw token or a whole `Authorization: Bearer …` value,
 * so that a resource emulator can pass the header through unchanged.
 */
export async function verifyAccessToken(token: string | undefined, options: VerifyOptions): Promise<VerifyResult> {
  const raw = token
    ?.trim()
    .replace(/^bearer(\s+|$)/i, '')
    .trim()
  if (!raw) {
    return reject(
      'missing',
      'No access token. Send `Authorization: Bearer <token>` with a token from the sandbox token endpoint.',
    )
  }
  if (raw.split('.').length !== 3) {
    return reject(
      'malformed',
      'The access token is not a JWT (expected three dot-separated parts). Send the access_token value, not the id_token or refresh_token.',
    )
  }
  const audiences = (Array.isArray(options.audience) ? options.audience : [options.audience]).map(trimTrailingSlashes)
  try {
    const { payload } = await jwtVerify(raw, createLocalJWKSet(options.keys), {
      algorithms: ['RS256'],
      audience: audiences,
      issuer: options.issuer,
      clockTolerance: options.clockToleranceSeconds ?? 0,
      ...(options.now ? { currentDate: options.now } : {}),
    })
    if (typeof payload.oid !== 'string' || typeof payload.tid !== 'string' || typeof payload.azp !== 'string') {
      return reject(
        'malformed',
        'The token lacks the oid, tid or azp claims of an access token; an id token or refresh token is not an access token.',
      )
    }
    return { ok: true, claims: payload as unknown as AccessTokenClaims }
  } catch (error) {
    return classify(error, audiences, options.issuer)
  }
}

function classify(error: unknown, audiences: string[], issuer: string | string[]): VerifyResult {
  if (error instanceof errors.JWTExpired) {
    return reject('expired', 'The access token has expired. Request a new token from the token endpoint.')
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf')
      return reject('not-yet-valid', 'The access token is not valid yet (nbf is in the future). Check the clocks.')
    if (error.claim === 'aud') {
      return reject(
        'audience',
        `The access token is for another resource. Request a token with scope '${audiences[0]}/.default'.`,
      )
    }
    if (error.claim === 'iss') {
      const expected = Array.isArray(issuer) ? issuer.join(' or ') : issuer
      return reject('issuer', `The access token was issued by another authority; expected ${expected}.`)
    }
    return reject('malformed', `The access token's ${error.claim} claim is not valid: ${error.reason}.`)
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JOSEAlgNotAllowed
  ) {
    return reject(
      'signature',
      'The access token signature does not verify with the sandbox signing keys. Use a token from this sandbox.',
    )
  }
  return reject(
    'malformed',
    'The access token could not be decoded. Send the access_token value from the token response unchanged.',
  )
}

function reject(reason: TokenRejection, description: string): VerifyResult {
  return { ok: false, reason, description }
}
