// The Salesforce product: its tools, and how it connects — to an org from SALESFORCE_* variables,
// otherwise to the sandbox's Salesforce emulator with its default connected app.
import { type ConnectOptions, defineProduct, type ProductModule } from '@bizmcp/core'
import { tokenStoreFromEnv } from './auth/token-store.js'
import { authFromEnv, createSalesforceClient, type SalesforceClient } from './client.js'
import { salesforceTools } from './tools/index.js'

export const product = defineProduct<SalesforceClient>({
  name: 'salesforce',
  title: 'Salesforce Sales Cloud',
  description: 'Leads, opportunities, accounts, contacts, conversion, forecasts, reports, SOQL and composite requests',
  version: '0.1.0',
  toolsets: {
    leads: 'Leads: create (bulk), read, update, convert',
    opportunities: 'Opportunities: create, read with products, update stages',
    accounts: 'Accounts and contacts',
    forecasting: 'Forecasts, reports and activities',
    data: 'SOQL queries, composite and batch requests',
  },
  tools: salesforceTools,
})

export const salesforceModule: ProductModule<SalesforceClient> = {
  product,
  sandboxEmulators: ['salesforce'],
  isConfigured: (env) =>
    Boolean(
      env.SALESFORCE_INSTANCE_URL ||
        env.SALESFORCE_CLIENT_ID ||
        env.SALESFORCE_CLI_ORG ||
        env.SALESFORCE_AUTH === 'web' ||
        tokenStoreFromEnv(env).exists(),
    ),
  async connect({ env, sandbox }: ConnectOptions) {
    if (sandbox) {
      const sf = sandbox.emulators.salesforce as
        | { loginUrl?: string; clientId?: string; clientSecret?: string }
        | undefined
      if (!sf?.loginUrl || !sf.clientId || !sf.clientSecret) {
        throw new Error('The sandbox has no salesforce emulator mounted.')
      }
      return createSalesforceClient({
        auth: {
          kind: 'client-credentials',
          loginUrl: sf.loginUrl,
          clientId: sf.clientId,
          clientSecret: sf.clientSecret,
        },
        fetch: sandbox.fetch,
        // the emulated org is built on its first request: not before a tool needs it
        lazySignIn: true,
      })
    }
    return createSalesforceClient({ auth: await authFromEnv(env) })
  },
}

export default salesforceModule
