// The Dataverse product: its tools, and how it connects — to an org when DATAVERSE_URL is set
// (Entra ID credentials from the environment), otherwise to the sandbox's Dataverse emulator
// with a token from the sandbox's Entra ID.
import {
  type ConnectOptions,
  defaultScope,
  defineProduct,
  type EntraCredentialConfig,
  entraTokenProvider,
  onBehalfOfTokenProvider,
  type ProductModule,
  staticTokenProvider,
  type TokenProvider,
} from '@bizmcp/core'
import { createDataverseClient } from './client/client.js'
import type { DataverseClient } from './client/types.js'
import { dataverseTools } from './tools/index.js'

export const product = defineProduct<DataverseClient>({
  name: 'dataverse',
  title: 'Microsoft Dataverse',
  description: 'Tables, records, SQL queries and knowledge search in Microsoft Dataverse',
  version: '0.1.0',
  toolsets: {
    schema: 'Tables and columns: list, describe, search, create, change, delete',
    data: 'Records: query, read, create, update, delete',
    knowledge: 'Dataverse search over search-enabled tables',
  },
  tools: dataverseTools,
})

type Env = Record<string, string | undefined>

/** The Entra credential the environment describes, for a live org. */
export function credentialConfigFromEnv(env: Env): EntraCredentialConfig {
  const common = {
    ...(env.AZURE_TENANT_ID ? { tenantId: env.AZURE_TENANT_ID } : {}),
    ...(env.AZURE_AUTHORITY_HOST ? { authorityHost: env.AZURE_AUTHORITY_HOST } : {}),
  }
  const tenantId = env.AZURE_TENANT_ID
  const clientId = env.AZURE_CLIENT_ID
  const need = (kind: string, ...names: string[]) => {
    const missing = names.filter((n) => !env[n])
    if (missing.length) throw new Error(`DATAVERSE_AUTH=${kind} needs ${missing.join(', ')}.`)
  }
  const kind =
    env.DATAVERSE_AUTH ??
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
    default:
      throw new Error(
        `DATAVERSE_AUTH='${kind}' is not known. Use client-secret, client-certificate, device-code, azure-cli, managed-identity or default.`,
      )
  }
}

export function tokenProviderFromEnv(env: Env, orgUrl: string): TokenProvider {
  if (env.DATAVERSE_TOKEN) return staticTokenProvider(env.DATAVERSE_TOKEN)
  if (env.DATAVERSE_AUTH === 'on-behalf-of') {
    const missing = ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET'].filter((n) => !env[n])
    if (missing.length) throw new Error(`DATAVERSE_AUTH=on-behalf-of needs ${missing.join(', ')}.`)
    // each HTTP caller's own token is exchanged, so their Dataverse security roles apply
    return onBehalfOfTokenProvider({
      tenantId: env.AZURE_TENANT_ID!,
      clientId: env.AZURE_CLIENT_ID!,
      clientSecret: env.AZURE_CLIENT_SECRET!,
      scope: defaultScope(orgUrl),
      ...(env.AZURE_AUTHORITY_HOST ? { authorityHost: env.AZURE_AUTHORITY_HOST } : {}),
    })
  }
  return entraTokenProvider(credentialConfigFromEnv(env), defaultScope(orgUrl))
}

export const dataverseModule: ProductModule<DataverseClient> = {
  product,
  sandboxEmulators: ['dataverse'],
  isConfigured: (env) => Boolean(env.DATAVERSE_URL),
  async connect({ env, sandbox, http }: ConnectOptions) {
    if (sandbox) {
      const orgUrl = sandbox.emulators.dataverse?.url as string | undefined
      if (!orgUrl || !sandbox.entra) throw new Error('The sandbox has no dataverse emulator mounted.')
      // the sandbox's app registration; its token requests are answered by the sandbox itself
      const app = {
        tenantId: sandbox.entra.tenantId,
        clientId: sandbox.entra.clientId,
        clientSecret: sandbox.entra.clientSecret,
        authorityHost: sandbox.entra.authorityHost,
        httpClient: sandbox.entra.httpClient,
        disableInstanceDiscovery: true,
      }
      const scope = defaultScope(orgUrl)
      // on the sandbox too, on-behalf-of makes each HTTP caller a different Dataverse user
      const token =
        env.DATAVERSE_AUTH === 'on-behalf-of'
          ? onBehalfOfTokenProvider({ ...app, scope })
          : entraTokenProvider({ kind: 'client-secret', ...app }, scope)
      return createDataverseClient({ orgUrl, fetch: sandbox.fetch, token, ...(http ? { http } : {}) })
    }
    const orgUrl = env.DATAVERSE_URL
    if (!orgUrl) throw new Error('Set DATAVERSE_URL to your org URL, e.g. https://contoso.crm.dynamics.com.')
    return createDataverseClient({ orgUrl, token: tokenProviderFromEnv(env, orgUrl), ...(http ? { http } : {}) })
  },
}

export default dataverseModule
