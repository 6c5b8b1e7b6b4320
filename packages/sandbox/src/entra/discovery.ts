import type { JSONWebKeySet } from 'jose'
import type { SigningKey } from './keys.js'

/**
 * The OpenID Provider metadata of one tenant (or of `common`/`organizations`, whose issuer keeps
 * Entra's `{tenantid}` placeholder). `authority` is the public base the client used, so every
 * endpoint points back where the client can reach it.
 */
export function openIdConfiguration(authority: string, tenantSegment: string, tenantId: string | undefined) {
  const base = `${authority}/${tenantSegment}`
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    jwks_uri: `${authority}/${tenantSegment}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${authority}/${tenantId ?? '{tenantid}'}/v2.0`,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    grant_types_supported: [
      'client_credentials',
      'password',
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
    ],
    http_logout_supported: false,
    frontchannel_logout_supported: false,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'nbf',
      'name',
      'oid',
      'tid',
      'upn',
      'preferred_username',
      'azp',
      'scp',
      'roles',
      'ver',
    ],
    tenant_region_scope: 'NA',
    cloud_instance_name: 'sandbox.localhost',
  }
}

export function jsonWebKeySet(key: SigningKey): JSONWebKeySet {
  return { keys: [{ ...key.publicJwk }] }
}
