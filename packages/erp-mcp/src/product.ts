// The finance & operations product: its tools, and how it connects — to an environment when
// ERP_URL is set (Entra ID credentials from the environment), otherwise to the sandbox's erp
// emulator with a token from the sandbox's Entra ID.
import { type ConnectOptions, defineProduct, type ProductModule } from '@bizmcp/core'
import { createErpClient, type ErpClient } from './client.js'
import { resolveConnection } from './connection.js'
import { formTools } from './tools/form-tools.js'
import { erpTools } from './tools/index.js'

export const product = defineProduct<ErpClient>({
  name: 'erp',
  title: 'Finance & operations',
  description: 'Dynamics 365 finance & operations: data entities, SQL queries, actions, forms and attachments',
  version: '0.1.0',
  toolsets: {
    data: 'Data entities: find, describe, query (OData and SQL), create, update, delete',
    actions: 'OData actions and custom services: find and invoke',
    attachments: 'Check and attach files to records',
    user: 'The signed-in user and their companies',
    forms: 'Forms as a user drives them: menu items, controls, grids, buttons, reports',
  },
  tools: [...erpTools, ...formTools],
})

export const erpModule: ProductModule<ErpClient> = {
  product,
  sandboxEmulators: ['erp'],
  isConfigured: (env) => Boolean(env.ERP_URL),
  async connect(options: ConnectOptions) {
    return createErpClient(resolveConnection(options))
  },
}

export default erpModule
