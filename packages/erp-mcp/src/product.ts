// The Finance & operations product: its tools, and how it connects — to a tenant when ERP_URL is
// set, otherwise to the sandbox's erp emulator with a token from the sandbox's Entra ID.
import {
  type ConnectOptions,
  defaultScope,
  defineProduct,
  entraTokenProvider,
  type ProductModule,
  staticTokenProvider,
} from '@bizmcp/core'
import { createErpClient, type ErpClient } from './client.js'
import { getRecord } from './tools/erp_get_record.js'
import { listRecords } from './tools/erp_list_records.js'

export const product = defineProduct<ErpClient>({
  name: 'erp',
  title: 'Finance & operations',
  description: 'Finance & operations records',
  version: '0.1.0',
  toolsets: { records: 'Reading Finance & operations records' },
  tools: [listRecords, getRecord],
})

export const erpModule: ProductModule<ErpClient> = {
  product,
  sandboxEmulators: ['erp'],
  isConfigured: (env) => Boolean(env.ERP_URL && env.ERP_TOKEN),
  async connect({ env, sandbox, http }: ConnectOptions) {
    if (sandbox) {
      const url = sandbox.emulators['erp']?.url as string | undefined
      if (!url || !sandbox.entra) throw new Error('The sandbox has no erp emulator mounted.')
      const credential = {
        kind: 'client-secret' as const,
        tenantId: sandbox.entra.tenantId,
        clientId: sandbox.entra.clientId,
        clientSecret: sandbox.entra.clientSecret,
        authorityHost: sandbox.entra.authorityHost,
        httpClient: sandbox.entra.httpClient,
        disableInstanceDiscovery: true,
      }
      return createErpClient({
        ...http,
        baseUrl: url,
        fetch: sandbox.fetch,
        token: entraTokenProvider(credential, defaultScope(url)),
      })
    }
    return createErpClient({ ...http, baseUrl: env.ERP_URL!, token: staticTokenProvider(env.ERP_TOKEN!) })
  },
}
