import { toolBuilder } from '@bizmcp/core'
import type { ErpClient } from './product.js'

/** defineTool with ctx.client typed as this product's client */
export const defineErpTool = toolBuilder<ErpClient>()
