// The product's client, as every erp tool gets it in ctx.client: one member per surface of the
// environment, all on the same connection (URL, tokens, fetch).
import { createAttachmentClient, type ErpAttachments } from './attachments/client.js'
import type { ErpConnection } from './connection.js'
import { createFormSessions, type ErpForms, formsEndpoint } from './forms/index.js'
import { createODataClient, type ErpODataClient } from './odata/client.js'

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
