// The Dataverse product: its tools, and how it connects — to an org when DATAVERSE_URL is set
// (Entra ID credentials from the environment), otherwise to the sandbox's Dataverse emulator
// with a token from the sandbox's Entra ID.
import {
  type ConnectOptions,
  defaultScope,
  defineProduct,
  type EntraCredentialConfig,
  entraCredentialFromEnv,
  entraTokenProvider,
  onBehalfOfFromEnv,
  type ProductModule,
  sandboxTokenProvider,
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

/** The Entra credential the environment describes, for a live org (DATAVERSE_AUTH picks the kind). */
export const credentialConfigFromEnv = (env: Env): EntraCredentialConfig =>
  entraCredentialFromEnv(env, 'DATAVERSE_AUTH')

export function tokenProviderFromEnv(env: Env, orgUrl: string): TokenProvider {
  if (env.DATAVERSE_TOKEN) return staticTokenProvider(env.DATAVERSE_TOKEN)
  if (env.DATAVERSE_AUTH === 'on-behalf-of') return onBehalfOfFromEnv(env, 'DATAVERSE_AUTH', orgUrl)
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
      const token = sandboxTokenProvider(sandbox, orgUrl, { onBehalfOf: env.DATAVERSE_AUTH === 'on-behalf-of' })
      return createDataverseClient({ orgUrl, fetch: sandbox.fetch, token, ...(http ? { http } : {}) })
    }
    const orgUrl = env.DATAVERSE_URL
    if (!orgUrl) throw new Error('Set DATAVERSE_URL to your org URL, e.g. https://contoso.crm.dynamics.com.')
    return createDataverseClient({ orgUrl, token: tokenProviderFromEnv(env, orgUrl), ...(http ? { http } : {}) })
  },
}

export default dataverseModule
