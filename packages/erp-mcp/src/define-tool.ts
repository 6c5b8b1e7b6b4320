import { toolBuilder } from '@bizmcp/core'
import type { ErpClient } from './client.js'

/** defineTool with ctx.client typed as this product's client */
export const defineErpTool = toolBuilder<ErpClient>()
