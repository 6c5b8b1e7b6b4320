// The finance & operations product: its tools, and how it connects — to an environment when
// ERP_URL is set (Entra ID credentials from the environment), otherwise to the sandbox's erp
// emulator with a token from the sandbox's Entra ID. The client is one member per surface.
import { type ConnectOptions, defineProduct, type ProductModule } from '@bizmcp/core'
import { createAttachmentClient, type ErpAttachments } from './attachments/client.js'
import { type ErpConnection, resolveConnection } from './connection.js'
import { createFormSessions, type ErpForms, formsEndpoint } from './forms/index.js'
import { createODataClient, type ErpODataClient } from './odata/client.js'
import { formTools } from './tools/form-tools.js'
import { erpTools } from './tools/index.js'

/** What every erp tool gets as ctx.client. */
export interface ErpClient {
  /** OData (/data), custom services (/api/services) and the user's session */
  odata: ErpODataClient
  /** the attachment custom APIs on the linked Dataverse environment */
  attachments: ErpAttachments
  /** the form tools' sessions on the environment's MCP endpoint (`{url}/mcp`), one per caller */
  forms: ErpForms
}

export function createErpClient(connection: ErpConnection): ErpClient {
  const common = {
    ...(connection.fetch ? { fetch: connection.fetch } : {}),
    ...(connection.http ? { http: connection.http } : {}),
  }
  return {
    odata: createODataClient({ url: connection.url, token: connection.token, ...common }),
    attachments: createAttachmentClient({
      url: connection.dataverse?.url,
      ...(connection.dataverse ? { token: connection.dataverse.token } : {}),
      ...common,
    }),
    forms: createFormSessions({
      url: formsEndpoint(connection.url),
      token: connection.token,
      ...(connection.fetch ? { fetch: connection.fetch } : {}),
    }),
  }
}

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
