// Entra credentials as the environment describes them, for every product on an Entra-protected
// service: the AZURE_* variables, with the product's own variable (DATAVERSE_AUTH, ERP_AUTH, …)
// choosing the kind. One reading of the variables, so products agree on names and errors.
import { defaultScope, type EntraCredentialConfig } from './entra.js'
import { onBehalfOfTokenProvider } from './on-behalf-of.js'
import type { TokenProvider } from './token-provider.js'

type Env = Record<string, string | undefined>

export const ENTRA_AUTH_KINDS = [
  'client-secret',
  'client-certificate',
  'device-code',
  'azure-cli',
  'managed-identity',
  'default',
  'on-behalf-of',
] as const

/**
 * The credential `env[authVariable]` names; without it, a certificate or a secret when the
 * variables for one are set, else the default chain.
 */
export function entraCredentialFromEnv(env: Env, authVariable: string): EntraCredentialConfig {
  const common = {
    ...(env.AZURE_TENANT_ID ? { tenantId: env.AZURE_TENANT_ID } : {}),
    ...(env.AZURE_AUTHORITY_HOST ? { authorityHost: env.AZURE_AUTHORITY_HOST } : {}),
  }
  const tenantId = env.AZURE_TENANT_ID
  const clientId = env.AZURE_CLIENT_ID
  const need = (kind: string, ...names: string[]) => {
    const missing = names.filter((n) => !env[n])
    if (missing.length) throw new Error(`${authVariable}=${kind} needs ${missing.join(', ')}.`)
  }
  const kind =
    env[authVariable] ??
    (env.AZURE_CLIENT_CERTIFICATE_PATH && tenantId && clientId
      ? 'client-certificate'
      : env.AZURE_CLIENT_SECRET && tenantId && clientId
        ? 'client-secret'
        : 'default')
  switch (kind) {
    case 'client-secret':
      need(kind, 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET')
      return { ...common, kind, tenantId: tenantId!, clientId: clientId!, clientSecret: env.AZURE_CLIENT_SECRET! }
    case 'client-certificate':
    case 'certificate':
      need(kind, 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_CERTIFICATE_PATH')
      return {
        ...common,
        kind: 'client-certificate',
        tenantId: tenantId!,
        clientId: clientId!,
        certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH!,
      }
    case 'device-code':
      return { ...common, kind, ...(clientId ? { clientId } : {}) }
    case 'azure-cli':
      return { ...common, kind }
    case 'managed-identity':
      return { ...common, kind, ...(clientId ? { clientId } : {}) }
    case 'default':
      return { ...common, kind, ...(clientId ? { managedIdentityClientId: clientId } : {}) }
    case 'on-behalf-of':
      throw new Error(`${authVariable}=on-behalf-of exchanges each caller's token: use onBehalfOfFromEnv.`)
    default:
      throw new Error(`${authVariable}='${kind}' is not known. Use one of ${ENTRA_AUTH_KINDS.join(', ')}.`)
  }
}

/**
 * `{authVariable}=on-behalf-of`: each HTTP caller's own token is exchanged for one to `resourceUrl`,
 * so the service's security roles apply to that user. Needs the app's secret.
 */
export function onBehalfOfFromEnv(env: Env, authVariable: string, resourceUrl: string): TokenProvider {
  const missing = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'].filter((n) => !env[n])
  if (missing.length) throw new Error(`${authVariable}=on-behalf-of needs ${missing.join(', ')}.`)
  return onBehalfOfTokenProvider({
    tenantId: env.AZURE_TENANT_ID!,
    clientId: env.AZURE_CLIENT_ID!,
    clientSecret: env.AZURE_CLIENT_SECRET!,
    scope: defaultScope(resourceUrl),
    ...(env.AZURE_AUTHORITY_HOST ? { authorityHost: env.AZURE_AUTHORITY_HOST } : {}),
  })
}
