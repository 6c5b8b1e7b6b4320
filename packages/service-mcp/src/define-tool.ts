import { toolBuilder } from '@bizmcp/core'
import type { DataverseClient } from '@bizmcp/dataverse-mcp'

/** defineTool with ctx.client typed as the Dataverse client the Customer Service tools build on */
export const defineServiceTool = toolBuilder<DataverseClient>()
